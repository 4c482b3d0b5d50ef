package composite

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
)

// Reported holds values reported per unit for measures {"reported": key}:
// key → unit → value (a share as 0,8, a yes as 1, points as they are).
// [ReadReported] reads it from a file with every check.
type Reported map[string]map[region.Code]decimal.Decimal

// pillarSet is a set of pillars, bit p for indicator.Pillar p.
type pillarSet uint8

// flat is a criteria tree in pre-order: parents before children.
type flat struct {
	nodes   []*Node
	parent  []int
	pillars []pillarSet // inherited
	points  []*big.Rat
	leaf    []bool // no children
}

func flatten(root *Node) flat {
	var f flat
	for v := range Walk(root) {
		var ps pillarSet
		for _, p := range v.Node.Pillars {
			ps |= 1 << p
		}
		if ps == 0 && v.Parent >= 0 {
			ps = f.pillars[v.Parent]
		}
		f.nodes = append(f.nodes, v.Node)
		f.parent = append(f.parent, v.Parent)
		f.pillars = append(f.pillars, ps)
		f.points = append(f.points, v.Node.Points.Rat())
		f.leaf = append(f.leaf, len(v.Node.Children) == 0)
	}
	return f
}

// The pillars, in order.
var allPillars = [...]indicator.Pillar{indicator.DigitalGov, indicator.DigitalEconomy, indicator.DigitalSociety}

// Scorecard is a criteria set scored for every unit of its level: points per
// node, totals, the index (total / maximum), pillar values and ranks. Points
// are exact rationals; round them only to show them ([indicator.Round]). A
// Scorecard is immutable and safe for concurrent use.
type Scorecard struct {
	c     *Criteria
	h     *region.Hierarchy
	f     flat
	units []int32       // hierarchy indexes, ascending
	pos   map[int32]int // hierarchy index → position in units
	pts   []*big.Rat    // [u·len(nodes) + node]; nil when unknown
	given []bool        // the nodes whose points are given, not summed: the leaves, or a merged unit's main indicators
	miss  [][]string    // missing leaf ids per unit
	full  []bool        // a total exists
	pil   [][4]*big.Rat // pillar points per unit
	pmax  [4]*big.Rat   // pillar maximum
	rank  []int32       // by hierarchy index
	prank [4][]int32    // pillar ranks by hierarchy index
}

// Score scores every unit at the set's level of r's hierarchy, reading
// actuals and plans from r and reported values from rep (which may be nil).
// Missing data is listed per unit and criterion; it scores 0 only when the
// set says MissingAsZero, otherwise the unit has no total and no rank. A key
// of rep that no measure reads, or a unit of rep that is not at the set's
// level of r's hierarchy, is an error: such values would be ignored. Ranks
// (overall and per pillar) are [indicator.Competition] ranks through
// [indicator.RankBy].
func (c *Criteria) Score(r *indicator.Result, rep Reported) (*Scorecard, error) {
	h := r.Hierarchy()
	if err := c.checkReported(rep, h); err != nil {
		return nil, err
	}
	sc := &Scorecard{c: c, h: h, f: c.f, given: c.f.leaf, units: slices.Clone(h.Level(c.spec.Level))}
	nn, nu := len(sc.f.nodes), len(sc.units)
	sc.pts = make([]*big.Rat, nu*nn)
	sc.miss = make([][]string, nu)
	vals := make([]*big.Rat, nu)
	scratch := new(big.Rat)
	for j, n := range sc.f.nodes {
		if len(n.Children) > 0 {
			continue
		}
		m, err := c.reader(n.Measure, r, rep)
		if err != nil {
			return nil, err
		}
		lr := newLeafRule(n, sc.f.points[j])
		put := func(u int, p *big.Rat) {
			if p == nil {
				sc.miss[u] = append(sc.miss[u], n.ID)
				if c.spec.MissingAsZero || n.Points.IsZero() {
					p = new(big.Rat) // a criterion worth nothing cannot block a total
				}
			}
			sc.pts[u*nn+j] = p
		}
		if lr.kind == MinMax {
			// Min-max needs every unit's value before any unit's points.
			for u, i := range sc.units {
				vals[u] = nil
				if m.read(int(i), scratch) {
					vals[u] = new(big.Rat).Set(scratch)
				}
			}
			lr.bounds(vals)
			for u, v := range vals {
				p, err := lr.points(v)
				if err != nil {
					return nil, fmt.Errorf("composite: criteria %s, node %q: %w", c.spec.ID, n.ID, err)
				}
				put(u, p)
			}
			continue
		}
		for u, i := range sc.units {
			if a, b, ok, frac := m.read64(int(i)); frac {
				if !ok {
					put(u, nil)
					continue
				}
				if p, done := lr.points64(a, b); done {
					put(u, p)
					continue
				}
			}
			v := scratch
			if !m.read(int(i), scratch) {
				v = nil
			}
			p, err := lr.points(v)
			if err != nil {
				return nil, fmt.Errorf("composite: criteria %s, node %q, unit %s: %w", c.spec.ID, n.ID, h.At(int(i)).Code, err)
			}
			put(u, p)
		}
	}
	sc.finish()
	return sc, nil
}

