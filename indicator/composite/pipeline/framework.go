package pipeline

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
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
// exactly one top aggregate. Weights, targets and the data's values are
// decimals with a point, or an exponent as R writes them ("3.6e-05"), of
// at most 40 characters and exponents of at most ±60.
func ReadFramework(r io.Reader, name string) (*Framework, error) {
	cr := csv.NewReader(r)
	col, _, err := readHeader(cr, name)
	if err != nil {
		return nil, err
	}
	fr := &frameReader{f: &Framework{byCode: map[string]int{}}, cr: cr, errs: problems{name: name}, col: col, parentAt: map[string]place{}, denomAt: map[string]place{}}
	fr.errs.missingColumns(col, "Level", "iCode", "iName", "Direction", "Weight", "Parent", "Type")
	if err := fr.errs.Err(); err != nil {
		return nil, err
	}
	for line, rec := range fr.errs.records(cr) {
		fr.row(line, rec)
	}
	fr.link()
	if err := fr.errs.Err(); err != nil {
		return nil, err
	}
	return fr.f, nil
}

// readHeader reads the header of a framework or data table and returns
// each column's index by name (the last, for a name given twice) and the
// header itself.
func readHeader(cr *csv.Reader, name string) (map[string]int, []string, error) {
	header, err := csvin.Header(cr)
	if err != nil {
		return nil, nil, &region.ParseError{File: name, Line: 1, Err: fmt.Errorf("%w: reading the header: %w", ErrFramework, err)}
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		col[h] = i
	}
	return col, header, nil
}

// problems collects the problems of one file, each at its place.
type problems struct {
	name string
	errlist.List
}

// at records err at line and column of the file (0 for a whole line).
func (p *problems) at(line, column int, err error) { p.List.At(p.name)(line, column, err) }

// records yields the records of cr with their line numbers, a malformed
// one recorded in p (csvin.Records).
func (p *problems) records(cr *csv.Reader) iter.Seq2[int, []string] {
	return csvin.Records(cr, region.ErrMalformed, p.at)
}

// missingColumns records a problem for each column of need that col lacks.
func (p *problems) missingColumns(col map[string]int, need ...string) {
	for _, c := range need {
		if _, ok := col[c]; !ok {
			p.at(1, 0, fmt.Errorf("%w %q", region.ErrMissingColumn, c))
		}
	}
}

// place is a line and a column of a table.
type place struct{ line, col int }

// frameReader reads the rows of a framework table into f, collecting every
// problem in errs.
type frameReader struct {
	f        *Framework
	cr       *csv.Reader
	col      map[string]int
	errs     problems
	parentAt map[string]place // where each node's parent was read
	denomAt  map[string]place // where each indicator's denominator was read
}

// bad records a problem of the framework at line and column.
func (fr *frameReader) bad(line, column int, format string, args ...any) {
	fr.errs.at(line, column, fmt.Errorf("%w: "+format, append([]any{ErrFramework}, args...)...))
}

// field returns the trimmed value of column c of rec, the last record read,
// and its column; "" and 0 when the table lacks it.
func (fr *frameReader) field(rec []string, c string) (string, int) {
	i, ok := fr.col[c]
	if !ok || i >= len(rec) {
		return "", 0
	}
	_, column := fr.cr.FieldPos(i)
	return strings.TrimSpace(rec[i]), column
}

// row reads one row: a group or denominator the data carries, or a node.
func (fr *frameReader) row(line int, rec []string) {
	code, codeCol := fr.field(rec, "iCode")
	typ, typCol := fr.field(rec, "Type")
	switch typ {
	case "Group":
		fr.f.groups = append(fr.f.groups, code)
		return
	case "Denominator":
		fr.f.denoms = append(fr.f.denoms, code)
		return
	case "Indicator", "Aggregate":
	default:
		fr.bad(line, typCol, "type %q is not Indicator, Aggregate, Group or Denominator", errlist.Excerpt(typ))
		return
	}
	if code == "" {
		fr.bad(line, codeCol, "empty iCode")
		return
	}
	if _, dup := fr.f.byCode[code]; dup {
		fr.bad(line, codeCol, "iCode %q %v", errlist.Excerpt(code), region.ErrDuplicate)
		return
	}
	n, ok := fr.node(line, rec, code, typ)
	if !ok {
		return
	}
	_, pc := fr.field(rec, "Parent")
	fr.parentAt[code] = place{line, pc}
	fr.f.byCode[code] = len(fr.f.nodes)
	fr.f.nodes = append(fr.f.nodes, n)
}

