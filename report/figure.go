package report

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/region"
)

// ErrMalformed is wrapped by every error of [ParseFigure]: region's
// sentinel for malformed input, so errors.Is works across packages.
var ErrMalformed = region.ErrMalformed

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
	Exact  Qualifier = iota // exactly the number; a percent is rounded (see Convention)
	More                    // "hơn", "trên": in (x; x + unit)
	Nearly                  // "gần": in [x − unit; x)
	About                   // "khoảng": in [x − unit/2; x + unit/2)
	Beyond                  // "vượt": more than x, no upper bound
)

var qualifierWords = map[string]Qualifier{
	"hơn": More, "trên": More, "gần": Nearly, "khoảng": About, "vượt": Beyond,
	// Verbs that state a figure without bounding it.
	"đạt": Exact, "chiếm": Exact, "là": Exact,
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

// ParseFigure reads one printed figure, strictly. It accepts an optional
// qualifier ("hơn", "trên", "gần", "khoảng", "vượt", or the verbs "đạt",
// "chiếm", "là"), then one of:
//   - a count with "." grouping thousands and "," before decimals: "60.827",
//     "9.000", "1,5"; a scale word may follow: "1,5 triệu", "741 nghìn"
//     ("ngàn", "triệu", "tỷ" also). Plain digits are exact; a count with
//     decimals or a scale word was rounded half up to its last digit
//     ("0,7955" is [0,79545; 0,79555), "741 nghìn" is [740.500; 741.500));
//   - a percent: "164%", "60,5%", "100 %";
//   - a date "23/3" or "28/9/2021";
//   - a fraction of localities "19/218" (a denominator above 12 or a month
//     that cannot be makes it a fraction).
//
// Malformed numbers are errors that say why: "217.00" (a thousands group has
// three digits), "1.2.3", "12,", "", "%5". The range of a percent follows
// [RoundedHalfUp]; see [ParseFigureWith] for truncation.
func ParseFigure(s string) (Figure, error) { return ParseFigureWith(s, RoundedHalfUp) }

// MaxFigure is the longest figure, in bytes, that ParseFigure reads.
const MaxFigure = 64

// ParseFigureWith is [ParseFigure] with the rounding convention of percents.
func ParseFigureWith(s string, conv Convention) (Figure, error) {
	return parseFigure(s, conv, false)
}

// ParseFraction reads "7/12" as a fraction of localities ("7/12 huyện"),
// never as a date; anything else as [ParseFigure] does.
func ParseFraction(s string) (Figure, error) { return parseFigure(s, RoundedHalfUp, true) }

// clean normalises text as it comes from web pages and PDFs: Unicode NFC,
// and every Unicode space (a no-break space from &nbsp;) as a plain space.
func clean(s string) string {
	if isASCII(s) {
		return s
	}
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func parseFigure(s string, conv Convention, fraction bool) (Figure, error) {
	fail := func(why string) (Figure, error) {
		return Figure{}, fmt.Errorf("report.ParseFigure(%q): %w number: %s", errlist.Excerpt(s), ErrMalformed, why)
	}
	if len(s) > MaxFigure {
		return fail(fmt.Sprintf("longer than %d bytes", MaxFigure))
	}
	f := Figure{Text: strings.TrimSpace(clean(s))}
	rest := f.Text
	if w, after, ok := strings.Cut(rest, " "); ok {
		if q, known := qualifierWords[strings.ToLower(w)]; known {
			f.Qualifier, rest = q, strings.TrimSpace(after)
		}
	}
	if rest == "" {
		return fail("no number")
	}
	if strings.Count(rest, "/") > 0 {
		return parseSlash(f, rest, fraction, fail)
	}
	f.Kind = Count
	scale := int64(1)
	if num, word, ok := strings.Cut(rest, " "); ok {
		switch strings.ToLower(strings.TrimSpace(word)) {
		case "nghìn", "ngàn":
			scale = 1e3
		case "triệu":
			scale = 1e6
		case "tỷ", "tỉ":
			scale = 1e9
		case "%":
			f.Kind = Percent
		default:
			return fail(fmt.Sprintf("%q is not a scale word", word))
		}
		rest = num
	}
	if p, ok := strings.CutSuffix(rest, "%"); ok {
		if f.Kind == Percent || scale != 1 {
			return fail("a percent sign where it does not belong")
		}
		f.Kind, rest = Percent, p
	}
	v, unit, err := parseVietnamese(rest, f.Kind == Percent)
	if err != "" {
		return fail(err)
	}
	if f.Kind == Percent && scale != 1 {
		return fail("a scale word with a percent")
	}
	sc := new(big.Rat).SetInt64(scale)
	f.Value, f.Unit = v.Mul(v, sc), unit.Mul(unit, sc)
	// A count printed with decimals ("0,7955", "1,5 triệu") or a scale word
	// ("741 nghìn") was rounded; a count in plain digits is exact.
	rounded := scale != 1 || strings.ContainsRune(rest, decimalSep)
	f.Range = rangeOf(f.Value, f.Unit, f.Qualifier, f.Kind == Percent, rounded, conv)
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
		return Interval{Lo: v, Hi: add(v, unit), HiOpen: true}
	}
	return Interval{Lo: sub(v, half), Hi: add(v, half), HiOpen: true}
}

// parseVietnamese parses "60.827" or "1,5" strictly; it returns the value,
// the place of the last digit, and why it failed.
func parseVietnamese(s string, percent bool) (*big.Rat, *big.Rat, string) {
	if s == "" {
		return nil, nil, "no number"
	}
	ip, fp, hasDec := strings.Cut(s, string(decimalSep))
	if hasDec && fp == "" {
		return nil, nil, "a decimal comma with no digits after it"
	}
	if strings.ContainsRune(fp, decimalSep) || strings.ContainsRune(fp, groupSep) {
		return nil, nil, "separators after the decimal comma"
	}
	groups := strings.Split(ip, string(groupSep))
	for i, g := range groups {
		switch {
		case g == "":
			return nil, nil, "an empty group between separators"
		case strings.TrimLeft(g, "0123456789") != "":
			return nil, nil, fmt.Sprintf("%q is not digits", g)
		case i > 0 && len(g) != 3:
			return nil, nil, fmt.Sprintf("a thousands group has three digits, %q has %d", g, len(g))
		case i == 0 && len(groups) > 1 && (len(g) > 3 || g[0] == '0'):
			return nil, nil, fmt.Sprintf("the first group %q has more than three digits or a leading zero", g)
		}
	}
	if strings.TrimLeft(fp, "0123456789") != "" {
		return nil, nil, fmt.Sprintf("%q is not digits", fp)
	}
	digits := strings.Join(groups, "")
	if len(digits) > 1 && digits[0] == '0' {
		return nil, nil, "a leading zero"
	}
	v, ok := new(big.Rat).SetString(digits + "." + fp + "0")
	if !ok {
		return nil, nil, "not a number"
	}
	unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(len(fp))), nil))
	if fp == "" && digits != "0" && !percent {
		// The place of the last significant digit: 1.000 for 741.000.
		z := len(digits) - len(strings.TrimRight(digits, "0"))
		unit.SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(z)), nil))
	}
	return v, unit, ""
}

