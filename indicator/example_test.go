package indicator_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

func ExampleAttainment() {
	// "ứng dụng thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch"
	r, _ := indicator.Attainment(256620, 150000)
	fmt.Println(r, r.Percent(2, indicator.HalfUp))
	_, err := indicator.Attainment(256620, 0)
	fmt.Println(err)
	// Output:
	// 171% 171.08
	// indicator: zero or negative plan or base: plan 0
}

func ExampleRatio_Percent() {
	r := indicator.MustRatio(327, 200) // 163,5%
	fmt.Println(r.Percent(0, indicator.HalfUp), r.Percent(0, indicator.Down))
	// Output: 164 163
}

func ExampleRank() {
	h := region.Vietnam2024()
	entries := []indicator.Entry{
		{Unit: region.MustParseCode("06619"), Value: indicator.MustRatio(2120, 700)},
		{Unit: region.MustParseCode("06187"), Value: indicator.MustRatio(600, 500)},
		{Unit: region.MustParseCode("09247"), Value: indicator.MustRatio(6, 5)},
	}
	ranked, _ := indicator.Rank(h, entries, indicator.Competition)
	for _, r := range ranked {
		u, _ := h.Unit(r.Unit)
		fmt.Println(r.Rank, u.FullName(), r.Value)
	}
	// Output:
	// 1 xã Bắc Xa 303%
	// 2 thị trấn Cao Lộc 120%
	// 2 phường Phố Mới 120%
}

func ExampleDataset_Rollup() {
	h := region.Vietnam2024()
	obs := `unit,indicator,date,value
06187,thanh_toan_dt,2023-07-01,600
06619,thanh_toan_dt,2023-07-01,2120
`
	plans := `unit,indicator,plan
06187,thanh_toan_dt,500
06619,thanh_toan_dt,700
`
	ds, err := indicator.ReadCSV(strings.NewReader(obs), "obs.csv", h, indicator.Standard())
	if err != nil {
		fmt.Println(err)
		return
	}
	ps, _ := target.ReadCSV(strings.NewReader(plans), "plans.csv", h)
	r, _ := ds.Rollup(time.Date(2023, 7, 31, 0, 0, 0, 0, time.UTC), ps)
	for _, code := range []string{"06187", "06619", "20", "27"} {
		row, _ := r.Row("thanh_toan_dt", region.MustParseCode(code))
		fmt.Println(row.Unit.FullName(), row.Actual, row.Plan, row.Attainment, row.HasActual)
	}
	// Output:
	// thị trấn Cao Lộc 600 500 120% true
	// xã Bắc Xa 2120 700 303% true
	// tỉnh Lạng Sơn 2720 1200 227% true
	// tỉnh Bắc Ninh 0 0 - false
}
