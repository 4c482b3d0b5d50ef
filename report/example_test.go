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
		{Fragment: "A", Key: "a", Count: "600", Percent: "150%", PartOf: "total"},
		{Fragment: "B", Key: "b", Count: "400", Percent: "50%", PartOf: "total"},
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
	findings := report.Check([]report.Claim{
		{Fragment: "hơn 741.000 tài khoản (đạt 164% kế hoạch)", Key: "tong", Count: "hơn 741.000", Percent: "164%"},
		{Fragment: "Công dân số Xứ Lạng hơn 217.000 tài khoản, đạt 144%", Key: "cds", Count: "hơn 217.000", Percent: "144%", PartOf: "tong"},
		{Fragment: "thanh toán điện tử 256.620 tài khoản, đạt 171%", Key: "tt", Count: "256.620", Percent: "171%", PartOf: "tong"},
		{Fragment: "267.600 tài khoản, đạt 194%", Key: "tmdt", Count: "267.600", Percent: "194%", PartOf: "tong"},
	})
	for _, f := range findings {
		if !f.Holds {
			fmt.Println(f.Why)
		}
	}
	// Output:
	// the parts give (168,2; 169,7)% of their plans (plans sum to (437.389; 440.721)), the total prints 164%, i.e. [163,5; 164,5)%
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
