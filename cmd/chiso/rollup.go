package main

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/sheet"
	"github.com/chiso-vn/chiso/target"
)

// inputs are the flags every command that reads data shares.
type inputs struct {
	list        *string
	sheet       *string
	sep         *string
	spreadsheet *bool
	base        *baseInputs // rollup's --base and --base-as-of (base.go); nil for other commands
}

func inputFlags(fs interface {
	String(name, value, usage string) *string
	Bool(name string, value bool, usage string) *bool
}) inputs {
	return inputs{
		list:        fs.String("list", "", "the list of units the files' codes and names belong to: 2024 (before 2025-07-01) or 2025; default the list in force on the data's date"),
		sheet:       fs.String("sheet", "", "read only this sheet of an XLSX workbook"),
		sep:         fs.String("sep", ",", "the field separator of CSV files: , or ;"),
		spreadsheet: fs.Bool("spreadsheet", false, "read CSV as spreadsheet tools write it: quoted fields, dd/mm/yyyy, 1.611"),
	}
}

// hierarchy is the list --list names, or, without --list, the list in
// force on date (the 2024 list for a zero date, until the data say
// otherwise).
func (in inputs) hierarchy(date time.Time) (*region.Hierarchy, error) {
	switch *in.list {
	case "":
		return sheet.ListFor(date), nil
	case "2024":
		return region.Vietnam2024(), nil
	case "2025":
		return region.Vietnam2025(), nil
	}
	return nil, usagef("--list %q: want 2024 or 2025", *in.list)
}

// readWorkbook reads an XLSX file and reports its repairs and skipped
// rows on stderr, then the count of its rows in one line.
func (e *env) readWorkbook(name string, opt sheet.Options) (*sheet.Data, error) {
	f, err := e.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if e.maxBytes > 0 {
		opt.Limits.Bytes = e.maxBytes
	}
	d, err := sheet.Read(f, name, opt)
	if err != nil {
		return nil, err
	}
	e.repairs = append(e.repairs, d.Repairs...)
	for _, r := range d.Repairs {
		fmt.Fprintf(e.stderr, "%s: %s\n", name, r.Text(e.lang))
	}
	fmt.Fprintf(e.stderr, "%s: %s\n", name, d.Count.Text(e.lang))
	return d, nil
}

// readActuals reads observations from CSV, JSON or XLSX, and the plans an
// XLSX file holds beside them, on the list of units --list names, or else
// on the list in force on the data's date: a workbook's rows each on
// theirs (sheet.ListFor); a CSV or JSON file on the 2024 list, read again
// on the 2025 list when its observations are dated from 2025-07-01.
func (e *env) readActuals(name string, cat *indicator.Catalogue, in inputs, date time.Time) (*indicator.Dataset, []target.Target, *region.Hierarchy, error) {
	opt, err := csvOptions(*in.sep, *in.spreadsheet)
	if err != nil {
		return nil, nil, nil, err
	}
	h, err := in.hierarchy(date)
	if err != nil {
		return nil, nil, nil, err
	}
	switch extension(name) {
	case "xlsx":
		var list *region.Hierarchy // each row on its date's list
		if *in.list != "" || !date.IsZero() {
			list = h
		}
		d, err := e.readWorkbook(name, sheet.Options{Hierarchy: list, Catalogue: cat, Date: date, Sheet: *in.sheet})
		if err != nil {
			return nil, nil, nil, err
		}
		h = d.Hierarchy
		b := indicator.NewBuilder(h, cat, name)
		for _, o := range d.Observations {
			b.Add(o) // errors are Build's
		}
		ds, err := b.Build()
		return ds, d.Targets, h, err
	case "json", "csv", "":
	default:
		return nil, nil, nil, usagef("%s: want a .csv, .json or .xlsx file", name)
	}
	read := func(h *region.Hierarchy) (*indicator.Dataset, error) {
		f, err := e.open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if extension(name) == "json" {
			return indicator.ReadJSON(f, name, h, cat)
		}
		return indicator.ReadCSVWith(f, name, h, cat, opt)
	}
	ds, err := read(h)
	if *in.list != "" || !date.IsZero() || name == "-" {
		return ds, nil, h, err
	}
	if err == nil && ds.Latest().Before(sheet.Reorganised) {
		return ds, nil, h, nil
	}
	// Dated from 2025-07-01, or not units of the 2024 list: the 2025 list;
	// a file whose codes are units of both lists says which with --list.
	ds25, err25 := read(region.Vietnam2025())
	if err25 == nil && !ds25.Latest().Before(sheet.Reorganised) {
		if err == nil && before(ds25, sheet.Reorganised) {
			w := numeral.Words{Vi: "%s: số liệu đến ngày %s trên các mã có trong cả danh sách 2024 lẫn 2025: chọn --list 2024 (và --units 2025 để chuyển sang đơn vị mới) hoặc --list 2025",
				En: "%s: observations dated up to %s on codes that are units of both the 2024 and the 2025 list: say which with --list 2024 (and --units 2025 to carry them onto the new units) or --list 2025"}
			return nil, nil, nil, usagef(w.In(e.lang), name, ds25.Latest().Format(time.DateOnly))
		}
		return ds25, nil, region.Vietnam2025(), nil
	}
	if err != nil {
		return nil, nil, nil, err
	}
	return ds, nil, h, nil
}

