// Command bacninh reproduces the Quế Võ digital-signature campaign of the
// Bắc Ninh article (../shared/seeds/000_0bc2731cb7c6afc2.txt) from its
// sentences as printed: claim.Extract reads 60.827 signatures, 60% of the
// plan, by 23/3, and the goal of almost every resident by 30/4. It prints
// the base the 60% implies, the exact share each end of that base gives,
// the pace needed to reach the goal (rounded up: a rate needed is never
// rounded down), and the status for several possible campaign start dates
// (the article does not say when the campaign began).
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/chiso-vn/chiso/claim"
	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/target"
)

// article holds the article's sentences on the campaign, as printed
// (chiso check reads the same file).
//
//go:embed article.txt
var article string

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bacninh:", err)
		os.Exit(1)
	}
}

// year is the campaign's year: the article prints days and months only.
const year = 2025

func run(w io.Writer) error {
	h := region.Vietnam2024()
	queVo := h.Find("thị xã Quế Võ")
	if len(queVo) != 1 {
		return fmt.Errorf("thị xã Quế Võ matches %d units", len(queVo))
	}
	var count, asOf, deadline claim.Claim
	for _, c := range claim.Extract(article) {
		switch {
		case c.What == claim.Count && c.Percent != "":
			count = c
		case c.What == claim.Date && c.Deadline:
			deadline = c
		case c.What == claim.Date:
			asOf = c
		}
	}
	findings := claim.CheckClaims([]claim.Claim{count})
	if len(findings) != 1 || findings[0].Kind != claim.ImpliedPlan {
		return fmt.Errorf("findings of %q: %v", count.Fragment, findings)
	}
	base := findings[0].Range
	lo, hi, ok := base.Whole()
	if !ok {
		return fmt.Errorf("no whole base in %s", base)
	}
	actual, err := figure.Parse(count.Count)
	if err != nil {
		return err
	}
	signatures := actual.Value.Num().Int64()
	latest, err := date(asOf.Figure)
	if err != nil {
		return err
	}
	goal, err := date(deadline.Figure)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "# %s: chữ ký số công cộng đến hết %s\n\n", queVo[0].FullName(), asOf.Figure)
	fmt.Fprintf(w, "- Đã cấp: %s chữ ký số, in là %s.\n", count.Count, count.Percent)
	fmt.Fprintf(w, "- Tỷ lệ %s làm tròn lên từ nửa nên cơ sở (kế hoạch) là một số nguyên từ %s đến %s người.\n",
		count.Percent, numeral.FormatInt(lo, numeral.Vietnamese), numeral.FormatInt(hi, numeral.Vietnamese))
	for _, b := range []int64{lo, hi} {
		r, err := indicator.Coverage(signatures, b)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  - với cơ sở %s: %s, in ra là %s\n", numeral.FormatInt(b, numeral.Vietnamese),
			report.FormatPercent(r, 4, indicator.HalfUp), report.FormatPercent(r, 0, indicator.HalfUp))
	}
	fmt.Fprintf(w, "\n## Mục tiêu %s: gần như toàn bộ (100%% cơ sở)\n\n", deadline.Figure)
	for _, b := range []int64{lo, hi} {
		p, err := target.Pace(target.Point{Date: day(3, 1), Count: 0}, target.Point{Date: latest, Count: signatures}, target.Point{Date: goal, Count: b})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "- cơ sở %s: còn %s trong %d ngày, cần ít nhất %s chữ ký số mỗi ngày\n",
			numeral.FormatInt(b, numeral.Vietnamese), numeral.FormatInt(p.Remaining, numeral.Vietnamese), p.DaysLeft, numeral.FormatDecimal(indicator.Round(p.Needed.PerDay(), 0, indicator.Up), numeral.Vietnamese))
	}
	fmt.Fprintf(w, "\n## Kiểm tra các số liệu đã in\n\n")
	for _, f := range claim.Check(article) {
		fmt.Fprintf(w, "- %s\n", f)
	}
	fmt.Fprintf(w, "\n## Tiến độ, tùy ngày bắt đầu chiến dịch (bài báo không nêu)\n\n")
	fmt.Fprintln(w, "| Bắt đầu | Tốc độ đã đạt/ngày | Dự kiến đến 30/4 | Trạng thái (cơ sở cao nhất) |")
	fmt.Fprintln(w, "|---|---:|---:|---|")
	for _, start := range []time.Time{day(1, 1), day(2, 1), day(2, 20), day(3, 1), day(3, 10)} {
		p, err := target.Pace(target.Point{Date: start, Count: 0}, target.Point{Date: latest, Count: signatures}, target.Point{Date: goal, Count: hi})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", start.Format("2/1"),
			numeral.FormatDecimal(indicator.Round(p.Current.PerDay(), 0, indicator.HalfUp), numeral.Vietnamese), numeral.FormatInt(p.Projected, numeral.Vietnamese), p.Status)
	}
	return nil
}

func day(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, time.UTC) }

// date reads a printed "23/3" in the campaign's year.
func date(s string) (time.Time, error) {
	f, err := figure.Parse(s)
	if err != nil {
		return time.Time{}, err
	}
	if f.Kind != figure.Date {
		return time.Time{}, fmt.Errorf("%q is not a date", s)
	}
	return day(time.Month(f.Month), f.Day), nil
}
