package figure

import (
	"math/big"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
)

// Interval is a set of exact rational values between two bounds. Hi is nil
// when there is no upper bound. The zero Interval (Lo nil) is empty: every
// method treats it as the empty set, so a figure that is not a number (a
// date) can carry it safely.
type Interval struct {
	Lo, Hi         *big.Rat
	LoOpen, HiOpen bool
}

// Point returns the interval holding only x.
func Point(x *big.Rat) Interval {
	return Interval{Lo: new(big.Rat).Set(x), Hi: new(big.Rat).Set(x)}
}

// IsEmpty reports whether no value lies in i.
func (i Interval) IsEmpty() bool {
	if i.Lo == nil {
		return true
	}
	if i.Hi == nil {
		return false
	}
	c := i.Lo.Cmp(i.Hi)
	return c > 0 || c == 0 && (i.LoOpen || i.HiOpen)
}

// Intersect returns the values in both i and j.
func (i Interval) Intersect(j Interval) Interval {
	if i.IsEmpty() || j.IsEmpty() {
		return Interval{}
	}
	out := i
	if c := j.Lo.Cmp(out.Lo); c > 0 || c == 0 && j.LoOpen {
		out.Lo, out.LoOpen = j.Lo, j.LoOpen
	}
	if j.Hi != nil {
		if out.Hi == nil {
			out.Hi, out.HiOpen = j.Hi, j.HiOpen
		} else if c := j.Hi.Cmp(out.Hi); c < 0 || c == 0 && j.HiOpen {
			out.Hi, out.HiOpen = j.Hi, j.HiOpen
		}
	}
	if out.IsEmpty() {
		return Interval{}
	}
	return out
}

// Meets reports whether i and j share a value.
func (i Interval) Meets(j Interval) bool { return !i.Intersect(j).IsEmpty() }

// Add returns the interval of sums a + b with a in i and b in j.
func (i Interval) Add(j Interval) Interval {
	if i.IsEmpty() || j.IsEmpty() {
		return Interval{}
	}
	out := Interval{Lo: new(big.Rat).Add(i.Lo, j.Lo), LoOpen: i.LoOpen || j.LoOpen}
	if i.Hi != nil && j.Hi != nil {
		out.Hi, out.HiOpen = new(big.Rat).Add(i.Hi, j.Hi), i.HiOpen || j.HiOpen
	}
	return out
}

// Div returns the interval of quotients a / b with a in i and b in j, for
// non-negative i and j whose lower bound is positive; empty otherwise.
func (i Interval) Div(j Interval) Interval {
	if i.IsEmpty() || j.IsEmpty() || i.Lo.Sign() < 0 || j.Lo.Sign() <= 0 {
		return Interval{}
	}
	out := Interval{LoOpen: i.LoOpen || j.HiOpen}
	if j.Hi == nil {
		out.Lo = new(big.Rat)
		out.LoOpen = true
	} else {
		out.Lo = new(big.Rat).Quo(i.Lo, j.Hi)
	}
	if i.Hi != nil {
		out.Hi, out.HiOpen = new(big.Rat).Quo(i.Hi, j.Lo), i.HiOpen || j.LoOpen
	}
	return out
}

// Scale returns the interval of a·k with a in i, for k > 0.
func (i Interval) Scale(k *big.Rat) Interval {
	if i.IsEmpty() {
		return Interval{}
	}
	out := Interval{Lo: new(big.Rat).Mul(i.Lo, k), LoOpen: i.LoOpen}
	if i.Hi != nil {
		out.Hi, out.HiOpen = new(big.Rat).Mul(i.Hi, k), i.HiOpen
	}
	return out
}

// Whole returns the smallest and largest whole numbers in i, for a bounded
// interval that holds at least one and whose bounds fit in int64: the plans
// (or counts) a published figure allows.
func (i Interval) Whole() (lo, hi int64, ok bool) {
	if i.IsEmpty() || i.Hi == nil {
		return 0, 0, false
	}
	l := floorRat(i.Lo)
	if i.Lo.IsInt() && !i.LoOpen {
		l.Sub(l, big.NewInt(1))
	}
	l.Add(l, big.NewInt(1))
	h := floorRat(i.Hi)
	if i.Hi.IsInt() && i.HiOpen {
		h.Sub(h, big.NewInt(1))
	}
	if l.Cmp(h) > 0 || !l.IsInt64() || !h.IsInt64() {
		return 0, 0, false
	}
	return l.Int64(), h.Int64(), true
}

func floorRat(x *big.Rat) *big.Int {
	q, _ := new(big.Int).DivMod(x.Num(), x.Denom(), new(big.Int)) // Euclidean: floor for a positive divisor
	return q
}

