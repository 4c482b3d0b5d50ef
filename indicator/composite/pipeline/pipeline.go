package pipeline

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// A Step is one stage of a composite-index pipeline built from raw data, as
// COINr builds one: [Denominate], [Screen], [Impute], [Treat], [Normalise],
// [Aggregate]. Each is a value a caller composes; [Run] applies them in
// order. Steps work on exact rationals where the arithmetic allows
// (denomination, means, medians, min-max, arithmetic and harmonic means,
// sums); a step that needs roots or logarithms (skewness and kurtosis, the
// log transform, z-scores, geometric means) computes in float64 (about 16
// significant digits) and carries on exactly from its float results.
type Step interface {
	apply(t *table) error
	String() string
}

// table is the data as it goes through the steps.
type table struct {
	f      *Framework
	units  []DataUnit
	denoms map[string][]*big.Rat
	vals   map[string][]*big.Rat // by node code, per unit; nil when missing
	res    *Result
}

// Denominate divides each indicator by its denominator in the framework
// (COINr's Denominate with the iMeta denominators): per capita, per GDP, per
// area. A missing or zero denominator leaves the value missing.
type Denominate struct{}

// String names the step as [Result.Steps] lists it.
func (Denominate) String() string { return "denominate" }

func (Denominate) apply(t *table) error {
	for _, n := range t.f.indicators() {
		if n.Denominator == "" {
			continue
		}
		col, den := t.vals[n.Code], t.denoms[n.Denominator]
		for u, v := range col {
			if v == nil {
				continue
			}
			if den[u] == nil || den[u].Sign() == 0 {
				col[u] = nil
				continue
			}
			col[u] = new(big.Rat).Quo(v, den[u])
		}
	}
	return nil
}

// Screen drops the units whose share of indicators with data is below Min
// (COINr's Screen with unit_screen = "byNA" and dat_thresh = Min); the
// result lists who was dropped.
type Screen struct{ Min decimal.Decimal }

// String names the step as [Result.Steps] lists it.
func (s Screen) String() string { return "screen, min " + s.Min.String() }

func (s Screen) apply(t *table) error {
	inds := t.f.indicators()
	keep := make([]bool, len(t.units))
	least := s.Min.Rat()
	for u := range t.units {
		n := 0
		for _, ind := range inds {
			if t.vals[ind.Code][u] != nil {
				n++
			}
		}
		keep[u] = big.NewRat(int64(n), int64(len(inds))).Cmp(least) >= 0
		if !keep[u] {
			t.res.Dropped = append(t.res.Dropped, t.units[u].Code)
		}
	}
	filter := func(col []*big.Rat) []*big.Rat {
		out := col[:0:0]
		for u, v := range col {
			if keep[u] {
				out = append(out, v)
			}
		}
		return out
	}
	for k, col := range t.vals {
		t.vals[k] = filter(col)
	}
	for k, col := range t.denoms {
		t.denoms[k] = filter(col)
	}
	var units []DataUnit
	for u, x := range t.units {
		if keep[u] {
			units = append(units, x)
		}
	}
	t.units = units
	return nil
}

// ImputeMethod names a way to fill missing values.
type ImputeMethod uint8

// The imputation methods.
const (
	ImputeNone      ImputeMethod = iota // leave missing values missing
	ImputeGroupMean                     // the mean of the unit's group (COINr's i_mean_grp)
	ImputeMean                          // the mean of every unit (i_mean)
	ImputeMedian                        // the median of every unit (i_median); the mean of the middle two for an even count
)

// Impute fills each indicator's missing values by Method; GroupMean uses
// the data's group column Group. A value with nothing to take a mean of
// stays missing.
type Impute struct {
	Method ImputeMethod
	Group  string
}

// String names the step as [Result.Steps] lists it.
// A method String does not know is written with its number: "impute,
// ImputeMethod(9)".
func (i Impute) String() string {
	return methodName([]string{"impute nothing", "impute group mean by " + i.Group, "impute mean", "impute median"}, uint8(i.Method), "impute", "ImputeMethod")
}

