package sheet

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// Options says how [Read] reads a workbook.
type Options struct {
	Hierarchy *region.Hierarchy    // the units; nil is region.Vietnam2024()
	Catalogue *indicator.Catalogue // the indicators; nil is indicator.Standard()
	// Date is the date of the observations of a sheet without a date
	// column. A sheet without one and a zero Date is an error.
	Date time.Time
	// Sheet names the one sheet to read; "" reads every sheet that has a
	// header.
	Sheet string
}

// Data is what a workbook holds: observations, plans, and every repair
// made on the way, so that nothing is guessed silently.
type Data struct {
	Observations []indicator.Observation
	Targets      []target.Target
	Repairs      []Repair
}

// Errors of [Read], besides the shared sentinels of region.
var (
	ErrNoHeader = errors.New("no header row with a unit code column in the first 10 rows")
	ErrColumn   = errors.New("unknown column")
	ErrNoSheet  = errors.New("no sheet")
)

// headerRows is how far down Read looks for the header row.
const headerRows = 10

// Read reads observations and plans from an XLSX workbook, as provinces
// exchange them. In each sheet it finds the header row among the first 10
// (title rows above it are skipped) and reads the columns by their
// Vietnamese or English names, case and diacritics aside:
//   - the unit: "Mã xã", "Mã đơn vị", "Mã huyện", "Mã tỉnh", "Mã", "unit";
//   - its name: "Tên đơn vị", "Đơn vị", "Tên xã", "Địa phương", "name";
//   - the date: "Ngày", "date" (an Excel date or dd/mm/yyyy text);
//   - in the long layout, the indicator ("Nền tảng", "Chỉ tiêu số",
//     "indicator", by id or catalogue name) with "Kế hoạch" / "Chỉ tiêu"
//     (plan) and "Thực hiện" / "Kết quả" (actual);
//   - in the wide layout, one column per indicator named by its id or
//     catalogue name (an actual), or a merged header cell naming the
//     indicator over "Kế hoạch" and "Thực hiện" cells under it;
//   - "STT", "Tỷ lệ", "Tỷ lệ đạt" and "Ghi chú" are read by people only and
//     skipped; any other column is an error naming it.
//
// Every repair is reported in Data.Repairs: a code that lost its leading
// zeros ("6619" for 06619) is repaired only when the name in the same row
// confirms the unit, and is otherwise an error with a hint; a count typed
// as text with Vietnamese grouping ("1.611"); a date typed as dd/mm/yyyy;
// a totals row ("Tổng cộng", "Toàn tỉnh", a name with no code), which is
// not read as a unit; a sheet without a header, which is skipped. Errors
// are region.ParseError values with the sheet, row and column.
func Read(r io.Reader, name string, opt Options) (*Data, error) {
	if opt.Hierarchy == nil {
		opt.Hierarchy = region.Vietnam2024()
	}
	if opt.Catalogue == nil {
		opt.Catalogue = indicator.Standard()
	}
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &region.ParseError{File: name, Err: fmt.Errorf("not an XLSX workbook: %w", err)}
	}
	defer f.Close()
	rd := &reader{f: f, name: name, opt: opt, data: &Data{}, seen: map[seenKey]cell{}, ids: indicatorNames(opt.Catalogue)}
	sheets := f.GetSheetList()
	if opt.Sheet != "" {
		if !slices.Contains(sheets, opt.Sheet) {
			return nil, &region.ParseError{File: name, Err: fmt.Errorf("%w %q (the workbook has %s)", ErrNoSheet, opt.Sheet, strings.Join(sheets, ", "))}
		}
		sheets = []string{opt.Sheet}
	}
	read := 0
	for _, s := range sheets {
		ok, err := rd.sheet(f, s)
		if err != nil {
			return nil, err
		}
		if ok {
			read++
		}
		if rd.errs.Len() >= region.MaxErrors {
			break
		}
	}
	if err := rd.errs.Err(); err != nil {
		return nil, err
	}
	if read == 0 {
		return nil, &region.ParseError{File: name, Err: ErrNoHeader}
	}
	return rd.data, nil
}