// node reads the node code of type typ (Indicator or Aggregate) from rec;
// false after a problem.
func (fr *frameReader) node(line int, rec []string, code, typ string) (FrameNode, bool) {
	n := FrameNode{Code: code, Weight: decimal.NewFromInt(1), Direction: 1}
	n.Name, _ = fr.field(rec, "iName")
	n.Parent, _ = fr.field(rec, "Parent")
	lv, lvCol := fr.field(rec, "Level")
	level, err := strconv.ParseFloat(lv, 64)
	switch {
	case err != nil || level != float64(int(level)) || level < 1 || level > 20:
		fr.bad(line, lvCol, "level %q is not a whole number from 1 to 20", errlist.Excerpt(lv))
		return n, false
	case (level == 1) != (typ == "Indicator"):
		fr.bad(line, lvCol, "a %s at level %v", strings.ToLower(typ), level)
		return n, false
	}
	n.Level = int(level)
	if s, at := fr.field(rec, "Direction"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || (v != 1 && v != -1) {
			fr.bad(line, at, "direction %q is not 1 or -1", errlist.Excerpt(s))
			return n, false
		}
		n.Direction = int(v)
	}
	if s, at := fr.field(rec, "Weight"); s != "" {
		v, ok := boundedDecimal(s)
		if !ok || v.Sign() < 0 {
			fr.bad(line, at, "weight %q is not a non-negative number", errlist.Excerpt(s))
			return n, false
		}
		n.Weight = v
	}
	if s, at := fr.field(rec, "Target"); s != "" {
		v, ok := boundedDecimal(s)
		if !ok {
			fr.bad(line, at, "target %q is not a number", errlist.Excerpt(s))
			return n, false
		}
		n.Target = v
	}
	if s, at := fr.field(rec, "Denominator"); s != "" {
		if n.Level != 1 {
			fr.bad(line, at, "an aggregate has a denominator")
			return n, false
		}
		n.Denominator = s
		fr.denomAt[code] = place{line, at}
	}
	return n, true
}

// link checks the nodes read against each other: every parent known and
// one level up, every denominator declared, only the index without a
// parent; and sets the framework's top level.
func (fr *frameReader) link() {
	f := fr.f
	tops := 0
	for _, n := range f.nodes {
		f.top = max(f.top, n.Level)
		p := fr.parentAt[n.Code]
		if n.Parent == "" {
			tops++
			continue
		}
		k, ok := f.byCode[n.Parent]
		switch {
		case !ok:
			fr.bad(p.line, p.col, "parent %q of %s is not in the framework", errlist.Excerpt(n.Parent), errlist.Excerpt(n.Code))
		case f.nodes[k].Level != n.Level+1:
			fr.bad(p.line, p.col, "parent %s of %s is at level %d, not %d", errlist.Excerpt(n.Parent), errlist.Excerpt(n.Code), f.nodes[k].Level, n.Level+1)
		}
		if n.Denominator != "" && !slices.Contains(f.denoms, n.Denominator) {
			d := fr.denomAt[n.Code]
			fr.bad(d.line, d.col, "denominator %q of %s is not declared", errlist.Excerpt(n.Denominator), errlist.Excerpt(n.Code))
		}
	}
	for _, n := range f.nodes {
		if n.Parent == "" && n.Level != f.top {
			p := fr.parentAt[n.Code]
			fr.bad(p.line, p.col, "%s at level %d has no parent", errlist.Excerpt(n.Code), n.Level)
		}
	}
	if tops != 1 && fr.errs.Len() == 0 {
		fr.bad(0, 0, "%d nodes without a parent, want one index", tops)
	}
}

