package indicator

import (
	"fmt"
	"io"
	"time"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/internal/jsonpos"
	"github.com/chiso-vn/chiso/region"
)

// ReadJSON reads observations from a JSON array of objects
//
//	[{"unit": "06619", "indicator": "thanh_toan_dt", "date": "2023-06-01", "value": 2120}]
//
// with the same checks as [ReadCSV]; errors name the line and column of the
// object. Every problem is reported (the first 100, then a count).
func ReadJSON(r io.Reader, name string, h *region.Hierarchy, cat *Catalogue) (*Dataset, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	b := NewBuilder(h, cat, name)
	err = jsonpos.Each(data, func(line, col int, decode func(any) error) {
		var o struct {
			Unit      region.Code `json:"unit"`
			Indicator string      `json:"indicator"`
			Date      string      `json:"date"`
			Value     *int64      `json:"value"`
		}
		bad := func(err error) { b.errs.add(name, line, col, err) }
		if err := decode(&o); err != nil {
			bad(err)
			return
		}
		k, ok := cat.index(o.Indicator)
		if !ok {
			bad(fmt.Errorf("%w %q", ErrUnknownIndicator, o.Indicator))
			return
		}
		i, ok := h.Index(o.Unit)
		if !ok {
			bad(fmt.Errorf("%w %q", ErrUnknownUnit, o.Unit))
			return
		}
		d, err := time.Parse(time.DateOnly, o.Date)
		if err != nil {
			bad(fmt.Errorf("date %q is %w: want a valid YYYY-MM-DD", errlist.Excerpt(o.Date), region.ErrMalformed))
			return
		}
		switch {
		case o.Value == nil:
			bad(fmt.Errorf("object is %w: no value", region.ErrMalformed))
			return
		case *o.Value < 0:
			bad(fmt.Errorf("%w %d", ErrNegative, *o.Value))
			return
		}
		b.add(k, i, dayOf(d), *o.Value, int32(line))
	})
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	return b.Build()
}
