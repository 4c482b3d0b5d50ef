package pipeline

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/shopspring/decimal"
)

// NormMethod names a normalisation.
type NormMethod uint8

// The normalisations, each after the indicator's direction is applied
// (values multiplied by −1 when lower is better).
const (
	// NormMinMax maps [min, max] onto [Lower, Upper] (0 and 100 by default;
	// COINr's n_minmax), exactly.
	NormMinMax NormMethod = iota
	// NormZScore maps to mean Lower and standard deviation Upper (0 and 1 by
	// default; n_zscore), in float64.
	NormZScore
	// NormGoalposts maps [Lower, Upper] onto [0, 1], truncated, then times 100
	// (n_goalposts), exactly.
	NormGoalposts
	// NormRank replaces values by their rank, 1 for the lowest, ties sharing
	// the lowest rank (n_rank).
	NormRank
	// NormDistToTarget is (x − min)/(target − min) with the framework's target
	// (after direction), capped at 1 (n_dist2targ with cap_max), exactly.
	NormDistToTarget
	// NormNone leaves values as they are, after direction.
	NormNone
)

// Normalise brings every indicator to a common scale by Method.
type Normalise struct {
	Method       NormMethod
	Lower, Upper decimal.Decimal // zero values mean the method's defaults
}

// String names the step as [Result.Steps] lists it.
// A method String does not know is written with its number: "normalise,
// NormMethod(9)".
func (nz Normalise) String() string {
	return methodName([]string{"min-max", "z-score", "goalposts", "rank", "distance to target", "no normalisation"}, uint8(nz.Method), "normalise", "NormMethod")
}

func (nz Normalise) apply(t *table) error {
	if nz.Method > NormNone {
		return unknownMethod(nz)
	}
	lower, upper := nz.bounds()
	for _, n := range t.f.indicators() {
		col := t.vals[n.Code]
		x, lo, hi := direct(col, n.Direction)
		if lo < 0 {
			continue
		}
		var err error
		switch nz.Method {
		case NormMinMax:
			err = minMax(x, x[lo], x[hi], lower, upper)
		case NormZScore:
			err = zScore(x, lower, upper)
		case NormGoalposts:
			err = goalposts(x, lower, upper)
		case NormRank:
			rankValues(x)
		case NormDistToTarget:
			target := ratBig(n.Target.Rat())
			if n.Direction < 0 {
				target = target.neg()
			}
			err = distToTarget(x, x[lo], target)
		}
		if err != nil {
			return fmt.Errorf("pipeline: normalise %s: %w", n.Code, err)
		}
		t.vals[n.Code] = exactColumn(x)
	}
	return nil
}

// bounds returns Lower and Upper, or the method's defaults when both are
// zero: [0, 100] for min-max, mean 0 and standard deviation 1 for z-scores.
func (nz Normalise) bounds() (lower, upper rat) {
	lower, upper = ratBig(nz.Lower.Rat()), ratBig(nz.Upper.Rat())
	if nz.Lower.IsZero() && nz.Upper.IsZero() {
		switch nz.Method {
		case NormMinMax:
			upper = ratInt(100)
		case NormZScore:
			upper = ratInt(1)
		}
	}
	return lower, upper
}

// direct returns the values of col times dir (1, or −1 when lower is
// better), and the positions of the least and greatest; −1 when every value
// is missing.
func direct(col *column, dir int) (x []rat, lo, hi int) {
	x = slices.Clone(col.x)
	lo, hi = -1, -1
	// The nearest floats order the values wherever they differ (rounding
	// is monotone); equal floats are compared exactly.
	var flo, fhi float64
	for u, v := range x {
		if !v.ok() {
			continue
		}
		f := col.f[u]
		if dir < 0 {
			v, f = v.neg(), -f
			x[u] = v
		}
		if lo < 0 || f < flo || f == flo && v.cmp(x[lo]) < 0 {
			lo, flo = u, f
		}
		if hi < 0 || f > fhi || f == fhi && v.cmp(x[hi]) > 0 {
			hi, fhi = u, f
		}
	}
	return x, lo, hi
}

// minMax maps [lo, hi] onto [lower, upper], exactly:
// x = (v − lo)·k + lower with k = (upper − lower)/(hi − lo), computed as
// v·k − w with w = lo·k − lower. Values of a column have few denominators
// (those of its decimals, one per imputed group), so for each denominator
// b the map is n ↦ (n·P_b − W_b)/Q_b with integer constants: one product
// and one difference a value, left over Q_b while a float64 holds both
// parts exactly (its nearest float is then one division), reduced
// otherwise.
func minMax(x []rat, lo, hi, lower, upper rat) error {
	if lo.cmp(hi) == 0 {
		return errors.New("every unit has the same value: min-max is undefined")
	}
	k := upper.sub(lower).quo(hi.sub(lo))
	w := lo.mul(k).sub(lower)
	var byDen []affineDen
	for u, v := range x {
		if !v.ok() {
			continue
		}
		if y, ok := affineFast(v, k, w, &byDen); ok {
			x[u] = y
			continue
		}
		y := affine(v, lo, k)
		if lower.sign() != 0 {
			y = y.add(lower)
		}
		x[u] = y
	}
	return nil
}

