package composite

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"math"
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

// The pillars, in order.
var allPillars = [...]indicator.Pillar{indicator.DigitalGov, indicator.DigitalEconomy, indicator.DigitalSociety}

// flat is a criteria tree in pre-order: parents before children, and the
// subtree of node j at [j, end[j]).
type flat struct {
	nodes   []*Node
	parent  []int
	end     []int
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
	f.end = make([]int, len(f.nodes))
	for j := len(f.nodes) - 1; j >= 0; j-- {
		f.end[j] = max(f.end[j], j+1)
		if p := f.parent[j]; p >= 0 {
			f.end[p] = max(f.end[p], f.end[j])
		}
	}
	return f
}

// frac is an exact value n/d (d > 0) in two words. d == 0 marks a missing
// value, d == −2 a missing value scored as zero, and d == −1 a value too
// large for a frac, kept in the scorecard's side table at index n.
type frac struct{ n, d int64 }

// The special denominators of a frac.
const (
	missing       = 0
	inSideTable   = -1
	missingAsZero = -2
)

// Scorecard is a criteria set scored for every unit of its level: points per
// node, totals, the index (total / maximum), pillar values and ranks. Every
// value is exact; a unit's points are kept as int64 fractions where they fit
// (nearly always), and totals, indices and pillar values are summed exactly
// when asked for ([Scorecard.Unit], [Scorecard.Ranking]). Round them only to
// show them ([indicator.Round]). A Scorecard is immutable and safe for
// concurrent use.
type Scorecard struct {
	c      *Criteria
	h      *region.Hierarchy
	f      flat
	given  []bool // the nodes whose points are given: the leaves, or a merged unit's main indicators
	under  []bool // nodes below a given one, which have no points of their own
	units  []int32
	pos    map[int32]int
	vals   []frac     // [u·nodes + j] for the given nodes j
	bigs   []*big.Rat // the values too large for a frac
	full   []bool     // a total exists
	approx []float64  // [u·4]: the total, then each pillar's points, as float sums, to order units
	pilSet [][4]*big.Rat
	pmax   [4]*big.Rat // each pillar's maximum
	rank   []int32     // by hierarchy index
	prank  [4][]int32
}

// Score scores every unit at the set's level of r's hierarchy, reading
// actuals and plans from r and reported values from rep (which may be nil).
// Missing data is listed per unit and criterion; it scores 0 only when the
// set says MissingAsZero, otherwise the unit has no total and no rank. A key
// of rep that no measure reads, or a unit of rep that is not at the set's
// level of r's hierarchy, is an error: such values would be ignored. Ranks
// (overall and per pillar) are [indicator.Competition] ranks through
// [indicator.RankBy].
//
// Scoring makes a fixed number of allocations, whatever the number of
// units, except for the rare value whose numerator or denominator does not
// fit in 64 bits.
func (c *Criteria) Score(r *indicator.Result, rep Reported) (*Scorecard, error) {
	h := r.Hierarchy()
	if err := c.checkReported(rep, h); err != nil {
		return nil, err
	}
	sc := c.newScorecard(h, c.f.leaf)
	nn, nu := len(sc.f.nodes), len(sc.units)
	sc.vals = make([]frac, nu*nn)
	var mm []frac // min-max values, by unit
	out := new(big.Rat)
	scratch := new(big.Rat)
	for j, n := range sc.f.nodes {
		if !sc.f.leaf[j] {
			continue
		}
		m, err := c.reader(n.Measure, r, rep)
		if err != nil {
			return nil, err
		}
		lr := newLeafRule(n, sc.f.points[j])
		zero := c.spec.MissingAsZero || n.Points.IsZero() // a criterion worth nothing cannot block a total
		put := func(u int, v frac) {
			if v.d == missing && zero {
				v.d = missingAsZero
			}
			sc.vals[u*nn+j] = v
		}
		if lr.kind == MinMax {
			// Min-max needs every unit's value before any unit's points.
			mm = slices.Grow(mm[:0], nu)[:nu]
			for u, i := range sc.units {
				mm[u] = frac{}
				if a, b, ok, isFrac := m.read64(int(i)); isFrac {
					if ok {
						mm[u] = frac{a, b}
					}
				} else if m.read(int(i), scratch) {
					mm[u] = sc.frac(scratch)
				}
			}
			lr.bounds(mm, sc)
			for u, v := range mm {
				if v.d == 0 {
					put(u, v)
					continue
				}
				if v.d > 0 && v.n >= 0 {
					if p, done := lr.minmax64(v.n, v.d); done {
						put(u, p)
						continue
					}
				}
				lr.minmax(sc.rat(v, scratch), out)
				put(u, sc.frac(out))
			}
			continue
		}
		for u, i := range sc.units {
			if a, b, ok, isFrac := m.read64(int(i)); isFrac {
				if !ok {
					put(u, frac{})
					continue
				}
				if v, done := lr.points64(a, b); done {
					put(u, v)
					continue
				}
			}
			if !m.read(int(i), scratch) {
				put(u, frac{})
				continue
			}
			if err := lr.points(scratch, out); err != nil {
				return nil, fmt.Errorf("composite: criteria %s, node %q, unit %s: %w", c.spec.ID, n.ID, h.At(int(i)).Code, err)
			}
			put(u, sc.frac(out))
		}
	}
	sc.finish()
	return sc, nil
}