// cell is a place in a workbook.
type cell struct {
	sheet    string
	row, col int // 1-based
}

type seenKey struct {
	indicator string
	unit      region.Code
	date      time.Time
	plan      bool
}

type reader struct {
	f    *excelize.File
	name string
	opt  Options
	data *Data
	errs errlist.List
	seen map[seenKey]cell
	ids  map[string]string // folded id or name → indicator id
}

func (rd *reader) bad(at cell, field string, err error) {
	rd.errs.Add(&region.ParseError{File: rd.name, Sheet: at.sheet, Line: at.row, Column: at.col, Field: errlist.Excerpt(field), Err: err})
}

func (rd *reader) repair(at cell, kind RepairKind, from, to string) {
	rd.data.Repairs = append(rd.data.Repairs, Repair{Kind: kind, Sheet: at.sheet, Row: at.row, Column: at.col, From: from, To: to})
}

// indicatorNames maps each indicator's folded id and name to its id.
func indicatorNames(cat *indicator.Catalogue) map[string]string {
	m := map[string]string{}
	for _, ind := range cat.All() {
		m[region.Fold(ind.ID)] = ind.ID
		m[strings.ReplaceAll(ind.ID, "_", " ")] = ind.ID
		m[region.Fold(ind.Name)] = ind.ID
	}
	return m
}

// The roles of columns.
type role uint8

const (
	colSkip role = iota
	colUnit
	colName
	colDate
	colIndicator
	colPlan
	colActual
)

var roleWords = map[string]role{
	"stt": colSkip, "tt": colSkip, "ty le": colSkip, "ty le dat": colSkip, "ghi chu": colSkip, "ty le dat ke hoach": colSkip,
	"ma": colUnit, "ma xa": colUnit, "ma don vi": colUnit, "ma dvhc": colUnit, "ma huyen": colUnit, "ma tinh": colUnit, "unit": colUnit, "code": colUnit, "commune": colUnit,
	"ten": colName, "ten don vi": colName, "don vi": colName, "ten xa": colName, "ten huyen": colName, "ten tinh": colName, "dia phuong": colName, "name": colName,
	"ngay": colDate, "date": colDate, "day": colDate, "ngay cap nhat": colDate,
	"nen tang": colIndicator, "chi tieu so": colIndicator, "indicator": colIndicator, "chi so": colIndicator,
	"ke hoach": colPlan, "chi tieu": colPlan, "chi tieu ke hoach": colPlan, "plan": colPlan,
	"thuc hien": colActual, "ket qua": colActual, "actual": colActual, "value": colActual, "n": colActual, "so luong": colActual,
}

// column is how one column is read.
type column struct {
	role      role
	indicator string // in the wide layout
}

