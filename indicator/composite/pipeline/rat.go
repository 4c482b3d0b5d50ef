package pipeline

import (
	"cmp"
	"math"
	"math/big"
	"math/bits"
)

// rat is an exact rational number: n/d with 0 < d and |n| < 2^63 when b is
// nil, or b itself when the value does not fit. The zero rat is a missing
// value. n/d is in lowest terms but for min-max's results, which stay over
// a common denominator while both fit in a float64's 53 bits; every
// operation is exact either way, and from operands in lowest terms gives a
// result in lowest terms. Arithmetic on rats stays in int64 while the
// results fit and falls back to big.Rat, exactly, when they do not: the
// values of a column read from decimals, their means, and their min-max
// transforms almost always fit, so a pipeline step costs a few integer
// operations a value rather than allocations and multi-word GCDs.
type rat struct {
	n, d int64
	b    *big.Rat // never changed once set
}

// ok reports whether r is a value, not missing.
func (r rat) ok() bool { return r.d != 0 || r.b != nil }

// ratInt returns n as a rat.
func ratInt(n int64) rat {
	if n == math.MinInt64 {
		return rat{b: new(big.Rat).SetInt64(n)}
	}
	return rat{n: n, d: 1}
}

// ratFrac returns n/d (d ≠ 0), reduced.
func ratFrac(n, d int64) rat {
	if n == math.MinInt64 || d == math.MinInt64 {
		return ratBig(big.NewRat(n, d))
	}
	if d < 0 {
		n, d = -n, -d
	}
	g := gcd(abs64(n), uint64(d))
	return rat{n: n / int64(g), d: d / int64(g)}
}

// ratBig returns x as a rat, in int64 when it fits. x is not kept.
func ratBig(x *big.Rat) rat {
	if x.Num().IsInt64() && x.Denom().IsInt64() {
		if n := x.Num().Int64(); n != math.MinInt64 {
			return rat{n: n, d: x.Denom().Int64()}
		}
	}
	return rat{b: new(big.Rat).Set(x)}
}

// ratFloat64 returns f as a rat, exactly; missing for ±Inf and NaN.
func ratFloat64(f float64) rat {
	if f == 0 {
		return rat{n: 0, d: 1}
	}
	if frac, exp := math.Frexp(f); !math.IsInf(f, 0) && !math.IsNaN(f) {
		// f = m·2^(exp−53) with m an integer below 2^53 in magnitude.
		m, e := int64(math.Ldexp(frac, 53)), exp-53
		tz := bits.TrailingZeros64(abs64(m))
		m, e = m>>tz, e+tz
		switch {
		case e >= 0 && e < 62-bits.Len64(abs64(m)):
			return rat{n: m << e, d: 1}
		case e < 0 && e > -63:
			return rat{n: m, d: 1 << -e}
		}
	}
	x := new(big.Rat).SetFloat64(f)
	if x == nil {
		return rat{}
	}
	return ratBig(x)
}

// rat returns r as a new big.Rat.
func (r rat) rat() *big.Rat {
	if r.b != nil {
		return new(big.Rat).Set(r.b)
	}
	return big.NewRat(r.n, r.d)
}

// big returns r as a big.Rat the caller must not change.
func (r rat) big() *big.Rat {
	if r.b != nil {
		return r.b
	}
	return big.NewRat(r.n, r.d)
}

// float returns the float64 nearest to r, as big.Rat.Float64 does.
func (r rat) float() float64 {
	const exact = 1 << 53
	if r.b == nil && abs64(r.n) <= exact && r.d <= exact {
		return float64(r.n) / float64(r.d) // both exact: one correctly rounded division
	}
	if r.b == nil && abs64(r.n) <= exact && r.d&(r.d-1) == 0 {
		return math.Ldexp(float64(r.n), -bits.TrailingZeros64(uint64(r.d))) // a float's own value
	}
	f, _ := r.big().Float64()
	return f
}

// sign returns −1, 0 or 1.
func (r rat) sign() int {
	if r.b != nil {
		return r.b.Sign()
	}
	switch {
	case r.n < 0:
		return -1
	case r.n > 0:
		return 1
	}
	return 0
}