// newScorecard prepares a scorecard of c's level of h, whose points are
// given for the nodes given marks.
func (c *Criteria) newScorecard(h *region.Hierarchy, given []bool) *Scorecard {
	sc := &Scorecard{c: c, h: h, f: c.f, given: given, units: slices.Clone(h.Level(c.spec.Level))}
	sc.under = make([]bool, len(sc.f.nodes))
	for j, p := range sc.f.parent {
		sc.under[j] = p >= 0 && (given[p] || sc.under[p])
	}
	sc.pos = make(map[int32]int, len(sc.units))
	for u, i := range sc.units {
		sc.pos[i] = u
	}
	for _, p := range allPillars {
		sc.pmax[p] = new(big.Rat)
		for j, g := range given {
			if g && !sc.under[j] && sc.f.pillars[j]&(1<<p) != 0 {
				sc.pmax[p].Add(sc.pmax[p], sc.f.points[j])
			}
		}
	}
	return sc
}

// frac returns x as a frac, keeping it in the side table if it does not
// fit; x is not retained.
func (sc *Scorecard) frac(x *big.Rat) frac {
	if x.Num().IsInt64() && x.Denom().IsInt64() {
		return frac{x.Num().Int64(), x.Denom().Int64()}
	}
	sc.bigs = append(sc.bigs, new(big.Rat).Set(x))
	return frac{int64(len(sc.bigs) - 1), -1}
}

// rat sets x to v, which must not be missing, and returns it.
func (sc *Scorecard) rat(v frac, x *big.Rat) *big.Rat {
	switch v.d {
	case inSideTable:
		return x.Set(sc.bigs[v.n])
	case missingAsZero:
		return x.SetInt64(0)
	}
	return x.SetFrac64(v.n, v.d)
}

// float returns the nearest float64 to v, which must not be missing.
func (sc *Scorecard) float(v frac) float64 {
	switch v.d {
	case inSideTable:
		f, _ := sc.bigs[v.n].Float64()
		return f
	case missingAsZero:
		return 0
	}
	return float64(v.n) / float64(v.d)
}

// missing returns the ids of unit u's criteria without data.
func (sc *Scorecard) missing(u int) []string {
	nn := len(sc.f.nodes)
	var out []string
	for j, g := range sc.given {
		if d := sc.vals[u*nn+j].d; g && !sc.under[j] && (d == missing || d == missingAsZero) {
			out = append(out, sc.f.nodes[j].ID)
		}
	}
	return out
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
// when it is missing, and isFrac false for a reported value.
func (m *measure) read64(i int) (a, b int64, ok, isFrac bool) {
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
	case 'p':
		x, ok := m.reported[m.h.At(i).Code]
		if !ok {
			return 0, 0, false, true
		}
		if a, b, fits := decimalFrac(x); fits {
			return a, b, true, true
		}
	}
	return 0, 0, false, false
}

