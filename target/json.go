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
// source are optional. Every bad object is reported with its line and
// column.
func ReadJSON(r io.Reader, name string, h *region.Hierarchy) (*Set, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	s := &Set{h: h, at: map[key]int{}}
	var errs []error
	err = jsonpos.Each(data, func(line, col int, decode func(any) error) {
		var o struct {
			Unit      region.Code `json:"unit"`
			Indicator string      `json:"indicator"`
			Plan      string      `json:"plan"`
			Due       string      `json:"due"`
			Source    string      `json:"source"`
		}
		bad := func(err error) { errs = append(errs, &ParseError{File: name, Line: line, Column: col, Err: err}) }
		if err := decode(&o); err != nil {
			bad(err)
			return
		}
		t := Target{Indicator: o.Indicator, Unit: o.Unit, Source: o.Source}
		if t.Value, err = ParseValue(o.Plan); err != nil {
			bad(err)
			return
		}
		if o.Due != "" {
			if t.Due, err = time.Parse(time.DateOnly, o.Due); err != nil {
				bad(fmt.Errorf("due date %q is %w: want YYYY-MM-DD", errlist.Excerpt(o.Due), region.ErrMalformed))
				return
			}
		}
		if t.Source == "" {
			t.Source = name
		}
		if err := s.add(t); err != nil {
			bad(err)
		}
	})
	if err != nil {
		return nil, &ParseError{File: name, Line: 0, Column: 0, Err: err}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	s.sort()
	return s, nil
}