// sheet reads one sheet; it reports false for a sheet without a header.
func (rd *reader) sheet(f *excelize.File, s string) (bool, error) {
	rows, err := f.Rows(s)
	if err != nil {
		return false, &region.ParseError{File: rd.name, Sheet: s, Err: err}
	}
	defer rows.Close()
	var head [][]string
	hdr := -1
	row := 0
	for row < headerRows && rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return false, &region.ParseError{File: rd.name, Sheet: s, Line: row + 1, Err: err}
		}
		head = append(head, cells)
		row++
		if slices.ContainsFunc(cells, func(c string) bool { return roleWords[region.Fold(c)] == colUnit && strings.TrimSpace(c) != "" }) {
			hdr = row - 1
			break
		}
	}
	if hdr < 0 {
		rd.repair(cell{sheet: s}, SkippedSheet, "", "")
		return false, nil
	}
	// A second header row under the first names plan and actual columns
	// under the platforms' (merged) names.
	roleRow := hdr
	var pending []string // the row after the header, when it is data
	if rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return false, &region.ParseError{File: rd.name, Sheet: s, Line: row + 1, Err: err}
		}
		row++
		if slices.ContainsFunc(cells, func(c string) bool { r := roleWords[region.Fold(c)]; return r == colPlan || r == colActual }) {
			head, roleRow = append(head, cells), hdr+1
		} else {
			pending = cells
		}
	}
	cols, ok := rd.columns(f, s, head, hdr, roleRow)
	if !ok {
		return true, nil
	}
	var dateCol = -1
	for i, c := range cols {
		if c.role == colDate {
			dateCol = i
		}
	}
	if dateCol < 0 && rd.opt.Date.IsZero() {
		rd.bad(cell{sheet: s, row: hdr + 1}, "", fmt.Errorf("%w: the sheet has no date column (Ngày) and no date was given", region.ErrMalformed))
		return true, nil
	}
	if pending != nil {
		rd.row(s, row, pending, cols, dateCol)
	}
	for rows.Next() {
		row++
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return true, &region.ParseError{File: rd.name, Sheet: s, Line: row, Err: err}
		}
		rd.row(s, row, cells, cols, dateCol)
		if rd.errs.Len() >= region.MaxErrors {
			break
		}
	}
	return true, nil
}

// columns reads the header: row hdr of head (0-based) names the columns,
// and when roleRow is the row under it, that row names the plan and actual
// columns under the platforms named above them (in merged cells or not).
// With one header row, cells merged across the row above it name the
// platforms.
func (rd *reader) columns(f *excelize.File, s string, head [][]string, hdr, roleRow int) ([]column, bool) {
	groups := map[int]string{} // column (0-based) → the platform named above it
	if roleRow > hdr {
		for i, v := range head[roleRow-1] {
			if strings.TrimSpace(v) != "" {
				groups[i] = v
			}
		}
	}
	if roleRow > 0 {
		merged, _ := f.GetMergeCells(s)
		for _, m := range merged {
			c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c2, _, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil || r1 != roleRow {
				continue // only cells merged in the row right above the roles
			}
			for c := c1; c <= c2; c++ {
				groups[c-1] = m.GetCellValue()
			}
		}
	}
	names := slices.Clone(head[roleRow])
	for i, top := range head[hdr] {
		if i >= len(names) {
			names = append(names, "")
		}
		if strings.TrimSpace(names[i]) == "" {
			names[i] = top // a header cell spanning both rows
			delete(groups, i)
		}
	}
	var cols []column
	ok := true
	for i, h := range names {
		k := region.Fold(h)
		at := cell{sheet: s, row: roleRow + 1, col: i + 1}
		if k == "" {
			cols = append(cols, column{})
			continue
		}
		r, known := roleWords[k]
		group := groups[i]
		switch {
		case known && group != "" && (r == colPlan || r == colActual):
			id, found := rd.ids[region.Fold(group)]
			if !found {
				rd.bad(at, group, fmt.Errorf("%w %q: not an indicator id or name of the catalogue", ErrColumn, group))
				ok = false
			}
			cols = append(cols, column{role: r, indicator: id})
		case known:
			cols = append(cols, column{role: r})
		default:
			id, found := rd.ids[k]
			if !found {
				rd.bad(at, h, fmt.Errorf("%w %q: want a unit code, name, date, indicator, plan or actual column, or an indicator id or name", ErrColumn, h))
				ok = false
			}
			cols = append(cols, column{role: colActual, indicator: id})
		}
	}
	has := func(r role, wide bool) bool {
		return slices.ContainsFunc(cols, func(c column) bool { return c.role == r && (c.indicator != "") == wide })
	}
	long := has(colPlan, false) || has(colActual, false)
	if long && !has(colIndicator, false) {
		rd.bad(cell{sheet: s, row: hdr + 1}, "", fmt.Errorf("%w: a plan or actual column without an indicator column (Nền tảng) or an indicator above it", region.ErrMissingColumn))
		ok = false
	}
	if !long && !has(colPlan, true) && !has(colActual, true) {
		rd.bad(cell{sheet: s, row: hdr + 1}, "", fmt.Errorf("%w: no plan or actual column", region.ErrMissingColumn))
		ok = false
	}
	return cols, ok
}