// before reports whether ds has an observation dated before t.
func before(ds *indicator.Dataset, t time.Time) bool {
	res, err := ds.Rollup(t.AddDate(0, 0, -1), nil)
	if err != nil {
		return true // cannot tell: as if it had
	}
	return slices.ContainsFunc(res.Rows(), func(r indicator.Row) bool { return r.HasActual })
}

// readPlans reads targets from CSV, JSON or XLSX.
func (e *env) readPlans(name string, h *region.Hierarchy, cat *indicator.Catalogue, in inputs) ([]target.Target, error) {
	opt, err := csvOptions(*in.sep, *in.spreadsheet)
	if err != nil {
		return nil, err
	}
	if extension(name) == "xlsx" {
		d, err := e.readWorkbook(name, sheet.Options{Hierarchy: h, Catalogue: cat, Date: time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), Sheet: *in.sheet})
		if err != nil {
			return nil, err
		}
		return d.Targets, nil
	}
	f, err := e.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var s *target.Set
	switch extension(name) {
	case "json":
		s, err = target.ReadJSON(f, name, h)
	case "csv", "":
		s, err = target.ReadCSVWith(f, name, h, opt)
	default:
		return nil, usagef("%s: want a .csv, .json or .xlsx file", name)
	}
	if err != nil {
		return nil, err
	}
	return s.All(), nil
}

// result reads actuals (when named) and plans and rolls them up on date,
// the latest observation's when date is zero, on the list of units of the
// actuals (see readActuals). Plans are those of the file plansFile, or
// else those of the actuals' workbook; needPlans makes none an error.
// Observations dated from 2025-07-01 on the 2024 list are an error unless
// carry says they are carried onto the 2025 units.
func (e *env) result(cat *indicator.Catalogue, in inputs, actuals, plansFile string, date time.Time, needPlans, carry bool) (*indicator.Result, error) {
	h, err := in.hierarchy(date)
	if err != nil {
		return nil, err
	}
	ds, err := indicator.NewBuilder(h, cat, "").Build()
	if err != nil {
		return nil, err
	}
	var targets []target.Target
	if actuals != "" {
		if ds, targets, h, err = e.readActuals(actuals, cat, in, date); err != nil {
			return nil, err
		}
	}
	if h == region.Vietnam2024() && !ds.Latest().Before(sheet.Reorganised) && !carry {
		w := numeral.Words{Vi: "%s: số liệu ngày %s đọc trên đơn vị của danh sách 2024, đã thôi áp dụng từ 01/07/2025: chuyển sang đơn vị mới bằng --units 2025, hoặc cho --list 2025 nếu mã thuộc danh sách mới",
			En: "%s: observations dated %s are read on the units of the 2024 list, which ceased on 2025-07-01: carry them onto the new units with --units 2025, or give --list 2025 if the codes are of the new list"}
		return nil, usagef(w.In(e.lang), actuals, ds.Latest().Format(time.DateOnly))
	}
	if plansFile != "" {
		if targets, err = e.readPlans(plansFile, h, cat, in); err != nil {
			return nil, err
		}
	}
	if needPlans && len(targets) == 0 {
		return nil, usagef("no plans: give --plans FILE")
	}
	plans, err := target.NewSet(h, targets)
	if err != nil {
		return nil, err
	}
	if date.IsZero() {
		date = ds.Latest()
	}
	return in.base.rollup(e, ds, date, plans, h, cat, in)
}

