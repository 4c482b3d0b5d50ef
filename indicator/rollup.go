package indicator

import (
	"errors"
	"fmt"
	"math/big"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// ErrMismatch is wrapped when two values meant to go together do not: plans
// and a dataset of different hierarchies, scorecards of different units.
var ErrMismatch = errors.New("mismatched inputs")

// Row is one unit's figures for one indicator as of a date.
type Row struct {
	Indicator  string
	Unit       region.Unit
	Actual     int64 // valid when HasActual
	Plan       int64 // valid when HasPlan
	HasActual  bool  // false: no observation for the unit or below it (missing, not zero)
	HasPlan    bool
	Summed     bool  // Actual is the sum of the children's, not the unit's own observation
	Attainment Ratio // Actual / Plan; invalid unless both are present
	Rank       int   // competition rank by attainment among units of the same level; 0 if unranked
}

const (
	fActual uint8 = 1 << iota
	fPlan
	fSummed
	fPlanSummed
)

// Result is a roll-up as of a date: actual, plan, attainment and rank for
// every unit and indicator. It is immutable and safe for concurrent use.
type Result struct {
	h      *region.Hierarchy
	cat    *Catalogue
	asOf   time.Time
	actual []int64 // [k·n + i]
	plan   []int64
	flags  []uint8
	rank   []int32
}

// Rollup computes, as of asOf, every unit's actual and plan for every
// indicator of the dataset, and attainment and ranks.
//
// A unit's actual is its own observation when it has one (a province's
// published total wins over the sum of its communes), otherwise the sum of
// its children's actuals, and missing when neither exists: missing is not
// zero. Plans roll up the same way from plans (count targets; resolve share
// targets against a base first). A parent's attainment is the ratio of its
// sums, never the mean of its children's ratios (see
// [Result.MeanOfChildren] for that, named as such).
//
// Ranks are competition ranks by attainment, highest first, among all units
// of the same level that have an attainment; equal attainments are listed in
// Vietnamese collation order of names, then by code. plans may be nil.
func (d *Dataset) Rollup(asOf time.Time, plans *target.Set) (*Result, error) {
	n, nk := d.h.Len(), d.cat.Len()
	r := &Result{
		h: d.h, cat: d.cat, asOf: asOf,
		actual: make([]int64, nk*n), plan: make([]int64, nk*n),
		flags: make([]uint8, nk*n), rank: make([]int32, nk*n),
	}
	if plans != nil {
		if plans.Hierarchy() != d.h {
			return nil, fmt.Errorf("indicator: %w: plans and dataset use different hierarchies", ErrMismatch)
		}
		for _, t := range plans.All() {
			k, ok := d.cat.index(t.Indicator)
			if !ok {
				return nil, fmt.Errorf("indicator: plan for %s: %w %q", t.Unit, ErrUnknownIndicator, t.Indicator)
			}
			if t.Value.IsShare() {
				return nil, fmt.Errorf("indicator: plan %s for %s, %s is a share: resolve it against a base first", t.Value, t.Unit, t.Indicator)
			}
			i, _ := d.h.Index(t.Unit)
			r.plan[k*n+i], r.flags[k*n+i] = t.Value.Count(), fPlan
		}
	}
	day := dayOf(asOf)
	// Indicators are independent: each worker rolls up and ranks one at a
	// time, into its own part of r.
	one := func(k int, idx []int32, sumA, sumP []int64, hasA, hasP []bool) error {
		clear(sumA)
		clear(sumP)
		clear(hasA)
		clear(hasP)
		base := k * n
		act, pl, fl := r.actual[base:base+n], r.plan[base:base+n], r.flags[base:base+n]
		for i := 0; i < n; i++ {
			if v, ok := d.valueAt(base+i, day); ok {
				act[i], fl[i] = v, fl[i]|fActual
			}
		}
		// Children have larger indexes than their parent: walk backwards and
		// add each unit into its parent unless the parent has its own figure.
		for i := n - 1; i >= 0; i-- {
			if fl[i]&fActual == 0 && hasA[i] {
				act[i], fl[i] = sumA[i], fl[i]|fActual|fSummed
			}
			if fl[i]&fPlan == 0 && hasP[i] {
				pl[i], fl[i] = sumP[i], fl[i]|fPlan|fPlanSummed
			}
			p := d.h.ParentIndex(i)
			if p < 0 {
				continue
			}
			if fl[i]&fActual != 0 {
				if sumA[p] > 1<<63-1-act[i] {
					return fmt.Errorf("indicator: %w: actuals of %s under %s", ErrOverflow, d.cat.list[k].ID, d.h.At(p).Code)
				}
				sumA[p], hasA[p] = sumA[p]+act[i], true
			}
			if fl[i]&fPlan != 0 {
				if sumP[p] > 1<<63-1-pl[i] {
					return fmt.Errorf("indicator: %w: plans of %s under %s", ErrOverflow, d.cat.list[k].ID, d.h.At(p).Code)
				}
				sumP[p], hasP[p] = sumP[p]+pl[i], true
			}
		}
		for l := region.LevelNation; l <= region.LevelCommune; l++ {
			idx = idx[:0]
			for _, i := range d.h.Level(l) {
				if fl[i]&(fActual|fPlan) == fActual|fPlan && pl[i] > 0 {
					idx = append(idx, i)
				}
			}
			rankRatios(d.h, idx, act, pl, Competition, r.rank[base:base+n])
		}
		return nil
	}
	errs := make([]error, nk)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), nk) {
		wg.Go(func() {
			idx := make([]int32, 0, n)
			sumA, sumP := make([]int64, n), make([]int64, n)
			hasA, hasP := make([]bool, n), make([]bool, n)
			for k := int(next.Add(1)) - 1; k < nk; k = int(next.Add(1)) - 1 {
				errs[k] = one(k, idx, sumA, sumP, hasA, hasP)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first indicator's, whatever the cores
		}
	}
	return r, nil
}

// AsOf returns the date of the roll-up.
func (r *Result) AsOf() time.Time { return r.asOf }

// Hierarchy returns the hierarchy whose units the roll-up covers.
func (r *Result) Hierarchy() *region.Hierarchy { return r.h }

// Catalogue returns a copy of the roll-up's indicators.
func (r *Result) Catalogue() *Catalogue { return r.cat.Clone() }

// Column is one indicator's roll-up for every unit, by the dense index of
// the result's hierarchy: what a composite index reads, unit after unit,
// without copying rows. It is a view of an immutable Result.
type Column struct {
	actual, plan []int64
	flags        []uint8
}

// Column returns the roll-up of the indicator id, or false if the
// catalogue lacks it.
func (r *Result) Column(id string) (Column, bool) {
	k, ok := r.cat.index(id)
	if !ok {
		return Column{}, false
	}
	n := r.h.Len()
	return Column{r.actual[k*n : (k+1)*n], r.plan[k*n : (k+1)*n], r.flags[k*n : (k+1)*n]}, true
}

// Actual returns unit i's actual, and false when it is missing.
func (c Column) Actual(i int) (int64, bool) { return c.actual[i], c.flags[i]&fActual != 0 }

// Plan returns unit i's plan, and false when it has none.
func (c Column) Plan(i int) (int64, bool) { return c.plan[i], c.flags[i]&fPlan != 0 }

func (r *Result) row(k, i int) Row {
	s := k*r.h.Len() + i
	f := r.flags[s]
	row := Row{
		Indicator: r.cat.list[k].ID, Unit: r.h.At(i),
		Actual: r.actual[s], Plan: r.plan[s],
		HasActual: f&fActual != 0, HasPlan: f&fPlan != 0, Summed: f&fSummed != 0,
		Rank: int(r.rank[s]),
	}
	if row.HasActual && row.HasPlan && row.Plan > 0 {
		row.Attainment = Ratio{row.Actual, row.Plan}
	}
	return row
}

// Row returns the row of one indicator and unit.
func (r *Result) Row(indicator string, unit region.Code) (Row, bool) {
	k, ok := r.cat.index(indicator)
	i, ok2 := r.h.Index(unit)
	if !ok || !ok2 {
		return Row{}, false
	}
	return r.row(k, i), true
}

// Rows returns every row: indicators in catalogue order, units in the
// hierarchy's index order. Its length is indicators × units.
func (r *Result) Rows() []Row {
	n := r.h.Len()
	out := make([]Row, 0, len(r.flags))
	for k := 0; k < r.cat.Len(); k++ {
		for i := 0; i < n; i++ {
			out = append(out, r.row(k, i))
		}
	}
	return out
}

// Ranked returns the rows of one indicator at one level that have an
// attainment, best first, ranked by method (equal attainments in collation
// order of names, then code).
func (r *Result) Ranked(indicator string, level region.Level, method RankMethod) []Row {
	return r.rankedAmong(indicator, r.h.Level(level), method)
}

// RankedWithin is like [Result.Ranked] for the children of one unit.
func (r *Result) RankedWithin(indicator string, parent region.Code, method RankMethod) []Row {
	p, ok := r.h.Index(parent)
	if !ok {
		return nil
	}
	var kids []int32
	_, end := r.h.Subtree(p)
	for j := p + 1; j < end; {
		kids = append(kids, int32(j))
		_, j = r.h.Subtree(j)
	}
	return r.rankedAmong(indicator, kids, method)
}

func (r *Result) rankedAmong(indicator string, units []int32, method RankMethod) []Row {
	k, ok := r.cat.index(indicator)
	if !ok {
		return nil
	}
	n := r.h.Len()
	var idx []int32
	for _, i := range units {
		if row := r.row(k, int(i)); row.Attainment.IsValid() {
			idx = append(idx, i)
		}
	}
	ranks := make([]int32, n)
	val := func(i int32) Ratio { return r.row(k, int(i)).Attainment }
	rankUnits(r.h, idx, val, method, ranks)
	out := make([]Row, len(idx))
	for j, i := range idx {
		out[j] = r.row(k, int(i))
		out[j].Rank = int(ranks[i])
	}
	return out
}

// MeanOfChildren returns the arithmetic mean of the attainments of the
// children of parent that have one, rounded to digits decimals of a percent
// with mode, and how many children it averaged. It is not the parent's
// attainment (the ratio of the sums, in [Result.Row]); it weighs a small
// commune like a large one, which is sometimes what a report wants.
func (r *Result) MeanOfChildren(indicator string, parent region.Code, digits int32, mode RoundingMode) (decimal.Decimal, int, error) {
	rows := r.RankedWithin(indicator, parent, Ordinal)
	if len(rows) == 0 {
		return decimal.Zero, 0, fmt.Errorf("indicator: no child of %s has an attainment for %s", parent, indicator)
	}
	sum := new(big.Rat)
	for _, row := range rows {
		sum.Add(sum, big.NewRat(row.Actual, row.Plan))
	}
	sum.Quo(sum, big.NewRat(int64(len(rows)), 1))
	return Round(sum, digits+2, mode).Shift(2), len(rows), nil
}
