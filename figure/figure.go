package figure

import (
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
)

// ErrMalformed is wrapped by every error of [Parse]: the module's sentinel
// for malformed input, so errors.Is works across packages.
var ErrMalformed = numeral.ErrMalformed

// Kind is what a figure counts.
type Kind uint8

// The kinds of figure.
const (
	Count    Kind = iota + 1 // "60.827", "hơn 741.000", "1,5 triệu"
	Percent                  // "164%", "60,5%"
	Date                     // "23/3", "28/9/2021"
	Fraction                 // "19/218"
)

// Qualifier is the word the press puts before a figure.
type Qualifier uint8

// The qualifiers and how each is read. unit is the place of the last
// significant digit of a count as printed: 1.000 for "741.000", 10 for
// "730", 1 for "256.620"; for a percent, the place of its last decimal: 1
// for "164%" and "300%", 0,1 for "60,5%".
const (
	Exact   Qualifier = iota // exactly the number; a percent is rounded (see Convention)
	More                     // "hơn", "trên": in (x; x + unit)
	Nearly                   // "gần": in [x − unit; x)
	About                    // "khoảng": in [x − unit/2; x + unit/2)
	Beyond                   // "vượt": more than x, no upper bound
	Order                    // "hàng chục": some tens, in [10; 100); "hàng trăm", "hàng nghìn" likewise
	Between                  // "từ 0,5 đến gần 0,6", "50–60%": from the first's least value to the second's greatest
)

var qualifierWords = map[string]Qualifier{
	"hơn": More, "trên": More, "gần": Nearly, "khoảng": About, "vượt": Beyond,
	// Verbs that state a figure without bounding it.
	"đạt": Exact, "chiếm": Exact, "là": Exact,
}

// ParseQualifier returns the qualifier a leading word gives a figure: More
// for "hơn" and "trên", Exact for the verbs "đạt", "chiếm", "là"; false for
// a word that is not a qualifier. The word is in lower case.
func ParseQualifier(word string) (Qualifier, bool) {
	q, ok := qualifierWords[word]
	return q, ok
}

// Convention is how a printed percent was rounded.
type Convention uint8

// The conventions. The zero value, RoundedHalfUp, is the official one.
const (
	RoundedHalfUp Convention = iota // "164%" is [163,5%; 164,5%)
	Truncated                       // "164%" is [164%; 165%)
)

// Figure is a number as the press prints it, with what the print lets a
// reader conclude.
type Figure struct {
	Text      string    // as printed, trimmed
	Kind      Kind      // Count, Percent, Date or Fraction
	Qualifier Qualifier // the leading word's reading
	Value     *big.Rat  // the printed number (a percent as 164, not 1,64)
	Unit      *big.Rat  // the place of its last significant digit
	Range     Interval  // the values the print allows, in the Value's scale

	// Day, Month and Year of a Date (Year 0 when not printed); Num and Den
	// of a Fraction.
	Day, Month, Year, Num, Den int
}

// Parse reads one printed figure, strictly. It accepts an optional
// qualifier ("hơn", "trên", "gần", "khoảng", "vượt", or the verbs "đạt",
// "chiếm", "là"), then one of:
//   - a count with "." grouping thousands and "," before decimals: "60.827",
//     "9.000", "1,5"; a scale word may follow: "1,5 triệu", "741 nghìn"
//     ("ngàn", "triệu", "tỷ" also, and two in a row multiply: "318,9 ngàn
//     tỷ", "260 triệu tỉ"). Plain digits are exact; a count with
//     decimals or a scale word was rounded half up to its last digit
//     ("0,7955" is [0,79545; 0,79555), "741 nghìn" is [740.500; 741.500));
//   - a percent: "164%", "60,5%", "100 %";
//   - a date "23/3" or "28/9/2021";
//   - a fraction of localities "19/218" (a denominator above 12 or a month
//     that cannot be makes it a fraction), or a ratio of counts grouped by
//     thousands, "354.938/654.392";
//   - a range of counts or percents, "từ 0,5 đến gần 0,6" or "50–60%", which
//     runs from the first's least value to the second's greatest;
//   - an order of magnitude instead of a number: "hàng chục" is [10; 100),
//     likewise "hàng trăm", "hàng nghìn", "hàng vạn", "hàng triệu".
//
// A count of two digits with a leading zero, "07" or "09", is the count
// below ten the press prints that way; any other leading zero is an error.
// Malformed numbers are errors that say why: "217.00" (a thousands group has
// three digits), "1.2.3", "12,", "", "%5",
// and a range that runs backwards ("2-1%", "1-0,5%"). The range of a percent follows
// [RoundedHalfUp]; see [ParseWith] for truncation.
func Parse(s string) (Figure, error) { return ParseWith(s, RoundedHalfUp) }

