package pipeline

import (
	"errors"
	"fmt"
	"math"
	"math/big"
)

// AggMethod names an aggregation.
type AggMethod uint8

// The aggregations of children into their parent, with the framework's
// weights. Missing children are left out and the others' weights
// renormalised (COINr's behaviour); a parent with no child left is
// missing.
const (
	ArithmeticMean AggMethod = iota // Σ w·x / Σ w, exactly (COINr a_amean)
	GeometricMean                   // exp(Σ w·log x / Σ w), in float64; a value ≤ 0 is an error (a_gmean)
	HarmonicMean                    // Σ w / Σ (w/x), exactly; a zero value is an error (a_hmean)
	SumOfPoints                     // Σ w·x, as the DTI adds points
)

// Aggregate adds indicators up the framework, level by level, by Method.
type Aggregate struct{ Method AggMethod }

// String names the step as [Result.Steps] lists it.
// A method String does not know is written with its number: "aggregate,
// AggMethod(9)".
func (a Aggregate) String() string {
	return methodName([]string{"arithmetic mean", "geometric mean", "harmonic mean", "sum of points"}, uint8(a.Method), "aggregate", "AggMethod")
}

func (a Aggregate) apply(t *table) error {
	if a.Method > SumOfPoints {
		return unknownMethod(a)
	}
	for level := 2; level <= t.f.top; level++ {
		for _, n := range t.f.nodes {
			if n.Level != level {
				continue
			}
			var kids []*column
			var codes []string
			var weights []*big.Rat
			for _, k := range t.f.children(n.Code) {
				if k.Weight.IsZero() {
					continue
				}
				kids, codes, weights = append(kids, t.vals[k.Code]), append(codes, k.Code), append(weights, k.Weight.Rat())
			}
			var col *column
			var err error
			switch a.Method {
			case ArithmeticMean, SumOfPoints:
				col = floatAggregate(a.Method, kids, weights, len(t.units))
			case GeometricMean:
				col, err = geometricMean(kids, codes, weights, len(t.units))
			case HarmonicMean:
				col, err = harmonicMean(kids, codes, weights, len(t.units))
			}
			if err != nil {
				return fmt.Errorf("pipeline: aggregate %s, unit %s: %w", n.Code, t.units[err.(unitError).u].Code, err.(unitError).err)
			}
			t.vals[n.Code] = col
		}
	}
	return nil
}

// unitError is a problem of one unit's aggregate.
type unitError struct {
	u   int
	err error
}

func (e unitError) Error() string { return e.err.Error() }

