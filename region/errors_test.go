package region

import (
	"strconv"
	"strings"
	"testing"
)

// TestParseErrorSheet: a place in a workbook is written as spreadsheets
// name cells.
func TestParseErrorSheet(t *testing.T) {
	for _, tt := range []struct {
		e    ParseError
		want string
	}{
		{ParseError{File: "a.xlsx", Sheet: "Xã", Line: 5, Column: 3, Err: ErrMalformed}, "a.xlsx: sheet Xã, cell C5: malformed"},
		{ParseError{File: "a.xlsx", Sheet: "Xã", Line: 5, Err: ErrMalformed}, "a.xlsx: sheet Xã, row 5: malformed"},
		{ParseError{File: "a.xlsx", Sheet: "Xã", Err: ErrMalformed}, "a.xlsx: sheet Xã: malformed"},
		{ParseError{File: "a.xlsx", Sheet: "S", Line: 1, Column: 28, Err: ErrMalformed}, "a.xlsx: sheet S, cell AB1: malformed"},
	} {
		if got := tt.e.Error(); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
	if ColumnName(26) != "Z" || ColumnName(27) != "AA" || ColumnName(702) != "ZZ" || ColumnName(703) != "AAA" {
		t.Error("ColumnName")
	}
}

// FuzzParseGrouped: a grouped count reads as its digits, and only groups
// of three digits after the first are accepted.
func FuzzParseGrouped(f *testing.F) {
	for _, s := range []string{"1.611", "60.827", "1.000.000", "217.00", "0", "01.000", "1,611", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseGrouped(s)
		if !ok {
			return
		}
		digits := strings.ReplaceAll(s, ".", "")
		if strconv.FormatInt(n, 10) != strings.TrimLeft(digits, "0") && !(n == 0 && strings.Trim(digits, "0") == "") {
			t.Fatalf("ParseGrouped(%q) = %d", s, n)
		}
		if strings.Contains(s, ".") && (n < 1000 || strings.HasPrefix(s, "0")) {
			t.Fatalf("ParseGrouped(%q) = %d accepts a bad grouping", s, n)
		}
	})
}

// FuzzParseDayFirst: an accepted date writes back as it was read.
func FuzzParseDayFirst(f *testing.F) {
	for _, s := range []string{"30/06/2024", "1/7/2024", "31/02/2024", "29/2/2023", "00/01/2024", "1/1/0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDayFirst(s)
		if !ok {
			return
		}
		if d.Format("2/1/2006") != s && d.Format("02/01/2006") != s && d.Format("2/01/2006") != s && d.Format("02/1/2006") != s {
			t.Fatalf("ParseDayFirst(%q) = %v", s, d)
		}
	})
}
