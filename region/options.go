package region

import (
	"strconv"
	"strings"
	"time"
)

// CSVOptions are the conventions of a CSV file that chiso's readers
// (indicator.ReadCSVWith, target.ReadCSVWith) accept besides their own.
// The zero value is the strict machine format: ",", no quotes, ISO dates,
// plain digits.
type CSVOptions struct {
	// Comma separates fields: ',' (the zero value) or ';', as spreadsheet
	// tools write CSV where "," is the decimal mark.
	Comma rune
	// Spreadsheet accepts what spreadsheet tools write in Vietnam: quoted
	// fields, dates as dd/mm/yyyy, counts with "." grouping thousands
	// ("1.611"). The caller declares the convention; nothing is guessed: a
	// field that fits neither it nor the strict format is an error.
	Spreadsheet bool
}

// Separator returns the field separator, ',' for the zero value.
func (o CSVOptions) Separator() byte {
	if o.Comma == ';' {
		return ';'
	}
	return ','
}

// ParseDayFirst parses a date written dd/mm/yyyy (or d/m/yyyy), as
// spreadsheets write dates in Vietnam, and checks that the day exists.
func ParseDayFirst(s string) (time.Time, bool) {
	parts := strings.Split(s, "/")
	if len(parts) != 3 || len(parts[2]) != 4 || len(parts[0]) > 2 || len(parts[1]) > 2 {
		return time.Time{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || p[0] == '+' || p[0] == '-' {
			return time.Time{}, false
		}
		n[i] = v
	}
	t := time.Date(n[2], time.Month(n[1]), n[0], 0, 0, 0, 0, time.UTC)
	if n[1] < 1 || n[1] > 12 || t.Day() != n[0] || t.Month() != time.Month(n[1]) {
		return time.Time{}, false
	}
	return t, true
}

// ParseGrouped parses a count written with "." grouping thousands, the
// Vietnamese way: "1.611", "60.827", "1.000.000"; plain digits are
// accepted too. It reports false for anything else ("1.61", "1,611").
func ParseGrouped(s string) (int64, bool) {
	groups := strings.Split(s, ".")
	for i, g := range groups {
		if g == "" || strings.Trim(g, "0123456789") != "" || i > 0 && len(g) != 3 || i == 0 && len(groups) > 1 && (len(g) > 3 || g[0] == '0') {
			return 0, false
		}
	}
	n, err := strconv.ParseInt(strings.Join(groups, ""), 10, 64)
	return n, err == nil && n >= 0
}