// checkReported rejects reported values that no measure would read.
func (c *Criteria) checkReported(rep Reported, h *region.Hierarchy) error {
	keys := map[string]bool{}
	for _, n := range c.f.nodes {
		if n.Measure != nil && n.Measure.Reported != "" {
			keys[n.Measure.Reported] = true
		}
	}
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(rep)) {
		if !keys[key] {
			errs = append(errs, fmt.Errorf("composite: reported values: %w: key %q is read by no criterion of %s", ErrCriteria, key, c.spec.ID))
			continue
		}
		for _, code := range slices.SortedFunc(maps.Keys(rep[key]), region.Code.Compare) {
			switch u, ok := h.Unit(code); {
			case !ok:
				errs = append(errs, fmt.Errorf("composite: reported %s: %w %s", key, region.ErrUnknownUnit, code))
			case code.Level() != c.spec.Level:
				errs = append(errs, fmt.Errorf("composite: reported %s: %v is not at the %s level %s scores", key, u, c.spec.Level, c.spec.ID))
			}
		}
	}
	return errors.Join(errs...)
}

// measure reads one leaf's values: from roll-up columns, or from reported
// values.
type measure struct {
	kind     byte // 'c' count, 'r' ratio, 'a' attainment, 'p' reported
	a, b     indicator.Column
	reported map[region.Code]decimal.Decimal
	h        *region.Hierarchy
}

func (c *Criteria) reader(m *Reading, r *indicator.Result, rep Reported) (measure, error) {
	col := func(id string) (indicator.Column, error) {
		x, ok := r.Column(id)
		if !ok {
			return x, fmt.Errorf("composite: criteria %s: %w %q in the roll-up", c.spec.ID, indicator.ErrUnknownIndicator, id)
		}
		return x, nil
	}
	var err, err2 error
	out := measure{h: r.Hierarchy()}
	switch {
	case m.Count != "":
		out.kind = 'c'
		out.a, err = col(m.Count)
	case m.Ratio != nil:
		out.kind = 'r'
		out.a, err = col(m.Ratio[0])
		out.b, err2 = col(m.Ratio[1])
	case m.Attainment != "":
		out.kind = 'a'
		out.a, err = col(m.Attainment)
	default:
		out.kind = 'p'
		out.reported = rep[m.Reported]
	}
	return out, errors.Join(err, err2)
}

// read64 returns unit i's value as the fraction a/b of counts; ok is false
// when it is missing, and frac false for a reported value.
func (m *measure) read64(i int) (a, b int64, ok, frac bool) {
	switch m.kind {
	case 'c':
		a, ok = m.a.Actual(i)
		return a, 1, ok, true
	case 'r':
		a, ok1 := m.a.Actual(i)
		b, ok2 := m.b.Actual(i)
		return a, b, ok1 && ok2 && b > 0, true
	case 'a':
		a, ok1 := m.a.Actual(i)
		b, ok2 := m.a.Plan(i)
		return a, b, ok1 && ok2 && b > 0, true
	}
	return 0, 0, false, false
}

// read sets v to unit i's value and reports whether it has one.
func (m *measure) read(i int, v *big.Rat) bool {
	if a, b, ok, frac := m.read64(i); frac {
		if ok {
			v.SetFrac64(a, b)
		}
		return ok
	}
	x, ok := m.reported[m.h.At(i).Code]
	if ok {
		v.Set(x.Rat())
	}
	return ok
}

