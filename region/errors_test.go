package region

import "testing"

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
}