// totalWords begin the names of totals rows.
var totalWords = []string{"tong", "cong", "toan tinh", "toan huyen", "toan xa", "ca tinh", "total"}

// row reads one data row.
func (rd *reader) row(s string, row int, cells []string, cols []column, dateCol int) {
	get := func(i int) string {
		if i < len(cells) {
			return strings.TrimSpace(cells[i])
		}
		return ""
	}
	if !slices.ContainsFunc(cells, func(c string) bool { return strings.TrimSpace(c) != "" }) {
		return // a blank row
	}
	var codeText, nameText string
	codeCol := 0
	indCol := -1
	for i, c := range cols {
		switch c.role {
		case colUnit:
			codeText, codeCol = get(i), i
		case colName:
			nameText = get(i)
		case colIndicator:
			indCol = i
		}
	}
	at := func(i int) cell { return cell{sheet: s, row: row, col: i + 1} }
	if codeText == "" || strings.HasPrefix(region.Fold(codeText), "tong") {
		n := region.Fold(nameText + " " + codeText)
		if slices.ContainsFunc(totalWords, func(w string) bool { return strings.HasPrefix(n, w) }) {
			rd.repair(at(codeCol), SkippedTotal, strings.TrimSpace(nameText+" "+codeText), "")
			return
		}
		rd.bad(at(codeCol), codeText, fmt.Errorf("%w: a row without a unit code", region.ErrMalformed))
		return
	}
	unit, ok := rd.unit(at(codeCol), codeText, nameText)
	if !ok {
		return
	}
	date := rd.opt.Date
	if dateCol >= 0 {
		var ok bool
		if date, ok = rd.date(at(dateCol), get(dateCol)); !ok {
			return
		}
	}
	ind := ""
	if indCol >= 0 {
		t := get(indCol)
		id, found := rd.ids[region.Fold(t)]
		if !found {
			rd.bad(at(indCol), t, fmt.Errorf("%w %q", indicator.ErrUnknownIndicator, t))
			return
		}
		ind = id
	}
	for i, c := range cols {
		if c.role != colPlan && c.role != colActual {
			continue
		}
		v := get(i)
		if v == "" {
			continue // no figure for this unit
		}
		id := c.indicator
		if id == "" {
			id = ind
		}
		n, ok := rd.count(at(i), v)
		if !ok {
			continue
		}
		key := seenKey{id, unit, date, c.role == colPlan}
		if prev, dup := rd.seen[key]; dup {
			rd.bad(at(i), v, fmt.Errorf("%s of %s for %s %w (first at %s)", roleName(c.role), id, unit, region.ErrDuplicate, cellName(prev)))
			continue
		}
		rd.seen[key] = at(i)
		if c.role == colPlan {
			rd.data.Targets = append(rd.data.Targets, target.Target{Indicator: id, Unit: unit, Value: target.Count(n), Source: rd.name})
		} else {
			rd.data.Observations = append(rd.data.Observations, indicator.Observation{Indicator: id, Unit: unit, Date: date, Value: n})
		}
	}
}

// cellName writes a place as spreadsheets do: "Xã!C5".
func cellName(c cell) string {
	return fmt.Sprintf("%s!%s%d", c.sheet, errlist.ColumnName(c.col), c.row)
}

func roleName(r role) string {
	if r == colPlan {
		return "plan"
	}
	return "actual"
}

