package numeral

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// RoundingMode says how an exact number is rounded for people to read.
type RoundingMode uint8

// The rounding modes. The zero value, HalfUp, is the convention of official
// Vietnamese figures: 163,5% prints as 164%.
const (
	HalfUp   RoundingMode = iota // ties away from zero
	HalfEven                     // ties to the even digit (banker's rounding)
	Down                         // truncation toward zero
	Up                           // away from zero
)

// Round rounds an exact score to digits decimals with mode, for people to
// read: the DTI publishes indices with 4 decimals, half up. A negative
// digits rounds to tens, hundreds, ...: 1234 with -1 is 1230.
func Round(x *big.Rat, digits int32, mode RoundingMode) decimal.Decimal {
	if x == nil {
		return decimal.Zero
	}
	neg := x.Sign() < 0
	num, den := new(big.Int).Abs(x.Num()), new(big.Int).Set(x.Denom())
	if digits >= 0 {
		num.Mul(num, Pow10(int(digits)))
	} else {
		den.Mul(den, Pow10(int(-digits)))
	}
	q := RoundQuo(num, den, mode)
	if neg {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -digits)
}

// RoundQuo returns n/d rounded to an integer with mode, for n >= 0, d > 0.
func RoundQuo(n, d *big.Int, mode RoundingMode) *big.Int {
	q, rem := new(big.Int).QuoRem(n, d, new(big.Int))
	if RoundsUp(new(big.Int).Lsh(rem, 1).Cmp(d), rem.Sign() > 0, q.Bit(0) == 1, mode) {
		q.Add(q, big.NewInt(1))
	}
	return q
}

// RoundsUp is the module's one rounding rule: whether a non-negative
// quotient rounds away from zero under mode, given how its remainder
// compares with half the divisor (half < 0, = 0 or > 0), whether there is
// a remainder, and whether the quotient is odd.
func RoundsUp(half int, rem, odd bool, mode RoundingMode) bool {
	switch mode {
	case HalfUp:
		return half >= 0
	case HalfEven:
		return half > 0 || half == 0 && odd
	case Up:
		return rem
	}
	return false
}
