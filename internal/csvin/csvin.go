// Package csvin reads the records of chiso's CSV inputs one way for every
// reader: the header cleaned of a byte-order mark, each record with its
// line, a malformed record reported with its place and skipped, and any
// other read error reported once, ending the records. Each reader wraps
// the places it is given in its package's ParseError.
package csvin

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
)

// NewReader returns a csv.Reader of r with fields separated by comma that
// reuses its records, a leading UTF-8 byte-order mark dropped first: Excel
// writes one, and a quoted first header after it would be malformed. A
// line longer than MaxLine bytes is an error (ErrLongLine), so that a file
// without line breaks cannot take the machine's memory.
func NewReader(r io.Reader, comma rune) *csv.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		br.Discard(3)
	}
	cr := csv.NewReader(&lineLimit{r: br, left: MaxLine})
	cr.Comma = comma
	cr.ReuseRecord = true
	return cr
}

// MaxLine is the longest line, in bytes, that a reader of NewReader takes.
// It is above the readers' own limits on a field, so that those name the
// field, and far below what would exhaust memory.
const MaxLine = 4 << 20

// ErrLongLine is wrapped by the error of a line longer than MaxLine.
var ErrLongLine = fmt.Errorf("a line longer than %d bytes", MaxLine)

// lineLimit fails a read once a line runs past MaxLine bytes.
type lineLimit struct {
	r    io.Reader
	left int // bytes the current line may still take
	line int // lines ended so far
}

func (l *lineLimit) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, &longLine{line: l.line + 1}
	}
	if len(p) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	if i := bytes.LastIndexByte(p[:n], '\n'); i >= 0 {
		l.line += bytes.Count(p[:n], []byte{'\n'})
		l.left = MaxLine - (n - i - 1)
	} else {
		l.left -= n
	}
	return n, err
}

// longLine is the error of a line past MaxLine, with its 1-based number.
type longLine struct{ line int }

func (e *longLine) Error() string { return fmt.Sprintf("line %d: %v", e.line, ErrLongLine) }
func (e *longLine) Unwrap() error { return ErrLongLine }

// Header reads the header row of cr: its cells trimmed of spaces, the first
// of a UTF-8 byte-order mark, and copied (cr may reuse its records). An
// empty input gives io.EOF; a malformed header the *csv.ParseError.
func Header(cr *csv.Reader) ([]string, error) {
	rec, err := cr.Read()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(rec))
	for i, h := range rec {
		if i == 0 {
			h = strings.TrimPrefix(h, "\ufeff")
		}
		out[i] = strings.TrimSpace(h)
	}
	return out, nil
}

// Records yields the records of cr after its header, each with the line it
// starts on. A malformed record (a *csv.ParseError: a stray quote, a wrong
// number of fields) is given to bad with its line and column and an error
// wrapping malformed ("line is malformed: extraneous \" in field"), then
// skipped; any other error is given to bad as it is, with line and column
// 0, and ends the records.
func Records(cr *csv.Reader, malformed error, bad func(line, column int, err error)) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				return
			}
			if pe, ok := errors.AsType[*csv.ParseError](err); ok {
				bad(pe.Line, pe.Column, fmt.Errorf("line is %w: %w", malformed, pe.Err))
				continue
			}
			if ll, ok := errors.AsType[*longLine](err); ok {
				bad(ll.line, 0, fmt.Errorf("line is %w: %w", malformed, ErrLongLine))
				return
			}
			if err != nil {
				bad(0, 0, err)
				return
			}
			line, _ := cr.FieldPos(0)
			if !yield(line, rec) {
				return
			}
		}
	}
}

// Options are the conventions of a CSV file that chiso's readers
// (indicator.ReadCSVWith, target.ReadCSVWith) accept besides their own,
// re-exported there as CSVOptions. The zero value is the strict machine
// format: ",", no quotes, ISO dates, plain digits.
type Options struct {
	// Comma separates fields: ',' (or the zero value), ';' as spreadsheet
	// tools write CSV where "," is the decimal mark, or '\t'. Any other
	// value is an error, never a silent ','.
	Comma rune
	// Spreadsheet accepts what spreadsheet tools write in Vietnam: quoted
	// fields, dates as dd/mm/yyyy, counts with "." grouping thousands
	// ("1.611"). The caller declares the convention; nothing is guessed: a
	// field that fits neither it nor the strict format is an error.
	Spreadsheet bool
}

// ErrSeparator is returned for a Comma that is not ',', ';' or a tab.
var ErrSeparator = errors.New(`csv: the field separator must be ",", ";" or a tab`)

// Separator returns the field separator, ',' for the zero value, or
// ErrSeparator.
func (o Options) Separator() (byte, error) {
	switch o.Comma {
	case 0, ',':
		return ',', nil
	case ';', '\t':
		return byte(o.Comma), nil
	}
	return 0, fmt.Errorf("%w, not %q", ErrSeparator, o.Comma)
}
