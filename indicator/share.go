package indicator

import (
	"errors"
	"fmt"
	"math/bits"
	"time"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// ErrNoBase is wrapped when a share target cannot be resolved: its
// indicator names no base, or its unit has no count of the base by the
// date the target is read on.
var ErrNoBase = errors.New("no base")

// RollupOptions say where [Dataset.RollupWith] reads bases.
//
// A share target for a unit resolves against that unit's base (its own
// observation of the indicator's [Indicator.Base], or else the sum of its
// children's, as actuals roll up) as observed on the target's date: its Due,
// or the roll-up date when it has none (for a Stock, the latest observation
// on or before that date, as every value as of a date is read). The plan is share × base exactly (a
// plan of 50% of 1.007 adults is 1007/2, not 504); where a count must be
// shown ([Row.Plan]) it is rounded up, to the least count that meets the
// plan. A unit with no base by that date, or a base of 0, is an error naming
// the unit; a base observed on another date is used only when BaseDate says
// so. Coverage (actual / base) is read as of the roll-up date, or BaseDate.
//
// An indicator with at least one share target has all its plans rolled up
// exactly: a count plan c adds c to the sum of share × base. A parent's
// coverage is Σ actual / Σ base, its plan Σ (share × base), its target share
// Σ (share × base) / Σ base over the units whose plans it sums, and its
// attainment Σ actual / Σ (share × base), which is its coverage against its
// target share. Percents may have up to 6 decimals ("60,125%").
type RollupOptions struct {
	// Bases, when not nil, holds the bases (a population by unit: the
	// observations of base indicators such as "dan_so_truong_thanh") and is
	// then the only place bases are read; otherwise they are read from the
	// dataset itself. It must share the dataset's hierarchy.
	Bases *Dataset
	// BaseDate, when not zero, is the date every base is read as of,
	// instead of each target's date and the roll-up date: a census or
	// population estimate for another date, used because the caller says so.
	BaseDate time.Time
}

// Basis is what units are ranked on, or averaged.
type Basis uint8

// The bases of ranks. The zero value is ByAttainment.
const (
	ByAttainment Basis = iota // actual / plan ([Row.Attainment])
	ByCoverage                // actual / base ([Row.Coverage])
)

// String returns the basis's English name: "attainment" or "coverage".
func (b Basis) String() string {
	switch b {
	case ByAttainment:
		return "attainment"
	case ByCoverage:
		return "coverage"
	}
	return fmt.Sprintf("Basis(%d)", b)
}

func (b Basis) of(row Row) Ratio {
	if b == ByCoverage {
		return row.Coverage()
	}
	return row.Attainment
}

// maxShareDecimals is the most decimals a share plan's percent may have.
const maxShareDecimals = 6

// Flags of a shareCol's columns, beside the Result's own (fPlan,
// fPlanSummed), which they share a byte with.
const (
	fBase       uint8 = 1 << (iota + 4)
	fBaseSummed       // the base is the sum of the children's
	fPlanBase         // every plan summed here had a base: pbase is their sum
)

// shareCol is one indicator's bases and, when it has share targets, its
// exact plans, by the dense index of the hierarchy.
type shareCol struct {
	src   *Dataset // where bases are read
	kb    int      // the base's index in src's catalogue
	base  []int64  // as of the coverage date, own or summed
	exact bool     // the indicator has a share target: plans below are exact
	scale int64    // plans are in 1/scale of a count: 100·10^decimals
	dec   int32    // the most decimals of a percent
	plan  []int64  // × scale: own, or summed by rollupShares
	pbase []int64  // the bases the plans resolved against, or their sums
	flags []uint8
}

// resolveShares finds, for every indicator that names a base available
// in the bases' source, the column that rolls the base up, and resolves
// each share target against its unit's base. Every target that cannot be
// resolved is reported, up to region.MaxErrors.
func (d *Dataset) resolveShares(asOf time.Time, plans *target.Set, opt RollupOptions) ([]*shareCol, error) {
	n, nk := d.h.Len(), d.cat.Len()
	src := d
	if opt.Bases != nil {
		if opt.Bases.h != d.h {
			return nil, fmt.Errorf("indicator: %w: bases and dataset use different hierarchies", ErrMismatch)
		}
		src = opt.Bases
	}
	var cols []*shareCol // nil when no indicator has a base: the count roll-up alone
	for k, ind := range d.cat.list {
		if ind.Base == "" {
			continue
		}
		if kb, ok := src.cat.index(ind.Base); ok {
			if cols == nil {
				cols = make([]*shareCol, nk)
			}
			cols[k] = &shareCol{src: src, kb: kb}
		}
	}
	if plans == nil {
		return cols, nil
	}
	var errs errlist.List
	for _, t := range plans.All() {
		if !t.Value.IsShare() {
			continue
		}
		k, _ := d.cat.index(t.Indicator)
		var c *shareCol
		if cols != nil {
			c = cols[k]
		}
		if c == nil {
			why := "the indicator names no base"
			if b := d.cat.list[k].Base; b != "" {
				why = fmt.Sprintf("its base %q is not among the bases' indicators", b)
			}
			errs.Add(fmt.Errorf("indicator: share plan %s of %s for %s: %w: %s", t.Value, t.Indicator, d.unitName(t.Unit), ErrNoBase, why))
			continue
		}
		dec := max(-t.Value.Percent().Exponent(), 0)
		if dec > maxShareDecimals {
			errs.Add(fmt.Errorf("indicator: share plan %s of %s for %s: %w: more than %d decimals", t.Value, t.Indicator, d.unitName(t.Unit), ErrOverflow, maxShareDecimals))
			continue
		}
		c.exact, c.dec = true, max(c.dec, dec)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for _, c := range cols {
		if c != nil && c.exact {
			c.scale = 100 * int64(pow10[c.dec])
			c.plan, c.pbase, c.flags = make([]int64, n), make([]int64, n), make([]uint8, n)
		}
	}
	for _, t := range plans.All() {
		if cols == nil {
			break
		}
		k, _ := d.cat.index(t.Indicator)
		c := cols[k]
		if c == nil || !c.exact {
			continue
		}
		if err := c.resolve(d, t, asOf, opt.BaseDate); err != nil {
			errs.Add(err)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return cols, nil
}

// resolve sets the exact plan of t's unit.
func (c *shareCol) resolve(d *Dataset, t target.Target, asOf, baseDate time.Time) error {
	i, _ := d.h.Index(t.Unit)
	on := asOf
	switch {
	case !baseDate.IsZero():
		on = baseDate
	case !t.Due.IsZero():
		on = t.Due
	}
	b, ok, err := c.baseAt(d.h, i, dayOf(on))
	if err != nil {
		return fmt.Errorf("indicator: base of %s for %s: %w", t.Indicator, d.unitName(t.Unit), err)
	}
	if !t.Value.IsShare() {
		p, ok2 := mul64(t.Value.Count(), c.scale)
		if !ok2 {
			return fmt.Errorf("indicator: plan %s of %s for %s: %w", t.Value, t.Indicator, d.unitName(t.Unit), ErrOverflow)
		}
		c.plan[i], c.flags[i] = p, fPlan
		if ok && b > 0 {
			c.pbase[i], c.flags[i] = b, fPlan|fPlanBase
		}
		return nil
	}
	baseID := c.src.cat.list[c.kb].ID
	switch {
	case !ok:
		hint := ""
		if s := c.kb*d.h.Len() + i; c.src.off[s] < c.src.off[s+1] {
			hint = fmt.Sprintf(" (first observed on %s: give a base date to use it)", dateOf(c.src.days[c.src.off[s]]).Format(time.DateOnly))
		}
		return fmt.Errorf("indicator: share plan %s of %s for %s: %w %s as of %s%s", t.Value, t.Indicator, d.unitName(t.Unit), ErrNoBase, baseID, on.Format(time.DateOnly), hint)
	case b == 0:
		return fmt.Errorf("indicator: share plan %s of %s for %s: %w: %s is 0 as of %s", t.Value, t.Indicator, d.unitName(t.Unit), ErrZeroDenominator, baseID, on.Format(time.DateOnly))
	}
	coef := t.Value.Percent().Shift(c.dec).IntPart() // exact: dec covers every decimal
	p, ok := mul64(coef, b)
	if !ok {
		return fmt.Errorf("indicator: share plan %s of %s for %s: %w", t.Value, t.Indicator, d.unitName(t.Unit), ErrOverflow)
	}
	c.plan[i], c.pbase[i], c.flags[i] = p, b, fPlan|fPlanBase
	return nil
}

// baseAt returns unit i's base as of day: its own observation, or else the
// sum of its children's, as actuals roll up.
func (c *shareCol) baseAt(h *region.Hierarchy, i int, on day) (int64, bool, error) {
	off := c.kb * h.Len()
	var sum int64
	has := false
	_, end := h.Subtree(i)
	for j := i; j < end; {
		v, ok := c.src.valueAt(off+j, on)
		if !ok {
			j++
			continue
		}
		if sum > 1<<63-1-v {
			return 0, false, ErrOverflow
		}
		sum, has = sum+v, true
		_, j = h.Subtree(j) // what lies below an observed unit is in its count
	}
	return sum, has, nil
}

// rollupShares rolls up the bases of every indicator that has them, and the
// exact plans of those with share targets, which it ranks by attainment.
// It runs after the count roll-up, beside it: the count loop saw no plan
// of an indicator rolled up here.
func (r *Result) rollupShares(h *region.Hierarchy, asOf day, opt RollupOptions) error {
	if !opt.BaseDate.IsZero() {
		asOf = dayOf(opt.BaseDate)
	}
	if r.share == nil {
		return nil
	}
	n := h.Len()
	sum := make([]int64, n)
	var idx []int32
	for k, c := range r.share {
		if c == nil {
			continue
		}
		if c.flags == nil {
			c.flags = make([]uint8, n)
		}
		c.base = make([]int64, n)
		off := c.kb * n
		for i := range n {
			if v, ok := c.src.valueAt(off+i, asOf); ok {
				c.base[i], c.flags[i] = v, c.flags[i]|fBase
			}
		}
		clear(sum)
		has := make([]bool, n)
		for i := n - 1; i >= 0; i-- {
			if c.flags[i]&fBase == 0 && has[i] {
				c.base[i], c.flags[i] = sum[i], c.flags[i]|fBase|fBaseSummed
			}
			if p := h.ParentIndex(i); p >= 0 && c.flags[i]&fBase != 0 {
				if sum[p] > 1<<63-1-c.base[i] {
					return fmt.Errorf("indicator: %w: bases of %s under %s", ErrOverflow, r.cat.list[k].ID, h.At(p).Code)
				}
				sum[p], has[p] = sum[p]+c.base[i], true
			}
		}
		if c.exact {
			if err := r.rollupPlans(h, k, c); err != nil {
				return err
			}
			idx = r.rankExact(h, k, c, idx)
		}
	}
	return nil
}

// rollupPlans sums the exact plans of indicator k up the hierarchy (a
// unit's own plan wins over its children's sum) and sets the Result's
// plan to each rounded up.
func (r *Result) rollupPlans(h *region.Hierarchy, k int, c *shareCol) error {
	n := h.Len()
	base := k * n
	act, pl, fl := r.actual[base:base+n], r.plan[base:base+n], r.flags[base:base+n]
	sumP, sumB := make([]int64, n), make([]int64, n)
	has, partial := make([]bool, n), make([]bool, n)
	for i := n - 1; i >= 0; i-- {
		if c.flags[i]&fPlan == 0 && has[i] {
			c.plan[i], c.flags[i] = sumP[i], c.flags[i]|fPlan|fPlanSummed
			if !partial[i] {
				c.pbase[i], c.flags[i] = sumB[i], c.flags[i]|fPlanBase
			}
		}
		if c.flags[i]&fPlan != 0 {
			q, rem := c.plan[i]/c.scale, c.plan[i]%c.scale
			pl[i] = q + roundUp(uint64(rem), uint64(c.scale), uint64(q), Up) // the least count that meets the plan: RoundUp
			fl[i] |= fPlan | c.flags[i]&fPlanSummed
			if fl[i]&fActual != 0 && act[i] > (1<<63-1)/c.scale {
				return fmt.Errorf("indicator: %w: actual of %s for %s against an exact plan", ErrOverflow, r.cat.list[k].ID, h.At(i).Code)
			}
			if c.flags[i]&fPlanBase != 0 {
				if _, ok := mul64(c.pbase[i], c.scale); !ok {
					return fmt.Errorf("indicator: %w: bases of %s for %s", ErrOverflow, r.cat.list[k].ID, h.At(i).Code)
				}
			}
		}
		p := h.ParentIndex(i)
		if p < 0 || c.flags[i]&fPlan == 0 {
			continue
		}
		if sumP[p] > 1<<63-1-c.plan[i] || sumB[p] > 1<<63-1-c.pbase[i] {
			return fmt.Errorf("indicator: %w: plans of %s under %s", ErrOverflow, r.cat.list[k].ID, h.At(p).Code)
		}
		sumP[p], has[p] = sumP[p]+c.plan[i], true
		sumB[p] += c.pbase[i]
		partial[p] = partial[p] || c.flags[i]&fPlanBase == 0
	}
	return nil
}

// rankExact ranks the units of each level by their exact attainment, as
// the count roll-up ranks by Actual / Plan, and returns idx for reuse.
func (r *Result) rankExact(h *region.Hierarchy, k int, c *shareCol, idx []int32) []int32 {
	n := h.Len()
	base := k * n
	act, fl := r.actual[base:base+n], r.flags[base:base+n]
	for l := region.LevelNation; l <= region.LevelCommune; l++ {
		idx = idx[:0]
		for _, i := range h.Level(l) {
			if fl[i]&(fActual|fPlan) == fActual|fPlan {
				idx = append(idx, i)
			}
		}
		rankUnits(h, idx, func(i int32) Ratio { return Ratio{act[i] * c.scale, c.plan[i]} }, Competition, r.rank[base:base+n])
	}
	return idx
}

// fill adds unit i's base, coverage and exact plan to row.
func (c *shareCol) fill(row *Row, i int) {
	f := c.flags[i]
	row.Base, row.HasBase, row.BaseSummed = c.base[i], f&fBase != 0, f&fBaseSummed != 0
	if !c.exact || !row.HasPlan {
		return
	}
	row.SharePlan = true
	num, den := lowest25(c.plan[i], c.scale)
	row.PlanExact = Ratio{num, den}
	if row.HasActual {
		row.Attainment = Ratio{row.Actual * den, num} // as given, like Actual / Plan
	}
	if f&fPlanBase != 0 {
		row.PlanBase = c.pbase[i]
	}
}

// reduced returns num/den in lowest terms, for num >= 0, den > 0.
func reduced(num, den int64) Ratio {
	a, b := num, den
	for b != 0 {
		a, b = b, a%b
	}
	return Ratio{num / a, den / a}
}

// lowest25 returns num/scale in lowest terms when scale, like every
// scale of exact plans, has no prime factor but 2 and 5; cheaper than
// [reduced] on every row.
func lowest25(num, scale int64) (int64, int64) {
	if num == 0 {
		return 0, 1
	}
	tz := min(bits.TrailingZeros64(uint64(num)), bits.TrailingZeros64(uint64(scale)))
	num, scale = num>>tz, scale>>tz
	for num%5 == 0 && scale%5 == 0 {
		num, scale = num/5, scale/5
	}
	return num, scale
}

// mul64 returns a·b for non-negative a and b, and false when it overflows.
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	return int64(lo), hi == 0 && lo>>63 == 0
}

// unitName names a unit in errors: "06622 (xã Bính Xá)".
func (d *Dataset) unitName(c region.Code) string {
	if u, ok := d.h.Unit(c); ok {
		return fmt.Sprintf("%s (%s)", c, u.FullName())
	}
	return c.String()
}

// SharePlan returns the exact plan of a share target over base, share ×
// base: 50% of 1.007 is 1007/2, never rounded; for a count target, the
// count. Shown as a count, a plan rounds up ([RoundUp] of the ratio): the
// least count that meets it. It is the arithmetic of [Dataset.RollupWith]
// for one unit; a base that is not positive is an error.
func SharePlan(v target.Value, base int64) (Ratio, error) {
	if err := v.Validate(); err != nil {
		return Ratio{}, err
	}
	if !v.IsShare() {
		return Ratio{v.Count(), 1}, nil
	}
	if base <= 0 {
		return Ratio{}, fmt.Errorf("indicator: %w: base %d for a share", ErrZeroDenominator, base)
	}
	dec := max(-v.Percent().Exponent(), 0)
	if dec > maxShareDecimals {
		return Ratio{}, fmt.Errorf("indicator: share %s: %w: more than %d decimals", v, ErrOverflow, maxShareDecimals)
	}
	p, ok := mul64(v.Percent().Shift(dec).IntPart(), base)
	if !ok {
		return Ratio{}, fmt.Errorf("indicator: %s of %d: %w", v, base, ErrOverflow)
	}
	return reduced(p, 100*int64(pow10[dec])), nil
}

// ShareAttainment returns the attainment of a share target by actual over
// base: actual / (share × base), which is the coverage actual / base
// against the share. 600 signatures over 1.007 adults attain 1200/1007 of
// a 50% target.
func ShareAttainment(actual, base int64, v target.Value) (Ratio, error) {
	p, err := SharePlan(v, base)
	if err != nil {
		return Ratio{}, err
	}
	if actual < 0 {
		return Ratio{}, fmt.Errorf("indicator: %w %d", ErrNegative, actual)
	}
	num, ok := mul64(actual, p.den)
	if !ok {
		return Ratio{}, fmt.Errorf("indicator: %w: attainment of %d", ErrOverflow, actual)
	}
	return reduced(num, p.num), nil
}

// RoundUp returns the least integer at least r: the count that meets an
// exact plan (1007/2 gives 504). It is [Ratio.Decimal] with no decimals,
// rounded [Up]; the invalid Ratio gives 0.
func RoundUp(r Ratio) int64 { return r.Decimal(0, Up).IntPart() }

// Pace measures unit's progress toward its plan for an indicator by due,
// from baseline to the roll-up's actual ([target.Pace]): the goal is the
// plan as a count, rounded up from the exact plan of a share target (50%
// of 1.007 adults is met by 504). The needed rate is exact in the result;
// [NeededPerDay] rounds it up for people.
func (r *Result) Pace(indicator string, unit region.Code, baseline target.Point, due time.Time) (target.Progress, error) {
	row, ok := r.Row(indicator, unit)
	switch {
	case !ok:
		return target.Progress{}, fmt.Errorf("indicator: pace of %s for %s: %w", indicator, unit, ErrUnknownIndicator)
	case !row.HasActual || !row.HasPlan:
		return target.Progress{}, fmt.Errorf("indicator: pace of %s for %s: no actual and plan on %s", indicator, unit, r.asOf.Format(time.DateOnly))
	}
	return target.Pace(baseline, target.Point{Date: r.asOf, Count: row.Actual}, target.Point{Date: due, Count: row.Plan})
}

// NeededPerDay returns the count per day p needs to meet its goal,
// rounded up (a rate needed is never rounded down: 39.714 in 38 days is
// 1.046 a day), and 0 when no day is left.
func NeededPerDay(p target.Progress) int64 {
	return RoundUp(Ratio{p.Needed.Count, p.Needed.Days})
}

// PaceText says in lang what p asks to reach goal by due, counting noun:
// "cần thêm 1.046 người mỗi ngày để đạt 50% trước 30/4" ("1,046 more
// people a day needed to reach 50% by 30/4"); "đã đạt 50%" when met; and
// when no day is left, "quá hạn 30/4, còn thiếu 1.234 người để đạt 50%".
// The rate is [NeededPerDay], rounded up.
func PaceText(p target.Progress, goal target.Value, noun numeral.Words, due time.Time, lang numeral.Language) string {
	g := numeral.FormatInt(goal.Count(), lang)
	if goal.IsShare() {
		g = numeral.FormatDecimal(goal.Percent(), lang) + "%"
	}
	d, w := due.Format("2/1"), noun.In(lang)
	switch {
	case p.Status == target.Met:
		return numeral.Words{Vi: "đã đạt " + g, En: g + " reached"}.In(lang)
	case p.DaysLeft == 0:
		n := numeral.FormatInt(p.Remaining, lang)
		return numeral.Words{Vi: fmt.Sprintf("quá hạn %s, còn thiếu %s %s để đạt %s", d, n, w, g),
			En: fmt.Sprintf("past %s, %s %s short of %s", d, n, w, g)}.In(lang)
	}
	n := numeral.FormatInt(NeededPerDay(p), lang)
	return numeral.Words{Vi: fmt.Sprintf("cần thêm %s %s mỗi ngày để đạt %s trước %s", n, w, g, d),
		En: fmt.Sprintf("%s more %s a day needed to reach %s by %s", n, w, g, d)}.In(lang)
}
