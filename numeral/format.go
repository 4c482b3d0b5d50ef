package numeral

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// separators returns the grouping and decimal separators of lang: "." and
// "," in Vietnamese, "," and "." in English, as CLDR (and golang.org/x/text)
// give them for "vi" and "en".
func separators(lang Language) (group, dec byte) {
	if lang.valid() == English {
		return ',', '.'
	}
	return '.', ','
}

// FormatInt writes n in lang's format: 60827 is "60.827" in Vietnamese and
// "60,827" in English; -1500 is "-1.500".
func FormatInt(n int64, lang Language) string {
	return string(AppendInt(nil, n, lang))
}

// AppendInt appends n in lang's format to b, as [FormatInt] writes it.
func AppendInt(b []byte, n int64, lang Language) []byte {
	var buf [24]byte
	digits := strconv.AppendInt(buf[:0], n, 10)
	if n < 0 {
		b = append(b, '-')
		digits = digits[1:]
	}
	group, _ := separators(lang)
	return appendGrouped(b, digits, group)
}

func appendGrouped(b, digits []byte, sep byte) []byte {
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, c)
	}
	return b
}

// FormatDecimal writes d with its own decimals in lang's format: 1234.05 is
// "1.234,05" in Vietnamese and "1,234.05" in English; 1.5 is "1,5".
func FormatDecimal(d decimal.Decimal, lang Language) string { return Localize(d.String(), lang) }

// FormatFixed writes d rounded half up to exactly digits decimals, keeping
// trailing zeros, as indices are published: 0.837 with 4 is "0,8370" in
// Vietnamese.
func FormatFixed(d decimal.Decimal, digits int32, lang Language) string {
	return Localize(d.StringFixed(digits), lang)
}

// Localize rewrites a plain decimal string ("-1234.5", as strconv and
// decimal write them) with lang's separators: "-1.234,5" in Vietnamese,
// "-1,234.5" in English.
func Localize(s string, lang Language) string {
	group, dec := separators(lang)
	b := make([]byte, 0, len(s)+len(s)/3)
	if strings.HasPrefix(s, "-") {
		b = append(b, '-')
		s = s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	b = appendGrouped(b, []byte(ip), group)
	if fp != "" {
		b = append(b, dec)
		b = append(b, fp...)
	}
	return string(b)
}