// maxScale bounds the exponent of a number of a framework or its data.
const maxScale = 60

// boundedDecimal reads a number of a framework or its data: a decimal with
// a point, or with an exponent as R writes it ("3.6e-05"), at most 40
// characters and an exponent of at most ±60, so that no cell can make an
// exact value cost a 10^8-digit integer ("1e99999999").
func boundedDecimal(s string) (decimal.Decimal, bool) {
	if len(s) > 40 {
		return decimal.Decimal{}, false
	}
	v, err := decimal.NewFromString(s)
	return v, err == nil && v.Exponent() >= -maxScale && v.Exponent() <= maxScale
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
	denoms map[string]*column // by denominator
	vals   map[string]*column // by indicator
}

// ReadData reads raw data for f with COINr's iData columns: uCode, uName,
// one column per group and per denominator that f declares, Time (ignored:
// one time point), and one column per indicator. An empty cell or NA is a
// missing value. A column f does not know, a missing column, a unit code
// given twice, and a value that is not a decimal number (see Weight in
// [ReadFramework]) are errors with their line and column.
func ReadData(r io.Reader, name string, f *Framework) (*Data, error) {
	cr := csv.NewReader(r)
	col, header, err := readHeader(cr, name)
	if err != nil {
		return nil, err
	}
	errs := problems{name: name}
	for i, h := range header {
		_, isNode := f.byCode[h]
		if !isNode && h != "uCode" && h != "uName" && h != "Time" && !slices.Contains(f.groups, h) && !slices.Contains(f.denoms, h) {
			_, column := cr.FieldPos(i)
			errs.at(1, column, fmt.Errorf("%w: column %q is not in the framework", ErrFramework, errlist.Excerpt(h)))
		}
	}
	need := append([]string{"uCode"}, f.denoms...)
	need = append(need, f.groups...)
	for _, n := range f.indicators() {
		need = append(need, n.Code)
	}
	errs.missingColumns(col, need...)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	d := &Data{denoms: map[string]*column{}, vals: map[string]*column{}}
	denoms, vals := map[string][]rat{}, map[string][]rat{}
	seen := map[string]int{}
	for line, rec := range errs.records(cr) {
		u := DataUnit{Code: strings.TrimSpace(rec[col["uCode"]]), Groups: map[string]string{}}
		if i, ok := col["uName"]; ok {
			u.Name = strings.TrimSpace(rec[i])
		}
		if prev, dup := seen[u.Code]; dup || u.Code == "" {
			_, column := cr.FieldPos(col["uCode"])
			errs.at(line, column, fmt.Errorf("%w: unit %q empty or given twice (first on line %d)", ErrFramework, errlist.Excerpt(u.Code), prev))
			continue
		}
		seen[u.Code] = line
		for _, g := range f.groups {
			u.Groups[g] = strings.TrimSpace(rec[col[g]])
		}
		value := func(c string) rat {
			s := strings.TrimSpace(rec[col[c]])
			if s == "" || s == "NA" {
				return rat{}
			}
			v, ok := boundedDecimal(s)
			if !ok {
				_, column := cr.FieldPos(col[c])
				errs.Add(&region.ParseError{File: name, Line: line, Column: column, Field: errlist.Excerpt(s), Err: fmt.Errorf("value %q of %s is %w", errlist.Excerpt(s), c, region.ErrMalformed)})
				return rat{}
			}
			return ratBig(v.Rat())
		}
		for _, c := range f.denoms {
			denoms[c] = append(denoms[c], value(c))
		}
		for _, n := range f.indicators() {
			vals[n.Code] = append(vals[n.Code], value(n.Code))
		}
		d.units = append(d.units, u)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	for _, c := range f.denoms {
		d.denoms[c] = exactColumn(denoms[c])
	}
	for _, n := range f.indicators() {
		d.vals[n.Code] = exactColumn(vals[n.Code])
	}
	return d, nil
}

// Units returns the units of the data, in order.
func (d *Data) Units() []DataUnit { return slices.Clone(d.units) }