// leafRule is a Rule with its constants converted once per leaf. Points it
// returns may be shared between units (the maximum, a band's points, zero):
// they are never modified after scoring.
type leafRule struct {
	kind     RuleKind
	max      *big.Rat
	perValue *big.Rat // ToTarget: max / target
	from     []*big.Rat
	pts      []*big.Rat
	invert   bool
	lo, hi   *big.Rat // MinMax, after bounds

	// The same constants as int64 fractions when they fit, for values that
	// are fractions of counts (the common case): comparisons in 128 bits
	// instead of big.Rat allocations.
	fits         bool
	maxN, maxD   int64
	perN, perD   int64
	fromN, fromD []int64
}

var ratZero = new(big.Rat)

// frac64 returns x as an int64 fraction if it fits.
func frac64(x *big.Rat) (n, d int64, ok bool) {
	if !x.Num().IsInt64() || !x.Denom().IsInt64() {
		return 0, 0, false
	}
	return x.Num().Int64(), x.Denom().Int64(), true
}

// cmpFrac compares a/b with c/d for a, c >= 0 and b, d > 0, exactly.
func cmpFrac(a, b, c, d int64) int {
	h1, l1 := bits.Mul64(uint64(a), uint64(d))
	h2, l2 := bits.Mul64(uint64(c), uint64(b))
	return cmp.Or(cmp.Compare(h1, h2), cmp.Compare(l1, l2))
}

// mul63 returns a·b if it fits in an int64, for a, b >= 0.
func mul63(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	return int64(lo), hi == 0 && lo>>63 == 0
}

// points64 scores the value a/b (a >= 0, b > 0) without big.Rat where the
// constants allow; ok is false when the caller must use points.
func (lr *leafRule) points64(a, b int64) (p *big.Rat, ok bool) {
	if !lr.fits {
		return nil, false
	}
	switch lr.kind {
	case ToTarget:
		num, ok1 := mul63(a, lr.perN)
		den, ok2 := mul63(b, lr.perD)
		if !ok1 || !ok2 {
			return nil, false
		}
		if cmpFrac(num, den, lr.maxN, lr.maxD) >= 0 {
			return lr.max, true
		}
		return new(big.Rat).SetFrac64(num, den), true
	case Bands:
		p = ratZero
		for k := range lr.from {
			if cmpFrac(a, b, lr.fromN[k], lr.fromD[k]) >= 0 {
				p = lr.pts[k]
			}
		}
		return p, true
	case YesNo:
		if a > 0 {
			return lr.max, true
		}
		return ratZero, true
	}
	return nil, false
}

func newLeafRule(n *Node, max *big.Rat) *leafRule {
	r := n.Rule
	lr := &leafRule{kind: r.Kind, max: max, invert: r.Invert}
	switch r.Kind {
	case ToTarget:
		lr.perValue = new(big.Rat).Quo(max, r.Target.Rat())
	case Bands:
		for _, b := range r.Bands {
			lr.from = append(lr.from, b.From.Rat())
			lr.pts = append(lr.pts, b.Points.Rat())
		}
	}
	var ok bool
	lr.maxN, lr.maxD, lr.fits = frac64(max)
	if lr.perValue != nil {
		lr.perN, lr.perD, ok = frac64(lr.perValue)
		lr.fits = lr.fits && ok
	}
	for _, f := range lr.from {
		n, d, ok := frac64(f)
		lr.fits = lr.fits && ok && n >= 0
		lr.fromN, lr.fromD = append(lr.fromN, n), append(lr.fromD, d)
	}
	return lr
}

// bounds records the least and greatest of the known values.
func (lr *leafRule) bounds(vals []*big.Rat) {
	for _, v := range vals {
		if v == nil {
			continue
		}
		if lr.lo == nil || v.Cmp(lr.lo) < 0 {
			lr.lo = v
		}
		if lr.hi == nil || v.Cmp(lr.hi) > 0 {
			lr.hi = v
		}
	}
}

