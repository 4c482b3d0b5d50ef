package pipeline

import "math/big"

// ratFloat returns the nearest float64 to x.
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

// quo returns the sum divided by k (k > 0), normalised; 0 for no terms.
func (s *ratSum) quo(k *big.Int) *big.Rat {
	if s.den.Sign() == 0 {
		return new(big.Rat)
	}
	d := new(big.Int).Mul(&s.den, k)
	return new(big.Rat).SetFrac(new(big.Int).Set(&s.num), d)
}
