package target

import (
	"cmp"
	"fmt"
	"math/big"
	"math/bits"
	"time"

	"github.com/chiso-vn/chiso/numeral"
)

// Status says where a target stands at the latest observation.
type Status int

// The statuses, from best to worst. See [Pace] for the thresholds.
const (
	Met Status = iota + 1
	OnTrack
	AtRisk
	OffTrack
)

var statusNames = [...]numeral.Words{{}, {Vi: "đã đạt", En: "met"}, {Vi: "đúng tiến độ", En: "on track"},
	{Vi: "có nguy cơ chậm", En: "at risk"}, {Vi: "chậm tiến độ", En: "off track"}}

// String returns the Vietnamese name of the status ("đúng tiến độ").
func (s Status) String() string { return s.Text(numeral.Vietnamese) }

// Text returns the name of the status in lang: "đúng tiến độ", "on track".
func (s Status) Text(lang numeral.Language) string {
	if s >= Met && s <= OffTrack {
		return statusNames[s].In(lang)
	}
	return fmt.Sprintf("Status(%d)", int(s))
}

// Point is a count at a date.
type Point struct {
	Date  time.Time
	Count int64
}

// Rate is an exact rate: Count units in Days days.
type Rate struct {
	Count, Days int64
}

// PerDay returns the exact rate per day (0 for no days). Round it for
// people with indicator.Round, in the direction the reader needs: a rate
// needed to reach a target rounds up (39.714 in 38 days is 1.046 a day,
// not 1.045), a rate achieved half up.
func (r Rate) PerDay() *big.Rat {
	if r.Days == 0 {
		return new(big.Rat)
	}
	return big.NewRat(r.Count, r.Days)
}

// Progress is the answer of [Pace].
type Progress struct {
	Remaining int64  // goal minus latest, at least 0
	DaysLeft  int64  // days from the latest observation to the deadline
	Needed    Rate   // Remaining in DaysLeft
	Current   Rate   // the rate from baseline to latest
	Projected int64  // latest + Current × DaysLeft, rounded down
	Status    Status // see Pace
}

// AtRiskShare is the least share of the goal, in percent, that the
// projection must reach for a target to be at risk rather than off track.
const AtRiskShare = 90

// Pace measures progress toward goal.Count by goal.Date, from baseline to
// latest, in whole days. The status is:
//   - Met: latest has reached the goal;
//   - OnTrack: at the rate so far, the projection at the deadline reaches it;
//   - AtRisk: the projection reaches at least [AtRiskShare]% of the goal;
//   - OffTrack: otherwise, or when the deadline has passed unmet.
//
// All comparisons are exact (integers in 128 bits). Dates must be ordered
// baseline < latest <= deadline unless the goal is met; counts must be
// non-negative and the goal positive.
func Pace(baseline, latest, goal Point) (Progress, error) {
	switch {
	case goal.Count <= 0:
		return Progress{}, fmt.Errorf("target.Pace: goal %d: %w", goal.Count, ErrZeroPlan)
	case baseline.Count < 0 || latest.Count < 0:
		return Progress{}, fmt.Errorf("target.Pace: %w count", ErrNegative)
	}
	var p Progress
	if latest.Count >= goal.Count {
		p.Status = Met
		return p, nil
	}
	days := func(a, b time.Time) int64 { return int64(b.Sub(a).Round(time.Hour).Hours()) / 24 }
	elapsed, left := days(baseline.Date, latest.Date), days(latest.Date, goal.Date)
	if elapsed <= 0 {
		return Progress{}, fmt.Errorf("target.Pace: baseline %s is not before the latest observation %s",
			baseline.Date.Format(time.DateOnly), latest.Date.Format(time.DateOnly))
	}
	p.Remaining = goal.Count - latest.Count
	p.DaysLeft = max(left, 0)
	p.Needed = Rate{p.Remaining, p.DaysLeft}
	p.Current = Rate{latest.Count - baseline.Count, elapsed}
	if left <= 0 {
		p.Projected, p.Status = latest.Count, OffTrack
		return p, nil
	}
	// gain = Current.Count × left / elapsed, in 128 bits.
	gain := int64(0)
	if p.Current.Count > 0 {
		hi, lo := bits.Mul64(uint64(p.Current.Count), uint64(left))
		if hi >= uint64(elapsed) {
			gain = 1<<63 - 1
		} else {
			q, _ := bits.Div64(hi, lo, uint64(elapsed))
			gain = int64(min(q, 1<<63-1))
		}
	}
	if gain > 1<<63-1-latest.Count {
		p.Projected = 1<<63 - 1
	} else {
		p.Projected = latest.Count + gain
	}
	switch {
	case p.Projected >= goal.Count:
		p.Status = OnTrack
	case mulCmp(p.Projected, 100, goal.Count, AtRiskShare) >= 0:
		p.Status = AtRisk
	default:
		p.Status = OffTrack
	}
	return p, nil
}

// mulCmp compares a·b with c·d for non-negative operands, exactly.
func mulCmp(a, b, c, d int64) int {
	h1, l1 := bits.Mul64(uint64(a), uint64(b))
	h2, l2 := bits.Mul64(uint64(c), uint64(d))
	return cmp.Or(cmp.Compare(h1, h2), cmp.Compare(l1, l2))
}