// Contains reports whether x lies in i.
func (i Interval) Contains(x *big.Rat) bool {
	if i.IsEmpty() {
		return false
	}
	c := x.Cmp(i.Lo)
	if c < 0 || c == 0 && i.LoOpen {
		return false
	}
	if i.Hi == nil {
		return true
	}
	c = x.Cmp(i.Hi)
	return c < 0 || c == 0 && !i.HiOpen
}

// String writes the interval the numeral.Vietnamese way with exact bounds, as many
// decimals as they need: "(741.000; 742.000)", "[163,5; 164,5)",
// "[62,195; 62,205)". A bound without a finite decimal form is rounded to 6
// decimals and marked "≈": 19/218 is "[≈0,087156; ≈0,087156]". The empty
// interval is "∅".
func (i Interval) String() string { return i.Text(numeral.Vietnamese) }

// Text is String in a language's number format: English writes
// "(741,000; 742,000)" and "[163.5; 164.5)".
func (i Interval) Text(lang numeral.Language) string { return i.format(-1, lang) }

// Format writes the interval the numeral.Vietnamese way with bounds rounded half up
// to digits decimals (trailing zeros dropped); a negative digits writes
// them exactly, as String does.
func (i Interval) Format(digits int32) string { return i.format(digits, numeral.Vietnamese) }

func (i Interval) format(digits int32, lang numeral.Language) string {
	if i.IsEmpty() {
		return "∅"
	}
	var b strings.Builder
	b.WriteByte("[("[btoi(i.LoOpen)])
	b.WriteString(formatRat(i.Lo, digits, lang))
	b.WriteString("; ")
	if i.Hi == nil {
		b.WriteString("∞)")
		return b.String()
	}
	b.WriteString(formatRat(i.Hi, digits, lang))
	b.WriteByte("])"[btoi(i.HiOpen)])
	return b.String()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// formatRat writes x in lang's format: rounded half up to digits decimals
// with trailing zeros dropped, or, for digits < 0, exactly when x has a
// finite decimal form and else to 6 decimals after "≈".
func formatRat(x *big.Rat, digits int32, lang numeral.Language) string {
	prefix := ""
	if digits < 0 {
		if d, ok := numeral.FiniteDecimals(x); ok {
			digits = d
		} else {
			digits, prefix = 6, "≈"
		}
	}
	// indicator.Round rounds half away from zero and writes no "-0".
	return prefix + numeral.Localize(indicator.Round(x, digits, indicator.HalfUp).String(), lang)
}

// Outward writes i with bounds at digits decimals, rounded outward and
// marked "≈" where rounding changed them, so that the interval printed
// holds the one computed. While rounding moves a bound by more than a
// tenth of the interval's width, it adds decimals, up to six more.
func (i Interval) Outward(digits int32, lang numeral.Language) string {
	if i.IsEmpty() {
		return "∅"
	}
	if i.Hi != nil && i.Lo.Cmp(i.Hi) == 0 && !i.LoOpen && !i.HiOpen {
		return formatRat(i.Lo, -1, lang) // a point is its value
	}
	var width *big.Rat
	if i.Hi != nil {
		width = new(big.Rat).Sub(i.Hi, i.Lo)
		width.Quo(width, big.NewRat(10, 1))
	}
	// bound rounds x outward at d decimals; ok when it moved at most width.
	bound := func(x *big.Rat, low bool, d int32) (string, bool) {
		mode := indicator.Up
		if low == (x.Sign() >= 0) {
			mode = indicator.Down
		}
		rounded := indicator.Round(x, d, mode)
		r, s := rounded.Rat(), numeral.Localize(rounded.String(), lang)
		if r.Cmp(x) == 0 {
			return s, true
		}
		moved := r.Sub(r, x)
		return "≈" + s, width == nil || moved.Abs(moved).Cmp(width) <= 0
	}
	for d := digits; ; d++ {
		lo, okLo := bound(i.Lo, true, d)
		hi, okHi := "∞", true
		if i.Hi != nil {
			hi, okHi = bound(i.Hi, false, d)
		}
		if okLo && okHi || d >= digits+6 {
			return string("[("[btoi(i.LoOpen)]) + lo + "; " + hi + string("])"[btoi(i.HiOpen || i.Hi == nil)])
		}
	}
}

// Mul returns the interval of products a·b with a in i and b in j, for
// non-negative i and j; empty otherwise.
func (i Interval) Mul(j Interval) Interval {
	if i.IsEmpty() || j.IsEmpty() || i.Lo.Sign() < 0 || j.Lo.Sign() < 0 {
		return Interval{}
	}
	out := Interval{Lo: new(big.Rat).Mul(i.Lo, j.Lo), LoOpen: i.LoOpen || j.LoOpen}
	if i.Hi != nil && j.Hi != nil {
		out.Hi, out.HiOpen = new(big.Rat).Mul(i.Hi, j.Hi), i.HiOpen || j.HiOpen
	}
	return out
}
