package target

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/internal/csvin"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// Set is a validated set of targets, at most one per (indicator, unit).
type Set struct {
	h  *region.Hierarchy
	ts []Target // sorted by indicator, then unit index
	at map[key]int
}

type key struct {
	ind  string
	unit region.Code
}

// NewSet validates targets against h: each unit is known, each value is a
// valid plan (no zero or negative count), and no (indicator, unit) is given
// twice with different values or due dates (an identical repeat is kept
// once). Every problem is reported, naming the target by its position.
func NewSet(h *region.Hierarchy, targets []Target) (*Set, error) {
	s := &Set{h: h, at: make(map[key]int, len(targets))}
	var errs errlist.List
	for i, t := range targets {
		if err := s.add(t); err != nil {
			errs.Add(fmt.Errorf("target %d (%s, %s): %w", i+1, t.Indicator, t.Unit, err))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	s.sort()
	return s, nil
}

func (s *Set) add(t Target) error {
	if err := checkIndicator(t.Indicator); err != nil {
		return err
	}
	if _, ok := s.h.Index(t.Unit); !ok {
		return fmt.Errorf("%w %s", ErrUnknownUnit, t.Unit)
	}
	if err := t.Value.Validate(); err != nil {
		return err
	}
	k := key{t.Indicator, t.Unit}
	if j, ok := s.at[k]; ok {
		old := s.ts[j]
		if !old.Value.Equal(t.Value) || !old.Due.Equal(t.Due) {
			return fmt.Errorf("target %w: %s due %s, then %s due %s", ErrConflict,
				old.Value, old.Due.Format(time.DateOnly), t.Value, t.Due.Format(time.DateOnly))
		}
		return nil
	}
	s.at[k] = len(s.ts)
	s.ts = append(s.ts, t)
	return nil
}

func (s *Set) sort() {
	slices.SortFunc(s.ts, func(a, b Target) int {
		ia, _ := s.h.Index(a.Unit)
		ib, _ := s.h.Index(b.Unit)
		return cmp.Or(cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(ia, ib))
	})
	for i, t := range s.ts {
		// One copy of each id, shared by its targets: less to keep, and
		// comparing them compares pointers.
		if i > 0 && t.Indicator == s.ts[i-1].Indicator {
			s.ts[i].Indicator = s.ts[i-1].Indicator
		}
		s.at[key{s.ts[i].Indicator, t.Unit}] = i
	}
}

// Hierarchy returns the hierarchy the set was validated against.
func (s *Set) Hierarchy() *region.Hierarchy { return s.h }

// Len returns the number of targets.
func (s *Set) Len() int { return len(s.ts) }

// All returns the targets sorted by indicator, then by the units' dense
// index. The slice is shared: do not modify it.
func (s *Set) All() []Target { return s.ts }

// Lookup returns the target for an indicator and a unit.
func (s *Set) Lookup(indicator string, unit region.Code) (Target, bool) {
	i, ok := s.at[key{indicator, unit}]
	if !ok {
		return Target{}, false
	}
	return s.ts[i], true
}

// checkIndicator rejects an indicator id that no catalogue can hold: empty,
// longer than 64 bytes, not UTF-8, or with spaces or control characters.
// Whether the id is in a catalogue is checked where plans meet one
// (indicator's Rollup).
func checkIndicator(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("indicator is %w: empty", region.ErrMalformed)
	case len(id) > 64 || !utf8.ValidString(id) || strings.ContainsFunc(id, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }):
		return fmt.Errorf("indicator %q is %w: want an id such as thanh_toan_dt", errlist.Excerpt(id), region.ErrMalformed)
	}
	return nil
}

// ReadCSV reads targets with the header unit,indicator,plan and optionally
// due (YYYY-MM-DD) and source, in any order:
//
//	unit,indicator,plan,due,source
//	20,thanh_toan_dt,150000,2023-12-31,Kế hoạch 2023
//	259,chu_ky_so,100%,2025-04-30,
//
// A plan is a count of plain digits or a percent with a decimal point or
// comma ("60%", "60,5%"). Every bad field is reported with its line and
// column; name is used in errors.
func ReadCSV(r io.Reader, name string, h *region.Hierarchy) (*Set, error) {
	return ReadCSVWith(r, name, h, CSVOptions{})
}

// CSVOptions are the conventions a CSV file may follow besides the strict
// one (region's type, shared by every reader).
type CSVOptions = csvin.Options

// columnNames are the names, folded, of ReadCSV's columns: unit,
// indicator, plan, due and source, in English or in Vietnamese.
var columnNames = [][]string{
	{"unit", "ma xa", "ma don vi", "ma"}, {"indicator", "nen tang"}, {"plan", "ke hoach", "chi tieu"},
	{"due", "han", "thoi han"}, {"source", "nguon"},
}

// columnKeys name columnNames' columns in field look-ups.
var columnKeys = []string{"unit", "indicator", "plan", "due", "source"}

