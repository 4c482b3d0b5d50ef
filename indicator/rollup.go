package indicator

import (
	"errors"
	"fmt"
	"math/big"
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
	Plan       int64 // valid when HasPlan; for share targets, PlanExact rounded up
	HasActual  bool  // false: no observation for the unit or below it (missing, not zero)
	HasPlan    bool
	Summed     bool // Actual is the sum of the children's, not the unit's own observation
	SharePlan  bool // the indicator has share targets: PlanExact is share × base
	HasBase    bool
	BaseSummed bool  // Base is the sum of the children's
	Attainment Ratio // Actual / PlanExact; invalid unless both are present
	Rank       int   // competition rank by attainment among units of the same level; 0 if unranked

	// PlanExact is the plan exactly: Plan/1 for count plans; for an
	// indicator with share targets, the sum of share × base over the units
	// the plan covers, such as 1007/2 for 50% of 1.007 adults. Plan is then
	// PlanExact rounded up: the least count that meets it (504).
	PlanExact Ratio
	// PlanBase is the sum of the bases the plans resolved against, 0
	// unless SharePlan and every plan summed had a base: the denominator of
	// [Row.TargetShare].
	PlanBase int64
	// Base is the count of the indicator's base (see [Indicator.Base]) as
	// of the roll-up date, its own observation or else the sum of its
	// children's, like Actual; valid when HasBase.
	Base int64
}

// Coverage returns Actual / Base, the share of the base reached: for a
// parent, the ratio of the sums. It is invalid unless both are present and
// Base is positive. When the plans' bases and the coverage's are of the
// same date, Attainment = Coverage / TargetShare exactly.
func (r Row) Coverage() Ratio {
	if !r.HasActual || !r.HasBase || r.Base <= 0 {
		return Ratio{}
	}
	return Ratio{r.Actual, r.Base}
}

// TargetShare returns PlanExact / PlanBase, Σ (share × base) / Σ base: the
// share of its base the unit is asked to reach, in lowest terms; invalid
// unless PlanBase is positive.
func (r Row) TargetShare() Ratio {
	if r.PlanBase <= 0 || !r.PlanExact.IsValid() {
		return Ratio{}
	}
	return reduced(r.PlanExact.num, r.PlanExact.den*r.PlanBase) // fits: den divides a scale checked against PlanBase
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
	share  []*shareCol // by indicator; nil where the indicator has no base
}

// Rollup is [Dataset.RollupWith] with no options: bases, where indicators
// name them, are read from the dataset itself as of each target's date.
func (d *Dataset) Rollup(asOf time.Time, plans *target.Set) (*Result, error) {
	return d.RollupWith(asOf, plans, RollupOptions{})
}