// neg returns −r.
func (r rat) neg() rat {
	if r.b != nil {
		return ratBig(new(big.Rat).Neg(r.b))
	}
	return rat{n: -r.n, d: r.d}
}

// cmp compares r and s exactly: −1, 0 or 1.
func (r rat) cmp(s rat) int {
	if r.b != nil || s.b != nil {
		return r.big().Cmp(s.big())
	}
	if r.d == s.d {
		return cmp.Compare(r.n, s.n)
	}
	rs, ss := r.sign(), s.sign()
	if rs != ss {
		return cmp.Compare(int64(rs), int64(ss))
	}
	// Same sign: compare |r.n|·s.d with |s.n|·r.d in 128 bits.
	h1, l1 := bits.Mul64(abs64(r.n), uint64(s.d))
	h2, l2 := bits.Mul64(abs64(s.n), uint64(r.d))
	c := cmp.Compare(h1, h2)
	if c == 0 {
		c = cmp.Compare(l1, l2)
	}
	return c * rs
}

// add returns r + s.
func (r rat) add(s rat) rat {
	if r.b == nil && s.b == nil && r.d == s.d {
		if t, ok := add64(r.n, s.n); ok {
			g := int64(gcd(abs64(t), uint64(r.d))) // r.d when t = 0
			return rat{n: t / g, d: r.d / g}
		}
	}
	if r.b == nil && s.b == nil {
		// Knuth 4.5.1: g = gcd(d1, d2); t = n1·(d2/g) + n2·(d1/g);
		// the sum is (t/g2) / ((d1/g)·(d2/g2)) with g2 = gcd(t, g).
		g := int64(gcd(uint64(r.d), uint64(s.d)))
		a, ok1 := mul64(r.n, s.d/g)
		c, ok2 := mul64(s.n, r.d/g)
		t, ok3 := add64(a, c)
		if ok1 && ok2 && ok3 {
			if t == 0 {
				return rat{n: 0, d: 1}
			}
			g2 := int64(gcd(abs64(t), uint64(g)))
			if d, ok := mul64(r.d/g, s.d/g2); ok {
				return rat{n: t / g2, d: d}
			}
		}
	}
	return ratBig(new(big.Rat).Add(r.big(), s.big()))
}

// sub returns r − s.
func (r rat) sub(s rat) rat { return r.add(s.neg()) }

// mul returns r·s.
func (r rat) mul(s rat) rat {
	if r.b == nil && s.b == nil {
		if r.n == 0 || s.n == 0 {
			return rat{n: 0, d: 1}
		}
		g1 := int64(gcd(abs64(r.n), uint64(s.d)))
		g2 := int64(gcd(abs64(s.n), uint64(r.d)))
		n, ok1 := mul64(r.n/g1, s.n/g2)
		d, ok2 := mul64(r.d/g2, s.d/g1)
		if ok1 && ok2 {
			return rat{n: n, d: d}
		}
	}
	return ratBig(new(big.Rat).Mul(r.big(), s.big()))
}

// quo returns r/s (s ≠ 0).
func (r rat) quo(s rat) rat {
	if s.b == nil {
		inv := rat{n: s.d, d: s.n}
		if s.n < 0 {
			inv = rat{n: -s.d, d: -s.n}
		}
		return r.mul(inv)
	}
	return ratBig(new(big.Rat).Quo(r.big(), s.big()))
}

// gcd returns the greatest common divisor of a and b; gcd(0, b) = b, and 1
// when both are 0. One Euclidean step first when one is far larger than the
// other (a numerator over a small denominator), where the binary GCD would
// take a step a bit; then the binary GCD.
func gcd(a, b uint64) uint64 {
	if a > b {
		a, b = b, a
	}
	switch {
	case b == 0 || a == 1:
		return 1
	case a == 0 || a == b:
		return b
	case b>>16 > a:
		if b %= a; b == 0 {
			return a
		}
	}
	shift := bits.TrailingZeros64(a | b)
	a >>= bits.TrailingZeros64(a)
	for b != 0 {
		b >>= bits.TrailingZeros64(b)
		if a > b {
			a, b = b, a
		}
		b -= a
	}
	return a << shift
}