// unit reads a unit code, repairing lost leading zeros when the row's name
// confirms the unit.
func (rd *reader) unit(at cell, text, name string) (region.Code, bool) {
	h := rd.opt.Hierarchy
	text = strings.TrimSuffix(text, ".0") // a code stored as a number
	if c, err := region.ParseCode(text); err == nil {
		if _, ok := h.Unit(c); ok {
			return c, true
		}
		rd.bad(at, text, fmt.Errorf("%w %s", region.ErrUnknownUnit, c))
		return region.Code{}, false
	}
	if strings.Trim(text, "0123456789") != "" || len(text) >= 5 {
		rd.bad(at, text, fmt.Errorf("%w: %q is not a unit code", region.ErrMalformed, text))
		return region.Code{}, false
	}
	// Leading zeros lost: try each length of code; the name must confirm.
	var candidates []region.Unit
	for _, width := range []int{2, 3, 5} {
		if len(text) >= width {
			continue
		}
		c, err := region.ParseCode(strings.Repeat("0", width-len(text)) + text)
		if err != nil {
			continue
		}
		if u, ok := h.Unit(c); ok {
			candidates = append(candidates, u)
		}
	}
	if name != "" {
		found := h.Find(name)
		for _, u := range candidates {
			if slices.ContainsFunc(found, func(v region.Unit) bool { return v.Code == u.Code }) {
				rd.repair(at, RepairedCode, text, u.Code.String())
				return u.Code, true
			}
		}
	}
	hint := "format the column as text and type the code with its leading zeros, or add the unit's name (Tên đơn vị) to confirm it"
	if len(candidates) > 0 {
		var names []string
		for _, u := range candidates {
			names = append(names, u.Code.String()+" "+u.FullName())
		}
		hint = "did you mean " + strings.Join(names, " or ") + "? " + hint
	}
	rd.bad(at, text, fmt.Errorf("%w: %q lost its leading zeros and the row's name %q does not confirm a unit; %s", region.ErrMalformed, text, name, hint))
	return region.Code{}, false
}

// count reads a count: a number cell (its raw value is plain digits), or
// text with Vietnamese grouping ("1.611"); a number with a fraction is
// not a count.
func (rd *reader) count(at cell, v string) (int64, bool) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			rd.bad(at, v, fmt.Errorf("%w %d", region.ErrNegative, n))
			return 0, false
		}
		return n, true
	}
	if n, err := numeral.ParseCount(v, true); err == nil && strings.Contains(v, ".") && rd.text(at) {
		rd.repair(at, RepairedCount, v, strconv.FormatInt(n, 10))
		return n, true
	}
	if strings.HasPrefix(v, "-") {
		rd.bad(at, v, fmt.Errorf("%w %q", region.ErrNegative, v))
		return 0, false
	}
	rd.bad(at, v, fmt.Errorf("%w: %q is not a count (a whole number, or text with \".\" grouping thousands)", region.ErrMalformed, v))
	return 0, false
}

// text reports whether the cell at holds text, not a number: "1.611" typed
// as text is a count with grouping, but the number 1.611 is not a count.
func (rd *reader) text(at cell) bool {
	name, err := excelize.CoordinatesToCellName(at.col, at.row)
	if err != nil {
		return false
	}
	t, err := rd.f.GetCellType(at.sheet, name)
	return err == nil && (t == excelize.CellTypeSharedString || t == excelize.CellTypeInlineString)
}

// date reads an Excel date (a serial number), an ISO date or dd/mm/yyyy
// text.
func (rd *reader) date(at cell, v string) (time.Time, bool) {
	if v == "" {
		rd.bad(at, v, fmt.Errorf("%w: no date", region.ErrMalformed))
		return time.Time{}, false
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil && x >= 1 && x < 2958466 && x == math.Trunc(x) {
		t, err := excelize.ExcelDateToTime(x, false)
		if err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, true
	}
	if t, err := numeral.ParseDayFirst(v); err == nil {
		rd.repair(at, RepairedDate, v, t.Format(time.DateOnly))
		return t, true
	}
	rd.bad(at, v, fmt.Errorf("date %q is %w: want an Excel date, YYYY-MM-DD or dd/mm/yyyy", v, region.ErrMalformed))
	return time.Time{}, false
}