// affineDen holds the constants of v ↦ v·k − w for the values v over the
// denominator b: v = n/b maps to (n·p − c)/q; ok is false when they do not
// fit in int64.
type affineDen struct {
	b, p, c, q int64
	ok         bool
}

// affineFast returns v·k − w through the constants of v's denominator (in
// byDen, added when first needed), and false when v, k or w, or the result,
// do not fit in int64.
func affineFast(v, k, w rat, byDen *[]affineDen) (rat, bool) {
	if v.b != nil || k.b != nil || w.b != nil {
		return rat{}, false
	}
	var a *affineDen
	for i := range *byDen {
		if (*byDen)[i].b == v.d {
			a = &(*byDen)[i]
			break
		}
	}
	if a == nil {
		*byDen = append(*byDen, newAffineDen(v.d, k, w))
		a = &(*byDen)[len(*byDen)-1]
	}
	if !a.ok {
		return rat{}, false
	}
	t, ok1 := mul64(v.n, a.p)
	n, ok2 := add64(t, -a.c)
	if !ok1 || !ok2 {
		return rat{}, false
	}
	const exact = 1 << 53
	if abs64(n) <= exact && a.q <= exact {
		return rat{n: n, d: a.q}, true
	}
	return ratFrac(n, a.q), true
}

// newAffineDen returns the constants of v ↦ v·k − w for the values over
// the denominator b: with k/b = p'/q' and w = wn/wd in lowest terms, q =
// lcm(q', wd), p = p'·q/q', c = wn·q/wd.
func newAffineDen(b int64, k, w rat) affineDen {
	a := affineDen{b: b}
	m := k.quo(ratInt(b))
	if m.b != nil {
		return a
	}
	g := int64(gcd(uint64(m.d), uint64(w.d)))
	q, ok1 := mul64(m.d/g, w.d)
	p, ok2 := mul64(m.n, w.d/g)
	c, ok3 := mul64(w.n, m.d/g)
	if ok1 && ok2 && ok3 {
		a.p, a.c, a.q, a.ok = p, c, q, true
	}
	return a
}

// zScore maps the values to mean m and standard deviation s (the sample's,
// over n − 1), in float64.
func zScore(x []rat, m, s rat) error {
	fs := make([]float64, len(x))
	var mean, ss float64
	k := 0
	for u, v := range x {
		if v.ok() {
			fs[u] = v.float()
			mean += fs[u]
			k++
		}
	}
	mean /= float64(k)
	for u, v := range x {
		if v.ok() {
			ss += (fs[u] - mean) * (fs[u] - mean)
		}
	}
	sd := math.Sqrt(ss / float64(k-1))
	if k < 2 || sd == 0 {
		return errors.New("no spread: the z-score is undefined")
	}
	mf, sf := m.float(), s.float()
	for u, v := range x {
		if v.ok() {
			x[u] = ratFloat64((fs[u]-mean)/sd*sf + mf)
		}
	}
	return nil
}

// goalposts maps [lower, upper] onto [0, 100], values outside them
// truncated, exactly.
func goalposts(x []rat, lower, upper rat) error {
	if lower.cmp(upper) >= 0 {
		return errors.New("goalposts need Lower < Upper")
	}
	span := upper.sub(lower)
	zero, one, hundred := ratInt(0), ratInt(1), ratInt(100)
	for u, v := range x {
		if v.ok() {
			y := v.sub(lower).quo(span)
			switch {
			case y.cmp(zero) < 0:
				y = zero
			case y.cmp(one) > 0:
				y = one
			}
			x[u] = y.mul(hundred)
		}
	}
	return nil
}

// rankValues replaces each value by its rank: 1 + how many values are
// below it, so that ties share the lowest rank.
func rankValues(x []rat) {
	for u, r := range rank(exactColumn(x), false) {
		if r > 0 {
			x[u] = ratInt(int64(r))
		}
	}
}

// distToTarget maps each value to (v − lo)/(target − lo), capped at 1,
// exactly.
func distToTarget(x []rat, lo, target rat) error {
	span := target.sub(lo)
	if span.sign() <= 0 {
		return errors.New("the target is not above every value")
	}
	one := ratInt(1)
	for u, v := range x {
		if v.ok() {
			y := v.sub(lo).quo(span)
			if y.cmp(one) > 0 {
				y = one
			}
			x[u] = y
		}
	}
	return nil
}
