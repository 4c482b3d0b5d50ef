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