// points returns the points of value v (nil for a missing value).
func (lr *leafRule) points(v *big.Rat) (*big.Rat, error) {
	if v == nil {
		return nil, nil
	}
	p := new(big.Rat)
	switch lr.kind {
	case ToTarget:
		if p.Mul(v, lr.perValue).Cmp(lr.max) > 0 {
			return lr.max, nil
		}
	case Bands:
		p = ratZero
		for k, from := range lr.from {
			if v.Cmp(from) >= 0 {
				p = lr.pts[k]
			}
		}
	case YesNo:
		if v.Sign() > 0 {
			return lr.max, nil
		}
	case MinMax:
		if lr.lo.Cmp(lr.hi) == 0 {
			return p.Set(lr.max), nil
		}
		if lr.invert {
			p.Sub(lr.hi, v)
		} else {
			p.Sub(v, lr.lo)
		}
		p.Mul(p, lr.max)
		p.Quo(p, new(big.Rat).Sub(lr.hi, lr.lo))
	case AsReported:
		if v.Sign() < 0 || v.Cmp(lr.max) > 0 {
			return nil, fmt.Errorf("reported points %s outside [0, %s]", v.FloatString(4), lr.max.FloatString(4))
		}
		p.Set(v)
	}
	return p, nil
}

// finish adds leaves up the tree, computes pillars and ranks.
func (sc *Scorecard) finish() {
	nn, nu := len(sc.f.nodes), len(sc.units)
	sc.full = make([]bool, nu)
	sc.pil = make([][4]*big.Rat, nu)
	for p := range sc.pmax {
		sc.pmax[p] = new(big.Rat)
	}
	for j, leaf := range sc.f.leaf {
		for _, p := range allPillars {
			if leaf && sc.f.pillars[j]&(1<<p) != 0 {
				sc.pmax[p].Add(sc.pmax[p], sc.f.points[j])
			}
		}
	}
	for u := range sc.units {
		row := sc.pts[u*nn : (u+1)*nn]
		sc.sumUp(row, sc.f.leaf)
		sc.full[u] = row[0] != nil
		if sc.full[u] {
			sc.pillars(u)
		}
	}
	sc.rankAll()
}

// sumUp fills each node above the leaves with the sum of its children, or
// nil when one is unknown. leaf marks the nodes whose values are given
// (the tree's leaves, or the main indicators of a merged unit); nodes below
// a leaf are left alone. Children come after their parent in pre-order.
func (sc *Scorecard) sumUp(row []*big.Rat, leaf []bool) {
	sums := make([]*big.Rat, len(row))
	ok := make([]bool, len(row))
	under := make([]bool, len(row))
	for j, p := range sc.f.parent {
		under[j] = p >= 0 && (leaf[p] || under[p])
		if !leaf[j] && !under[j] {
			sums[j], ok[j] = new(big.Rat), true
		}
	}
	for j := len(row) - 1; j >= 0; j-- {
		if under[j] {
			continue
		}
		if sums[j] != nil {
			row[j] = nil
			if ok[j] {
				row[j] = sums[j]
			}
		}
		if p := sc.f.parent[j]; p >= 0 {
			if row[j] == nil {
				ok[p] = false
			} else if ok[p] {
				sums[p].Add(sums[p], row[j])
			}
		}
	}
}

func (sc *Scorecard) pillars(u int) {
	nn := len(sc.f.nodes)
	for p := range sc.pil[u] {
		sc.pil[u][p] = new(big.Rat)
	}
	for j, leaf := range sc.f.leaf {
		if !leaf || sc.pts[u*nn+j] == nil {
			continue
		}
		for _, p := range allPillars {
			if sc.f.pillars[j]&(1<<p) != 0 {
				sc.pil[u][p].Add(sc.pil[u][p], sc.pts[u*nn+j])
			}
		}
	}
}

func (sc *Scorecard) rankAll() {
	n := sc.h.Len()
	sc.pos = make(map[int32]int, len(sc.units))
	for u, i := range sc.units {
		sc.pos[i] = u
	}
	var idx []int32
	for u, i := range sc.units {
		if sc.full[u] {
			idx = append(idx, i)
		}
	}
	nn := len(sc.f.nodes)
	sc.rank = make([]int32, n)
	indicator.RankBy(sc.h, slices.Clone(idx), exactOrder(n, idx, func(i int32) *big.Rat { return sc.pts[sc.pos[i]*nn] }), indicator.Competition, sc.rank)
	for _, p := range allPillars {
		sc.prank[p] = make([]int32, n)
		if sc.pmax[p].Sign() == 0 {
			continue
		}
		indicator.RankBy(sc.h, slices.Clone(idx), exactOrder(n, idx, func(i int32) *big.Rat { return sc.pil[sc.pos[i]][p] }), indicator.Competition, sc.prank[p])
	}
}

