package target_test

import (
	"fmt"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/target"
)

func ExampleAllocate() {
	// A province's 150.000 accounts, split by the communes' households.
	parts, _ := target.Allocate(150000, []int64{1200, 3400, 2100, 850})
	fmt.Println(parts)
	// Output: [23841 67550 41722 16887]
}

func ExamplePace() {
	// Quế Võ had 60.827 signatures on 23/3; suppose the campaign began on 1/3
	// and the goal is 101.378 by 30/4.
	day := func(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }
	p, _ := target.Pace(
		target.Point{Date: day(3, 1), Count: 0},
		target.Point{Date: day(3, 23), Count: 60827},
		target.Point{Date: day(4, 30), Count: 101378},
	)
	// A rate needed rounds up; the rate achieved rounds half up.
	needed := indicator.Round(p.Needed.PerDay(), 0, indicator.Up)
	sofar := indicator.Round(p.Current.PerDay(), 0, indicator.HalfUp)
	fmt.Println(p.Status, needed, "per day needed,", sofar, "so far")
	// Output: đúng tiến độ 1068 per day needed, 2765 so far
}
