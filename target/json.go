package target

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/internal/jsonpos"
	"github.com/chiso-vn/chiso/region"
)

// ReadJSON reads targets from a JSON array of objects
//
//	[{"unit": "20", "indicator": "thanh_toan_dt", "plan": "150000", "due": "2023-12-31", "source": "KH"}]
//
// where plan is written as in [ParseValue] ("150000", "60%") and due and
// source are optional. Keys are exactly these (a key given twice or written
// in another case is an error), the array must be closed and nothing may
// follow it; a UTF-8 byte-order mark is skipped. Every bad object is
// reported with its line and column, up to [region.MaxErrors], then a count.
// The input is held in memory whole while it is parsed, so bound r (as with
// io.LimitReader) when it comes from others.
func ReadJSON(r io.Reader, name string, h *region.Hierarchy) (*Set, error) {
	data, err := jsonpos.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	const (
		unit = iota
		indicator
		plan
		due
		source
	)
	keys := []string{"unit", "indicator", "plan", "due", "source"}
	s := &Set{h: h, at: map[key]int{}}
	var errs errlist.List
	err = jsonpos.Each(data, name, keys, func(o *jsonpos.Object) {
		var err error
		bad := func(v jsonpos.Value, err error) {
			if v.Line == 0 {
				v.Line, v.Column = o.Line, o.Column
			}
			errs.Add(&ParseError{File: name, Line: v.Line, Column: v.Column, Err: err})
		}
		text := make([]string, len(keys))
		for k := range keys {
			if !o.Has(k) {
				if k <= plan {
					bad(jsonpos.Value{}, fmt.Errorf("object is %w: no %q", region.ErrMalformed, keys[k]))
					return
				}
				continue
			}
			if text[k], err = o.String(k); err != nil {
				bad(o.Values[k], err)
				return
			}
		}
		t := Target{Indicator: text[indicator], Source: text[source]}
		if t.Unit, err = region.ParseCode(text[unit]); err != nil {
			bad(o.Values[unit], err)
			return
		}
		if err := checkIndicator(t.Indicator); err != nil {
			bad(o.Values[indicator], err)
			return
		}
		if t.Value, err = ParseValue(text[plan]); err != nil {
			bad(o.Values[plan], err)
			return
		}
		if text[due] != "" {
			if t.Due, err = time.Parse(time.DateOnly, text[due]); err != nil {
				bad(o.Values[due], fmt.Errorf("due date %q is %w: want YYYY-MM-DD", errlist.Excerpt(text[due]), region.ErrMalformed))
				return
			}
		}
		if t.Source == "" {
			t.Source = name
		}
		if err := s.add(t); err != nil {
			at := o.Values[plan]
			if errors.Is(err, ErrUnknownUnit) {
				at = o.Values[unit]
			}
			bad(at, err)
		}
	}, func(err error) { errs.Add(err) })
	if err != nil {
		errs.Add(err)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	s.sort()
	return s, nil
}
