package numeral

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a day as printed: Year is 0 when the year is not printed ("23/3").
type Date struct{ Day, Month, Year int }

// ParseDate reads a date written day first, as Vietnam writes dates:
// "28/9/2021", "01/07/2025", or without the year "23/3". Day and month have
// one or two digits, the year four, and the day must exist (29/2 is
// accepted without a year, since it may be a leap year). Anything else is
// an [*Error] wrapping [ErrMalformed].
func ParseDate(s string) (Date, error) {
	parts := strings.Split(s, "/")
	if len(parts) != 2 && len(parts) != 3 {
		return Date{}, malformed(s, "not a date d/m or d/m/yyyy", "không phải ngày d/m hay d/m/yyyy")
	}
	var n [3]int
	for i, p := range parts {
		width := 2
		if i == 2 {
			width = 4
		}
		v, err := strconv.Atoi(p)
		if err != nil || p == "" || p[0] == '+' || p[0] == '-' || len(p) > width || i == 2 && len(p) != 4 {
			return Date{}, malformed(s, fmt.Sprintf("%q is not a day, month or four-digit year", p),
				fmt.Sprintf("%q không phải ngày, tháng hay năm bốn chữ số", p))
		}
		n[i] = v
	}
	d := Date{Day: n[0], Month: n[1], Year: n[2]}
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > DaysIn(d.Year, d.Month) {
		return Date{}, malformed(s, "no such date", "không có ngày này")
	}
	return d, nil
}

// Time returns the date at midnight UTC; false when the year is not printed.
func (d Date) Time() (time.Time, bool) {
	if d.Year == 0 {
		return time.Time{}, false
	}
	return time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC), true
}

// ParseDayFirst reads a whole date dd/mm/yyyy (or d/m/yyyy) as spreadsheets
// write dates in Vietnam, for data files: [ParseDate] with the year
// required.
func ParseDayFirst(s string) (time.Time, error) {
	d, err := ParseDate(s)
	if err != nil {
		return time.Time{}, err
	}
	t, ok := d.Time()
	if !ok {
		return time.Time{}, malformed(s, "a date without its year", "ngày không có năm")
	}
	return t, nil
}

// DaysIn is the number of days of a month; February has 29 when the year
// is 0 (not printed), since it may be a leap year.
func DaysIn(year, month int) int {
	if year == 0 {
		year = 2000
	}
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParsePressDate reads a day or a month as the press prints it in running
// text, where "/" is not the only separator: "22-3", "29-6-2023", "19.11",
// "1.3.2024", "23/3", "28/9/2021", and a month with its year after
// "tháng": "8.2022", "6-2023", "10/2023" (Day 0). Day and month have one
// or two digits, the year four (1900 to 2100), one separator throughout;
// the day must exist. False for anything else, so that a caller tries
// its other readings: "217.00" is no date, "10-20" neither.
func ParsePressDate(s string) (Date, bool) {
	sep := byte(0)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '/' || c == '-' || c == '.' {
			if sep != 0 && c != sep {
				return Date{}, false
			}
			sep = c
		}
	}
	if sep == 0 {
		return Date{}, false
	}
	parts := strings.Split(s, string(sep))
	var n []int
	for _, p := range parts {
		if p == "" || len(p) > 4 || strings.TrimLeft(p, "0123456789") != "" {
			return Date{}, false
		}
		v, _ := strconv.Atoi(p)
		n = append(n, v)
	}
	year := func(p string, v int) bool { return len(p) == 4 && v >= 1900 && v <= 2100 }
	var d Date
	switch {
	case len(n) == 2 && year(parts[1], n[1]) && len(parts[0]) <= 2:
		d = Date{Month: n[0], Year: n[1]}
		return d, d.Month >= 1 && d.Month <= 12
	case len(n) == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		d = Date{Day: n[0], Month: n[1]}
	case len(n) == 3 && len(parts[0]) <= 2 && len(parts[1]) <= 2 && year(parts[2], n[2]):
		d = Date{Day: n[0], Month: n[1], Year: n[2]}
	default:
		return Date{}, false
	}
	return d, d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= DaysIn(d.Year, d.Month)
}
