package numeral

import "math/big"

// ExactString writes x exactly for programs: a decimal with a point when it has
// a finite decimal form ("163.5", "0.8375", "12"), else a fraction
// ("1000/7"); "" for nil.
func ExactString(x *big.Rat) string {
	if x == nil {
		return ""
	}
	if d, ok := FiniteDecimals(x); ok {
		return x.FloatString(int(d))
	}
	return x.String()
}

// FiniteDecimals returns how many decimals x needs when its denominator
// has no prime factor but 2 and 5.
func FiniteDecimals(x *big.Rat) (int32, bool) {
	d := new(big.Int).Set(x.Denom())
	var twos, fives int32
	two, five, r := big.NewInt(2), big.NewInt(5), new(big.Int)
	for {
		q, m := new(big.Int).QuoRem(d, two, r)
		if m.Sign() != 0 {
			break
		}
		d, twos = q, twos+1
	}
	for {
		q, m := new(big.Int).QuoRem(d, five, r)
		if m.Sign() != 0 {
			break
		}
		d, fives = q, fives+1
	}
	if d.Cmp(big.NewInt(1)) != 0 || max(twos, fives) > 40 {
		return 0, false
	}
	return max(twos, fives), true
}
