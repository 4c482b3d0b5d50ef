package pipeline

import (
	"math"
	"math/big"
	"testing"
)

// FuzzRat checks the int64 fast paths of rat against big.Rat: every
// operation gives the same exact value, in lowest terms, and the same float.
func FuzzRat(f *testing.F) {
	f.Add(int64(1), int64(3), int64(-2), int64(7))
	f.Add(int64(math.MaxInt64), int64(1), int64(math.MaxInt64), int64(2))
	f.Add(int64(math.MinInt64), int64(1), int64(1), int64(math.MinInt64))
	f.Add(int64(0), int64(5), int64(0), int64(-5))
	f.Add(int64(1<<53+1), int64(3), int64(-(1 << 62)), int64(1<<61))
	f.Add(int64(4294967311), int64(4294967291), int64(-4294967279), int64(4294967231))
	f.Fuzz(func(t *testing.T, a, b, c, d int64) {
		if b == 0 || d == 0 {
			return
		}
		x, y := ratFrac(a, b), ratFrac(c, d)
		bx, by := big.NewRat(a, b), big.NewRat(c, d)
		check := func(op string, got rat, want *big.Rat) {
			t.Helper()
			if got.big().Cmp(want) != 0 {
				t.Fatalf("%s(%d/%d, %d/%d) = %v, want %v", op, a, b, c, d, got.big(), want)
			}
			if got.b == nil && (got.d <= 0 || gcd(abs64(got.n), uint64(got.d)) != 1 || got.n == math.MinInt64) {
				t.Fatalf("%s(%d/%d, %d/%d) = %d/%d, not in lowest terms", op, a, b, c, d, got.n, got.d)
			}
			if gf, wf := got.float(), ratF(want); gf != wf {
				t.Fatalf("float of %v = %v, want %v", want, gf, wf)
			}
		}
		check("x", x, bx)
		check("neg", x.neg(), new(big.Rat).Neg(bx))
		check("add", x.add(y), new(big.Rat).Add(bx, by))
		check("sub", x.sub(y), new(big.Rat).Sub(bx, by))
		check("mul", x.mul(y), new(big.Rat).Mul(bx, by))
		if c != 0 {
			check("quo", x.quo(y), new(big.Rat).Quo(bx, by))
		}
		if got, want := x.cmp(y), bx.Cmp(by); got != want {
			t.Fatalf("cmp(%v, %v) = %d, want %d", bx, by, got, want)
		}
		for _, fl := range []float64{float64(a) / float64(b), math.Ldexp(float64(c), int(d%1100)), -math.Ldexp(float64(a), int(b%70))} {
			if w := new(big.Rat).SetFloat64(fl); w != nil {
				check("ratFloat64", ratFloat64(fl), w)
			} else if ratFloat64(fl).ok() {
				t.Fatalf("ratFloat64(%v) is a value", fl)
			}
		}
		// A mean of x, y, x·y, 1/100 and x again, whatever the denominators.
		var acc ratAcc
		sum := new(big.Rat)
		terms := []rat{x, y, x.mul(y), ratFrac(1, 100), x}
		for _, v := range terms {
			acc.add(v)
			sum.Add(sum, v.big())
		}
		check("mean", acc.mean(), sum.Quo(sum, big.NewRat(int64(len(terms)), 1)))
		if got, want := x.sign(), bx.Sign(); got != want {
			t.Fatalf("sign(%v) = %d", bx, got)
		}
	})
}

func ratF(x *big.Rat) float64 { f, _ := x.Float64(); return f }
