package indicator

import (
	"fmt"
	"io"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/internal/jsonpos"
	"github.com/chiso-vn/chiso/region"
)

// ReadJSON reads observations from a JSON array of objects
//
//	[{"unit": "06619", "indicator": "thanh_toan_dt", "date": "2023-06-01", "value": 2120}]
//
// with the same checks as [ReadCSV]; errors name the line and column of the
// object or of the value at fault. Keys are exactly those four (a key given
// twice or written in another case is an error, not silently merged), the
// array must be closed and nothing may follow it; a UTF-8 byte-order mark
// is skipped, as in CSV. The input is read once and parsed in linear time.
// Every problem is reported, up to [region.MaxErrors], then a count.
func ReadJSON(r io.Reader, name string, h *region.Hierarchy, cat *Catalogue) (*Dataset, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	b := NewBuilder(h, cat, name)
	const (
		unit = iota
		indicator
		date
		value
	)
	codes := newCodeTable(h)
	bad := func(v jsonpos.Value, err error) { b.errs.add(name, v.Line, v.Column, err) }
	keys := []string{"unit", "indicator", "date", "value"}
	err = jsonpos.Each(data, name, keys, func(o jsonpos.Object) {
		for k, key := range keys {
			if !o.Has(k) {
				b.errs.add(name, o.Line, o.Column, fmt.Errorf("object is %w: no %q", region.ErrMalformed, key))
				return
			}
		}
		u, err := o.Values[unit].String()
		if err != nil {
			bad(o.Values[unit], err)
			return
		}
		i, ok := codes.lookup([]byte(u))
		if !ok {
			if _, err := region.ParseCode(u); err != nil {
				bad(o.Values[unit], err)
			} else {
				bad(o.Values[unit], fmt.Errorf("%w %q", ErrUnknownUnit, u))
			}
			return
		}
		id, err := o.Values[indicator].String()
		if err != nil {
			bad(o.Values[indicator], err)
			return
		}
		k, ok := cat.index(id)
		if !ok {
			bad(o.Values[indicator], fmt.Errorf("%w %q", ErrUnknownIndicator, errlist.Excerpt(id)))
			return
		}
		ds, err := o.Values[date].String()
		if err != nil {
			bad(o.Values[date], err)
			return
		}
		d, ok := parseDate([]byte(ds))
		if !ok {
			bad(o.Values[date], fmt.Errorf("date %q is %w: want a valid YYYY-MM-DD", errlist.Excerpt(ds), region.ErrMalformed))
			return
		}
		v, err := o.Values[value].Int64()
		switch {
		case err != nil:
			bad(o.Values[value], err)
			return
		case v < 0:
			bad(o.Values[value], fmt.Errorf("%w %d", ErrNegative, v))
			return
		}
		b.add(k, i, d, v, int32(o.Line))
	}, func(err error) { b.errs.Add(err) })
	if err != nil {
		b.errs.Add(err)
		return nil, b.errs.err()
	}
	return b.Build()
}
