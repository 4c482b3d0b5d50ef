package report

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
)

// Vietnamese separators, as CLDR (and golang.org/x/text) give them for "vi":
// "." groups thousands and "," marks decimals.
const (
	groupSep   = '.'
	decimalSep = ','
)

// FormatInt writes n the Vietnamese way: 60827 → "60.827", -1500 → "-1.500".
func FormatInt(n int64) string {
	return string(appendInt(nil, n))
}

func appendInt(b []byte, n int64) []byte {
	digits := strconv.AppendInt(nil, n, 10)
	if n < 0 {
		b = append(b, '-')
		digits = digits[1:]
	}
	return appendGrouped(b, digits)
}

func appendGrouped(b, digits []byte) []byte { return appendGroupedWith(b, digits, groupSep) }

func appendGroupedWith(b, digits []byte, sep byte) []byte {
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, c)
	}
	return b
}

// separators returns the grouping and decimal separators of lang: "." and
// "," in Vietnamese, "," and "." in English.
func separators(lang Language) (group, dec byte) {
	if lang == English {
		return ',', '.'
	}
	return groupSep, decimalSep
}

// FormatDecimal writes d with its own decimals the Vietnamese way: 1.5 →
// "1,5", 741220 → "741.220", 1234.05 → "1.234,05".
func FormatDecimal(d decimal.Decimal) string { return FormatDecimalIn(d, Vietnamese) }

// FormatDecimalIn writes d with its own decimals in lang's format: 1234.5
// is "1.234,5" in Vietnamese and "1,234.5" in English.
func FormatDecimalIn(d decimal.Decimal, lang Language) string { return localize(d.String(), lang) }

// FormatFixed writes d rounded half up to exactly digits decimals, keeping
// trailing zeros, as indices are published: 0.837 → "0,8370" with 4.
func FormatFixed(d decimal.Decimal, digits int32) string {
	return localize(d.StringFixed(digits), Vietnamese)
}

// localize rewrites a decimal string ("-1234.5") with lang's separators:
// "-1.234,5" in Vietnamese, "-1,234.5" in English.
func localize(s string, lang Language) string {
	group, dec := separators(lang)
	var b []byte
	if strings.HasPrefix(s, "-") {
		b = append(b, '-')
		s = s[1:]
	}
	ip, fp, _ := strings.Cut(s, ".")
	b = appendGroupedWith(b, []byte(ip), group)
	if fp != "" {
		b = append(b, dec)
		b = append(b, fp...)
	}
	return string(b)
}

// FormatPercent writes r as a percent rounded to digits decimals with mode,
// dropping trailing zeros as the press does: "164%", "60,5%", "100%".
func FormatPercent(r indicator.Ratio, digits int32, mode indicator.RoundingMode) string {
	if !r.IsValid() {
		return "-"
	}
	return FormatDecimal(r.Percent(digits, mode)) + "%"
}