// runRollup rolls actuals and plans up the hierarchy and writes the ranked
// rows of each indicator.
func runRollup(e *env, args []string) error {
	fs, lang := flags(e)
	actuals := fs.String("actuals", "", "observations: CSV (unit,indicator,date,value), JSON or XLSX")
	plansFile := fs.String("plans", "", "plans: CSV (unit,indicator,plan), JSON or XLSX; optional when the actuals' workbook has plan columns")
	asOf := fs.String("as-of", "", "the date of the roll-up (YYYY-MM-DD); default the latest observation")
	levelName := fs.String("level", "", "the level to rank: tinh, huyen or xa (default tinh; for xlsx, every level)")
	within := fs.String("within", "", "rank the units under this code instead of a whole level")
	rank := fs.String("rank", "competition", "how equal attainments share ranks: competition (1224), dense (1223) or ordinal (1234)")
	only := fs.String("indicator", "", "one indicator id; required by csv, json, html and svg when several have data")
	format := fs.String("format", "md", "md, csv, json, html, svg or xlsx")
	out := fs.String("out", "", "write to this file instead of stdout")
	units := fs.String("units", "", "2025: carry the figures of the 2024 units onto the units of 2025-07-01 through the crosswalk, with ranges where a unit was split (md or csv)")
	in := inputFlags(fs)
	in.base = baseFlags(fs)
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *actuals == "" {
		return usagef("want --actuals FILE")
	}
	if *units != "" && (*units != "2025" || *in.list == "2025" || *within != "" || *format != "md" && *format != "csv") {
		return usagef("--units 2025 carries data of the 2024 list (--list 2024) onto the 2025 units, for a whole level, as md or csv")
	}
	if *units != "" {
		*in.list = "2024"
	}
	method, err := rankMethod(*rank)
	if err != nil {
		return err
	}
	var date time.Time
	if *asOf != "" {
		if date, err = parseDate("as-of", *asOf); err != nil {
			return err
		}
	}
	cat := indicator.Standard()
	res, err := e.result(cat, in, *actuals, *plansFile, date, true, *units != "")
	if err != nil {
		return err
	}
	h := res.Hierarchy()
	date = res.AsOf()
	level := region.LevelProvince
	if *levelName != "" {
		if err := level.UnmarshalText([]byte(*levelName)); err != nil {
			return usagef("--level %q: want tinh, huyen or xa", *levelName)
		}
	}
	var parent region.Code
	if *within != "" {
		if parent, err = e.parseCode(*within); err != nil {
			return usagef("--within: %v", err)
		}
		if _, ok := h.Unit(parent); !ok {
			return fmt.Errorf("--within: %w %s", region.ErrUnknownUnit, parent)
		}
	}
	ranked := func(id string) []indicator.Row {
		if *within != "" {
			return res.RankedWithin(id, parent, method)
		}
		return res.Ranked(id, level, method)
	}
	// The indicators to write: the one asked for, or every one with rows.
	var ids []string
	for _, ind := range cat.All() {
		if (*only == "" || ind.ID == *only) && (len(ranked(ind.ID)) > 0 || *format == "xlsx") {
			ids = append(ids, ind.ID)
		}
	}
	if *only != "" {
		if _, ok := cat.Lookup(*only); !ok {
			return usagef("--indicator: %v %q", indicator.ErrUnknownIndicator, *only)
		}
	}
	if len(ids) == 0 {
		return fmt.Errorf("no unit has both an actual and a plan on %s", date.Format(time.DateOnly))
	}
	var buf bytes.Buffer
	if *units != "" {
		err = writeCarried(&buf, e, res, ids, *format, level)
	} else {
		err = writeRollup(&buf, e, res, ids, ranked, *format, level, *levelName != "", method)
	}
	if err == nil && *units == "" && *format == "md" {
		err = writeCoverage(&buf, e, res, ids, ranked) // base.go: share plans' coverage
	}
	if err != nil {
		return err
	}
	return e.writeOutput(*out, *format, buf.Bytes(), *actuals, *plansFile)
}

