package report_test

import (
	"fmt"
	"math/big"
	"os"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
)

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
	report.ScoreTable{Scores: scores, Language: numeral.English}.WriteCSV(os.Stdout)
	// Output:
	// Rank,Code,Unit,Index,Digital government,Missing,Index (exact),Total (exact)
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
	fmt.Println(att.Text(numeral.Vietnamese), idx.Text(numeral.Vietnamese), idx.Text(numeral.English))
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
