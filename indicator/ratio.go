package indicator

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// Errors wrapped by [Attainment], [Coverage] and the readers.
var (
	ErrZeroDenominator = errors.New("zero or negative plan or base")
	ErrNegative        = region.ErrNegative
)

// RoundingMode says how a ratio is rounded for people to read: the
// module's one rounding, numeral.RoundingMode.
type RoundingMode = numeral.RoundingMode

// The rounding modes. The zero value, HalfUp, is the convention of official
// Vietnamese figures: 163,5% prints as 164%.
const (
	HalfUp   = numeral.HalfUp   // ties away from zero
	HalfEven = numeral.HalfEven // ties to the even digit (banker's rounding)
	Down     = numeral.Down     // truncation toward zero
	Up       = numeral.Up       // away from zero
)

// Ratio is an exact ratio of two integers: attainment (actual / plan) or
// coverage (actual / base). It is a small comparable value; the zero Ratio
// is invalid ([Ratio.IsValid] reports false). Ratios compare by 128-bit
// cross-multiplication, never through float64.
type Ratio struct {
	num, den int64 // num >= 0, den > 0 when valid
}

// Attainment returns actual / plan. A negative actual, or a plan that is not
// positive, is an error rather than Inf or NaN.
func Attainment(actual, plan int64) (Ratio, error) {
	return newRatio(actual, plan, "plan")
}

// Coverage returns actual / base, the share of a base (residents,
// households, departments) that an actual reaches.
func Coverage(actual, base int64) (Ratio, error) {
	return newRatio(actual, base, "base")
}

func newRatio(num, den int64, what string) (Ratio, error) {
	switch {
	case num < 0:
		return Ratio{}, fmt.Errorf("indicator: %w %d", ErrNegative, num)
	case den <= 0:
		return Ratio{}, fmt.Errorf("indicator: %w: %s %d", ErrZeroDenominator, what, den)
	}
	return Ratio{num, den}, nil
}

// MustRatio returns num/den or panics; it is for tests and literals.
func MustRatio(num, den int64) Ratio {
	r, err := newRatio(num, den, "denominator")
	if err != nil {
		panic(err)
	}
	return r
}

// IsValid reports whether r was made from a valid numerator and denominator.
func (r Ratio) IsValid() bool { return r.den > 0 }

// Num and Den return the numerator and denominator as given (not reduced).
func (r Ratio) Num() int64 { return r.num }

// Den returns the denominator; see [Ratio.Num].
func (r Ratio) Den() int64 { return r.den }

// Compare returns -1, 0 or +1 as r is less than, equal to or greater than s
// in value (2/4 equals 1/2). Invalid ratios sort first.
func (r Ratio) Compare(s Ratio) int {
	if !r.IsValid() || !s.IsValid() {
		return cmpBool(r.IsValid(), s.IsValid())
	}
	h1, l1 := bits.Mul64(uint64(r.num), uint64(s.den))
	h2, l2 := bits.Mul64(uint64(s.num), uint64(r.den))
	return cmp.Or(cmp.Compare(h1, h2), cmp.Compare(l1, l2))
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case b:
		return -1
	}
	return 1
}

// Percent returns 100·r rounded to digits decimals with mode, exactly. An
// invalid Ratio gives zero.
func (r Ratio) Percent(digits int32, mode RoundingMode) decimal.Decimal {
	return r.scaled(2+digits, mode).Shift(-digits)
}

// Decimal returns r rounded to digits decimals with mode, exactly.
func (r Ratio) Decimal(digits int32, mode RoundingMode) decimal.Decimal {
	return r.scaled(digits, mode).Shift(-digits)
}

// scaled returns round(r · 10^k) as an integer decimal.
func (r Ratio) scaled(k int32, mode RoundingMode) decimal.Decimal {
	if !r.IsValid() {
		return decimal.Zero
	}
	if k >= 0 && k <= 18 {
		// Fast path: num·10^k fits in 128 bits and the quotient in 64.
		hi, lo := bits.Mul64(uint64(r.num), pow10[k])
		if hi < uint64(r.den) {
			q, rem := bits.Div64(hi, lo, uint64(r.den))
			if q>>63 == 0 {
				return decimal.New(int64(q)+roundUp(rem, uint64(r.den), q, mode), 0)
			}
		}
	}
	n := new(big.Int).Mul(big.NewInt(r.num), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(max(k, 0))), nil))
	d := big.NewInt(r.den)
	if k < 0 {
		d.Mul(d, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-k)), nil))
	}
	return decimal.NewFromBigInt(numeral.RoundQuo(n, d, mode), 0)
}

// roundUp returns 1 if a quotient q with remainder rem over den rounds up:
// numeral.RoundQuo for 64-bit quotients.
func roundUp(rem, den, q uint64, mode RoundingMode) int64 {
	if numeral.RoundsUp(cmp.Compare(rem, den-rem), rem > 0, q&1 == 1, mode) {
		return 1
	}
	return 0
}

var pow10 = [...]uint64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// Float64 returns r as the nearest float64, for drawing charts only.
func (r Ratio) Float64() float64 {
	if !r.IsValid() {
		return 0
	}
	f, _ := new(big.Rat).SetFrac64(r.num, r.den).Float64()
	return f
}

// String returns the percent rounded half up to a whole number, as the press
// prints it: "164%". The invalid Ratio prints as "-".
func (r Ratio) String() string {
	if !r.IsValid() {
		return "-"
	}
	return r.Percent(0, HalfUp).String() + "%"
}

// MarshalText implements encoding.TextMarshaler as "num/den", exact.
func (r Ratio) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return []byte{}, nil
	}
	b := strconv.AppendInt(nil, r.num, 10)
	b = append(b, '/')
	return strconv.AppendInt(b, r.den, 10), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for "num/den" ("" gives
// the invalid Ratio).
func (r *Ratio) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = Ratio{}
		return nil
	}
	p, err := ParseRatio(string(b))
	if err != nil {
		return err
	}
	*r = p
	return nil
}

// ParseRatio parses "num/den" with plain decimal digits, such as "256620/150000".
func ParseRatio(s string) (Ratio, error) {
	a, b, ok := strings.Cut(s, "/")
	n, err1 := parseDigits(a)
	d, err2 := parseDigits(b)
	if !ok || err1 != nil || err2 != nil {
		return Ratio{}, fmt.Errorf("indicator.ParseRatio(%q): %w: want num/den in plain digits", errlist.Excerpt(s), region.ErrMalformed)
	}
	return newRatio(n, d, "denominator")
}

func parseDigits(s string) (int64, error) {
	if s == "" || strings.TrimLeft(s, "0123456789") != "" {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseInt(s, 10, 64)
}

// Round rounds an exact score to digits decimals with mode, for people to
// read: the DTI publishes indices with 4 decimals, half up. It is
// numeral.Round.
func Round(x *big.Rat, digits int32, mode RoundingMode) decimal.Decimal {
	return numeral.Round(x, digits, mode)
}