func (i Impute) apply(t *table) error {
	if i.Method > ImputeMedian {
		return unknownMethod(i)
	}
	if i.Method == ImputeGroupMean && !slices.Contains(t.f.groups, i.Group) {
		return fmt.Errorf("pipeline: impute: %w: no group %q", ErrFramework, i.Group)
	}
	for _, n := range t.f.indicators() {
		col := t.vals[n.Code]
		fill := func(members func(u int) bool) *big.Rat {
			var xs []*big.Rat
			for u, v := range col {
				if v != nil && members(u) {
					xs = append(xs, v)
				}
			}
			if len(xs) == 0 {
				return nil
			}
			if i.Method == ImputeMedian {
				slices.SortFunc(xs, (*big.Rat).Cmp)
				m := len(xs) / 2
				if len(xs)%2 == 1 {
					return xs[m]
				}
				s := new(big.Rat).Add(xs[m-1], xs[m])
				return s.Quo(s, big.NewRat(2, 1))
			}
			var s ratSum
			for _, x := range xs {
				s.addRat(x)
			}
			return s.quo(big.NewInt(int64(len(xs))))
		}
		var all *big.Rat
		byGroup := map[string]*big.Rat{}
		for u, v := range col {
			if v != nil {
				continue
			}
			switch i.Method {
			case ImputeGroupMean:
				g := t.units[u].Groups[i.Group]
				m, ok := byGroup[g]
				if !ok {
					m = fill(func(w int) bool { return t.units[w].Groups[i.Group] == g })
					byGroup[g] = m
				}
				col[u] = m
			case ImputeMean, ImputeMedian:
				if all == nil {
					all = fill(func(int) bool { return true })
				}
				col[u] = all
			}
			if col[u] != nil {
				t.res.Imputed++
			}
		}
	}
	return nil
}

// Treat treats outliers as COINr does by default: an indicator passes when
// |skewness| < Skew or kurtosis < Kurt (skewness and kurtosis as R's e1071
// type 2, in float64); one that fails is winsorised one step at a time —
// the highest values set to the next highest when the skew is positive, the
// lowest to the next lowest otherwise — until it passes or Winmax points
// have been winsorised; if it still fails, and unless WinsoriseOnly, the
// original values are log-transformed instead, log(x − min + (max − min)/100).
// The zero Treat is COINr's default: Winmax 5, Skew 2, Kurt 3.5. What was
// done to each indicator is in [Result.Treated]. An indicator whose
// skewness and kurtosis are not defined (fewer than 4 values, or all equal)
// is left alone, never given NaN.
type Treat struct {
	Winmax        int
	Skew, Kurt    float64
	WinsoriseOnly bool
}

// Treatment is what [Treat] did to one indicator.
type Treatment struct {
	Indicator  string
	Skew, Kurt float64  // before treatment
	Winsorised []string // the units whose values were winsorised
	Log        bool     // log-transformed instead
	Passes     bool     // passes after treatment
	// SkewAfter and KurtAfter are the skewness and kurtosis after treatment;
	// both 0 (and Passes false) when all values ended equal.
	SkewAfter, KurtAfter float64
}

// String names the step as [Result.Steps] lists it.
func (t Treat) String() string {
	if t.WinsoriseOnly {
		return "winsorise"
	}
	return "treat outliers"
}

func (tr Treat) apply(t *table) error {
	winmax, sk, ku := tr.Winmax, tr.Skew, tr.Kurt
	if winmax == 0 {
		winmax = 5
	}
	if sk == 0 {
		sk = 2
	}
	if ku == 0 {
		ku = 3.5
	}
	for _, n := range t.f.indicators() {
		col := t.vals[n.Code]
		s0, k0, ok := skewKurt(floats(col))
		if !ok || math.Abs(s0) < sk || k0 < ku {
			continue
		}
		rec := Treatment{Indicator: n.Code, Skew: s0, Kurt: k0}
		x := slices.Clone(col)
		s, pass := s0, false
		for nwin := 0; !pass && nwin < winmax; {
			side := 1
			if s < 0 {
				side = -1
			}
			at := winsorise(x, side)
			if at == nil {
				break // every value is equal
			}
			nwin = len(at) // as COINr counts: the points set in this step
			var k float64
			if s, k, ok = skewKurt(floats(x)); !ok {
				break // every value is now equal
			}
			pass = math.Abs(s) < sk || k < ku
		}
		if !pass && !tr.WinsoriseOnly {
			x = logCT(col)
			rec.Log = true
		} else {
			for u := range x {
				if x[u] != nil && x[u].Cmp(col[u]) != 0 {
					rec.Winsorised = append(rec.Winsorised, t.units[u].Code)
				}
			}
		}
		if sa, ka, ok := skewKurt(floats(x)); ok {
			rec.SkewAfter, rec.KurtAfter = sa, ka
			rec.Passes = math.Abs(sa) < sk || ka < ku
		}
		t.vals[n.Code] = x
		t.res.Treated = append(t.res.Treated, rec)
	}
	return nil
}

