package indicator_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/fixture"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// A share target, "50% of adults with a digital signature", resolved
// against each commune's adults and rolled up to the province as the ratio
// of sums.
func ExampleDataset_RollupWith() {
	h := fixture.LangSon()
	ds, _ := indicator.ReadCSV(strings.NewReader(`unit,indicator,date,value
06187,chu_ky_so,2025-06-30,600
06619,chu_ky_so,2025-06-30,700
`), "chu-ky-so.csv", h, indicator.Standard())
	adults, _ := indicator.ReadCSV(strings.NewReader(`unit,indicator,date,value
06187,dan_so_truong_thanh,2025-01-01,1007
06619,dan_so_truong_thanh,2025-01-01,993
`), "dan-so.csv", h, indicator.Standard())
	plans, _ := target.ReadCSV(strings.NewReader("unit,indicator,plan,due\n06187,chu_ky_so,50%,2025-12-31\n06619,chu_ky_so,\"70,5%\",2025-12-31\n"), "kh.csv", h)
	r, err := ds.RollupWith(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), plans, indicator.RollupOptions{Bases: adults})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, code := range []string{"06187", "20"} {
		row, _ := r.Row("chu_ky_so", region.MustParseCode(code))
		plan, _ := row.PlanExact.MarshalText()
		fmt.Printf("%s: %d of %d adults (%v), plan %s shown as %d, target %s, attainment %s\n",
			row.Unit.FullName(), row.Actual, row.Base, row.Coverage(), plan, row.Plan,
			row.TargetShare().Percent(2, indicator.HalfUp), row.Attainment.Percent(2, indicator.HalfUp))
	}
	// Output:
	// thị trấn Cao Lộc: 600 of 1007 adults (60%), plan 1007/2 shown as 504, target 50, attainment 119.17
	// tỉnh Lạng Sơn: 1300 of 2000 adults (65%), plan 240713/200 shown as 1204, target 60.18, attainment 108.01
}

// The exact plan of a share target, and what a unit needs a day to meet it.
func ExamplePaceText() {
	plan, _ := indicator.SharePlan(target.Share(decimal.NewFromInt(50)), 1007)
	exact, _ := plan.MarshalText()
	fmt.Println(string(exact), indicator.RoundUp(plan))
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	p, _ := target.Pace(target.Point{Date: day(3, 1), Count: 0}, target.Point{Date: day(3, 23), Count: 300},
		target.Point{Date: day(4, 30), Count: indicator.RoundUp(plan)})
	fmt.Println(indicator.PaceText(p, target.Share(decimal.NewFromInt(50)), numeral.Words{Vi: "người", En: "people"}, day(4, 30), numeral.Vietnamese))
	// Output:
	// 1007/2 504
	// cần thêm 6 người mỗi ngày để đạt 50% trước 30/4
}
