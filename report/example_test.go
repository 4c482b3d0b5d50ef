package report_test

import (
	"fmt"
	"math/big"
	"os"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
)

func ExampleFormatInt() {
	fmt.Println(report.FormatInt(60827), report.FormatPercent(indicator.MustRatio(121, 200), 1, indicator.HalfUp))
	// Output: 60.827 60,5%
}

func ExampleParseFigure() {
	for _, s := range []string{"hơn 741.000", "164%", "256.620", "217.00"} {
		f, err := report.ParseFigure(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, "→", f.Range.Format(1))
	}
	// Output:
	// hơn 741.000 → (741.000; 742.000)
	// 164% → [163,5; 164,5)
	// 256.620 → [256.620; 256.620]
	// report.ParseFigure("217.00"): malformed number: a thousands group has three digits, "00" has 2
}

func ExampleCheck() {
	findings := report.Check([]report.Claim{
		{Fragment: "tổng", Key: "total", Count: "1.000", Percent: "100%"},
		{Fragment: "A", Key: "a", Count: "600", Percent: "150%", PartOf: "total", Exhaustive: true},
		{Fragment: "B", Key: "b", Count: "400", Percent: "50%", PartOf: "total", Exhaustive: true},
	})
	for _, f := range findings {
		fmt.Println(f.Kind, f.Holds, f.Range.Format(1))
	}
	// Output:
	// kế hoạch suy ra true (995; 1.005]
	// kế hoạch suy ra true (398,7; 401,3]
	// kế hoạch suy ra true (792,1; 808,1]
	// tổng các phần true [1.000; 1.000]
	// tỷ lệ chung false [82,7; 84)
}

func ExampleSentence() {
	ind, _ := indicator.Standard().Lookup("thanh_toan_dt")
	row := indicator.Row{Actual: 256620, Plan: 150000, HasActual: true, HasPlan: true, Attainment: indicator.MustRatio(256620, 150000)}
	fmt.Println(report.Sentence(ind, row))
	// Output: ứng dụng thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch
}

func ExampleTable_WriteMarkdown() {
	row := indicator.Row{Actual: 2120, Plan: 700, HasActual: true, HasPlan: true, Attainment: indicator.MustRatio(2120, 700), Rank: 1}
	row.Unit = region.Unit{Code: region.MustParseCode("06619"), Name: "Bắc Xa", Kind: region.KindCommune}
	report.Table{Rows: []indicator.Row{row}}.WriteMarkdown(os.Stdout)
	// Output:
	// | Hạng | Đơn vị | Thực hiện | Kế hoạch | Tỷ lệ đạt |
	// |---:|---|---:|---:|---:|
	// | 1 | xã Bắc Xa | 2.120 | 700 | 303% |
}

// Example_readme is the claim-checking snippet shown in README.md.
func Example_readme() {
	text := `Đến nay cả tỉnh đã cài đặt được hơn 741.000 tài khoản, ứng dụng số (đạt 164% kế hoạch).
Trong đó: ứng dụng Công dân số Xứ Lạng hơn 217.000 tài khoản, đạt 144% kế hoạch; ứng dụng thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch; tài khoản mua trên sàn thương mại điện tử 267.600 tài khoản, đạt 194% kế hoạch.`
	for _, f := range report.CheckText(text) {
		if !f.Holds {
			fmt.Println(f.Message(report.Vietnamese))
		}
	}
	// Output:
	// các phần cộng lại đạt (≈168,1; ≈169,7)% kế hoạch (các kế hoạch cộng lại (≈437.389; ≈440.722)), nhưng bài in 164%, tức [163,5; 164,5)%
}