// ReadCSVWith is [ReadCSV] for CSV written by spreadsheet tools: fields
// separated by opt.Comma, and with opt.Spreadsheet, plans with "."
// grouping thousands ("150.000") and due dates as dd/mm/yyyy. Headers may
// name the columns in Vietnamese too ("Mã xã", "Nền tảng", "Kế hoạch",
// "Hạn", "Nguồn").
func ReadCSVWith(r io.Reader, name string, h *region.Hierarchy, opt CSVOptions) (*Set, error) {
	comma, err := opt.Separator()
	if err != nil {
		return nil, err
	}
	cr := csvin.NewReader(r, rune(comma))
	header, err := csvin.Header(cr)
	if err != nil {
		return nil, &ParseError{File: name, Line: 1, Column: 1, Err: fmt.Errorf("reading the header: %w", err)}
	}
	found, dups := csvin.Columns(header, region.Fold, columnNames)
	var errs errlist.List
	for _, d := range dups {
		_, column := cr.FieldPos(d.Cell)
		errs.Add(&ParseError{File: name, Line: 1, Column: column, Field: errlist.Excerpt(d.Name),
			Err: fmt.Errorf("column %q %w (first as column %d)", errlist.Excerpt(d.Name), region.ErrDuplicate, d.First+1)})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	col := map[string]int{}
	for c, i := range found {
		if i >= 0 {
			col[columnKeys[c]] = i
		} else if c < 3 {
			return nil, &ParseError{File: name, Line: 1, Column: 1, Err: fmt.Errorf("%w %q", region.ErrMissingColumn, columnKeys[c])}
		}
	}
	s := &Set{h: h, at: map[key]int{}}
	for line, rec := range csvin.Records(cr, region.ErrMalformed, errs.At(name)) {
		field := func(c string) (string, int) {
			i, ok := col[c]
			if !ok || i >= len(rec) {
				return "", 0
			}
			_, column := cr.FieldPos(i)
			return strings.TrimSpace(rec[i]), column
		}
		var err error
		bad := func(column int, err error) {
			errs.Add(&ParseError{File: name, Line: line, Column: column, Err: err})
		}
		if i := slices.IndexFunc(rec, func(f string) bool { return !utf8.ValidString(f) }); i >= 0 {
			_, column := cr.FieldPos(i)
			bad(column, fmt.Errorf("field is %w: not valid UTF-8", region.ErrMalformed))
			continue
		}
		var t Target
		u, uc := field("unit")
		if t.Unit, err = region.ParseCode(u); err != nil {
			bad(uc, err)
			continue
		}
		var ic int
		t.Indicator, ic = field("indicator")
		if err := checkIndicator(t.Indicator); err != nil {
			bad(ic, err)
			continue
		}
		p, pc := field("plan")
		if n, err := numeral.ParseCount(p, true); opt.Spreadsheet && err == nil && strings.Contains(p, ".") {
			p = strconv.FormatInt(n, 10)
		}
		if t.Value, err = ParseValue(p); err != nil {
			bad(pc, err)
			continue
		}
		if d, dc := field("due"); d != "" {
			if day, err := numeral.ParseDayFirst(d); opt.Spreadsheet && err == nil {
				t.Due = day
			} else if t.Due, err = time.Parse(time.DateOnly, d); err != nil {
				bad(dc, fmt.Errorf("due date %q is %w: want YYYY-MM-DD", errlist.Excerpt(d), region.ErrMalformed))
				continue
			}
		}
		t.Source, _ = field("source")
		if t.Source == "" {
			t.Source = name
		}
		if err := s.add(t); err != nil {
			if errors.Is(err, ErrUnknownUnit) {
				pc = uc
			}
			bad(pc, err)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	s.sort()
	return s, nil
}

// ParseValue parses a plan as written in a data file: a count in plain
// digits ("150000"), or a share as a percent read the Vietnamese way by
// numeral.Parse ("60%", "60,5%"). There is one reading of every form: "."
// groups thousands, so "60.5%" is malformed (write "60,5%") and "1.000%" is
// a thousand percent, an invalid share, never 1%.
func ParseValue(s string) (Value, error) {
	if p, ok := strings.CutSuffix(s, "%"); ok {
		v, dec, err := numeral.Parse(p)
		if err != nil {
			return Value{}, fmt.Errorf("target: plan %q is not a percent: %w", errlist.Excerpt(s), err)
		}
		sh := Share(decimal.NewFromBigRat(v, int32(dec)))
		return sh, sh.Validate()
	}
	if s == "" {
		return Value{}, fmt.Errorf("target: empty plan: %w", ErrZeroPlan)
	}
	n, err := numeral.ParseCount(s, false)
	if err != nil {
		return Value{}, fmt.Errorf("target: plan %q: %w", errlist.Excerpt(s), err)
	}
	v := Count(n)
	return v, v.Validate()
}
