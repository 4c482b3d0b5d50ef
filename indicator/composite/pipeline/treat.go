package pipeline

import (
	"math"
	"slices"
)

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
func (tr Treat) String() string {
	if tr.WinsoriseOnly {
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
		s0, k0, ok := skewKurt(col.f)
		if !ok || math.Abs(s0) < sk || k0 < ku {
			continue
		}
		rec := Treatment{Indicator: n.Code, Skew: s0, Kurt: k0}
		x, f := slices.Clone(col.x), slices.Clone(col.f)
		s, pass := s0, false
		for nwin := 0; !pass && nwin < winmax; {
			side := 1
			if s < 0 {
				side = -1
			}
			at := winsorise(x, f, side)
			if at == nil {
				break // every value is equal
			}
			nwin = len(at) // as COINr counts: the points set in this step
			var k float64
			if s, k, ok = skewKurt(f); !ok {
				break // every value is now equal
			}
			pass = math.Abs(s) < sk || k < ku
		}
		out := &column{x: x, f: f}
		if !pass && !tr.WinsoriseOnly {
			out = logCT(col.f)
			rec.Log = true
		} else {
			for u := range x {
				if x[u].ok() && x[u].cmp(col.x[u]) != 0 {
					rec.Winsorised = append(rec.Winsorised, t.units[u].Code)
				}
			}
		}
		if sa, ka, ok := skewKurt(out.f); ok {
			rec.SkewAfter, rec.KurtAfter = sa, ka
			rec.Passes = math.Abs(sa) < sk || ka < ku
		}
		t.vals[n.Code] = out
		t.res.Treated = append(t.res.Treated, rec)
	}
	return nil
}

// winsorise sets the extreme values of x on one side (1 the highest, −1 the
// lowest) to the next value in, and f, their floats, likewise; it returns
// their positions, nil when there is no other value.
func winsorise(x []rat, f []float64, side int) []int {
	ext, next := -1, -1
	for u, v := range x {
		if v.ok() && (ext < 0 || v.cmp(x[ext])*side > 0) {
			ext = u
		}
	}
	var at []int
	for u, v := range x {
		switch {
		case !v.ok():
		case v.cmp(x[ext]) == 0:
			at = append(at, u)
		case next < 0 || v.cmp(x[next])*side > 0:
			next = u
		}
	}
	if next < 0 {
		return nil
	}
	for _, u := range at {
		x[u], f[u] = x[next], f[next]
	}
	return at
}

// logCT is COINr's log_CT: log(x − min + (max − min)/100) of the values
// whose floats are fs, in float64.
func logCT(fs []float64) *column {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, f := range fs {
		if !math.IsNaN(f) {
			lo, hi = min(lo, f), max(hi, f)
		}
	}
	out := make([]rat, len(fs))
	for u, f := range fs {
		if !math.IsNaN(f) {
			out[u] = ratFloat64(math.Log(f - lo + 0.01*(hi-lo)))
		}
	}
	return exactColumn(out)
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
