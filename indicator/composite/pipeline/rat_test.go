package pipeline

import (
	"math"
	"math/big"
	"slices"
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

// FuzzMinMax checks min-max's constants per denominator against big.Rat:
// each value exact, its float the nearest, over denominators of decimals,
// of means (a prime count), of floats (2^k) and past int64.
func FuzzMinMax(f *testing.F) {
	f.Add(uint64(1), int64(0), int64(100))
	f.Add(uint64(2), int64(-5), int64(5))
	f.Add(uint64(3), int64(1), int64(1<<40))
	f.Fuzz(func(t *testing.T, seed uint64, lower, upper int64) {
		if lower >= upper {
			return
		}
		dens := []int64{1, 2, 4, 5, 20, 25, 50, 100, 1361 * 100, 1 << 52, 7, math.MaxInt64}
		x := make([]rat, 40)
		want := make([]*big.Rat, len(x))
		s := seed
		next := func() int64 { s = s*6364136223846793005 + 1442695040888963407; return int64(s >> 1) }
		for u := range x {
			d := dens[u%len(dens)]
			n := next() % 1_000_000_00
			if u%7 == 3 {
				n = next() // large numerators too
			}
			x[u] = ratFrac(n, d)
			if u%11 == 5 {
				x[u] = ratBig(new(big.Rat).SetFrac(new(big.Int).Lsh(big.NewInt(n), 70), big.NewInt(d))) // past int64
			}
		}
		lo, hi := 0, 0
		for u := range x {
			if x[u].cmp(x[lo]) < 0 {
				lo = u
			}
			if x[u].cmp(x[hi]) > 0 {
				hi = u
			}
		}
		if x[lo].cmp(x[hi]) == 0 {
			return
		}
		L, H := x[lo].rat(), x[hi].rat()
		k := new(big.Rat).Quo(new(big.Rat).Sub(big.NewRat(upper, 1), big.NewRat(lower, 1)), new(big.Rat).Sub(H, L))
		for u := range x {
			w := new(big.Rat).Sub(x[u].big(), L)
			want[u] = w.Add(w.Mul(w, k), big.NewRat(lower, 1))
		}
		got := slices.Clone(x)
		if err := minMax(got, x[lo], x[hi], ratInt(lower), ratInt(upper)); err != nil {
			t.Fatal(err)
		}
		c := exactColumn(got)
		for u := range got {
			if got[u].big().Cmp(want[u]) != 0 {
				t.Fatalf("value %d (%v): %v, want %v", u, x[u].big(), got[u].big(), want[u])
			}
			if c.f[u] != ratF(want[u]) {
				t.Fatalf("float of %v: %v, want %v", want[u], c.f[u], ratF(want[u]))
			}
		}
	})
}