// exactOrder returns a comparison of the units' exact values that first
// compares their nearest float64s: rounding to nearest is monotonic, so
// unequal floats order their rationals correctly, and only equal floats
// need the exact, allocating big.Rat comparison.
func exactOrder(n int, idx []int32, val func(int32) *big.Rat) func(a, b int32) int {
	approx := make([]float64, n)
	for _, i := range idx {
		approx[i], _ = val(i).Float64()
	}
	return func(a, b int32) int {
		switch fa, fb := approx[a], approx[b]; {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return val(a).Cmp(val(b))
	}
}

// UnitScore is one unit's scores.
type UnitScore struct {
	Unit    region.Unit
	Total   *big.Rat // nil when data is missing and the set does not score it as zero
	Index   *big.Rat // Total / the set's maximum, in [0, 1]
	Rank    int      // 0 when unranked
	Missing []string // ids of the criteria without data
	// Points per node id; a node whose data is missing is absent.
	Points map[string]*big.Rat
	// Pillars: points, value (points / the pillar's maximum) and rank per
	// pillar that has criteria.
	PillarPoints map[indicator.Pillar]*big.Rat
	PillarValue  map[indicator.Pillar]*big.Rat
	PillarRank   map[indicator.Pillar]int
}

// Criteria returns the set that was scored (immutable, so it may be shared).
func (sc *Scorecard) Criteria() *Criteria { return sc.c }

// Unit returns the scores of one unit.
func (sc *Scorecard) Unit(code region.Code) (UnitScore, bool) {
	i, ok := sc.h.Index(code)
	if !ok {
		return UnitScore{}, false
	}
	u, ok := sc.pos[int32(i)]
	if !ok {
		return UnitScore{}, false
	}
	return sc.unitScore(u), true
}

func (sc *Scorecard) unitScore(u int) UnitScore {
	nn := len(sc.f.nodes)
	i := sc.units[u]
	us := UnitScore{
		Unit: sc.h.At(int(i)), Rank: int(sc.rank[i]), Missing: slices.Clone(sc.miss[u]),
		Points: map[string]*big.Rat{},
	}
	for j, n := range sc.f.nodes {
		if p := sc.pts[u*nn+j]; p != nil {
			us.Points[n.ID] = new(big.Rat).Set(p)
		}
	}
	if sc.full[u] {
		us.Total = new(big.Rat).Set(sc.pts[u*nn])
		us.Index = new(big.Rat).Quo(us.Total, sc.f.points[0])
		us.PillarPoints, us.PillarValue, us.PillarRank = map[indicator.Pillar]*big.Rat{}, map[indicator.Pillar]*big.Rat{}, map[indicator.Pillar]int{}
		for _, p := range allPillars {
			if sc.pmax[p].Sign() == 0 {
				continue
			}
			us.PillarPoints[p] = new(big.Rat).Set(sc.pil[u][p])
			us.PillarValue[p] = new(big.Rat).Quo(sc.pil[u][p], sc.pmax[p])
			us.PillarRank[p] = int(sc.prank[p][i])
		}
	}
	return us
}

// Ranking returns every unit scored: ranked units best first, then the
// unranked in the hierarchy's order.
func (sc *Scorecard) Ranking() []UnitScore {
	out := make([]UnitScore, len(sc.units))
	for u := range sc.units {
		out[u] = sc.unitScore(u)
	}
	slices.SortStableFunc(out, func(a, b UnitScore) int {
		switch {
		case a.Rank == 0 && b.Rank == 0:
			return 0
		case a.Rank == 0:
			return 1
		case b.Rank == 0:
			return -1
		}
		if a.Rank != b.Rank {
			return a.Rank - b.Rank
		}
		ia, _ := sc.h.Index(a.Unit.Code)
		ib, _ := sc.h.Index(b.Unit.Code)
		return sc.h.NameRank(ia) - sc.h.NameRank(ib)
	})
	return out
}
