// Command langson reproduces the Lạng Sơn article on community
// digital-technology teams (../shared/seeds/004_a534b6aa34f1c7b9.txt): it
// reads the printed figures, reconstructs the plans they imply, rolls the
// platforms up the province with chiso, prints the platform table and one
// sentence per platform, and checks every printed claim against the others.
package main

import (
	"fmt"
	"io"
	"math/big"
	"os"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/target"
)

// claims are the article's platform figures, as printed (004_a534b6aa34f1c7b9.txt).
var claims = []report.Claim{
	{Fragment: "hơn 741.000 tài khoản, ứng dụng số (đạt 164% kế hoạch)", Key: "ung_dung_so", Count: "hơn 741.000", Percent: "164%"},
	{Fragment: "Công dân số Xứ Lạng hơn 217.000 tài khoản, đạt 144% kế hoạch", Key: "cong_dan_so", Count: "hơn 217.000", Percent: "144%", PartOf: "ung_dung_so"},
	{Fragment: "thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch", Key: "thanh_toan_dt", Count: "256.620", Percent: "171%", PartOf: "ung_dung_so"},
	{Fragment: "267.600 tài khoản, đạt 194% kế hoạch", Key: "tmdt", Count: "267.600", Percent: "194%", PartOf: "ung_dung_so"},
	// The same paragraph, printed a second time further down.
	{Fragment: "hơn 741.000 tài khoản, ứng dụng số (đạt 164% kế hoạch)", Key: "ung_dung_so", Count: "hơn 741.000", Percent: "164%"},
	{Fragment: "Công dân số Xứ Lạng hơn 217.00 tài khoản, đạt 144% kế hoạch", Key: "cong_dan_so", Count: "hơn 217.00", Percent: "144%", PartOf: "ung_dung_so"},
	{Fragment: "thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch", Key: "thanh_toan_dt", Count: "256.620", Percent: "171%", PartOf: "ung_dung_so"},
	{Fragment: "267.600 tài khoản, đạt 194% kế hoạch", Key: "tmdt", Count: "267.600", Percent: "194%", PartOf: "ung_dung_so"},
}

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "langson:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	h := region.Vietnam2024()
	langSon := region.MustParseCode("20")
	cat := indicator.Standard()
	findings := report.Check(claims)

	// Actuals: a printed "hơn X" is known only to exceed X; the smallest
	// count it allows stands for it. Plans: the whole numbers inside the
	// range each count and percent imply; the middle one stands for it.
	b := indicator.NewBuilder(h, cat, "article")
	var targets []target.Target
	asOf := time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC) // the article is undated; figures are "đến nay"
	fmt.Fprintln(w, "# Lạng Sơn: tài khoản, ứng dụng số (Báo Lạng Sơn)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| Nền tảng | In trên báo | Kế hoạch suy ra (số nguyên) |")
	fmt.Fprintln(w, "|---|---|---|")
	for _, f := range findings {
		if f.Kind != report.ImpliedPlan {
			continue
		}
		c := claimOf(f.Claims[0])
		fig, _ := report.ParseFigure(c.Count)
		lo, hi, _ := f.Range.Whole()
		ind, _ := cat.Lookup(c.Key)
		fmt.Fprintf(w, "| %s | %s (%s) | %s–%s |\n", ind.Name, c.Count, c.Percent, report.FormatInt(lo), report.FormatInt(hi))
		actual := smallestCount(fig)
		if err := b.Add(indicator.Observation{Indicator: c.Key, Unit: langSon, Date: asOf, Value: actual}); err != nil {
			return err
		}
		targets = append(targets, target.Target{Indicator: c.Key, Unit: langSon, Value: target.Count((lo + hi) / 2), Source: "suy ra từ " + c.Percent})
	}
	ds, err := b.Build()
	if err != nil {
		return err
	}
	plans, err := target.NewSet(h, targets)
	if err != nil {
		return err
	}
	res, err := ds.Rollup(asOf, plans)
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "## Từng nền tảng, với kế hoạch ở giữa khoảng suy ra")
	fmt.Fprintln(w)
	for _, id := range []string{"cong_dan_so", "thanh_toan_dt", "tmdt", "ung_dung_so"} {
		row, _ := res.Row(id, langSon)
		ind, _ := cat.Lookup(id)
		fmt.Fprintf(w, "- %s\n", report.Sentence(ind, row))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "## Kiểm tra các số liệu đã in")
	fmt.Fprintln(w)
	for _, f := range findings {
		fmt.Fprintf(w, "- %s\n", f)
	}
	return nil
}

func claimOf(fragment string) report.Claim {
	for _, c := range claims {
		if c.Fragment == fragment {
			return c
		}
	}
	return report.Claim{}
}

// smallestCount returns the smallest whole count a printed count allows.
func smallestCount(f report.Figure) int64 {
	lo, _, _ := report.Interval{Lo: f.Range.Lo, Hi: new(big.Rat).Add(f.Range.Lo, big.NewRat(1, 1)), LoOpen: f.Range.LoOpen}.Whole()
	return lo
}
