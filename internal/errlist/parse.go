package errlist

import (
	"errors"
	"fmt"
	"slices"
)

// ParseError is a problem at one place of a file: chiso's one error type
// for positions, defined here once and re-exported by alias by every package
// that reads files (region.ParseError, target.ParseError, ...), so
// errors.As finds it whichever package read the file.
type ParseError struct {
	File   string // the name the reader was given
	Sheet  string // the worksheet of a workbook; Line is then its row and Column its column
	Line   int    // 1-based line; 0 for a problem with the whole file
	Column int    // 1-based byte column, as encoding/csv counts; 0 for the whole line
	Field  string // the field as read, cut to a short excerpt; "" when no one field is at fault
	Err    error  // the problem, wrapping one of the sentinel errors
}

// Error writes the place, then the problem: "f.csv:2:20: ...", or for a
// workbook "f.xlsx: sheet Xã, cell C5: ...".
func (e *ParseError) Error() string {
	switch {
	case e.Sheet != "" && e.Line == 0:
		return fmt.Sprintf("%s: sheet %s: %v", e.File, e.Sheet, e.Err)
	case e.Sheet != "" && e.Column == 0:
		return fmt.Sprintf("%s: sheet %s, row %d: %v", e.File, e.Sheet, e.Line, e.Err)
	case e.Sheet != "":
		return fmt.Sprintf("%s: sheet %s, cell %s%d: %v", e.File, e.Sheet, ColumnName(e.Column), e.Line, e.Err)
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the problem, for errors.Is and errors.As.
func (e *ParseError) Unwrap() error { return e.Err }

// The sentinel errors shared by chiso's packages, each re-exported by the
// public packages whose readers return it, so errors.Is works across
// packages. ErrConflict wraps ErrDuplicate: a key given twice with
// different values is a key given twice.
var (
	ErrMalformed = errors.New("malformed")
	ErrOverflow  = errors.New("overflows int64")
	ErrNegative  = errors.New("negative count")
	ErrShare     = errors.New("invalid share")
	ErrDuplicate = errors.New("given twice")
	ErrConflict  = fmt.Errorf("%w with different values", ErrDuplicate)
)

// ColumnName returns a spreadsheet's name of the 1-based column n: A, B,
// ..., Z, AA, AB, ...
func ColumnName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append(b, byte('A'+(n-1)%26))
	}
	slices.Reverse(b)
	return string(b)
}
