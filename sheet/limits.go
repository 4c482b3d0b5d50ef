package sheet

import (
	"errors"
	"fmt"
)

// Limits bound what [Read] accepts, so that a hostile or broken workbook
// fails fast with an error naming the limit instead of taking the
// machine's memory or time. Each limit is checked before the work it
// guards: sizes from the zip headers before anything is inflated (and
// again by a counting reader while inflating, since headers can lie),
// rows and columns as they are read. A zero field takes the value of
// [DefaultLimits]; a caller who needs more raises the field.
type Limits struct {
	// Bytes is the most bytes read from the input (the compressed
	// workbook).
	Bytes int64
	// Uncompressed is the most bytes all parts of the workbook inflate to,
	// together; Part is the most one part inflates to.
	Uncompressed, Part int64
	// Rows and Columns are the most rows and columns of a sheet; the
	// defaults are Excel's own, 1.048.576 and 16.384 (XFD).
	Rows, Columns int
	// Merges is the most merged ranges of a sheet.
	Merges int
	// CellBytes is the most bytes of text in one cell; the default is
	// Excel's 32.767 characters, at most 4 bytes each in UTF-8.
	CellBytes int
}

// DefaultLimits are the limits a zero [Limits] field stands for.
var DefaultLimits = Limits{
	Bytes:        256 << 20,
	Uncompressed: 2 << 30,
	Part:         1 << 30,
	Rows:         1 << 20,
	Columns:      1 << 14,
	Merges:       1 << 16,
	CellBytes:    32767 * 4,
}

// ErrLimit is wrapped by every error of a limit of [Limits].
var ErrLimit = errors.New("limit exceeded")

func (l Limits) orDefault() Limits {
	d := DefaultLimits
	if l.Bytes > 0 {
		d.Bytes = l.Bytes
	}
	if l.Uncompressed > 0 {
		d.Uncompressed = l.Uncompressed
	}
	if l.Part > 0 {
		d.Part = l.Part
	}
	if l.Rows > 0 {
		d.Rows = l.Rows
	}
	if l.Columns > 0 {
		d.Columns = l.Columns
	}
	if l.Merges > 0 {
		d.Merges = l.Merges
	}
	if l.CellBytes > 0 {
		d.CellBytes = l.CellBytes
	}
	return d
}

// LimitError is the error of one limit: which, its value, and what the
// input had.
type LimitError struct {
	Limit string // the field of Limits: "Bytes", "Part", ...
	Max   int64  // its value
	What  string // what went over it: "xl/styles.xml inflates to 3221225472 bytes"
}

// Error names the limit, its value and how to raise it.
func (e *LimitError) Error() string {
	return fmt.Sprintf("%s: over the limit sheet.Limits.%s = %d (raise it in sheet.Options.Limits)", e.What, e.Limit, e.Max)
}

// Unwrap returns ErrLimit.
func (e *LimitError) Unwrap() error { return ErrLimit }