// CheckText reads the figures of a text and checks them; English findings
// write what chiso computed the English way and quote the article as
// printed.
func ExampleCheckText() {
	text := "Đến nay, 19/218 địa phương hoàn thành; 189 địa phương còn lại đang triển khai."
	for _, f := range report.CheckText(text) {
		fmt.Println(f.Text(report.English))
		fmt.Println(f.Text(report.Vietnamese))
	}
	// Output:
	// FAILS [localities]: 19/218 leaves 199; printed 189 («Đến nay, 19/218 địa phương hoàn thành; 189 địa phương còn lại đang triển khai»)
	// KHÔNG KHỚP [số địa phương]: 19/218 còn lại 199; bài in 189 («Đến nay, 19/218 địa phương hoàn thành; 189 địa phương còn lại đang triển khai»)
}

// Extract lists what a text prints, each figure with what it is of.
func ExampleExtract() {
	text := "Toàn tỉnh có 1.160.000 tài khoản, đạt 116% kế hoạch và bằng 90% dân số trưởng thành."
	for _, c := range report.Extract(text) {
		fmt.Printf("%s %q %q of %q\n", c.What, c.Count, c.Percent, c.BaseName)
	}
	// Output:
	// count "1.160.000" "116%" of "kế hoạch"
	// count "1.160.000" "90%" of "dân số trưởng thành"
}

// A score table for machines: the rounded scores as people read them in
// the table's language, then the exact ones.
func ExampleScoreTable_WriteCSV() {
	bn := region.Vietnam2025().Find("tỉnh Bắc Ninh")[0]
	ls := region.Vietnam2025().Find("tỉnh Lạng Sơn")[0]
	scores := []composite.UnitScore{
		{Unit: bn, Rank: 1, Total: big.NewRat(1675, 2), Index: big.NewRat(1675, 2000),
			PillarValue: map[indicator.Pillar]*big.Rat{indicator.DigitalGov: big.NewRat(9, 10)}},
		{Unit: ls, Missing: []string{"ky_so"}},
	}
	report.ScoreTable{Scores: scores, Language: report.English}.WriteCSV(os.Stdout)
	// Output:
	// Rank,code,Unit,Index,Digital government,Missing,index_exact,total_exact
	// 1,24,tỉnh Bắc Ninh,0.8375,0.9000,,67/80,1675/2
	// ,20,tỉnh Lạng Sơn,-,-,ky_so,,
}

func ExampleFormatIndex() {
	fmt.Println(report.FormatIndex(big.NewRat(67, 80)), report.FormatIndex(big.NewRat(1, 3)), report.FormatIndex(nil))
	// Output: 0,8375 0,3333 -
}

// A roll-up row and a score row are written by one Row: an attainment as
// a whole percent, an index with 4 decimals, each in the reader's language.
func ExampleRow_Text() {
	att := report.RollupRows([]indicator.Row{{Actual: 256620, Plan: 150000, HasActual: true, HasPlan: true,
		Attainment: indicator.MustRatio(256620, 150000)}})[0]
	idx := report.ScoreRows([]composite.UnitScore{{Index: big.NewRat(67, 80)}})[0]
	fmt.Println(att.Text(report.Vietnamese), idx.Text(report.Vietnamese), idx.Text(report.English))
	// Output: 171% 0,8375 0.8375
}

// Figures carried onto a ward of 2025-07-01 that took part of a split
// ward: the actual is only known to lie in a range, and so is the
// attainment, rounded outward.
func ExampleCarriedTable_WriteMarkdown() {
	u := region.Unit{Code: region.MustParseCode("26734"), Name: "Cầu Kiệu", Kind: region.KindWard}
	rows := []indicator.Carried{{Indicator: "tmdt", Unit: u, HasActual: true, HasPlan: true,
		Actual: region.Bounds{Low: 600, High: 1600}, Plan: region.Bounds{Low: 1000, High: 1000}}}
	report.CarriedTable{Rows: rows}.WriteMarkdown(os.Stdout)
	// Output:
	// | Mã | Đơn vị | Thực hiện | Kế hoạch | Tỷ lệ đạt |
	// |---|---|---:|---:|---:|
	// | 26734 | phường Cầu Kiệu | 600–1.600 | 1.000 | 60%–160% |
}