// RollupWith computes, as of asOf, every unit's actual and plan for every
// indicator of the dataset, and attainment and ranks.
//
// A unit's actual is its own observation when it has one (a province's
// published total wins over the sum of its communes), otherwise the sum of
// its children's actuals, and missing when neither exists: missing is not
// zero. Plans roll up the same way from plans. A parent's attainment is the
// ratio of its sums, never the mean of its children's ratios (see
// [Result.MeanOfChildren] for that, named as such).
//
// A share target ("50%") resolves against its unit's base (the indicator's
// [Indicator.Base], read as opt says) to the exact plan share × base, and
// coverage (actual / base) is shown for every indicator whose base is
// known; [RollupOptions] gives the rules.
//
// Ranks are competition ranks by attainment, highest first, among all units
// of the same level that have an attainment; equal attainments are listed in
// Vietnamese collation order of names, then by code. plans may be nil.
func (d *Dataset) RollupWith(asOf time.Time, plans *target.Set, opt RollupOptions) (*Result, error) {
	n, nk := d.h.Len(), d.cat.Len()
	r := &Result{
		h: d.h, cat: d.cat, asOf: asOf,
		actual: make([]int64, nk*n), plan: make([]int64, nk*n),
		flags: make([]uint8, nk*n), rank: make([]int32, nk*n),
	}
	// The plans of each indicator, as runs of plans.All(): a set comes
	// sorted by indicator, so there is one run an indicator.
	var all []target.Target
	runs := make([][][2]int, nk)
	if plans != nil {
		if plans.Hierarchy() != d.h {
			return nil, fmt.Errorf("indicator: %w: plans and dataset use different hierarchies", ErrMismatch)
		}
		all = plans.All()
		var last lastIndex
		for j, t := range all {
			k, ok := d.cat.indexAfter(t.Indicator, &last)
			if !ok {
				return nil, fmt.Errorf("indicator: plan for %s: %w %q", t.Unit, ErrUnknownIndicator, t.Indicator)
			}
			if rs := runs[k]; len(rs) > 0 && rs[len(rs)-1][1] == j {
				rs[len(rs)-1][1]++
			} else {
				runs[k] = append(rs, [2]int{j, j + 1})
			}
		}
	}
	var err error
	if r.share, err = d.resolveShares(asOf, plans, opt); err != nil {
		return nil, err
	}
	day := dayOf(asOf)
	// Indicators are independent: each worker rolls up and ranks one at a
	// time, into its own part of r.
	type sums struct {
		idx        []int32
		sumA, sumP []int64
		hasA, hasP []bool
	}
	one := func(k int, sc *sums) error {
		idx, sumA, sumP, hasA, hasP := sc.idx, sc.sumA, sc.sumP, sc.hasA, sc.hasP
		clear(sumA)
		clear(sumP)
		clear(hasA)
		clear(hasP)
		base := k * n
		act, pl, fl := r.actual[base:base+n], r.plan[base:base+n], r.flags[base:base+n]
		// Share plans are rolled up exactly by rollupShares.
		if r.share == nil || r.share[k] == nil || !r.share[k].exact {
			for _, run := range runs[k] {
				for _, t := range all[run[0]:run[1]] {
					i, _ := d.h.Index(t.Unit)
					pl[i], fl[i] = t.Value.Count(), fPlan
				}
			}
		}
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
	onCores(nk, func() *sums {
		return &sums{make([]int32, 0, n), make([]int64, n), make([]int64, n), make([]bool, n), make([]bool, n)}
	}, func(sc *sums, k int) { errs[k] = one(k, sc) })
	for _, err := range errs {
		if err != nil {
			return nil, err // the first indicator's, whatever the cores
		}
	}
	if err := r.rollupShares(d.h, dayOf(asOf), opt); err != nil {
		return nil, err
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
	share        *shareCol // nil when the indicator has no base
}

// Column returns the roll-up of the indicator id, or false if the
// catalogue lacks it.
func (r *Result) Column(id string) (Column, bool) {
	k, ok := r.cat.index(id)
	if !ok {
		return Column{}, false
	}
	n := r.h.Len()
	c := Column{actual: r.actual[k*n : (k+1)*n], plan: r.plan[k*n : (k+1)*n], flags: r.flags[k*n : (k+1)*n]}
	if r.share != nil {
		c.share = r.share[k]
	}
	return c, true
}

// Actual returns unit i's actual, and false when it is missing.
func (c Column) Actual(i int) (int64, bool) { return c.actual[i], c.flags[i]&fActual != 0 }

// Plan returns unit i's plan, and false when it has none; for an
// indicator with share targets, the exact plan rounded up ([Row.Plan]).
func (c Column) Plan(i int) (int64, bool) { return c.plan[i], c.flags[i]&fPlan != 0 }

// Base returns unit i's base as of the roll-up date ([Row.Base]), and
// false when it has none or the indicator names no base.
func (c Column) Base(i int) (int64, bool) {
	if c.share == nil {
		return 0, false
	}
	return c.share.base[i], c.share.flags[i]&fBase != 0
}

func (r *Result) row(k, i int) Row {
	s := k*r.h.Len() + i
	f := r.flags[s]
	row := Row{
		Indicator: r.cat.list[k].ID, Unit: r.h.At(i),
		Actual: r.actual[s], Plan: r.plan[s],
		HasActual: f&fActual != 0, HasPlan: f&fPlan != 0, Summed: f&fSummed != 0,
		Rank: int(r.rank[s]),
	}
	if row.HasPlan {
		row.PlanExact = Ratio{row.Plan, 1}
	}
	if row.HasActual && row.HasPlan && row.Plan > 0 {
		row.Attainment = Ratio{row.Actual, row.Plan}
	}
	if r.share != nil && r.share[k] != nil {
		r.share[k].fill(&row, i)
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
	n, nk := r.h.Len(), r.cat.Len()
	out := make([]Row, len(r.flags))
	onCores(nk, func() struct{} { return struct{}{} }, func(_ struct{}, k int) {
		for i := range n {
			out[k*n+i] = r.row(k, i)
		}
	})
	return out
}

// Ranked returns the rows of one indicator at one level that have an
// attainment, best first, ranked by method (equal attainments in collation
// order of names, then code).
func (r *Result) Ranked(indicator string, level region.Level, method RankMethod) []Row {
	return r.RankedBy(indicator, level, ByAttainment, method)
}

// RankedWithin is like [Result.Ranked] for the children of one unit.
func (r *Result) RankedWithin(indicator string, parent region.Code, method RankMethod) []Row {
	return r.RankedWithinBy(indicator, parent, ByAttainment, method)
}

// RankedBy is like [Result.Ranked], ranking on basis: the rows that have
// that value, best first, each with its rank on it in Rank.
func (r *Result) RankedBy(indicator string, level region.Level, basis Basis, method RankMethod) []Row {
	return r.rankedAmong(indicator, r.h.Level(level), basis, method)
}

// RankedWithinBy is like [Result.RankedWithin], ranking on basis.
func (r *Result) RankedWithinBy(indicator string, parent region.Code, basis Basis, method RankMethod) []Row {
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
	return r.rankedAmong(indicator, kids, basis, method)
}

func (r *Result) rankedAmong(indicator string, units []int32, basis Basis, method RankMethod) []Row {
	k, ok := r.cat.index(indicator)
	if !ok {
		return nil
	}
	n := r.h.Len()
	var idx []int32
	vals := make([]Ratio, n)
	for _, i := range units {
		if v := basis.of(r.row(k, int(i))); v.IsValid() {
			idx = append(idx, i)
			vals[i] = v
		}
	}
	ranks := make([]int32, n)
	rankUnits(r.h, idx, func(i int32) Ratio { return vals[i] }, method, ranks)
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
	return r.MeanOfChildrenBy(indicator, parent, ByAttainment, digits, mode)
}

// MeanOfChildrenBy is like [Result.MeanOfChildren] for the children's
// values on basis: with ByCoverage, the mean of the children's shares of
// their bases, which is not the parent's coverage (Σ actual / Σ base).
func (r *Result) MeanOfChildrenBy(indicator string, parent region.Code, basis Basis, digits int32, mode RoundingMode) (decimal.Decimal, int, error) {
	rows := r.RankedWithinBy(indicator, parent, basis, Ordinal)
	if len(rows) == 0 {
		return decimal.Zero, 0, fmt.Errorf("indicator: no child of %s has a %s for %s", parent, basis, indicator)
	}
	sum := new(big.Rat)
	for _, row := range rows {
		v := basis.of(row)
		sum.Add(sum, big.NewRat(v.Num(), v.Den()))
	}
	sum.Quo(sum, big.NewRat(int64(len(rows)), 1))
	return Round(sum, digits+2, mode).Shift(2), len(rows), nil
}
