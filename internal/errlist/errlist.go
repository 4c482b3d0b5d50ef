// Package errlist collects the problems a reader finds, up to one cap for
// every reader of chiso, and says how many more there were.
package errlist

import (
	"errors"
	"fmt"
	"unicode/utf8"
)

// Max is how many problems a reader reports; the rest are counted.
const Max = 100

// List collects errors. Its zero value is ready to use.
type List struct {
	errs []error
	more int
}

// Add records err, or counts it once Max errors are recorded. It returns
// err, for callers that also report it at once.
func (l *List) Add(err error) error {
	if len(l.errs) < Max {
		l.errs = append(l.errs, err)
	} else {
		l.more++
	}
	return err
}

// At returns a function that adds a problem at a line and column of
// file, as csvin.Records reports them: the one way a reader places a
// problem in its list.
func (l *List) At(file string) func(line, column int, err error) {
	return func(line, column int, err error) {
		l.Add(&ParseError{File: file, Line: line, Column: column, Err: err})
	}
}

// Merge adds the problems of m after l's own, as the list of a worker
// that read one part of a file joins the list of the whole.
func (l *List) Merge(m *List) {
	for _, err := range m.errs {
		l.Add(err)
	}
	l.more += m.more
}

// Len returns how many errors were added.
func (l *List) Len() int { return len(l.errs) + l.more }

// Err returns the recorded errors joined, then "and N more problems", or
// nil when there were none.
func (l *List) Err() error {
	if len(l.errs) == 0 {
		return nil
	}
	errs := l.errs
	if l.more > 0 {
		errs = append(errs[:len(errs):len(errs)], fmt.Errorf("and %d more problems", l.more))
	}
	return errors.Join(errs...)
}

// MaxExcerpt is the length in bytes past which Excerpt cuts a field.
const MaxExcerpt = 64

// Excerpt returns s as errors quote it: whole up to MaxExcerpt bytes,
// otherwise cut at a rune boundary and followed by "…" and its length.
func Excerpt(s string) string {
	if len(s) <= MaxExcerpt {
		return s
	}
	n := MaxExcerpt
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return fmt.Sprintf("%s… (%d bytes)", s[:n], len(s))
}
