// Command bacninh reproduces the Quế Võ digital-signature campaign of the
// Bắc Ninh article (../shared/seeds/000_0bc2731cb7c6afc2.txt): 60.827
// signatures, 60% of the plan, by 23/3; the goal is almost every resident by
// 30/4. It prints the share reached, the base the 60% implies, the pace
// needed to reach the goal, and the status for several possible campaign
// start dates (the article does not say when the campaign began).
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/target"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bacninh:", err)
		os.Exit(1)
	}
}

func day(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }

func run(w io.Writer) error {
	h := region.Vietnam2024()
	queVo := h.Find("thị xã Quế Võ")
	if len(queVo) != 1 {
		return fmt.Errorf("thị xã Quế Võ matches %d units", len(queVo))
	}
	actual, err := report.ParseFigure("60.827")
	if err != nil {
		return err
	}
	pct, err := report.ParseFigure("60%")
	if err != nil {
		return err
	}
	signatures := actual.Value.Num().Int64()
	claim := report.Check([]report.Claim{{Fragment: "60.827 chữ ký số, đạt tỷ lệ 60%", Key: "chu_ky_so@259", Count: actual.Text, Percent: pct.Text}})
	base := claim[0].Range
	lo, hi, ok := base.Whole()
	if !ok {
		return fmt.Errorf("no whole base in %s", base)
	}
	fmt.Fprintf(w, "# %s: chữ ký số công cộng đến hết 23/3\n\n", queVo[0].FullName())
	fmt.Fprintf(w, "- Đã cấp: %s chữ ký số, in là %s.\n", report.FormatInt(signatures), pct.Text)
	fmt.Fprintf(w, "- Tỷ lệ %s làm tròn lên từ nửa nên cơ sở (kế hoạch) nằm trong %s, tức %s đến %s người.\n",
		pct.Text, base.Format(0), report.FormatInt(lo), report.FormatInt(hi))
	for _, b := range []int64{lo, hi} {
		r, err := indicator.Coverage(signatures, b)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  - với cơ sở %s: %s\n", report.FormatInt(b), report.FormatPercent(r, 2, indicator.HalfUp))
	}
	fmt.Fprintf(w, "\n## Mục tiêu 30/4: gần như toàn bộ (100%% cơ sở)\n\n")
	for _, b := range []int64{lo, hi} {
		p, err := target.Pace(target.Point{Date: day(3, 1), Count: 0}, target.Point{Date: day(3, 23), Count: signatures}, target.Point{Date: day(4, 30), Count: b})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "- cơ sở %s: còn %s trong %d ngày, cần %s chữ ký số mỗi ngày\n",
			report.FormatInt(b), report.FormatInt(p.Remaining), p.DaysLeft, report.FormatDecimal(p.Needed.PerDay(0)))
	}
	fmt.Fprintf(w, "\n## Tiến độ, tùy ngày bắt đầu chiến dịch (bài báo không nêu)\n\n")
	fmt.Fprintln(w, "| Bắt đầu | Tốc độ đã đạt/ngày | Dự kiến đến 30/4 | Trạng thái (cơ sở cao nhất) |")
	fmt.Fprintln(w, "|---|---:|---:|---|")
	for _, start := range []time.Time{day(1, 1), day(2, 1), day(2, 20), day(3, 1), day(3, 10)} {
		p, err := target.Pace(target.Point{Date: start, Count: 0}, target.Point{Date: day(3, 23), Count: signatures}, target.Point{Date: day(4, 30), Count: hi})
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", start.Format("2/1"), report.FormatDecimal(p.Current.PerDay(0)), report.FormatInt(p.Projected), p.Status)
	}
	return nil
}
