package report_test

import (
	"errors"
	"log"
	"os"
	"strings"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/target"
)

// Example_readme is the roll-up snippet shown in README.md: a roll-up
// from one's own CSV files: actuals of two communes and the
// district's plan, rolled up to the district and ranked. The district's
// attainment is the ratio of the sums, never the mean of the communes'.
func Example_readme() {
	h := region.Vietnam2024()
	actuals := `unit,indicator,date,value
06619,thanh_toan_dt,2024-06-30,2120
06625,thanh_toan_dt,2024-06-30,930
`
	plans := `unit,indicator,plan
06619,thanh_toan_dt,700
06625,thanh_toan_dt,1300
`
	ds, errA := indicator.ReadCSV(strings.NewReader(actuals), "thuc-hien.csv", h, indicator.Standard())
	set, errP := target.ReadCSV(strings.NewReader(plans), "ke-hoach.csv", h)
	if err := errors.Join(errA, errP); err != nil {
		log.Fatal(err)
	}
	res, err := ds.Rollup(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC), set)
	if err != nil {
		log.Fatal(err)
	}
	rows := res.RankedWithin("thanh_toan_dt", region.MustParseCode("189"), indicator.Competition) // huyện Đình Lập
	district, _ := res.Row("thanh_toan_dt", region.MustParseCode("189"))
	district.Rank = 0 // the total line, unranked
	rows = append(rows, district)
	report.Table{Title: "Thanh toán điện tử, huyện Đình Lập", Rows: rows}.WriteMarkdown(os.Stdout)
	// Output:
	// ### Thanh toán điện tử, huyện Đình Lập
	//
	// | Hạng | Đơn vị | Thực hiện | Kế hoạch | Tỷ lệ đạt |
	// |---:|---|---:|---:|---:|
	// | 1 | xã Bắc Xa | 2.120 | 700 | 303% |
	// | 2 | xã Kiên Mộc | 930 | 1.300 | 72% |
	// |  | huyện Đình Lập | 3.050 | 2.000 | 153% |
}