// MaxLen is the longest figure, in bytes, that Parse reads.
const MaxLen = 64

// ParseWith is [Parse] with the rounding convention of percents.
func ParseWith(s string, conv Convention) (Figure, error) {
	return parseFigure(s, conv, false)
}

// ParseFraction reads "7/12" as a fraction of localities ("7/12 huyện"),
// never as a date; anything else as [Parse] does.
func ParseFraction(s string) (Figure, error) { return parseFigure(s, RoundedHalfUp, true) }

// Error is why a printed figure cannot be read: the figure as given and
// the reason in both languages (findings quote the Vietnamese). It wraps
// [ErrMalformed].
type Error struct {
	Input  string        // the figure as given
	Reason numeral.Words // why it cannot be read
}

// Error writes the figure and the reason in English.
func (e *Error) Error() string {
	return fmt.Sprintf("figure.Parse(%q): %s number: %s", errlist.Excerpt(e.Input), ErrMalformed, e.Reason.En)
}

// Unwrap returns [ErrMalformed].
func (e *Error) Unwrap() error { return ErrMalformed }

func why(en, vi string) numeral.Words { return numeral.Words{Vi: vi, En: en} }

// parseNumber reads a number with numeral.Parse and returns its value and
// the place of its last significant digit: 1.000 for "741.000" (a count
// printed to the thousand), 1 for "164" as a percent, 0,1 for "60,5".
func parseNumber(s string, percent bool) (v, unit *big.Rat, err *numeral.Error) {
	v, dec, perr := numeral.Parse(pressZero(s))
	if perr != nil {
		ne, ok := perr.(*numeral.Error)
		if !ok {
			ne = &numeral.Error{Input: s, Reason: why(perr.Error(), perr.Error())}
		}
		return nil, nil, ne
	}
	unit = new(big.Rat).SetFrac(big.NewInt(1), numeral.Pow10(dec))
	if dec == 0 && v.Sign() != 0 && !percent {
		digits := v.Num().String()
		z := len(digits) - len(strings.TrimRight(digits, "0"))
		unit.SetInt(numeral.Pow10(z))
	}
	return v, unit, nil
}

// pressZero drops the leading zero the press prints before a count below
// ten ("07 người", "Đề án 06", "09 xã"): exactly two digits, the first a
// zero. Any other leading zero ("0123") is left for numeral.Parse to
// refuse.
func pressZero(s string) string {
	if len(s) == 2 && s[0] == '0' && s[1] >= '1' && s[1] <= '9' {
		return s[1:]
	}
	return s
}

