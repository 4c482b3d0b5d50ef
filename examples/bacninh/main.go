// Command bacninh reproduces the Quế Võ digital-signature campaign of the
// Bắc Ninh article (../shared/seeds/000_0bc2731cb7c6afc2.txt) from its
// sentences as printed: claim.Extract reads 60.827 signatures, 60% of the
// plan, by 23/3, and the goal of almost every resident by 30/4. It prints
// the base the 60% implies, the exact share each end of that base gives,
// Quế Võ's coverage against the goal as a share target (100% of the base
// by 30/4, resolved and rolled up as any share plan), the pace needed to
// reach it (rounded up: a rate needed is never rounded down), and the
// status for several possible campaign start dates (the article does not
// say when the campaign began).
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/shopspring/decimal"

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
	// The goal is a share target, 100% of the base by 30/4, rolled up as
	// any plan: for each end of the base, a population of that size on
	// 23/3 and the signatures counted then.
	all := target.Share(decimal.NewFromInt(100))
	for _, b := range []int64{lo, hi} {
		row, p, err := shareTarget(h, queVo[0].Code, signatures, b, latest, goal, all)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "- cơ sở %s: bao phủ %s, chỉ tiêu %s tức %s chữ ký số, đạt %s chỉ tiêu; còn %s trong %d ngày: %s\n",
			numeral.FormatInt(b, numeral.Vietnamese), report.FormatPercent(row.Coverage(), 4, indicator.HalfUp),
			report.FormatPercent(row.TargetShare(), 0, indicator.HalfUp), numeral.FormatInt(row.Plan, numeral.Vietnamese),
			report.FormatPercent(row.Attainment, 4, indicator.HalfUp), numeral.FormatInt(p.Remaining, numeral.Vietnamese), p.DaysLeft,
			indicator.PaceText(p, all, numeral.Words{Vi: "chữ ký số", En: "signatures"}, goal, numeral.Vietnamese))
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

// shareTarget rolls up Quế Võ's signatures against a share target over a
// base of adults counted on the day of the signatures, and its pace from
// 1/3 (the rate needed does not depend on the start).
func shareTarget(h *region.Hierarchy, unit region.Code, signatures, base int64, latest, due time.Time, share target.Value) (indicator.Row, target.Progress, error) {
	b := indicator.NewBuilder(h, indicator.Standard(), "bài báo")
	b.Add(indicator.Observation{Indicator: "chu_ky_so", Unit: unit, Date: latest, Value: signatures})
	b.Add(indicator.Observation{Indicator: "dan_so_truong_thanh", Unit: unit, Date: latest, Value: base})
	ds, err := b.Build()
	if err != nil {
		return indicator.Row{}, target.Progress{}, err
	}
	plans, err := target.NewSet(h, []target.Target{{Indicator: "chu_ky_so", Unit: unit, Value: share, Due: due}})
	if err != nil {
		return indicator.Row{}, target.Progress{}, err
	}
	r, err := ds.Rollup(latest, plans)
	if err != nil {
		return indicator.Row{}, target.Progress{}, err
	}
	row, _ := r.Row("chu_ky_so", unit)
	p, err := r.Pace("chu_ky_so", unit, target.Point{Date: day(3, 1), Count: 0}, due)
	return row, p, err
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