// decimalFrac returns a non-negative decimal as the fraction a/b when both
// fit in an int64.
func decimalFrac(x decimal.Decimal) (a, b int64, ok bool) {
	if x.Sign() < 0 || x.NumDigits() > 18 {
		return 0, 0, false
	}
	a, b = x.CoefficientInt64(), 1
	for e := x.Exponent(); e != 0; {
		var fits bool
		if e > 0 {
			a, fits = mul63(a, 10)
			e--
		} else {
			b, fits = mul63(b, 10)
			e++
		}
		if !fits {
			return 0, 0, false
		}
	}
	return a, b, true
}

// read sets v to unit i's value and reports whether it has one.
func (m *measure) read(i int, v *big.Rat) bool {
	if a, b, ok, isFrac := m.read64(i); isFrac {
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

// leafRule is a Rule with its constants converted once per leaf.
type leafRule struct {
	kind     RuleKind
	max      *big.Rat
	perValue *big.Rat // ToTarget: max / target
	from     []*big.Rat
	pts      []*big.Rat
	invert   bool
	lo, hi   *big.Rat // MinMax, after bounds
	scratch  big.Rat

	lohi64     bool // MinMax: lo64 and hi64 are lo and hi
	lo64, hi64 frac

	// The same constants as int64 fractions when they fit, for values that
	// are fractions of counts (the common case): comparisons in 128 bits
	// instead of big.Rat arithmetic.
	fits         bool
	maxN, maxD   int64
	perN, perD   int64
	fromN, fromD []int64
	ptsF         []frac
}

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

// points64 scores the value a/b (a >= 0, b > 0) in int64 fractions where
// the constants allow; done is false when the caller must use points.
func (lr *leafRule) points64(a, b int64) (v frac, done bool) {
	if !lr.fits {
		return frac{}, false
	}
	switch lr.kind {
	case ToTarget:
		num, ok1 := mul63(a, lr.perN)
		den, ok2 := mul63(b, lr.perD)
		if !ok1 || !ok2 {
			return frac{}, false
		}
		if cmpFrac(num, den, lr.maxN, lr.maxD) >= 0 {
			return frac{lr.maxN, lr.maxD}, true
		}
		return frac{num, den}, true
	case Bands:
		v = frac{0, 1}
		for k := range lr.from {
			if cmpFrac(a, b, lr.fromN[k], lr.fromD[k]) >= 0 {
				v = lr.ptsF[k]
			}
		}
		return v, true
	case YesNo:
		if a > 0 {
			return frac{lr.maxN, lr.maxD}, true
		}
		return frac{0, 1}, true
	}
	return frac{}, false
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
	for k, f := range lr.from {
		n, d, ok := frac64(f)
		pn, pd, ok2 := frac64(lr.pts[k])
		lr.fits = lr.fits && ok && ok2 && n >= 0
		lr.fromN, lr.fromD = append(lr.fromN, n), append(lr.fromD, d)
		lr.ptsF = append(lr.ptsF, frac{pn, pd})
	}
	return lr
}

// bounds records the least and greatest of the known values, as int64
// fractions too when they are (lohi64).
func (lr *leafRule) bounds(vals []frac, sc *Scorecard) {
	lr.lo, lr.hi, lr.lohi64 = nil, nil, lr.fits
	var lo, hi frac
	for _, v := range vals {
		switch {
		case v.d == 0:
		case v.d < 0 || v.n < 0:
			lr.lohi64 = false
		case lo.d == 0:
			lo, hi = v, v
		case cmpFrac(v.n, v.d, lo.n, lo.d) < 0:
			lo = v
		case cmpFrac(v.n, v.d, hi.n, hi.d) > 0:
			hi = v
		}
	}
	lr.lo64, lr.hi64 = lo, hi
	if lr.lohi64 && lo.d != 0 {
		lr.lo, lr.hi = big.NewRat(lo.n, lo.d), big.NewRat(hi.n, hi.d)
		return
	}
	x := new(big.Rat)
	for _, v := range vals {
		if v.d == 0 {
			continue
		}
		sc.rat(v, x)
		if lr.lo == nil || x.Cmp(lr.lo) < 0 {
			lr.lo = new(big.Rat).Set(x)
		}
		if lr.hi == nil || x.Cmp(lr.hi) > 0 {
			lr.hi = new(big.Rat).Set(x)
		}
	}
}

// minmax64 returns the min-max points of a/b (a >= 0, b > 0) in int64
// fractions, after bounds, when everything fits:
// P·(a/b − lo)/(hi − lo) = pn·(a·ld − ln·b)·hd / (pd·b·(hn·ld − ln·hd)).
func (lr *leafRule) minmax64(a, b int64) (frac, bool) {
	if !lr.lohi64 {
		return frac{}, false
	}
	lo, hi := lr.lo64, lr.hi64
	if lo == hi || cmpFrac(lo.n, lo.d, hi.n, hi.d) == 0 {
		return frac{lr.maxN, lr.maxD}, true
	}
	var x1, x2 int64
	var ok1, ok2 bool
	if lr.invert { // (hi − v) = (hn·b − a·hd)/(hd·b)
		x1, ok1 = mul63(hi.n, b)
		x2, ok2 = mul63(a, hi.d)
	} else { // (v − lo) = (a·ld − ln·b)/(b·ld)
		x1, ok1 = mul63(a, lo.d)
		x2, ok2 = mul63(lo.n, b)
	}
	y1, ok3 := mul63(hi.n, lo.d)
	y2, ok4 := mul63(lo.n, hi.d)
	if !(ok1 && ok2 && ok3 && ok4) {
		return frac{}, false
	}
	d1, d2 := x1-x2, y1-y2 // both >= 0
	// points = maxN·d1·(other denominator) / (maxD·b·d2)
	other := hi.d
	if lr.invert {
		other = lo.d
	}
	num, ok1 := mul63(lr.maxN, d1)
	num, ok2 = mul63(num, other)
	den, ok3 := mul63(lr.maxD, b)
	den, ok4 = mul63(den, d2)
	if !(ok1 && ok2 && ok3 && ok4) || den == 0 {
		return frac{}, false
	}
	return frac{num, den}, true
}

// minmax sets out to the min-max points of v, after bounds.
func (lr *leafRule) minmax(v, out *big.Rat) {
	if lr.lo.Cmp(lr.hi) == 0 {
		out.Set(lr.max)
		return
	}
	if lr.invert {
		out.Sub(lr.hi, v)
	} else {
		out.Sub(v, lr.lo)
	}
	out.Mul(out, lr.max)
	out.Quo(out, lr.scratch.Sub(lr.hi, lr.lo))
}

// points sets out to the points of the value v, for every rule but MinMax.
func (lr *leafRule) points(v, out *big.Rat) error {
	switch lr.kind {
	case ToTarget:
		if out.Mul(v, lr.perValue).Cmp(lr.max) > 0 {
			out.Set(lr.max)
		}
	case Bands:
		out.SetInt64(0)
		for k, from := range lr.from {
			if v.Cmp(from) >= 0 {
				out.Set(lr.pts[k])
			}
		}
	case YesNo:
		out.SetInt64(0)
		if v.Sign() > 0 {
			out.Set(lr.max)
		}
	case AsReported:
		if v.Sign() < 0 || v.Cmp(lr.max) > 0 {
			return fmt.Errorf("reported points %s outside [0, %s]", v.FloatString(4), lr.max.FloatString(4))
		}
		out.Set(v)
	}
	return nil
}

// finish finds which units have totals, sums their points in float64 to
// order them, and ranks them.
func (sc *Scorecard) finish() {
	nn, nu := len(sc.f.nodes), len(sc.units)
	sc.full = make([]bool, nu)
	sc.approx = make([]float64, nu*4)
	for u := range sc.units {
		sc.full[u] = true
		for j, g := range sc.given {
			if !g || sc.under[j] {
				continue
			}
			v := sc.vals[u*nn+j]
			if v.d == 0 {
				sc.full[u] = false
				continue
			}
			x := sc.float(v)
			sc.approx[u*4] += x
			for _, p := range allPillars {
				if sc.f.pillars[j]&(1<<p) != 0 {
					sc.approx[u*4+int(p)] += x
				}
			}
		}
		if sc.pilSet != nil {
			for _, p := range allPillars {
				if x := sc.pilSet[u][p]; x != nil {
					sc.approx[u*4+int(p)], _ = x.Float64()
				} else {
					sc.full[u] = false
				}
			}
		}
	}
	sc.rankAll()
}

func (sc *Scorecard) rankAll() {
	n := sc.h.Len()
	var idx []int32
	for u, i := range sc.units {
		if sc.full[u] {
			idx = append(idx, i)
		}
	}
	sc.rank = make([]int32, n)
	indicator.RankBy(sc.h, slices.Clone(idx), sc.order(0, func(u int) *big.Rat { return sc.total(u) }), indicator.Competition, sc.rank)
	for _, p := range allPillars {
		sc.prank[p] = make([]int32, n)
		if sc.pmax[p].Sign() == 0 {
			continue
		}
		indicator.RankBy(sc.h, slices.Clone(idx), sc.order(int(p), func(u int) *big.Rat { return sc.pillar(u, p) }), indicator.Competition, sc.prank[p])
	}
}

// order compares two units (by hierarchy index) by a value whose float sum
// is approx[u·4 + k] and whose exact value is exact(u). Sums of nearest
// floats are within a relative 1e-12 of the exact sums of a few hundred
// criteria, so floats further apart than 1e-9 order the exact values
// correctly; closer ones are compared exactly.
func (sc *Scorecard) order(k int, exact func(u int) *big.Rat) func(a, b int32) int {
	return func(a, b int32) int {
		ua, ub := sc.pos[a], sc.pos[b]
		fa, fb := sc.approx[ua*4+k], sc.approx[ub*4+k]
		if math.Abs(fa-fb) > 1e-9*max(math.Abs(fa), math.Abs(fb)) {
			return cmp.Compare(fa, fb)
		}
		return exact(ua).Cmp(exact(ub))
	}
}

// value returns a new copy of unit u's points for node j, or nil when they
// are missing or not defined (a node below a given one).
func (sc *Scorecard) value(u, j int) *big.Rat {
	if sc.under[j] {
		return nil
	}
	nn := len(sc.f.nodes)
	if sc.given[j] {
		v := sc.vals[u*nn+j]
		if v.d == 0 {
			return nil
		}
		return sc.rat(v, new(big.Rat))
	}
	sum := new(big.Rat)
	x := new(big.Rat)
	for k := j + 1; k < sc.f.end[j]; k++ {
		if !sc.given[k] || sc.under[k] {
			continue
		}
		v := sc.vals[u*nn+k]
		if v.d == 0 {
			return nil
		}
		sum.Add(sum, sc.rat(v, x))
	}
	return sum
}

// total returns unit u's exact total, or nil.
func (sc *Scorecard) total(u int) *big.Rat { return sc.value(u, 0) }

// pillar returns unit u's exact points in pillar p, or nil.
func (sc *Scorecard) pillar(u int, p indicator.Pillar) *big.Rat {
	if sc.pilSet != nil {
		if x := sc.pilSet[u][p]; x != nil {
			return new(big.Rat).Set(x)
		}
		return nil
	}
	nn := len(sc.f.nodes)
	sum, x := new(big.Rat), new(big.Rat)
	for j, g := range sc.given {
		if !g || sc.under[j] || sc.f.pillars[j]&(1<<p) == 0 {
			continue
		}
		v := sc.vals[u*nn+j]
		if v.d == 0 {
			return nil
		}
		sum.Add(sum, sc.rat(v, x))
	}
	return sum
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
	i := sc.units[u]
	us := UnitScore{
		Unit: sc.h.At(int(i)), Rank: int(sc.rank[i]), Missing: sc.missing(u),
		Points: map[string]*big.Rat{},
	}
	for j, n := range sc.f.nodes {
		if p := sc.value(u, j); p != nil {
			us.Points[n.ID] = p
		}
	}
	if sc.full[u] {
		us.Total = sc.total(u)
		us.Index = new(big.Rat).Quo(us.Total, sc.f.points[0])
		us.PillarPoints, us.PillarValue, us.PillarRank = map[indicator.Pillar]*big.Rat{}, map[indicator.Pillar]*big.Rat{}, map[indicator.Pillar]int{}
		for _, p := range allPillars {
			if sc.pmax[p].Sign() == 0 {
				continue
			}
			pts := sc.pillar(u, p)
			us.PillarPoints[p] = pts
			us.PillarValue[p] = new(big.Rat).Quo(pts, sc.pmax[p])
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