// scales are the scale words after a number; two in a row multiply
// ("ngàn tỷ" is 10^12).
var scales = map[string]int64{"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}

// orders are the words for an order of magnitude printed instead of a
// number: "hàng chục ứng dụng" is some tens of them, in [10; 100).
var orders = map[string]int64{"hàng chục": 10, "hàng trăm": 100, "hàng nghìn": 1e3, "hàng ngàn": 1e3, "hàng vạn": 1e4, "hàng triệu": 1e6}

// Magnitude returns the least value of the order of magnitude that words
// print instead of a number: 10 for "hàng chục", 1.000 for "hàng nghìn";
// false for anything else.
func Magnitude(words string) (int64, bool) {
	n, ok := orders[strings.ToLower(words)]
	return n, ok
}

func parseFigure(s string, conv Convention, fraction bool) (Figure, error) {
	fail := func(w numeral.Words) (Figure, error) { return Figure{}, &Error{Input: s, Reason: w} }
	if len(s) > MaxLen {
		return fail(why(fmt.Sprintf("longer than %d bytes", MaxLen), fmt.Sprintf("dài hơn %d byte", MaxLen)))
	}
	f := Figure{Text: strings.TrimSpace(numeral.Clean(s))}
	rest := f.Text
	if n, ok := orders[strings.ToLower(rest)]; ok {
		f.Kind, f.Qualifier = Count, Order
		f.Value, f.Unit = big.NewRat(n, 1), big.NewRat(n, 1)
		f.Range = Interval{Lo: big.NewRat(n, 1), Hi: big.NewRat(10*n, 1), HiOpen: true}
		return f, nil
	}
	if lo, hi, ok := cutRange(rest); ok {
		return parseRange(f, lo, hi, conv, fail)
	}
	if w, after, ok := strings.Cut(rest, " "); ok {
		if q, known := qualifierWords[strings.ToLower(w)]; known {
			f.Qualifier, rest = q, strings.TrimSpace(after)
		}
	}
	if rest == "" {
		return fail(why("no number", "không có số"))
	}
	if strings.Count(rest, "/") > 0 {
		return parseSlash(f, rest, fraction, fail)
	}
	f.Kind = Count
	scale := int64(1)
	if num, word, ok := strings.Cut(rest, " "); ok {
		w := strings.ToLower(strings.TrimSpace(word))
		if a, b, two := strings.Cut(w, " "); two && scales[a] != 0 && scales[b] != 0 {
			// "318,9 ngàn tỷ", "260 triệu tỉ": the scales multiply.
			scale = scales[a] * scales[b]
		} else if scales[w] != 0 {
			scale = scales[w]
		} else if w == "%" {
			f.Kind = Percent
		} else {
			return fail(why(fmt.Sprintf("%q is not a scale word", word), fmt.Sprintf("%q không phải từ chỉ đơn vị (nghìn, triệu, tỷ)", word)))
		}
		rest = num
	}
	if p, ok := strings.CutSuffix(rest, "%"); ok {
		if f.Kind == Percent || scale != 1 {
			return fail(why("a percent sign where it does not belong", "dấu phần trăm đặt sai chỗ"))
		}
		f.Kind, rest = Percent, p
	}
	v, unit, err := parseNumber(rest, f.Kind == Percent)
	if err != nil {
		return fail(err.Reason)
	}
	sc := new(big.Rat).SetInt64(scale)
	f.Value, f.Unit = v.Mul(v, sc), unit.Mul(unit, sc)
	// A count printed with decimals ("0,7955", "1,5 triệu") or a scale word
	// ("741 nghìn") was rounded; a count in plain digits is exact.
	rounded := scale != 1 || strings.ContainsRune(rest, ',')
	f.Range = rangeOf(f.Value, f.Unit, f.Qualifier, f.Kind == Percent, rounded, conv)
	return f, nil
}

// cutRange splits a printed range: "từ 0,5 đến gần 0,6", "50–60%", "50 -
// 60%".
func cutRange(s string) (lo, hi string, ok bool) {
	if after, found := strings.CutPrefix(s, "từ "); found {
		return strings.Cut(after, " đến ")
	}
	for _, dash := range []string{"–", "—", "-"} {
		if lo, hi, ok = strings.Cut(s, dash); ok && lo != "" {
			return strings.TrimSpace(lo), strings.TrimSpace(hi), true
		}
	}
	return "", "", false
}

// parseRange reads the two ends of a range as figures of one kind: the
// range runs from the lower end's least value to the upper end's greatest.
// A percent sign printed only at the end applies to both ("50–60%").
func parseRange(f Figure, lo, hi string, conv Convention, fail func(numeral.Words) (Figure, error)) (Figure, error) {
	if strings.HasSuffix(hi, "%") && !strings.HasSuffix(lo, "%") {
		lo += "%"
	}
	a, err := parseFigure(lo, conv, false)
	if err != nil {
		return Figure{}, err
	}
	b, err := parseFigure(hi, conv, false)
	if err != nil {
		return Figure{}, err
	}
	if a.Kind != b.Kind || (a.Kind != Count && a.Kind != Percent) || a.Range.Hi == nil || b.Range.Hi == nil {
		return fail(why("the ends of a range are not two numbers of one kind", "hai đầu khoảng không cùng loại số"))
	}
	// The printed ends, not their intervals, say which is the start:
	// "2-1%" and "1-0,5%" run backwards even where rounding lets the
	// intervals touch.
	if a.Value.Cmp(b.Value) > 0 || a.Range.Lo.Cmp(b.Range.Hi) > 0 {
		return fail(why("a range whose start exceeds its end", "khoảng có đầu lớn hơn cuối"))
	}
	f.Kind, f.Qualifier, f.Value, f.Unit = a.Kind, Between, a.Value, b.Unit
	f.Range = Interval{Lo: a.Range.Lo, LoOpen: a.Range.LoOpen, Hi: b.Range.Hi, HiOpen: b.Range.HiOpen}
	if f.Range.IsEmpty() {
		return fail(why("an empty range", "khoảng rỗng"))
	}
	return f, nil
}

// rangeOf returns the values a figure allows.
func rangeOf(v, unit *big.Rat, q Qualifier, percent, rounded bool, conv Convention) Interval {
	add := func(a, b *big.Rat) *big.Rat { return new(big.Rat).Add(a, b) }
	sub := func(a, b *big.Rat) *big.Rat { return new(big.Rat).Sub(a, b) }
	half := new(big.Rat).Quo(unit, big.NewRat(2, 1))
	switch q {
	case More:
		return Interval{Lo: new(big.Rat).Set(v), Hi: add(v, unit), LoOpen: true, HiOpen: true}
	case Nearly:
		return Interval{Lo: sub(v, unit), Hi: new(big.Rat).Set(v), HiOpen: true}
	case About:
		return Interval{Lo: sub(v, half), Hi: add(v, half), HiOpen: true}
	case Beyond:
		return Interval{Lo: new(big.Rat).Set(v), LoOpen: true}
	}
	if !percent && unit.Cmp(big.NewRat(1, 1)) >= 0 && !rounded {
		return Point(v)
	}
	if conv == Truncated {
		return Interval{Lo: new(big.Rat).Set(v), Hi: add(v, unit), HiOpen: true}
	}
	return Interval{Lo: sub(v, half), Hi: add(v, half), HiOpen: true}
}

func parseSlash(f Figure, s string, fraction bool, fail func(numeral.Words) (Figure, error)) (Figure, error) {
	parts := strings.Split(s, "/")
	nums := make([]int, len(parts))
	grouped := false
	for i, p := range parts {
		n, err := numeral.ParseWhole(p)
		if err != nil && strings.Contains(p, ".") {
			// A ratio of counts grouped by thousands: "354.938/654.392".
			var c int64
			if c, err = numeral.ParseCount(p, true); err == nil && c < 1e9 {
				n, grouped = int(c), true
			}
		}
		if err != nil || n >= 1e9 {
			return fail(why(fmt.Sprintf("%q is not a whole number", p), fmt.Sprintf("%q không phải số nguyên", p)))
		}
		nums[i] = n
	}
	if grouped {
		fraction = true // a date has no thousands separator
	}
	switch {
	case len(parts) == 3 && !fraction, len(parts) == 2 && !fraction && nums[1] >= 1 && nums[1] <= 12 && nums[0] >= 1 && nums[0] <= 31:
		d, err := numeral.ParseDate(s)
		if err != nil {
			var ne *numeral.Error
			if errors.As(err, &ne) {
				return fail(ne.Reason)
			}
			return fail(why(err.Error(), err.Error()))
		}
		f.Kind, f.Day, f.Month, f.Year = Date, d.Day, d.Month, d.Year
		return f, nil
	case len(parts) == 2:
		if nums[1] == 0 {
			return fail(why("a fraction over zero", "phân số có mẫu bằng 0"))
		}
		f.Kind, f.Num, f.Den = Fraction, nums[0], nums[1]
		f.Value = big.NewRat(int64(nums[0]), int64(nums[1]))
		f.Unit = new(big.Rat)
		f.Range = Point(f.Value) // a copy: Range does not share Value's memory
		return f, nil
	}
	return fail(why("too many slashes", "quá nhiều dấu gạch chéo"))
}

// Attainment returns the exact ratio a Count figure's Value gives over plan,
// for figures that are exact.
func (f Figure) Attainment(plan int64) (indicator.Ratio, error) {
	if f.Kind != Count || f.Value == nil || !f.Value.IsInt() || !f.Value.Num().IsInt64() || f.Qualifier != Exact {
		return indicator.Ratio{}, fmt.Errorf("figure: %q is not an exact count (a plain whole number that fits int64, no qualifier): %w", errlist.Excerpt(f.Text), ErrMalformed)
	}
	return indicator.Attainment(f.Value.Num().Int64(), plan)
}