func parseSlash(f Figure, s string, fraction bool, fail func(string) (Figure, error)) (Figure, error) {
	parts := strings.Split(s, "/")
	nums := make([]int, len(parts))
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || p == "" || p[0] == '+' || p[0] == '-' || len(p) > 9 {
			return fail(fmt.Sprintf("%q is not a whole number", p))
		}
		nums[i] = n
	}
	switch {
	case len(parts) == 3 && !fraction:
		f.Kind, f.Day, f.Month, f.Year = Date, nums[0], nums[1], nums[2]
		if f.Year < 1000 || f.Year > 9999 {
			return fail(fmt.Sprintf("year %d is not four digits", f.Year))
		}
	case len(parts) == 2 && !fraction && nums[1] >= 1 && nums[1] <= 12 && nums[0] >= 1 && nums[0] <= 31:
		f.Kind, f.Day, f.Month = Date, nums[0], nums[1]
	case len(parts) == 2:
		if nums[1] == 0 {
			return fail("a fraction over zero")
		}
		f.Kind, f.Num, f.Den = Fraction, nums[0], nums[1]
		f.Value = big.NewRat(int64(nums[0]), int64(nums[1]))
		f.Unit = new(big.Rat)
		f.Range = Point(f.Value) // a copy: Range does not share Value's memory
		return f, nil
	default:
		return fail("too many slashes")
	}
	if f.Month < 1 || f.Month > 12 || f.Day < 1 || f.Day > daysInMonth(f.Year, f.Month) {
		return fail("no such date")
	}
	return f, nil
}

// daysInMonth is the number of days of a month; February has 29 when the
// year is not printed (0), since it may be a leap year.
func daysInMonth(year, month int) int {
	if year == 0 {
		year = 2000
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// Attainment returns the exact ratio a Count figure's Value gives over plan,
// for figures that are exact.
func (f Figure) Attainment(plan int64) (indicator.Ratio, error) {
	if f.Kind != Count || f.Value == nil || !f.Value.IsInt() || !f.Value.Num().IsInt64() || f.Qualifier != Exact {
		return indicator.Ratio{}, fmt.Errorf("report: %q is not an exact count that fits int64", f.Text)
	}
	return indicator.Attainment(f.Value.Num().Int64(), plan)
}