// winsorise sets the extreme values of x on one side (1 the highest, −1 the
// lowest) to the next value in, and returns their positions; nil when there
// is no other value.
func winsorise(x []*big.Rat, side int) []int {
	var ext, next *big.Rat
	for _, v := range x {
		if v != nil && (ext == nil || v.Cmp(ext)*side > 0) {
			ext = v
		}
	}
	var at []int
	for u, v := range x {
		switch {
		case v == nil:
		case v.Cmp(ext) == 0:
			at = append(at, u)
		case next == nil || v.Cmp(next)*side > 0:
			next = v
		}
	}
	if next == nil {
		return nil
	}
	for _, u := range at {
		x[u] = next
	}
	return at
}

// logCT is COINr's log_CT: log(x − min + (max − min)/100), in float64.
func logCT(col []*big.Rat) []*big.Rat {
	fs := floats(col)
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, f := range fs {
		if !math.IsNaN(f) {
			lo, hi = min(lo, f), max(hi, f)
		}
	}
	out := make([]*big.Rat, len(col))
	for u, f := range fs {
		if !math.IsNaN(f) {
			out[u] = new(big.Rat).SetFloat64(math.Log(f - lo + 0.01*(hi-lo)))
		}
	}
	return out
}

// floats returns col in float64, NaN for a missing value.
func floats(col []*big.Rat) []float64 {
	out := make([]float64, len(col))
	for u, v := range col {
		out[u] = math.NaN()
		if v != nil {
			out[u], _ = v.Float64()
		}
	}
	return out
}