func rankMethod(s string) (indicator.RankMethod, error) {
	for _, m := range []indicator.RankMethod{indicator.Competition, indicator.Dense, indicator.Ordinal} {
		if m.String() == s {
			return m, nil
		}
	}
	return 0, usagef("--rank %q: want competition, dense or ordinal", s)
}

// writeRollup writes the ranked rows of ids in format.
func writeRollup(w io.Writer, e *env, res *indicator.Result, ids []string, ranked func(string) []indicator.Row, format string, level region.Level, levelSet bool, method indicator.RankMethod) error {
	cat := res.Catalogue()
	title := func(id string) string {
		ind, _ := cat.Lookup(id)
		return fmt.Sprintf("%s, %s", ind.Name, res.AsOf().Format("02/01/2006"))
	}
	one := func() (string, error) {
		if len(ids) != 1 {
			return "", usagef("--format %s writes one indicator: choose one with --indicator (%s)", format, strings.Join(ids, ", "))
		}
		return ids[0], nil
	}
	switch format {
	case "md":
		for i, id := range ids {
			if i > 0 {
				fmt.Fprintln(w)
			}
			if err := (report.Table{Title: title(id), Rows: ranked(id), Language: e.lang}).WriteMarkdown(w); err != nil {
				return err
			}
		}
		return nil
	case "xlsx":
		opt := sheet.WriteOptions{Language: e.lang, Indicators: ids, Method: method}
		if levelSet {
			opt.Levels = []region.Level{level}
		}
		return sheet.WriteRollup(w, res, opt)
	case "csv", "json", "html", "svg":
		id, err := one()
		if err != nil {
			return err
		}
		t := report.Table{Title: title(id), Rows: ranked(id), Language: e.lang}
		switch format {
		case "csv":
			return t.WriteCSV(w)
		case "json":
			return t.WriteJSON(w)
		case "html":
			return t.WriteHTML(w)
		}
		return report.WriteSVG(w, t.Title, t.Rows)
	}
	return usagef("--format %q: want md, csv, json, html, svg or xlsx", format)
}

// writeCarried writes the figures of ids carried onto the units of
// 2025-07-01 at level.
func writeCarried(w io.Writer, e *env, res *indicator.Result, ids []string, format string, level region.Level) error {
	if format == "csv" && len(ids) != 1 {
		return usagef("--format csv writes one indicator: choose one with --indicator (%s)", strings.Join(ids, ", "))
	}
	cat := res.Catalogue()
	for i, id := range ids {
		rows, err := res.Carry(region.Reorganisation2025(), id, level)
		if err != nil {
			return err
		}
		ind, _ := cat.Lookup(id)
		t := report.CarriedTable{Title: fmt.Sprintf("%s, %s", ind.Name, res.AsOf().Format("02/01/2006")), Rows: rows, Language: e.lang}
		if format == "csv" {
			return t.WriteCSV(w)
		}
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := t.WriteMarkdown(w); err != nil {
			return err
		}
	}
	return nil
}
