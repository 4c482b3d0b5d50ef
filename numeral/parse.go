package numeral

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/chiso-vn/chiso/internal/errlist"
)

// ErrMalformed is wrapped by every error of this package's readers: the
// module's one sentinel for input that cannot be read, so errors.Is works
// whichever package read it.
var ErrMalformed = errlist.ErrMalformed

// ErrOverflow is wrapped when a count does not fit in an int64.
var ErrOverflow = errlist.ErrOverflow

// Error is why a numeral cannot be read: the input as given and the reason
// in both languages, for people (findings, the command) and programs.
type Error struct {
	Input  string // the numeral as given
	Reason Words  // why it cannot be read
	err    error  // ErrMalformed, or ErrOverflow
}

// Error writes the input and the reason in English, as Go's errors are.
func (e *Error) Error() string {
	return fmt.Sprintf("numeral %q: %v: %s", errlist.Excerpt(e.Input), e.err, e.Reason.En)
}

// Unwrap returns [ErrMalformed] or [ErrOverflow].
func (e *Error) Unwrap() error { return e.err }

func malformed(s, en, vi string) *Error {
	return &Error{Input: s, Reason: Words{Vi: vi, En: en}, err: ErrMalformed}
}

// Parse reads a number written the Vietnamese way, strictly, and returns
// its exact value and how many decimals it prints:
//   - "." groups thousands: "60.827", "1.000.000"; the first group has one
//     to three digits and every other group exactly three, so "217.00" and
//     "60.5" are malformed, and "1.000" is a thousand, never one;
//   - "," marks decimals: "1,5", "0,7955", "1.234,05";
//   - plain digits: "256620", "0".
//
// Anything else is an [*Error] wrapping [ErrMalformed] that says why: a sign,
// a space, a leading zero ("07"), a separator with no digits after it.
// This is the module's one reader of numerals; the press's other forms
// (qualifiers, scale words, percents, ranges) are read by package figure
// on top of it.
func Parse(s string) (v *big.Rat, decimals int, err error) {
	if s == "" {
		return nil, 0, malformed(s, "no number", "không có số")
	}
	ip, fp, hasDec := strings.Cut(s, ",")
	if hasDec && fp == "" {
		return nil, 0, malformed(s, "a decimal comma with no digits after it", "dấu phẩy thập phân không có chữ số theo sau")
	}
	if strings.ContainsAny(fp, ",.") {
		return nil, 0, malformed(s, "separators after the decimal comma", "có dấu phân cách sau dấu phẩy thập phân")
	}
	digits, err := groupedDigits(s, ip)
	if err != nil {
		return nil, 0, err
	}
	if strings.TrimLeft(fp, "0123456789") != "" {
		return nil, 0, malformed(s, fmt.Sprintf("%q is not digits", fp), fmt.Sprintf("%q không phải chữ số", fp))
	}
	if len(digits) > 1 && digits[0] == '0' {
		return nil, 0, malformed(s, "a leading zero", "bắt đầu bằng số 0")
	}
	m, ok := new(big.Int).SetString(digits+fp, 10)
	if !ok {
		return nil, 0, malformed(s, "not a number", "không phải số")
	}
	return new(big.Rat).SetFrac(m, Pow10(len(fp))), len(fp), nil
}

// groupedDigits checks the integer part ip of s and returns its digits
// without separators.
func groupedDigits(s, ip string) (string, error) {
	if !strings.Contains(ip, ".") {
		if ip == "" || strings.TrimLeft(ip, "0123456789") != "" {
			return "", malformed(s, fmt.Sprintf("%q is not digits", ip), fmt.Sprintf("%q không phải chữ số", ip))
		}
		return ip, nil
	}
	groups := strings.Split(ip, ".")
	for i, g := range groups {
		switch {
		case g == "":
			return "", malformed(s, "an empty group between separators", "nhóm trống giữa hai dấu chấm")
		case strings.TrimLeft(g, "0123456789") != "":
			return "", malformed(s, fmt.Sprintf("%q is not digits", g), fmt.Sprintf("%q không phải chữ số", g))
		case i > 0 && len(g) != 3:
			return "", malformed(s, fmt.Sprintf("a thousands group has three digits, %q has %d", g, len(g)),
				fmt.Sprintf("nhóm hàng nghìn phải có ba chữ số, %q có %d", g, len(g)))
		case i == 0 && (len(g) > 3 || g[0] == '0'):
			return "", malformed(s, fmt.Sprintf("the first group %q has more than three digits or a leading zero", g),
				fmt.Sprintf("nhóm đầu %q có hơn ba chữ số hoặc bắt đầu bằng 0", g))
		}
	}
	return strings.Join(groups, ""), nil
}

// ParseCount reads a whole, non-negative count as [Parse] does ("1.611",
// "60.827", "256620") and checks that it fits in an int64. With grouped
// false only plain digits are accepted, the strict machine format of data
// files; a grouped count is then an error that says so.
func ParseCount(s string, grouped bool) (int64, error) {
	if !grouped && strings.Contains(s, ".") {
		return 0, malformed(s, `"." groups thousands only in the spreadsheet convention; write plain digits`,
			`dấu "." nhóm hàng nghìn chỉ dùng theo quy ước bảng tính; hãy viết chữ số liền`)
	}
	if n, ok := plainDigits(s); ok {
		return n, nil
	}
	v, dec, err := Parse(s)
	if err != nil {
		if !grouped {
			return 0, malformed(s, "not a count of plain digits", "không phải số đếm viết bằng chữ số liền")
		}
		return 0, err
	}
	if dec > 0 || !v.IsInt() {
		return 0, malformed(s, "a count has no decimals", "số đếm không có phần thập phân")
	}
	if !v.Num().IsInt64() {
		return 0, &Error{Input: s, Reason: Words{Vi: "vượt quá int64", En: "overflows int64"}, err: ErrOverflow}
	}
	return v.Num().Int64(), nil
}

// plainDigits is the fast path of ParseCount: digits only, no leading zero.
func plainDigits(s string) (int64, bool) {
	if s == "" || len(s) > 18 || len(s) > 1 && s[0] == '0' {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}

// Pow10 returns 10^n as a new big.Int.
func Pow10(n int) *big.Int {
	if n < 19 {
		p := uint64(1)
		for range n {
			p *= 10
		}
		return new(big.Int).SetUint64(p)
	}
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// ParseWhole reads a small whole number written in plain digits, as the
// press prints ranks, steps and the terms of a fraction of localities:
// "6", "63", and with a leading zero "07" or "01" (in "01/20"). It refuses
// signs, separators and more than nine digits; a count with "." grouping
// thousands is [ParseCount]'s.
func ParseWhole(s string) (int, error) {
	if s == "" || len(s) > 9 {
		return 0, malformed(s, "not a whole number of one to nine digits", "không phải số nguyên từ một đến chín chữ số")
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, malformed(s, fmt.Sprintf("%q is not digits", s), fmt.Sprintf("%q không phải chữ số", s))
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, nil
}
