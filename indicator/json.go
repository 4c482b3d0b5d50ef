package indicator

import (
	"fmt"
	"io"

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
// is skipped, as in CSV. The input is read once and parsed in linear time;
// it is held in memory whole while it is parsed, so bound r (as with
// io.LimitReader) when it comes from others, as the chiso command does.
// Every problem is reported, up to [region.MaxErrors], then a count.
func ReadJSON(r io.Reader, name string, h *region.Hierarchy, cat *Catalogue) (*Dataset, error) {
	data, err := jsonpos.ReadAll(r)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	b := NewBuilder(h, cat, name)
	codes := newCodeTable(h)
	ids := newIDTable(b.cat)
	// Each part of the array is read into a chunk of its own, merged in order.
	var parts []*chunk
	var encs []*encoder
	units := int32(h.Len())
	sinks := func(n int) []jsonpos.Sink {
		parts, encs = make([]*chunk, n), make([]*encoder, n)
		ss := make([]jsonpos.Sink, n)
		for k := range n {
			c, enc := &chunk{}, b.newEncoder()
			fl := &fields{codes: codes, ids: ids}
			parts[k], encs[k] = c, enc
			ss[k] = jsonpos.Sink{Object: func(o *jsonpos.Object) { readObservation(c, enc, name, o, fl, units) },
				Problem: func(err error) { c.errs.Add(err) }}
		}
		return ss
	}
	err = jsonpos.EachPart(data, name, jsonKeys, sinks)
	for k, c := range parts {
		c.blks = encs[k].take()
		c.merge(b)
	}
	if err != nil {
		b.errs.Add(err)
		return nil, b.errs.err()
	}
	return b.Build()
}

// The keys of an observation object, by index.
var jsonKeys = []string{"unit", "indicator", "date", "value"}

const (
	keyUnit = iota
	keyIndicator
	keyDate
	keyValue
)

// readObservation checks one object and adds it to c.
func readObservation(c *chunk, enc *encoder, name string, o *jsonpos.Object, fl *fields, n int32) {
	bad := func(v jsonpos.Value, err error) { c.bad(name, v.Line, v.Column, err) }
	for k, key := range jsonKeys {
		if !o.Has(k) {
			c.bad(name, o.Line, o.Column, fmt.Errorf("object is %w: no %q", region.ErrMalformed, key))
			return
		}
	}
	u, err := o.Text(keyUnit)
	if err != nil {
		bad(o.Values[keyUnit], err)
		return
	}
	i, err := fl.unit(u)
	if err != nil {
		bad(o.Values[keyUnit], err)
		return
	}
	id, err := o.Text(keyIndicator)
	if err != nil {
		bad(o.Values[keyIndicator], err)
		return
	}
	k, err := fl.indicator(id)
	if err != nil {
		bad(o.Values[keyIndicator], err)
		return
	}
	ds, err := o.Text(keyDate)
	if err != nil {
		bad(o.Values[keyDate], err)
		return
	}
	d, err := fl.date(ds, false)
	if err != nil {
		bad(o.Values[keyDate], err)
		return
	}
	v, err := o.Int64(keyValue)
	switch {
	case err != nil:
		bad(o.Values[keyValue], err)
		return
	case v < 0:
		bad(o.Values[keyValue], fmt.Errorf("%w %d", ErrNegative, v))
		return
	}
	enc.add(int32(k)*n+int32(i), d, v, int32(o.Line))
}