// floatAggregate returns the arithmetic means or sums of kids, with
// weights, kept in float64 with a bound on each value's error, to be
// computed exactly where that is needed ([column.exact]).
//
// The bound: with n terms, weights w > 0 rounded to w' = w(1+α), |α| ≤ u =
// 2^−53, and each child's float f within e of its exact value x, the mean
// fl(Σw'f)/fl(Σw') is within Σw·e/Σw (the children's errors) + 2u·max|f|
// (the weights' rounding moves a weighted mean by at most u·Σw|f−m|/Σw')
// + (2n+2)u·max|f| (the sums' and the division's rounding, Higham's γn) of
// the exact mean; a sum of points, without the division, within Σw·e +
// (n+2)u·Σw|f|. Each bound is taken twice over, which also covers the
// rounding of the bound's own arithmetic, and 2^−1022 (the least normal
// float, for values near zero; subnormal arithmetic would be slow) is
// added n times. A weight or value a float cannot hold (0, subnormal or infinite
// after rounding) gives an infinite bound: every comparison of that unit
// is then exact.
func floatAggregate(method AggMethod, kids []*column, weights []*big.Rat, units int) *column {
	const u53 = 0x1p-53
	wf := make([]float64, len(weights))
	bad := false
	for k, w := range weights {
		wf[k], _ = w.Float64()
		bad = bad || wf[k] < 0x1p-1022 || math.IsInf(wf[k], 1)
	}
	c := &column{f: make([]float64, units), e: make([]float64, units), agg: &lazyAgg{method: method, kids: kids, weights: weights}}
	// Block by block of units, child by child within a block (columns are
	// contiguous and a block's sums stay in the first-level cache), each
	// unit's terms added in the children's order.
	const block = 256
	var s, ws, sa, ee, maxf [block]float64
	var n [block]int32
	for start := 0; start < units; start += block {
		m := min(block, units-start)
		clear(s[:m])
		clear(ws[:m])
		clear(sa[:m])
		clear(ee[:m])
		clear(maxf[:m])
		clear(n[:m])
		for k, kid := range kids {
			w := wf[k]
			fs := kid.f[start : start+m]
			var es []float64
			if kid.e != nil {
				es = kid.e[start : start+m]
			}
			for i, f := range fs {
				if math.IsNaN(f) {
					continue
				}
				af := math.Abs(f)
				bound := af*0x1p-52 + 0x1p-1022 // a value rounded to nearest
				if es != nil {
					bound = es[i]
				}
				n[i]++
				s[i] += w * f
				ws[i] += w
				sa[i] += w * af
				ee[i] += w * bound
				maxf[i] = max(maxf[i], af)
			}
		}
		for i := range m {
			u := start + i
			if n[i] == 0 {
				c.f[u], c.e[u] = math.NaN(), 0
				continue
			}
			v, e := s[i], 2*(ee[i]+float64(n[i]+2)*u53*sa[i])
			if method == ArithmeticMean {
				v, e = s[i]/ws[i], 2*(ee[i]/ws[i]+float64(2*n[i]+4)*u53*maxf[i])
			}
			e += float64(n[i]) * 0x1p-1022
			if bad || math.IsInf(v, 0) || math.IsNaN(v) || math.IsInf(e, 0) || math.IsNaN(e) {
				v, e = 0, math.Inf(1)
			}
			c.f[u], c.e[u] = v, e
		}
	}
	return c
}

// geometricMean returns exp(Σ w·log x / Σ w) of kids, in float64; a value ≤
// 0 is an error.
func geometricMean(kids []*column, codes []string, weights []*big.Rat, units int) (*column, error) {
	x := make([]rat, units)
	for u := range units {
		logSum, fw := 0.0, 0.0
		some := false
		for k, kid := range kids {
			if kid.missing(u) {
				continue
			}
			some = true
			if kid.sign(u) <= 0 {
				return nil, unitError{u, fmt.Errorf("a geometric mean of %s ≤ 0 (%s)", codes[k], kid.exact(u).FloatString(4))}
			}
			wf, _ := weights[k].Float64()
			logSum += wf * math.Log(kid.nearest(u))
			fw += wf
		}
		if some {
			x[u] = ratFloat64(math.Exp(logSum / fw))
			if !x[u].ok() {
				return nil, unitError{u, errors.New("a geometric mean out of float64's range")}
			}
		}
	}
	return exactColumn(x), nil
}

// harmonicMean returns Σ w / Σ (w/x) of kids, exactly; a zero value is an
// error.
func harmonicMean(kids []*column, codes []string, weights []*big.Rat, units int) (*column, error) {
	x := make([]rat, units)
	var t1, t2 big.Int
	for u := range units {
		var sum ratSum
		wsum := new(big.Rat)
		some := false
		for k, kid := range kids {
			v := kid.exact(u)
			if v == nil {
				continue
			}
			some = true
			if v.Sign() == 0 {
				return nil, unitError{u, fmt.Errorf("a harmonic mean of %s = 0", codes[k])}
			}
			w := weights[k]
			wsum.Add(wsum, w)
			n, d := t1.Mul(w.Num(), v.Denom()), t2.Mul(w.Denom(), v.Num())
			if d.Sign() < 0 {
				n.Neg(n)
				d.Neg(d)
			}
			sum.add(n, d)
		}
		if !some {
			continue
		}
		total := sum.quo(big.NewInt(1))
		if total.Sign() == 0 {
			return nil, unitError{u, errors.New("a harmonic mean whose terms cancel")}
		}
		x[u] = ratBig(wsum.Quo(wsum, total))
	}
	return exactColumn(x), nil
}
