package indicator

import (
	"cmp"
	"fmt"
	"math/big"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/region"
)

// Reported holds values reported per unit for measures {"reported": key}:
// key → unit → value (a share as 0,8, a yes as 1, points as they are).
type Reported map[string]map[region.Code]decimal.Decimal

// flat is a criteria tree in pre-order: parents before children.
type flat struct {
	nodes  []*Node
	parent []int
	pillar []Pillar // inherited
	points []*big.Rat
	leaf   []bool // no children
}

func flatten(c *Criteria) flat {
	var f flat
	var walk func(n *Node, parent int, p Pillar)
	walk = func(n *Node, parent int, p Pillar) {
		if n.Pillar != NoPillar {
			p = n.Pillar
		}
		i := len(f.nodes)
		f.nodes = append(f.nodes, n)
		f.parent = append(f.parent, parent)
		f.pillar = append(f.pillar, p)
		f.points = append(f.points, n.Points.Rat())
		f.leaf = append(f.leaf, len(n.Children) == 0)
		for k := range n.Children {
			walk(&n.Children[k], i, p)
		}
	}
	walk(&c.Root, -1, NoPillar)
	return f
}

// Scorecard is a criteria set scored for every unit of its level: points per
// node, totals, the index (total / maximum), pillar values and ranks. Points
// are exact rationals; round them only to show them ([Round]). A Scorecard
// is immutable and safe for concurrent use.
type Scorecard struct {
	c     *Criteria
	h     *region.Hierarchy
	f     flat
	units []int32       // hierarchy indexes, ascending
	pos   map[int32]int // hierarchy index → position in units
	pts   []*big.Rat    // [u·len(nodes) + node]; nil when unknown
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
// set says MissingAsZero, otherwise the unit has no total and no rank.
// Ranks (overall and per pillar) follow [Competition] ranking with equal
// values in Vietnamese collation order of names, then code.
func (c *Criteria) Score(r *Result, rep Reported) (*Scorecard, error) {
	if err := c.Validate(r.cat); err != nil {
		return nil, err
	}
	sc := &Scorecard{c: c, h: r.h, f: flatten(c), units: slices.Clone(r.h.Level(c.Level))}
	nn, nu := len(sc.f.nodes), len(sc.units)
	sc.pts = make([]*big.Rat, nu*nn)
	sc.miss = make([][]string, nu)
	vals := make([]*big.Rat, nu)
	scratch := new(big.Rat)
	for j, n := range sc.f.nodes {
		if len(n.Children) > 0 {
			continue
		}
		lr := newLeafRule(n, sc.f.points[j])
		put := func(u int, p *big.Rat) {
			if p == nil {
				sc.miss[u] = append(sc.miss[u], n.ID)
				if c.MissingAsZero || n.Points.IsZero() {
					p = new(big.Rat) // a criterion worth nothing cannot block a total
				}
			}
			sc.pts[u*nn+j] = p
		}
		if lr.kind == MinMax {
			// Min-max needs every unit's value before any unit's points.
			for u, i := range sc.units {
				vals[u] = nil
				if c.read(n.Measure, r, rep, int(i), scratch) {
					vals[u] = new(big.Rat).Set(scratch)
				}
			}
			lr.bounds(vals)
			for u, v := range vals {
				p, err := lr.points(v)
				if err != nil {
					return nil, fmt.Errorf("indicator: criteria %s, node %q: %w", c.ID, n.ID, err)
				}
				put(u, p)
			}
			continue
		}
		for u, i := range sc.units {
			if a, b, ok, frac := c.read64(n.Measure, r, int(i)); frac {
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
			if !c.read(n.Measure, r, rep, int(i), scratch) {
				v = nil
			}
			p, err := lr.points(v)
			if err != nil {
				return nil, fmt.Errorf("indicator: criteria %s, node %q, unit %s: %w", c.ID, n.ID, r.h.At(int(i)).Code, err)
			}
			put(u, p)
		}
	}
	sc.finish()
	return sc, nil
}

// read64 returns a unit's value for a measure read from counts as the
// fraction a/b; ok is false when it is missing, and frac false when the
// measure is not a fraction of counts (a reported value).
func (c *Criteria) read64(m *Reading, r *Result, i int) (a, b int64, ok, frac bool) {
	n := r.h.Len()
	actual := func(id string) (int64, bool) {
		k, _ := r.cat.index(id)
		s := k*n + i
		return r.actual[s], r.flags[s]&fActual != 0
	}
	switch {
	case m.Count != "":
		a, ok = actual(m.Count)
		return a, 1, ok, true
	case m.Ratio != nil:
		a, ok1 := actual(m.Ratio[0])
		b, ok2 := actual(m.Ratio[1])
		return a, b, ok1 && ok2 && b > 0, true
	case m.Attainment != "":
		k, _ := r.cat.index(m.Attainment)
		s := k*n + i
		f := r.flags[s]
		return r.actual[s], r.plan[s], f&fActual != 0 && f&fPlan != 0 && r.plan[s] > 0, true
	}
	return 0, 0, false, false
}

// read sets v to a unit's value for a measure and reports whether it has
// one.
func (c *Criteria) read(m *Reading, r *Result, rep Reported, i int, v *big.Rat) bool {
	if a, b, ok, frac := c.read64(m, r, i); frac {
		if ok {
			v.SetFrac64(a, b)
		}
		return ok
	}
	x, ok := rep[m.Reported][r.h.At(i).Code]
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
	for j, n := range sc.f.nodes {
		if len(n.Children) == 0 {
			sc.pmax[sc.f.pillar[j]].Add(sc.pmax[sc.f.pillar[j]], sc.f.points[j])
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
	for j, n := range sc.f.nodes {
		if len(n.Children) == 0 && sc.pts[u*nn+j] != nil {
			p := sc.pil[u][sc.f.pillar[j]]
			p.Add(p, sc.pts[u*nn+j])
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
	rankBy(sc.h, slices.Clone(idx), exactOrder(n, idx, func(i int32) *big.Rat { return sc.pts[sc.pos[i]*nn] }), Competition, sc.rank)
	for p := DigitalGov; p <= DigitalSociety; p++ {
		sc.prank[p] = make([]int32, n)
		if sc.pmax[p].Sign() == 0 {
			continue
		}
		rankBy(sc.h, slices.Clone(idx), exactOrder(n, idx, func(i int32) *big.Rat { return sc.pil[sc.pos[i]][p] }), Competition, sc.prank[p])
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
	PillarPoints map[Pillar]*big.Rat
	PillarValue  map[Pillar]*big.Rat
	PillarRank   map[Pillar]int
}

// Criteria returns the set that was scored.
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
		us.PillarPoints, us.PillarValue, us.PillarRank = map[Pillar]*big.Rat{}, map[Pillar]*big.Rat{}, map[Pillar]int{}
		for p := DigitalGov; p <= DigitalSociety; p++ {
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

// Round rounds an exact score to digits decimals with mode, for people to
// read: the DTI publishes indices with 4 decimals, half up.
func Round(x *big.Rat, digits int32, mode RoundingMode) decimal.Decimal {
	if x == nil {
		return decimal.Zero
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(digits)), nil)
	neg := x.Sign() < 0
	num := new(big.Int).Abs(x.Num())
	q := roundQuo(num.Mul(num, scale), x.Denom(), mode)
	if neg {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -digits)
}
