package pipeline

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/internal/csvin"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/region"
)

// Framework is the structure of a composite index built from raw data, as
// COINr describes it in its iMeta table: indicators (level 1) and aggregates
// (levels 2 and up), each with a direction, a weight and a parent one level
// up, plus the names of the unit groups and denominators the data carries.
// Read it with [ReadFramework]; it is immutable.
type Framework struct {
	nodes  []FrameNode
	byCode map[string]int
	groups []string
	denoms []string
	top    int // the level of the index
}

// FrameNode is one indicator or aggregate of a [Framework].
type FrameNode struct {
	Level       int    // 1 for an indicator
	Code, Name  string // iCode, iName
	Direction   int    // 1, or −1 when lower is better
	Weight      decimal.Decimal
	Target      decimal.Decimal // for distance-to-target normalisation; zero when none
	Denominator string          // the denominator an indicator is divided by; "" for none
	Parent      string          // "" for the index
}

// ErrFramework is wrapped by the problems of a framework or its data.
var ErrFramework = errors.New("invalid framework")

// ReadFramework reads a framework table with COINr's iMeta columns (in any
// order): Level, iCode, iName, Direction, Weight, Unit, Target,
// Denominator, Parent, Type (Indicator, Aggregate, Group or Denominator;
// Group and Denominator rows name the columns of the data). Every problem
// is reported with its line and column: a code given twice, a level or
// type that does not fit, a parent that is not one level up, a direction
// other than ±1, a negative weight, a denominator that is not declared, not
// exactly one top aggregate.
func ReadFramework(r io.Reader, name string) (*Framework, error) {
	cr := csv.NewReader(r)
	header, err := csvin.Header(cr)
	if err != nil {
		return nil, &region.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w: reading the header: %w", ErrFramework, err)}
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	var errs errlist.List
	for _, need := range []string{"Level", "iCode", "iName", "Direction", "Weight", "Parent", "Type"} {
		if _, ok := col[need]; !ok {
			errs.Add(&region.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q", region.ErrMissingColumn, need)})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	f := &Framework{byCode: map[string]int{}}
	type pos struct{ line, col int }
	at := map[string]pos{} // where each node's parent was read
	denomAt := map[string]pos{}
	for line, rec := range records(cr, name, &errs) {
		get := func(c string) (string, int) {
			i, ok := col[c]
			if !ok || i >= len(rec) {
				return "", 0
			}
			_, column := cr.FieldPos(i)
			return strings.TrimSpace(rec[i]), column
		}
		bad := func(column int, format string, args ...any) {
			errs.Add(&region.ParseError{File: name, Line: line, Column: column, Err: fmt.Errorf("%w: "+format, append([]any{ErrFramework}, args...)...)})
		}
		code, codeCol := get("iCode")
		typ, typCol := get("Type")
		switch typ {
		case "Group":
			f.groups = append(f.groups, code)
			continue
		case "Denominator":
			f.denoms = append(f.denoms, code)
			continue
		case "Indicator", "Aggregate":
		default:
			bad(typCol, "type %q is not Indicator, Aggregate, Group or Denominator", errlist.Excerpt(typ))
			continue
		}
		n := FrameNode{Code: code, Weight: decimal.NewFromInt(1), Direction: 1}
		n.Name, _ = get("iName")
		n.Parent, _ = get("Parent")
		if code == "" {
			bad(codeCol, "empty iCode")
			continue
		}
		if _, dup := f.byCode[code]; dup {
			bad(codeCol, "iCode %q %v", code, region.ErrDuplicate)
			continue
		}
		lv, lvCol := get("Level")
		level, err := strconv.ParseFloat(lv, 64)
		switch {
		case err != nil || level != float64(int(level)) || level < 1 || level > 20:
			bad(lvCol, "level %q is not a whole number from 1 to 20", errlist.Excerpt(lv))
			continue
		case (level == 1) != (typ == "Indicator"):
			bad(lvCol, "a %s at level %v", strings.ToLower(typ), level)
			continue
		}
		n.Level = int(level)
		if d, dc := get("Direction"); d != "" {
			v, err := strconv.ParseFloat(d, 64)
			if err != nil || (v != 1 && v != -1) {
				bad(dc, "direction %q is not 1 or -1", errlist.Excerpt(d))
				continue
			}
			n.Direction = int(v)
		}
		if w, wc := get("Weight"); w != "" {
			v, err := decimal.NewFromString(w)
			if err != nil || v.Sign() < 0 {
				bad(wc, "weight %q is not a non-negative number", errlist.Excerpt(w))
				continue
			}
			n.Weight = v
		}
		if t, tc := get("Target"); t != "" {
			v, err := decimal.NewFromString(t)
			if err != nil {
				bad(tc, "target %q is not a number", errlist.Excerpt(t))
				continue
			}
			n.Target = v
		}
		if d, dc := get("Denominator"); d != "" {
			if n.Level != 1 {
				bad(dc, "an aggregate has a denominator")
				continue
			}
			n.Denominator = d
			denomAt[code] = pos{line, dc}
		}
		_, pc := get("Parent")
		at[code] = pos{line, pc}
		f.byCode[code] = len(f.nodes)
		f.nodes = append(f.nodes, n)
	}
	tops := 0
	for _, n := range f.nodes {
		f.top = max(f.top, n.Level)
		p := at[n.Code]
		if n.Parent == "" {
			tops++
			continue
		}
		k, ok := f.byCode[n.Parent]
		switch {
		case !ok:
			errs.Add(&region.ParseError{File: name, Line: p.line, Column: p.col, Err: fmt.Errorf("%w: parent %q of %s is not in the framework", ErrFramework, n.Parent, n.Code)})
		case f.nodes[k].Level != n.Level+1:
			errs.Add(&region.ParseError{File: name, Line: p.line, Column: p.col, Err: fmt.Errorf("%w: parent %s of %s is at level %d, not %d", ErrFramework, n.Parent, n.Code, f.nodes[k].Level, n.Level+1)})
		}
		if n.Denominator != "" && !slices.Contains(f.denoms, n.Denominator) {
			d := denomAt[n.Code]
			errs.Add(&region.ParseError{File: name, Line: d.line, Column: d.col, Err: fmt.Errorf("%w: denominator %q of %s is not declared", ErrFramework, n.Denominator, n.Code)})
		}
	}
	for _, n := range f.nodes {
		if n.Parent == "" && n.Level != f.top {
			p := at[n.Code]
			errs.Add(&region.ParseError{File: name, Line: p.line, Column: p.col, Err: fmt.Errorf("%w: %s at level %d has no parent", ErrFramework, n.Code, n.Level)})
		}
	}
	if tops != 1 && errs.Len() == 0 {
		errs.Add(&region.ParseError{File: name, Err: fmt.Errorf("%w: %d nodes without a parent, want one index", ErrFramework, tops)})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// records yields the records of cr with their line numbers (see
// csvin.Records), its problems added to errs.
func records(cr *csv.Reader, name string, errs *errlist.List) iter.Seq2[int, []string] {
	return csvin.Records(cr, region.ErrMalformed, func(line, column int, err error) {
		errs.Add(&region.ParseError{File: name, Line: line, Column: column, Err: err})
	})
}

// Nodes returns the indicators and aggregates, in the table's order.
func (f *Framework) Nodes() []FrameNode { return slices.Clone(f.nodes) }

// Index returns the code of the index, the one node without a parent.
func (f *Framework) Index() string {
	for _, n := range f.nodes {
		if n.Parent == "" {
			return n.Code
		}
	}
	return ""
}

// children returns the nodes whose parent is code, in the table's order.
func (f *Framework) children(code string) []FrameNode {
	var out []FrameNode
	for _, n := range f.nodes {
		if n.Parent == code {
			out = append(out, n)
		}
	}
	return out
}

// indicators returns the level-1 nodes, in the table's order.
func (f *Framework) indicators() []FrameNode {
	var out []FrameNode
	for _, n := range f.nodes {
		if n.Level == 1 {
			out = append(out, n)
		}
	}
	return out
}

// DataUnit is one unit of [Data]: its code, name and groups.
type DataUnit struct {
	Code, Name string
	Groups     map[string]string
}

// Data is the raw data of a [Framework], as COINr's iData table: units,
// their groups and denominators, and every indicator's value (missing where
// empty). Values are kept exact, as the decimals written.
type Data struct {
	units  []DataUnit
	denoms map[string][]*big.Rat // by denominator, per unit
	vals   map[string][]*big.Rat // by indicator, per unit; nil when missing
}

// ReadData reads raw data for f with COINr's iData columns: uCode, uName,
// one column per group and per denominator that f declares, Time (ignored:
// one time point), and one column per indicator. An empty cell or NA is a
// missing value. A column f does not know, a missing column, a unit code
// given twice, and a value that is not a decimal number are errors with
// their line and column.
func ReadData(r io.Reader, name string, f *Framework) (*Data, error) {
	cr := csv.NewReader(r)
	header, err := csvin.Header(cr)
	if err != nil {
		return nil, &region.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w: reading the header: %w", ErrFramework, err)}
	}
	var errs errlist.List
	col := map[string]int{}
	for i, h := range header {
		_, isNode := f.byCode[h]
		if !isNode && h != "uCode" && h != "uName" && h != "Time" && !slices.Contains(f.groups, h) && !slices.Contains(f.denoms, h) {
			_, column := cr.FieldPos(i)
			errs.Add(&region.ParseError{File: name, Line: 1, Column: column, Err: fmt.Errorf("%w: column %q is not in the framework", ErrFramework, errlist.Excerpt(h))})
		}
		col[h] = i
	}
	need := append([]string{"uCode"}, f.denoms...)
	need = append(need, f.groups...)
	for _, n := range f.indicators() {
		need = append(need, n.Code)
	}
	for _, c := range need {
		if _, ok := col[c]; !ok {
			errs.Add(&region.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q", region.ErrMissingColumn, c)})
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	d := &Data{denoms: map[string][]*big.Rat{}, vals: map[string][]*big.Rat{}}
	seen := map[string]int{}
	for line, rec := range records(cr, name, &errs) {
		u := DataUnit{Code: strings.TrimSpace(rec[col["uCode"]]), Groups: map[string]string{}}
		if i, ok := col["uName"]; ok {
			u.Name = strings.TrimSpace(rec[i])
		}
		if prev, dup := seen[u.Code]; dup || u.Code == "" {
			_, column := cr.FieldPos(col["uCode"])
			errs.Add(&region.ParseError{File: name, Line: line, Column: column, Err: fmt.Errorf("%w: unit %q empty or given twice (first on line %d)", ErrFramework, u.Code, prev)})
			continue
		}
		seen[u.Code] = line
		for _, g := range f.groups {
			u.Groups[g] = strings.TrimSpace(rec[col[g]])
		}
		value := func(c string) *big.Rat {
			s := strings.TrimSpace(rec[col[c]])
			if s == "" || s == "NA" {
				return nil
			}
			v, err := decimal.NewFromString(s)
			if err != nil || len(s) > 40 {
				_, column := cr.FieldPos(col[c])
				errs.Add(&region.ParseError{File: name, Line: line, Column: column, Field: errlist.Excerpt(s), Err: fmt.Errorf("value %q of %s is %w", errlist.Excerpt(s), c, region.ErrMalformed)})
				return nil
			}
			return v.Rat()
		}
		for _, c := range f.denoms {
			d.denoms[c] = append(d.denoms[c], value(c))
		}
		for _, n := range f.indicators() {
			d.vals[n.Code] = append(d.vals[n.Code], value(n.Code))
		}
		d.units = append(d.units, u)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// Units returns the units of the data, in order.
func (d *Data) Units() []DataUnit { return slices.Clone(d.units) }
