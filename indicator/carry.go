package indicator

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/chiso-vn/chiso/region"
)

// Carried is one new unit's figures for one indicator, carried across a
// reorganisation from the units before it: exact where the new unit was
// formed of whole old units, bounds where an old unit was split.
type Carried struct {
	Indicator string
	Unit      region.Unit   // a unit of the crosswalk's new hierarchy
	Actual    region.Bounds // valid when HasActual
	Plan      region.Bounds // valid when HasPlan
	HasActual bool
	HasPlan   bool
}

// Attainment returns the least and the greatest attainment the bounds
// allow: Actual.Low / Plan.High and Actual.High / Plan.Low. Each is invalid
// when its denominator is zero or a figure is missing.
func (c Carried) Attainment() (least, most Ratio) {
	if !c.HasActual || !c.HasPlan {
		return Ratio{}, Ratio{}
	}
	if c.Plan.High > 0 {
		least = Ratio{c.Actual.Low, c.Plan.High}
	}
	if c.Plan.Low > 0 {
		most = Ratio{c.Actual.High, c.Plan.Low}
	}
	return least, most
}

// Carry carries one indicator's actuals and plans of r's units at level
// onto the new units of cw ([region.Crosswalk.Carry]): r must be a roll-up
// on cw's old hierarchy. A new unit gets a figure only when every
// predecessor has one (otherwise the figure would be understated, and
// Carry fails with an error wrapping region.ErrIncomplete); the rows come
// in the new hierarchy's order.
func (r *Result) Carry(cw *region.Crosswalk, indicator string, level region.Level) ([]Carried, error) {
	if cw.From() != r.h {
		return nil, fmt.Errorf("indicator: Carry: %w: the roll-up is not on the crosswalk's old hierarchy", ErrMismatch)
	}
	k, ok := r.cat.index(indicator)
	if !ok {
		return nil, fmt.Errorf("indicator: Carry: %w %q", ErrUnknownIndicator, indicator)
	}
	actuals, plans := map[region.Code]int64{}, map[region.Code]int64{}
	for _, i := range r.h.Level(level) {
		row := r.row(k, int(i))
		if row.HasActual {
			actuals[row.Unit.Code] = row.Actual
		}
		if row.HasPlan {
			plans[row.Unit.Code] = row.Plan
		}
	}
	a, err := cw.Carry(actuals, nil)
	if err != nil {
		return nil, fmt.Errorf("indicator: Carry actuals of %s: %w", indicator, err)
	}
	p, err := cw.Carry(plans, nil)
	if err != nil {
		return nil, fmt.Errorf("indicator: Carry plans of %s: %w", indicator, err)
	}
	to := cw.To()
	byCode := map[region.Code]*Carried{}
	var out []*Carried
	get := func(c region.Code) *Carried {
		if byCode[c] == nil {
			u, _ := to.Unit(c)
			byCode[c] = &Carried{Indicator: indicator, Unit: u}
			out = append(out, byCode[c])
		}
		return byCode[c]
	}
	for c, b := range a {
		get(c).Actual, get(c).HasActual = b, true
	}
	for c, b := range p {
		get(c).Plan, get(c).HasPlan = b, true
	}
	slices.SortFunc(out, func(x, y *Carried) int {
		i, _ := to.Index(x.Unit.Code)
		j, _ := to.Index(y.Unit.Code)
		return cmp.Compare(i, j)
	})
	rows := make([]Carried, len(out))
	for i, c := range out {
		rows[i] = *c
	}
	return rows, nil
}
