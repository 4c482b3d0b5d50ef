package pipeline

import (
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
			kids := t.f.children(n.Code)
			out := make([]*big.Rat, len(t.units))
			for u := range t.units {
				v, err := a.combine(kids, t.vals, u)
				if err != nil {
					return fmt.Errorf("pipeline: aggregate %s, unit %s: %w", n.Code, t.units[u].Code, err)
				}
				out[u] = v
			}
			t.vals[n.Code] = out
		}
	}
	return nil
}

func (a Aggregate) combine(kids []FrameNode, vals map[string][]*big.Rat, u int) (*big.Rat, error) {
	var sum ratSum
	wsum := new(big.Rat)
	var t1, t2 big.Int
	logSum, fw := 0.0, 0.0
	some := false
	for _, k := range kids {
		x := vals[k.Code][u]
		if x == nil || k.Weight.IsZero() {
			continue
		}
		some = true
		w := k.Weight.Rat()
		wsum.Add(wsum, w)
		switch a.Method {
		case ArithmeticMean, SumOfPoints:
			sum.add(t1.Mul(w.Num(), x.Num()), t2.Mul(w.Denom(), x.Denom()))
		case GeometricMean:
			if x.Sign() <= 0 {
				return nil, fmt.Errorf("a geometric mean of %s ≤ 0 (%s)", k.Code, x.FloatString(4))
			}
			wf := ratFloat(w)
			logSum += wf * math.Log(ratFloat(x))
			fw += wf
		case HarmonicMean:
			if x.Sign() == 0 {
				return nil, fmt.Errorf("a harmonic mean of %s = 0", k.Code)
			}
			n, d := t1.Mul(w.Num(), x.Denom()), t2.Mul(w.Denom(), x.Num())
			if d.Sign() < 0 {
				n.Neg(n)
				d.Neg(d)
			}
			sum.add(n, d)
		}
	}
	if !some {
		return nil, nil
	}
	one := big.NewInt(1)
	switch a.Method {
	case ArithmeticMean:
		return new(big.Rat).Quo(sum.quo(one), wsum), nil
	case GeometricMean:
		return new(big.Rat).SetFloat64(math.Exp(logSum / fw)), nil
	case HarmonicMean:
		total := sum.quo(one)
		if total.Sign() == 0 {
			return nil, fmt.Errorf("a harmonic mean whose terms cancel")
		}
		return wsum.Quo(wsum, total), nil
	}
	return sum.quo(one), nil
}
