package pipeline

import (
	"errors"
	"fmt"
	"math"
	"math/big"

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
		dir := big.NewRat(int64(n.Direction), 1)
		lo, hi := direct(col, dir)
		if lo == nil {
			continue
		}
		var err error
		switch nz.Method {
		case NormMinMax:
			err = minMax(col, lo, hi, lower, upper)
		case NormZScore:
			err = zScore(col, lower, upper)
		case NormGoalposts:
			err = goalposts(col, lower, upper)
		case NormRank:
			rankValues(col)
		case NormDistToTarget:
			err = distToTarget(col, lo, new(big.Rat).Mul(n.Target.Rat(), dir))
		}
		if err != nil {
			return fmt.Errorf("pipeline: normalise %s: %w", n.Code, err)
		}
	}
	return nil
}

// bounds returns Lower and Upper, or the method's defaults when both are
// zero: [0, 100] for min-max, mean 0 and standard deviation 1 for z-scores.
func (nz Normalise) bounds() (lower, upper *big.Rat) {
	lower, upper = nz.Lower.Rat(), nz.Upper.Rat()
	if nz.Lower.IsZero() && nz.Upper.IsZero() {
		switch nz.Method {
		case NormMinMax:
			upper = big.NewRat(100, 1)
		case NormZScore:
			upper = big.NewRat(1, 1)
		}
	}
	return lower, upper
}

// direct multiplies the values of col by dir (1, or −1 when lower is
// better) and returns the least and greatest; nil when every value is
// missing.
func direct(col []*big.Rat, dir *big.Rat) (lo, hi *big.Rat) {
	for u, v := range col {
		if v == nil {
			continue
		}
		col[u] = new(big.Rat).Mul(v, dir)
		if lo == nil || col[u].Cmp(lo) < 0 {
			lo = col[u]
		}
		if hi == nil || col[u].Cmp(hi) > 0 {
			hi = col[u]
		}
	}
	return lo, hi
}

// minMax maps [lo, hi] onto [lower, upper], exactly:
// x = (v − lo)·k + lower with k = (upper − lower)/(hi − lo), in integers,
// reduced once.
func minMax(col []*big.Rat, lo, hi, lower, upper *big.Rat) error {
	if lo.Cmp(hi) == 0 {
		return errors.New("every unit has the same value: min-max is undefined")
	}
	k := new(big.Rat).Sub(upper, lower)
	k.Quo(k, new(big.Rat).Sub(hi, lo))
	var num, den, tmp big.Int
	for u, v := range col {
		if v == nil {
			continue
		}
		num.Mul(v.Num(), lo.Denom())
		tmp.Mul(lo.Num(), v.Denom())
		num.Sub(&num, &tmp)
		num.Mul(&num, k.Num())
		den.Mul(v.Denom(), lo.Denom())
		den.Mul(&den, k.Denom())
		if lower.Sign() != 0 {
			num.Mul(&num, lower.Denom())
			tmp.Mul(lower.Num(), &den)
			num.Add(&num, &tmp)
			den.Mul(&den, lower.Denom())
		}
		col[u] = new(big.Rat).SetFrac(new(big.Int).Set(&num), new(big.Int).Set(&den))
	}
	return nil
}

// zScore maps the values to mean m and standard deviation s (the sample's,
// over n − 1), in float64.
func zScore(col []*big.Rat, m, s *big.Rat) error {
	fs := floats(col)
	var mean, ss float64
	k := 0
	for _, f := range fs {
		if !math.IsNaN(f) {
			mean += f
			k++
		}
	}
	mean /= float64(k)
	for _, f := range fs {
		if !math.IsNaN(f) {
			ss += (f - mean) * (f - mean)
		}
	}
	sd := math.Sqrt(ss / float64(k-1))
	if k < 2 || sd == 0 {
		return errors.New("no spread: the z-score is undefined")
	}
	mf, sf := ratFloat(m), ratFloat(s)
	for u, f := range fs {
		if !math.IsNaN(f) {
			col[u] = new(big.Rat).SetFloat64((f-mean)/sd*sf + mf)
		}
	}
	return nil
}

// goalposts maps [lower, upper] onto [0, 100], values outside them
// truncated, exactly.
func goalposts(col []*big.Rat, lower, upper *big.Rat) error {
	if lower.Cmp(upper) >= 0 {
		return errors.New("goalposts need Lower < Upper")
	}
	span := new(big.Rat).Sub(upper, lower)
	for u, v := range col {
		if v != nil {
			x := new(big.Rat).Sub(v, lower)
			x.Quo(x, span)
			x = clampRat(x, new(big.Rat), big.NewRat(1, 1))
			col[u] = x.Mul(x, big.NewRat(100, 1))
		}
	}
	return nil
}

// rankValues replaces each value by its rank: 1 + how many values are
// below it, so that ties share the lowest rank.
func rankValues(col []*big.Rat) {
	for u, r := range rank(col, false) {
		if r > 0 {
			col[u] = big.NewRat(int64(r), 1)
		}
	}
}

// distToTarget maps each value to (v − lo)/(target − lo), capped at 1,
// exactly.
func distToTarget(col []*big.Rat, lo, target *big.Rat) error {
	span := new(big.Rat).Sub(target, lo)
	if span.Sign() <= 0 {
		return errors.New("the target is not above every value")
	}
	for u, v := range col {
		if v != nil {
			x := new(big.Rat).Sub(v, lo)
			x.Quo(x, span)
			if x.Cmp(big.NewRat(1, 1)) > 0 {
				x.SetInt64(1)
			}
			col[u] = x
		}
	}
	return nil
}

// clampRat sets x to lo or hi when it lies outside [lo, hi].
func clampRat(x, lo, hi *big.Rat) *big.Rat {
	switch {
	case x.Cmp(lo) < 0:
		return x.Set(lo)
	case x.Cmp(hi) > 0:
		return x.Set(hi)
	}
	return x
}
