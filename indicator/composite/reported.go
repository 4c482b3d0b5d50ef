package composite

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/internal/csvin"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/internal/jsonpos"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// ReportedOptions says how [ReadReported] reads values.
type ReportedOptions struct {
	// Share reads each value as a share in [0, 1] of its criterion's points,
	// as DTI results are published (0,9581 of 100 points), instead of as
	// points.
	Share bool
}

// ReadReported reads values reported per unit for the measures {"reported":
// key} of c, from CSV with the header unit,criterion,value (in any order)
//
//	unit,criterion,value
//	22,nhan_thuc_so,0.9581
//
// or, when name ends in ".json", from a JSON array of objects {"unit":
// "22", "criterion": "nhan_thuc_so", "value": 0.9581}. Units are codes of
// h. A value is a decimal with a point as programs write it ("0.9581"), or
// the Vietnamese way with a decimal comma when quoted ("0,9581",
// "1.234,5": a point then groups thousands), at most 10^9 with at most 6
// decimals; with opt.Share it is a share of the
// criterion's points and is returned as points.
//
// A criterion c does not read, a unit h lacks or that is not at c's level,
// a malformed or negative value, a value above the criterion's points (or
// a share above 1), and a unit and criterion given twice are errors naming
// the line and column, every one of them up to [region.MaxErrors]. Units
// without a value for a criterion are not an error here: [Criteria.Score]
// lists them as missing. JSON is held in memory whole while it is
// parsed, so bound r (as with io.LimitReader) when it comes from others.
func ReadReported(r io.Reader, name string, c *Criteria, h *region.Hierarchy, opt ReportedOptions) (Reported, error) {
	points := map[string]decimal.Decimal{}
	for _, n := range c.f.nodes {
		if n.Measure != nil && n.Measure.Reported != "" {
			if _, ok := points[n.Measure.Reported]; !ok {
				points[n.Measure.Reported] = n.Points
			}
		}
	}
	out := Reported{}
	var errs errlist.List
	seen := map[string]map[region.Code]place{}
	// add checks one value; at gives the place of its unit, criterion and
	// value fields.
	add := func(unit, key, value string, at func(field int) place) {
		bad := func(field int, err error) {
			p := at(field)
			errs.Add(&region.ParseError{File: name, Line: p.line, Column: p.col, Err: err})
		}
		code, err := region.ParseCode(unit)
		if err != nil {
			bad(0, err)
			return
		}
		switch u, ok := h.Unit(code); {
		case !ok:
			bad(0, fmt.Errorf("%w %s", region.ErrUnknownUnit, code))
			return
		case code.Level() != c.spec.Level:
			bad(0, fmt.Errorf("%v is not at the %s level %s scores", u, c.spec.Level, c.spec.ID))
			return
		}
		max, ok := points[key]
		if !ok {
			bad(1, fmt.Errorf("%w: criterion %q is read by no measure of %s", ErrCriteria, errlist.Excerpt(key), c.spec.ID))
			return
		}
		v, err := parseValue(value)
		if err != nil {
			bad(2, err)
			return
		}
		if opt.Share {
			if v.GreaterThan(decimal.NewFromInt(1)) {
				bad(2, fmt.Errorf("share %s of %s is above 1", v, key))
				return
			}
			v = v.Mul(max)
		}
		if v.GreaterThan(max) {
			bad(2, fmt.Errorf("%s points for %s are above its %s", v, key, max))
			return
		}
		if p, dup := seen[key][code]; dup {
			bad(0, fmt.Errorf("%s for %s %w (first at %d:%d)", key, code, region.ErrDuplicate, p.line, p.col))
			return
		}
		if seen[key] == nil {
			seen[key], out[key] = map[region.Code]place{}, map[region.Code]decimal.Decimal{}
		}
		seen[key][code] = at(0)
		out[key][code] = v
	}
	if strings.HasSuffix(strings.ToLower(name), ".json") {
		data, err := jsonpos.ReadAll(r)
		if err != nil {
			return nil, &region.ParseError{File: name, Err: err}
		}
		keys := []string{"unit", "criterion", "value"}
		err = jsonpos.Each(data, name, keys, func(o *jsonpos.Object) {
			for k, key := range keys {
				if !o.Has(k) {
					errs.Add(&region.ParseError{File: name, Line: o.Line, Column: o.Column, Err: fmt.Errorf("object is %w: no %q", region.ErrMalformed, key)})
					return
				}
			}
			unit, err1 := o.String(0)
			key, err2 := o.String(1)
			if err := errors.Join(err1, err2); err != nil {
				errs.Add(&region.ParseError{File: name, Line: o.Line, Column: o.Column, Err: err})
				return
			}
			value := string(o.Raw(2))
			if s, err := o.String(2); err == nil {
				value = s // a value may be written as a string
			}
			add(unit, key, value, func(f int) place { return place{o.Values[f].Line, o.Values[f].Column} })
		}, func(err error) { errs.Add(err) })
		if err != nil {
			errs.Add(err)
		}
	} else if err := readReportedCSV(r, name, &errs, add); err != nil {
		return nil, err
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// place is a line and a column of a file.
type place struct{ line, col int }

// readReportedCSV reads the CSV form of [ReadReported], giving each row to
// add with the places of its fields.
func readReportedCSV(r io.Reader, name string, errs *errlist.List, add func(unit, key, value string, at func(int) place)) error {
	cr := csvin.NewReader(r, ',')
	header, err := csvin.Header(cr)
	if err != nil {
		if err == io.EOF {
			err = fmt.Errorf("%w: the file is empty", region.ErrMissingColumn)
		}
		return &region.ParseError{File: name, Line: 1, Err: err}
	}
	col, dups := csvin.Columns(header, region.Fold, [][]string{{"unit", "ma don vi"}, {"criterion", "chi so"}, {"value", "gia tri"}})
	if len(dups) > 0 {
		d := dups[0]
		return &region.ParseError{File: name, Line: 1, Field: errlist.Excerpt(d.Name),
			Err: fmt.Errorf("column %q %w (as column %d)", errlist.Excerpt(d.Name), region.ErrDuplicate, d.First+1)}
	}
	for k, want := range []string{"unit", "criterion", "value"} {
		if col[k] < 0 {
			return &region.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q", region.ErrMissingColumn, want)}
		}
	}
	for _, rec := range csvin.Records(cr, region.ErrMalformed, errs.At(name)) {
		add(strings.TrimSpace(rec[col[0]]), strings.TrimSpace(rec[col[1]]), strings.TrimSpace(rec[col[2]]), func(f int) place {
			line, column := cr.FieldPos(col[f])
			return place{line, column}
		})
	}
	return nil
}

// parseValue parses a reported value: a non-negative decimal written the
// Vietnamese way, with a decimal comma ("0,9581", read by numeral.Parse,
// the module's one reader of Vietnamese numerals), or in machine format
// with a decimal point ("0.9581", as programs write it); at most 10^9 with
// at most 6 decimals.
func parseValue(s string) (decimal.Decimal, error) {
	bad := func(why string) (decimal.Decimal, error) {
		return decimal.Decimal{}, fmt.Errorf("value %q is %w: %s", errlist.Excerpt(s), region.ErrMalformed, why)
	}
	if s == "" || len(s) > 40 || strings.ContainsAny(s, "eE+ ") {
		return bad("want a decimal such as 0.9581")
	}
	t, negative := strings.CutPrefix(s, "-")
	var v decimal.Decimal
	if strings.Contains(t, ",") {
		r, decimals, err := numeral.Parse(t)
		if err != nil {
			return bad("want a decimal such as 0,9581")
		}
		v = decimal.NewFromBigRat(r, int32(decimals))
	} else {
		var err error
		if v, err = decimal.NewFromString(t); err != nil || strings.HasPrefix(t, "-") {
			return bad("want a decimal such as 0.9581")
		}
	}
	if negative && v.Sign() != 0 {
		return decimal.Decimal{}, fmt.Errorf("value %s: %w", errlist.Excerpt(s), region.ErrNegative)
	}
	if v.GreaterThan(maxNumber) || v.Exponent() < -6 {
		return bad("more than 10^9 or more than 6 decimals")
	}
	return v, nil
}