// skewKurt returns the skewness and kurtosis of the non-NaN values of x as
// R's e1071 (type 2) and COINr compute them, and false when they are not
// defined: fewer than 4 values, or all equal.
func skewKurt(x []float64) (skew, kurt float64, ok bool) {
	var vs []float64
	for _, v := range x {
		if !math.IsNaN(v) {
			vs = append(vs, v)
		}
	}
	n := float64(len(vs))
	if len(vs) < 4 {
		return 0, 0, false
	}
	mean := 0.0
	for _, v := range vs {
		mean += v
	}
	mean /= n
	var m2, m3, m4 float64
	for _, v := range vs {
		d := v - mean
		m2 += d * d
		m3 += d * d * d
		m4 += d * d * d * d
	}
	if m2 == 0 {
		return 0, 0, false
	}
	skew = math.Sqrt(n) * m3 / math.Pow(m2, 1.5) * math.Sqrt(n*(n-1)) / (n - 2)
	r := n * m4 / (m2 * m2)
	kurt = ((n+1)*(r-3) + 6) * (n - 1) / ((n - 2) * (n - 3))
	return skew, kurt, true
}

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
func (n Normalise) String() string {
	return methodName([]string{"min-max", "z-score", "goalposts", "rank", "distance to target", "no normalisation"}, uint8(n.Method), "normalise", "NormMethod")
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

// methodName returns the name of method m of a step, or, for a method
// names lacks, the step and the method's type and number.
func methodName(names []string, m uint8, step, typ string) string {
	if int(m) < len(names) {
		return names[m]
	}
	return fmt.Sprintf("%s, %s(%d)", step, typ, m)
}

// unknownMethod is the error of a step whose method is not one of its
// constants.
func unknownMethod(s Step) error { return fmt.Errorf("pipeline: %v: unknown method", s) }

func ratFloat(x *big.Rat) float64 { f, _ := x.Float64(); return f }

// ratSum adds rationals over a common denominator and normalises once, at
// the end: far cheaper than big.Rat.Add, which reduces every partial sum.
type ratSum struct{ num, den, t big.Int }

// add adds a/b (b > 0).
func (s *ratSum) add(a, b *big.Int) {
	if s.den.Sign() == 0 {
		s.num.Set(a)
		s.den.Set(b)
		return
	}
	if s.den.Cmp(b) == 0 {
		s.num.Add(&s.num, a)
		return
	}
	s.num.Mul(&s.num, b)
	s.t.Mul(a, &s.den)
	s.num.Add(&s.num, &s.t)
	s.den.Mul(&s.den, b)
}

// addRat adds x.
func (s *ratSum) addRat(x *big.Rat) { s.add(x.Num(), x.Denom()) }

// rat returns the sum divided by k (k > 0), normalised; 0 for no terms.
func (s *ratSum) quo(k *big.Int) *big.Rat {
	if s.den.Sign() == 0 {
		return new(big.Rat)
	}
	d := new(big.Int).Mul(&s.den, k)
	return new(big.Rat).SetFrac(new(big.Int).Set(&s.num), d)
}

func clampRat(x, lo, hi *big.Rat) *big.Rat {
	switch {
	case x.Cmp(lo) < 0:
		return x.Set(lo)
	case x.Cmp(hi) > 0:
		return x.Set(hi)
	}
	return x
}

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

// COINrDefault is the pipeline of COINr's example index
// (build_example_coin): denominate, impute missing values with the mean of
// the unit's group, screen out units with less than 90% of their data,
// treat outliers, min-max to [0, 100], and arithmetic means up the levels.
func COINrDefault(group string) []Step {
	return []Step{
		Denominate{},
		Impute{Method: ImputeGroupMean, Group: group},
		Screen{Min: decimal.RequireFromString("0.9")},
		Treat{},
		Normalise{Method: NormMinMax},
		Aggregate{Method: ArithmeticMean},
	}
}

// Result is what [Run] made of the data: every node's value for
// every unit kept, ranks, and what each step did.
type Result struct {
	Steps   []string    // what ran, in order
	Dropped []string    // units screened out
	Imputed int         // values imputed
	Treated []Treatment // indicators treated for outliers
	units   []DataUnit
	vals    map[string][]*big.Rat
	ranks   map[string][]int32 // by node, per unit; 0 when missing
}

// Run applies steps to a copy of the data of f, in order, and ranks every
// unit on every node that has values: competition ranks (1, 2, 2, 4),
// highest value first, on the exact values, for any number of units.
func Run(f *Framework, d *Data, steps ...Step) (*Result, error) {
	t := newTable(f, d)
	if err := t.run(steps); err != nil {
		return nil, err
	}
	r := t.res
	r.units, r.vals = t.units, t.vals
	r.ranks = make(map[string][]int32, len(t.vals))
	for code, col := range t.vals {
		r.ranks[code] = rank(col, true)
	}
	return r, nil
}

func newTable(f *Framework, d *Data) *table {
	t := &table{f: f, units: slices.Clone(d.units), denoms: map[string][]*big.Rat{}, vals: map[string][]*big.Rat{}, res: &Result{}}
	for k, col := range d.denoms {
		t.denoms[k] = slices.Clone(col)
	}
	for k, col := range d.vals {
		t.vals[k] = slices.Clone(col)
	}
	return t
}

func (t *table) run(steps []Step) error {
	for _, s := range steps {
		if err := s.apply(t); err != nil {
			return err
		}
		t.res.Steps = append(t.res.Steps, s.String())
	}
	return nil
}

// clone copies the table for another run of later steps; values are never
// changed in place by a step, so the columns' values are shared.
func (t *table) clone(f *Framework) *table {
	c := &table{f: f, units: t.units, denoms: t.denoms, vals: make(map[string][]*big.Rat, len(t.vals)), res: &Result{}}
	for k, col := range t.vals {
		c.vals[k] = slices.Clone(col)
	}
	return c
}

// Units returns the units kept, in the data's order.
func (r *Result) Units() []DataUnit { return slices.Clone(r.units) }

// Value returns a node's value for a unit, exact, and false when it is
// missing or unknown.
func (r *Result) Value(node, unit string) (*big.Rat, bool) {
	u := slices.IndexFunc(r.units, func(x DataUnit) bool { return x.Code == unit })
	col, ok := r.vals[node]
	if u < 0 || !ok || col[u] == nil {
		return nil, false
	}
	return new(big.Rat).Set(col[u]), true
}

// Rank returns a unit's rank on a node, 0 when it has no value.
func (r *Result) Rank(node, unit string) int {
	u := slices.IndexFunc(r.units, func(x DataUnit) bool { return x.Code == unit })
	if u < 0 || r.ranks[node] == nil {
		return 0
	}
	return int(r.ranks[node][u])
}