// abs64 returns |x| (x ≠ MinInt64 in a rat; the conversion gives 2^63
// otherwise, still right as a uint64).
func abs64(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

// mul64 returns a·b and whether it fits in (−2^63, 2^63).
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(abs64(a), abs64(b))
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

// add64 returns a + b and whether it fits in (−2^63, 2^63).
func add64(a, b int64) (int64, bool) {
	s := a + b
	if (a >= 0) == (b >= 0) && (s >= 0) != (a >= 0) || s == math.MinInt64 {
		return 0, false
	}
	return s, true
}

// ratAcc adds rats: in int64 while the sum fits, over the largest
// denominator seen when the others divide it (decimals of one column
// mostly do), reduced once at the end; then, past int64, over a common
// denominator in big.Int (ratSum).
type ratAcc struct {
	n, d int64 // the sum so far, n/d, not reduced; d = 0 before any term
	big  *ratSum
	k    int64 // terms added
}

// add adds v (a value).
func (a *ratAcc) add(v rat) {
	a.k++
	if a.big == nil && v.b == nil {
		if a.d == 0 {
			a.n, a.d = v.n, v.d
			return
		}
		if n, d, ok := a.add64(v); ok {
			a.n, a.d = n, d
			return
		}
	}
	if a.big == nil {
		a.big = new(ratSum)
		if a.d != 0 {
			x := ratFrac(a.n, a.d).big()
			a.big.add(x.Num(), x.Denom())
		}
	}
	x := v.big()
	a.big.add(x.Num(), x.Denom())
}

// add64 returns the sum so far plus v (in int64) in int64, over the larger
// denominator when one divides the other, and false when it does not fit.
func (a *ratAcc) add64(v rat) (n, d int64, ok bool) {
	switch {
	case v.d == a.d:
		n, ok = add64(a.n, v.n)
		return n, a.d, ok
	case a.d%v.d == 0:
		if t, ok := mul64(v.n, a.d/v.d); ok {
			n, ok = add64(a.n, t)
			return n, a.d, ok
		}
	case v.d%a.d == 0:
		if t, ok := mul64(a.n, v.d/a.d); ok {
			n, ok = add64(t, v.n)
			return n, v.d, ok
		}
	default:
		if s := ratFrac(a.n, a.d).add(v); s.b == nil {
			return s.n, s.d, true
		}
	}
	return 0, 0, false
}

// mean returns the mean of the terms added (at least one).
func (a *ratAcc) mean() rat {
	if a.big == nil {
		if d, ok := mul64(a.d, a.k); ok {
			return ratFrac(a.n, d)
		}
		return ratFrac(a.n, a.d).quo(ratInt(a.k))
	}
	return ratBig(a.big.quo(big.NewInt(a.k)))
}

// affine returns (v − lo)·k, with one reduction when the int64 paths do
// not fit: (vn·ld − ln·vd)·kn / (vd·ld·kd).
func affine(v, lo, k rat) rat {
	if v.b == nil && lo.b == nil && k.b == nil {
		if d := v.sub(lo); d.b == nil {
			if y := d.mul(k); y.b == nil {
				return y
			}
		}
	}
	V, L, K := v.big(), lo.big(), k.big()
	var num, t, den big.Int
	num.Mul(V.Num(), L.Denom())
	t.Mul(L.Num(), V.Denom())
	num.Sub(&num, &t)
	num.Mul(&num, K.Num())
	den.Mul(V.Denom(), L.Denom())
	den.Mul(&den, K.Denom())
	return ratBig(new(big.Rat).SetFrac(&num, &den))
}

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

// quo returns the sum divided by k (k > 0), normalised; 0 for no terms.
func (s *ratSum) quo(k *big.Int) *big.Rat {
	if s.den.Sign() == 0 {
		return new(big.Rat)
	}
	d := new(big.Int).Mul(&s.den, k)
	return new(big.Rat).SetFrac(new(big.Int).Set(&s.num), d)
}
