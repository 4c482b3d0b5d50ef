package sheet

import (
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
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
	// Hierarchy is the list of units the workbook's codes and names
	// belong to; nil reads each row on the list in force on its date
	// ([ListFor]).
	Hierarchy *region.Hierarchy
	Catalogue *indicator.Catalogue // the indicators; nil is indicator.Standard()
	// Date is the date of the observations of a sheet without a date
	// column and without a date in its title rows ("Số liệu tính đến ngày
	// 30/6/2024"). A sheet with none of the three is an error.
	Date time.Time
	// Sheet names the one sheet to read; "" reads every sheet that has a
	// header.
	Sheet string
	// Limits bound what is read; zero fields are DefaultLimits'.
	Limits Limits
}

// Data is what a workbook holds: observations, plans, every repair and
// skipped row, and a count of every row, so that nothing is guessed or
// dropped silently.
type Data struct {
	Observations []indicator.Observation
	Targets      []target.Target
	Repairs      []Repair
	// Hierarchy is the list the units were read on.
	Hierarchy *region.Hierarchy
	Count     Count
}

// Errors of [Read], besides the shared sentinels of region.
var (
	ErrNoHeader  = errors.New("no header row with a unit code or name column in the first 10 rows")
	ErrColumn    = errors.New("unknown column")
	ErrNoSheet   = errors.New("no sheet")
	ErrName      = errors.New("the unit's name does not fit")
	ErrNoDate    = errors.New("no date")
	ErrTwoLists  = errors.New("observations dated on both sides of 2025-07-01")
	ErrFormulaAt = ErrFormula
)

// headerRows is how far down Read looks for the header row.
const headerRows = 10

// Reorganised is the day the 2025 list of units came into force.
var Reorganised = time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)

// ListFor returns the list of units chiso reads data of date t on: the
// list from 2025-07-01 (region.Vietnam2025) for a date from then on, and
// the last list before it (region.Vietnam2024) for an earlier date.
func ListFor(t time.Time) *region.Hierarchy {
	if !t.Before(Reorganised) {
		return region.Vietnam2025()
	}
	return region.Vietnam2024()
}

// Read reads observations and plans from an XLSX workbook, as provinces
// exchange them, in one streaming pass over each sheet's rows (memory
// grows with one row, the shared strings and the merged ranges, within
// Options.Limits). In each sheet it finds the header row among the first
// 10 and reads the columns by their Vietnamese or English names, case and
// diacritics aside:
//   - the unit: "Mã xã", "Mã đơn vị", "Mã huyện", "Mã tỉnh", "Mã", "unit";
//   - its name: "Tên đơn vị", "Đơn vị", "Tên xã", "Địa phương", "name";
//   - the unit above it: "Huyện", "Quận/huyện", "Tỉnh" (or "Tên huyện"
//     beside another name column);
//   - the date: "Ngày", "date" (an Excel date or dd/mm/yyyy text);
//   - in the long layout, the indicator ("Nền tảng", "Chỉ tiêu số",
//     "indicator", by id or catalogue name) with "Kế hoạch" / "Chỉ tiêu"
//     (plan) and "Thực hiện" / "Kết quả" (actual);
//   - in the wide layout, one column per indicator named by its id, its
//     catalogue name or a part of it that names one indicator ("VNeID mức
//     2", "Thanh toán điện tử"), or a (merged) header cell naming the
//     indicator over "Kế hoạch" and "Thực hiện" cells under it;
//   - "STT", "Tỷ lệ", "Tỷ lệ đạt" and "Ghi chú" are read by people only and
//     skipped; any other column is an error naming it and the close names.
//
// Units are read by code, or by name alone where the sheet has no code
// column: a name is looked up with region's Find within the unit the
// workbook puts it under (the row's district column, a section row naming
// a district, the sheet's name, a title row "UBND HUYỆN CAO LỘC"); a name
// that fits no unit or several is an error at its cell listing the
// candidates. A row with both a code and a name is checked: a name that
// is not the code's unit's is an error (ErrName), never a silent pick.
//
// Every row is accounted for in Data.Count: read as data, or skipped as a
// title, header, totals ("Tổng cộng", "Toàn tỉnh"), note ("Ghi chú: …")
// or signature row ("NGƯỜI LẬP BIỂU" and the block under it), each skip
// reported in Data.Repairs with the other repairs: a code that lost its
// leading zeros, repaired only when the row's name confirms it; a count
// typed as text with Vietnamese grouping ("1.611"); a date typed as
// dd/mm/yyyy; the date read from a title row. A formula without a cached
// value, a cell holding a spreadsheet error, a damaged entry (bad CRC) and
// an encrypted workbook are errors. Errors are region.ParseError values
// with the sheet, row and column.
func Read(r io.Reader, name string, opt Options) (*Data, error) {
	if opt.Catalogue == nil {
		opt.Catalogue = indicator.Standard()
	}
	opt.Limits = opt.Limits.orDefault()
	wb, err := openWorkbook(r, name, opt.Limits)
	if err != nil {
		return nil, &region.ParseError{File: name, Err: err}
	}
	rd := &reader{wb: wb, name: name, opt: opt, data: &Data{Hierarchy: opt.Hierarchy}, seen: map[seenKey]seenAt{}, ids: indicatorNames(opt.Catalogue),
		units: map[region.Code]bool{}, inds: map[string]bool{}}
	sheets := wb.sheets
	if opt.Sheet != "" {
		i := slices.IndexFunc(sheets, func(s sheetRef) bool { return s.name == opt.Sheet })
		if i < 0 {
			var names []string
			for _, s := range sheets {
				names = append(names, s.name)
			}
			return nil, &region.ParseError{File: name, Err: fmt.Errorf("%w %q (the workbook has %s)", ErrNoSheet, opt.Sheet, strings.Join(names, ", "))}
		}
		sheets = sheets[i : i+1]
	}
	read := 0
	for _, s := range sheets {
		ok, err := rd.sheet(s)
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
	if rd.data.Hierarchy == nil {
		rd.data.Hierarchy = ListFor(opt.Date)
	}
	rd.data.Count.Units, rd.data.Count.Indicators = len(rd.units), len(rd.inds)
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

// seenAt is where a figure was first given, and its value.
type seenAt struct {
	at cell
	n  int64
}

type reader struct {
	wb    *workbook
	name  string
	opt   Options
	data  *Data
	errs  errlist.List
	seen  map[seenKey]seenAt
	ids   map[string]string // folded id or name → indicator id
	units map[region.Code]bool
	inds  map[string]bool
	first cell // the first observation's place, for ErrTwoLists
}

func (rd *reader) bad(at cell, field string, err error) {
	rd.errs.Add(&region.ParseError{File: rd.name, Sheet: at.sheet, Line: at.row, Column: at.col, Field: errlist.Excerpt(field), Err: err})
}

func (rd *reader) repair(at cell, kind RepairKind, from, to string) {
	rd.data.Repairs = append(rd.data.Repairs, Repair{Kind: kind, Sheet: at.sheet, Row: at.row, Column: at.col, From: from, To: to})
}

// skip accounts for a row not read as data.
func (rd *reader) skip(at cell, kind RepairKind, text string) {
	rd.data.Count.add(kind)
	if kind != SkippedBlank {
		rd.repair(at, kind, errlist.Excerpt(text), "")
	}
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

// indicatorID finds the indicator a header names: its id or name, or else
// words of one indicator's name only ("VNeID mức 2", "thanh toán điện
// tử"), a prefix of a name first.
func (rd *reader) indicatorID(h string) (string, bool) {
	k := region.Fold(h)
	if id, ok := rd.ids[k]; ok {
		return id, true
	}
	if k == "" {
		return "", false
	}
	var prefix, within []string
	for _, ind := range rd.opt.Catalogue.All() {
		n := " " + region.Fold(ind.Name) + " "
		switch {
		case strings.HasPrefix(n, " "+k+" "):
			prefix = append(prefix, ind.ID)
		case strings.Contains(n, " "+k+" "):
			within = append(within, ind.ID)
		}
	}
	if len(prefix) == 1 {
		return prefix[0], true
	}
	if len(prefix) == 0 && len(within) == 1 {
		return within[0], true
	}
	return "", false
}

// closeIndicators lists the indicators that share a word with h, as
// "id (name)", for an error.
func (rd *reader) closeIndicators(h string) string {
	words := strings.Fields(region.Fold(h))
	var out []string
	for _, ind := range rd.opt.Catalogue.All() {
		n := " " + region.Fold(ind.Name) + " " + strings.ReplaceAll(ind.ID, "_", " ") + " "
		for _, w := range words {
			if len(w) > 2 && strings.Contains(n, " "+w+" ") {
				out = append(out, fmt.Sprintf("%s (%s)", ind.ID, ind.Name))
				break
			}
		}
	}
	if len(out) == 0 {
		return "no close name; chiso indicators lists them all"
	}
	if len(out) > 4 {
		out = out[:4]
	}
	return "close names: " + strings.Join(out, ", ")
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
	colParent
)

var roleWords = map[string]role{
	"stt": colSkip, "tt": colSkip, "ty le": colSkip, "ty le dat": colSkip, "ghi chu": colSkip, "ty le dat ke hoach": colSkip, "ty le phan tram": colSkip,
	"ma": colUnit, "ma xa": colUnit, "ma don vi": colUnit, "ma dvhc": colUnit, "ma huyen": colUnit, "ma tinh": colUnit, "unit": colUnit, "code": colUnit, "commune": colUnit,
	"ten": colName, "ten don vi": colName, "don vi": colName, "ten xa": colName, "ten huyen": colName, "ten tinh": colName, "dia phuong": colName, "name": colName,
	"xa phuong thi tran": colName, "ten xa phuong thi tran": colName, "xa phuong": colName,
	"huyen": colParent, "quan huyen": colParent, "huyen thi xa thanh pho": colParent, "tinh": colParent, "tinh thanh pho": colParent, "district": colParent, "province": colParent,
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

// sheetState is what one sheet's reading knows beyond the current row.
type sheetState struct {
	name        string
	cols        []column
	dateCol     int
	date        time.Time         // the title rows' date
	dateAt      cell              // where it is
	dateText    string            // as written
	titleUnits  []string          // the units title rows name, as written
	context     []region.Unit     // the units above, from the sheet's name and title rows, on contextList
	contextList *region.Hierarchy // the list context is of
	section     []region.Unit     // a section row's unit
	signature   bool              // a signature row was read: the block under it is too
	merges      []mergeRange      // the vertical merges of data rows, by first row
	active      []mergeRange
	next        int
	values      map[[2]int]xcell // the first cell of each merge, as read
}

// sheet reads one sheet; it reports false for a sheet without a header.
func (rd *reader) sheet(s sheetRef) (bool, error) {
	fail := func(row int, err error) (bool, error) {
		return false, &region.ParseError{File: rd.name, Sheet: s.name, Line: row, Err: err}
	}
	merges, err := rd.wb.merges(s)
	if err != nil {
		return fail(0, err)
	}
	rows, err := rd.wb.rows(s)
	if err != nil {
		return fail(0, err)
	}
	defer rows.Close()
	st := &sheetState{name: s.name, dateCol: -1, values: map[[2]int]xcell{}}
	if err := st.setMerges(merges, rd.opt.Limits); err != nil {
		return fail(0, err)
	}
	// The rows down to the header, merged header cells spread over their
	// range.
	var head [][]xcell
	var headNums []int
	hdr := -1
	last := 0 // the last row's number: rows missing in between are blank
	gap := func() {
		for ; last < rows.row-1; last++ {
			rd.data.Count.Rows++
			rd.data.Count.add(SkippedBlank)
		}
		last = rows.row
	}
	for len(head) < headerRows && rows.Next() {
		gap()
		cells := spread(slices.Clone(rows.cells), rows.row, merges)
		head, headNums = append(head, cells), append(headNums, rows.row)
		if isHeader(cells) {
			hdr = len(head) - 1
			break
		}
	}
	if err := rows.Err(); err != nil {
		return fail(rows.row, err)
	}
	if hdr < 0 {
		rd.repair(cell{sheet: s.name}, SkippedSheet, "", "")
		return false, nil
	}
	rd.data.Count.Rows += len(head)
	for i := range hdr {
		rd.title(st, cell{sheet: s.name, row: headNums[i], col: 1}, head[i])
	}
	rd.data.Count.add(SkippedHeader)
	// A second header row under the first names plan and actual columns
	// under the platforms' (merged) names.
	roleRow := hdr
	var pending []xcell // the row after the header, when it is data
	pendingRow := 0
	if rows.Next() {
		gap()
		cells := spread(slices.Clone(rows.cells), rows.row, merges)
		rd.data.Count.Rows++
		if slices.ContainsFunc(cells, func(c xcell) bool { r := roleWords[region.Fold(c.text)]; return r == colPlan || r == colActual }) {
			head, roleRow = append(head, cells), hdr+1
			headNums = append(headNums, rows.row)
			rd.data.Count.add(SkippedHeader)
		} else {
			pending, pendingRow = cells, rows.row
		}
	}
	if err := rows.Err(); err != nil {
		return fail(rows.row, err)
	}
	cols, ok := rd.columns(s.name, head, headNums, hdr, roleRow)
	if !ok {
		return true, nil
	}
	st.cols = cols
	for i, c := range cols {
		if c.role == colDate {
			st.dateCol = i
		}
	}
	if st.dateCol >= 0 {
		st.date = time.Time{} // the rows' dates rule
	} else if !st.date.IsZero() {
		rd.repair(st.dateAt, DateFromTitle, st.dateText, st.date.Format(time.DateOnly))
	}
	if st.dateCol < 0 && st.date.IsZero() && rd.opt.Date.IsZero() {
		rd.bad(cell{sheet: s.name, row: headNums[hdr]}, "", fmt.Errorf("%w: the sheet has no date column (Ngày), no date in its title rows, and no date was given", ErrNoDate))
		return true, nil
	}
	if pending != nil {
		rd.row(st, pendingRow, st.fill(pending, pendingRow))
	}
	for rows.Next() {
		gap()
		rd.data.Count.Rows++
		rd.row(st, rows.row, st.fill(rows.cells, rows.row))
		if rd.errs.Len() >= region.MaxErrors {
			break
		}
	}
	if err := rows.Err(); err != nil {
		return true, &region.ParseError{File: rd.name, Sheet: s.name, Line: rows.row + 1, Err: err}
	}
	return true, nil
}

// isHeader reports whether a row names a unit code or name column beside
// another column.
func isHeader(cells []xcell) bool {
	n, unit := 0, false
	for _, c := range cells {
		if c.kind != cellText {
			continue
		}
		n++
		if r := roleWords[region.Fold(c.text)]; r == colUnit || r == colName {
			unit = true
		}
	}
	return unit && n >= 2
}

// spread gives each cell of a header row inside a merged range the value
// of the range's first cell.
func spread(cells []xcell, row int, merges []mergeRange) []xcell {
	for _, m := range merges {
		if m.r1 > row || m.r2 < row || m.c1 > len(cells) {
			continue
		}
		v := cells[m.c1-1]
		for c := m.c1 + 1; c <= m.c2; c++ {
			for len(cells) < c {
				cells = append(cells, xcell{})
			}
			if cells[c-1].kind == cellBlank {
				cells[c-1] = v
			}
		}
	}
	return cells
}

// setMerges keeps the merges that span rows, for the data rows.
func (st *sheetState) setMerges(merges []mergeRange, lim Limits) error {
	total := 0
	for _, m := range merges {
		if m.r2 > m.r1 {
			st.merges = append(st.merges, m)
			total += m.r2 - m.r1
		}
	}
	if total > lim.Rows*4 {
		return &LimitError{Limit: "Merges", Max: int64(lim.Merges), What: fmt.Sprintf("merged ranges span %d rows together", total)}
	}
	sort.Slice(st.merges, func(i, j int) bool { return st.merges[i].r1 < st.merges[j].r1 })
	return nil
}

// fill gives the cells of a data row under a merged range's first cell
// that cell's value, in the unit, name, district, date and indicator
// columns (never a figure: a figure is counted once).
func (st *sheetState) fill(cells []xcell, row int) []xcell {
	for st.next < len(st.merges) && st.merges[st.next].r1 <= row {
		st.active = append(st.active, st.merges[st.next])
		st.next++
	}
	if len(st.active) == 0 {
		return cells
	}
	keep := st.active[:0]
	for _, m := range st.active {
		if m.r2 < row {
			delete(st.values, [2]int{m.r1, m.c1})
			continue
		}
		keep = append(keep, m)
		if m.r1 == row {
			if m.c1 <= len(cells) {
				st.values[[2]int{m.r1, m.c1}] = cells[m.c1-1]
			}
			continue
		}
		v, ok := st.values[[2]int{m.r1, m.c1}]
		if !ok {
			continue
		}
		for c := m.c1; c <= m.c2 && c <= len(st.cols); c++ {
			if r := st.cols[c-1].role; r == colPlan || r == colActual || r == colSkip {
				continue
			}
			for len(cells) < c {
				cells = append(cells, xcell{})
			}
			if cells[c-1].kind == cellBlank {
				cells[c-1] = v
			}
		}
	}
	st.active = keep
	return cells
}

// titleDate is a date in a title row: "(Số liệu tính đến ngày 30/6/2024)";
// titleWords one in words, folded: "đến ngày 30 tháng 6 năm 2024".
var (
	titleDate  = regexp.MustCompile(`\b\d{1,2}/\d{1,2}/\d{4}\b`)
	titleWords = regexp.MustCompile(`\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b`)
)

// title accounts for a title row above the header, taking the date and
// the unit it names.
func (rd *reader) title(st *sheetState, at cell, cells []xcell) {
	text := rowText(cells)
	if text == "" {
		rd.skip(at, SkippedBlank, "")
		return
	}
	rd.skip(at, SkippedTitle, text)
	for _, c := range cells {
		if c.kind != cellText {
			continue
		}
		dates := titleDate.FindAllString(c.text, -1)
		for _, m := range titleWords.FindAllStringSubmatch(region.Fold(c.text), -1) {
			dates = append(dates, m[1]+"/"+m[2]+"/"+m[3]) // "ngày 30 tháng 6 năm 2024"
		}
		for _, m := range dates {
			t, err := numeral.ParseDayFirst(m)
			if err != nil {
				continue
			}
			if !st.date.IsZero() && !t.Equal(st.date) {
				rd.bad(at, c.text, fmt.Errorf("%w: the title rows give two dates, %s and %s", region.ErrMalformed, st.date.Format(time.DateOnly), t.Format(time.DateOnly)))
				continue
			}
			if st.date.IsZero() {
				st.date, st.dateAt, st.dateText = t, at, m
			}
		}
		if n := titleUnit(c.text); n != "" {
			st.titleUnits = append(st.titleUnits, n)
		}
	}
}

// titleUnit cuts the authority's words from a title cell: "UBND HUYỆN
// CAO LỘC" is "HUYỆN CAO LỘC"; only a cell naming a kind of unit is kept.
func titleUnit(s string) string {
	f := region.Fold(s)
	for _, p := range []string{"ubnd ", "uy ban nhan dan "} {
		f = strings.TrimPrefix(f, p)
	}
	for _, k := range []string{"tinh ", "thanh pho ", "huyen ", "quan ", "thi xa "} {
		if strings.HasPrefix(f, k) {
			return f
		}
	}
	return ""
}

// unitsAbove finds the provinces and districts of h named name.
func unitsAbove(h *region.Hierarchy, name string) []region.Unit {
	if strings.TrimSpace(name) == "" {
		return nil
	}
	var out []region.Unit
	for _, u := range h.Find(name) {
		if l := u.Kind.Level(); l == region.LevelProvince || l == region.LevelDistrict {
			out = append(out, u)
		}
	}
	return out
}

// contextIn returns the units the sheet puts its rows under, on the list
// h: those its name names ("Huyện Cao Lộc", "Cao Lộc"), or else those a
// title row names ("UBND HUYỆN CAO LỘC").
func (st *sheetState) contextIn(h *region.Hierarchy) []region.Unit {
	if st.contextList == h {
		return st.context
	}
	st.contextList, st.context = h, unitsAbove(h, st.name)
	for _, n := range st.titleUnits {
		if len(st.context) > 0 {
			break
		}
		st.context = unitsAbove(h, n)
	}
	return st.context
}

func rowText(cells []xcell) string {
	var parts []string
	for _, c := range cells {
		if t := strings.TrimSpace(c.text); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// columns reads the header: row hdr of head (0-based) names the columns,
// and when roleRow is the row under it, that row names the plan and actual
// columns under the platforms named above them (merged cells spread).
func (rd *reader) columns(s string, head [][]xcell, nums []int, hdr, roleRow int) ([]column, bool) {
	text := func(row []xcell, i int) string {
		if i < len(row) && row[i].kind == cellText {
			return strings.TrimSpace(row[i].text)
		}
		return ""
	}
	width := max(len(head[hdr]), len(head[roleRow]))
	names := make([]string, width)
	groups := make([]string, width)
	for i := range width {
		names[i] = text(head[roleRow], i)
		if roleRow > hdr {
			groups[i] = text(head[hdr], i)
			if names[i] == "" || names[i] == groups[i] {
				names[i], groups[i] = groups[i], "" // a header cell spanning both rows
			}
		} else if hdr > 0 {
			groups[i] = text(head[hdr-1], i) // platforms merged over a one-row header
		}
	}
	var cols []column
	ok := true
	nameCols := 0
	for _, h := range names {
		if roleWords[region.Fold(h)] == colName {
			nameCols++
		}
	}
	for i, h := range names {
		k := region.Fold(h)
		at := cell{sheet: s, row: nums[roleRow], col: i + 1}
		if k == "" {
			cols = append(cols, column{})
			continue
		}
		r, known := roleWords[k]
		group := groups[i]
		if known && r == colName && nameCols > 1 && (k == "ten huyen" || k == "ten tinh") {
			r = colParent // "Tên huyện" beside "Tên xã"
		}
		switch {
		case known && group != "" && (r == colPlan || r == colActual):
			id, found := rd.indicatorID(group)
			if !found {
				gat := cell{sheet: s, row: nums[roleRow] - 1, col: i + 1}
				rd.bad(gat, group, fmt.Errorf("%w %q: not an indicator of the catalogue; %s", ErrColumn, group, rd.closeIndicators(group)))
				ok = false
			}
			cols = append(cols, column{role: r, indicator: id})
		case known:
			cols = append(cols, column{role: r})
		default:
			id, found := rd.indicatorID(h)
			if !found {
				rd.bad(at, h, fmt.Errorf("%w %q: want a unit code, name, district, date, indicator, plan or actual column, or an indicator; %s", ErrColumn, h, rd.closeIndicators(h)))
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
		rd.bad(cell{sheet: s, row: nums[hdr]}, "", fmt.Errorf("%w: a plan or actual column without an indicator column (Nền tảng) or an indicator above it", region.ErrMissingColumn))
		ok = false
	}
	if !long && !has(colPlan, true) && !has(colActual, true) {
		rd.bad(cell{sheet: s, row: nums[hdr]}, "", fmt.Errorf("%w: no plan or actual column", region.ErrMissingColumn))
		ok = false
	}
	return cols, ok
}

// totalWords are the labels of totals rows, folded: a whole label, or its
// first words. "Tổng" and "Cộng" alone are totals, but Xã Cộng Hòa, Xã
// Tổng Cọt and Xã Toàn Thắng are communes.
var totalWords = []string{"tong", "cong", "total", "tong cong", "tong so", "tong cac", "tong hop", "toan tinh", "toan huyen", "toan thi xa", "toan thanh pho", "toan quan", "toan xa", "ca tinh", "ca huyen", "ca nuoc", "ca thanh pho"}

// isTotal reports whether a row's label names a totals row.
func isTotal(label string) bool {
	n := region.Fold(label)
	return slices.ContainsFunc(totalWords, func(w string) bool {
		return n == w || strings.Contains(w, " ") && strings.HasPrefix(n, w+" ")
	})
}

// noteWords begin note rows under a table.
var noteWords = []string{"ghi chu", "chu thich", "luu y", "nguon", "note", "source"}

// signatureWords are in the rows of a signature block.
var signatureWords = []string{"nguoi lap bieu", "nguoi lap", "thu truong", "ky ten", "ky ghi ro ho ten", "ky va ghi ro ho ten", "ky ho ten", "tm ", "kt ", "chu tich", "giam doc", "truong phong", "xac nhan", "nguoi ky"}

// signatureDate is the place and date above a signature: "Lạng Sơn, ngày
// 30 tháng 6 năm 2024".
var signatureDate = regexp.MustCompile(`\bngay \d{1,2} thang \d{1,2} nam \d{4}\b|\bngay thang nam\b`)

// kindOfRow says why a row that is not a unit's is skipped, or 0.
func kindOfRow(cells []xcell, unitText string) RepairKind {
	first := ""
	for _, c := range cells {
		if c.kind == cellText && strings.TrimSpace(c.text) != "" {
			first = region.Fold(c.text)
			break
		}
	}
	if first == "" {
		return 0
	}
	all := region.Fold(rowText(cells))
	if slices.ContainsFunc(noteWords, func(w string) bool { return strings.HasPrefix(first, w+" ") || first == w }) || strings.HasPrefix(strings.TrimSpace(firstText(cells)), "*") {
		return SkippedNote
	}
	if signatureDate.MatchString(all) || slices.ContainsFunc(signatureWords, func(w string) bool {
		return strings.HasPrefix(first+" ", w) || strings.HasPrefix(first, w+" ") || first == strings.TrimSpace(w) || strings.Contains(all, " "+w+" ")
	}) {
		return SkippedSignature
	}
	if isTotal(unitText) {
		return SkippedTotal
	}
	return 0
}

// isFigure reports whether a cell holds a number, or text that reads as
// one ("1.611"): a signature's name in a figure's column is not a figure.
func isFigure(c xcell) bool {
	switch c.kind {
	case cellNumber:
		return true
	case cellText:
		t := strings.TrimSpace(c.text)
		return t != "" && strings.Trim(t, "0123456789.,- ") == ""
	}
	return false
}

func firstText(cells []xcell) string {
	for _, c := range cells {
		if c.kind == cellText && strings.TrimSpace(c.text) != "" {
			return c.text
		}
	}
	return ""
}

// row reads one data row.
func (rd *reader) row(st *sheetState, row int, cells []xcell) {
	s, cols := st.name, st.cols
	at := func(i int) cell { return cell{sheet: s, row: row, col: i + 1} }
	get := func(i int) string {
		if i < len(cells) {
			return strings.TrimSpace(cells[i].text)
		}
		return ""
	}
	if !slices.ContainsFunc(cells, func(c xcell) bool { return c.kind != cellBlank }) {
		rd.skip(at(0), SkippedBlank, "")
		return
	}
	codeCol, nameCol, parentCol, indCol := -1, -1, -1, -1
	figures := false
	for i, c := range cols {
		switch c.role {
		case colUnit:
			codeCol = i
		case colName:
			nameCol = i
		case colParent:
			parentCol = i
		case colIndicator:
			indCol = i
		case colPlan, colActual:
			figures = figures || i < len(cells) && isFigure(cells[i])
		}
	}
	for i, c := range cells {
		if i < len(cols) && cols[i].role == colSkip {
			continue
		}
		switch c.kind {
		case cellFormula:
			rd.bad(at(i), "", ErrFormula)
			return
		case cellError:
			rd.bad(at(i), c.text, fmt.Errorf("%w %s", ErrCellError, c.text))
			return
		}
	}
	codeText, nameText := "", ""
	if codeCol >= 0 {
		codeText = get(codeCol)
	}
	if nameCol >= 0 {
		nameText = get(nameCol)
	}
	unitCol := codeCol
	if unitCol < 0 {
		unitCol = nameCol
	}
	if codeText == "" || codeText[0] < '0' || codeText[0] > '9' {
		label := strings.TrimSpace(nameText + " " + codeText)
		if st.signature && !figures {
			rd.skip(at(0), SkippedSignature, rowText(cells))
			return
		}
		switch k := kindOfRow(cells, label); k {
		case SkippedSignature:
			st.signature = true
			rd.skip(at(0), k, rowText(cells))
			return
		case SkippedNote:
			rd.skip(at(0), k, rowText(cells))
			return
		case SkippedTotal:
			rd.skip(at(unitCol), k, label)
			return
		}
		if nameText == "" && parentCol >= 0 && get(parentCol) != "" && !figures {
			// A row naming only a district heads its communes.
			h := rd.opt.Hierarchy
			if h == nil {
				h = ListFor(rd.rowDate(st))
			}
			if up := unitsAbove(h, get(parentCol)); len(up) > 0 {
				st.section = up
				rd.skip(at(parentCol), SkippedSection, get(parentCol))
				return
			}
		}
		if nameText == "" || nameCol < 0 {
			rd.bad(at(max(codeCol, 0)), codeText, fmt.Errorf("%w: a row without a unit code or name", region.ErrMalformed))
			return
		}
	}
	date := rd.opt.Date
	if !st.date.IsZero() {
		date = st.date
	}
	if st.dateCol >= 0 {
		var ok bool
		if date, ok = rd.date(at(st.dateCol), get(st.dateCol)); !ok {
			return
		}
	}
	listAt := at(unitCol)
	if st.dateCol >= 0 {
		listAt = at(st.dateCol)
	}
	h, ok := rd.list(listAt, date)
	if !ok {
		return
	}
	var unit region.Code
	if codeText != "" {
		if unit, ok = rd.unit(h, at(codeCol), codeText, nameText); !ok {
			return
		}
		if nameText != "" && !rd.nameFits(h, unit, nameText) {
			u, _ := h.Unit(unit)
			rd.bad(at(nameCol), nameText, &NameError{Code: unit, Unit: u, Name: nameText, List: listName(h)})
			return
		}
	} else {
		parent := st.contextIn(h)
		if parentCol >= 0 && get(parentCol) != "" {
			parent = unitsAbove(h, get(parentCol))
			if len(parent) == 0 {
				rd.bad(at(parentCol), get(parentCol), &NameError{Name: get(parentCol), List: listName(h)})
				return
			}
		} else if len(st.section) > 0 {
			parent = st.section
		}
		found := rd.within(h, nameText, parent)
		if len(found) == 1 && !figures && found[0].Kind.Level() != region.LevelCommune && (len(parent) == 0 || found[0].Kind.Level() <= parent[0].Kind.Level()+1) {
			// A row naming a district with no figures heads its communes.
			if rd.isAbove(h, found[0], st) {
				st.section = found
				rd.skip(at(nameCol), SkippedSection, nameText)
				return
			}
		}
		if len(found) != 1 {
			rd.bad(at(nameCol), nameText, &NameError{Name: nameText, List: listName(h), Candidates: rd.candidates(h, nameText, found), Within: parent, Several: len(found) > 1})
			return
		}
		unit = found[0].Code
	}
	if !figures {
		rd.skip(at(unitCol), SkippedNoFigures, strings.TrimSpace(codeText+" "+nameText))
		return
	}
	ind := ""
	if indCol >= 0 {
		t := get(indCol)
		id, found := rd.indicatorID(t)
		if !found {
			rd.bad(at(indCol), t, fmt.Errorf("%w %q; %s", indicator.ErrUnknownIndicator, t, rd.closeIndicators(t)))
			return
		}
		ind = id
	}
	rd.data.Count.Data++
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
		n, ok := rd.count(at(i), v, cells[i].kind == cellText)
		if !ok {
			continue
		}
		key := seenKey{id, unit, date, c.role == colPlan}
		if prev, dup := rd.seen[key]; dup {
			// One rule with the CSV and JSON readers: a figure given twice
			// is an error naming both places, ErrConflict when the two
			// differ (which wraps ErrDuplicate).
			sentinel := region.ErrDuplicate
			if prev.n != n {
				sentinel = region.ErrConflict
			}
			rd.bad(at(i), v, fmt.Errorf("%s of %s for %s %w (first at %s)", roleName(c.role), id, unit, sentinel, cellName(prev.at)))
			continue
		}
		rd.seen[key] = seenAt{at(i), n}
		rd.units[unit], rd.inds[id] = true, true
		if c.role == colPlan {
			rd.data.Targets = append(rd.data.Targets, target.Target{Indicator: id, Unit: unit, Value: target.Count(n), Source: rd.name})
		} else {
			rd.data.Observations = append(rd.data.Observations, indicator.Observation{Indicator: id, Unit: unit, Date: date, Value: n})
		}
	}
}

// rowDate is the date of a row without a date column.
func (rd *reader) rowDate(st *sheetState) time.Time {
	if !st.date.IsZero() {
		return st.date
	}
	return rd.opt.Date
}

// isAbove reports whether u is a unit that heads others in this sheet: a
// district or province, not the one the sheet is about already.
func (rd *reader) isAbove(h *region.Hierarchy, u region.Unit, st *sheetState) bool {
	return len(h.Children(u.Code)) > 0 && !slices.ContainsFunc(st.contextIn(h), func(c region.Unit) bool { return c.Code == u.Code })
}

// list returns the list a row dated date is read on: Options.Hierarchy,
// or the list in force on the date, the same for every row.
func (rd *reader) list(at cell, date time.Time) (*region.Hierarchy, bool) {
	if rd.opt.Hierarchy != nil {
		return rd.opt.Hierarchy, true
	}
	h := ListFor(date)
	if rd.data.Hierarchy == nil {
		rd.data.Hierarchy, rd.first = h, at
		return h, true
	}
	if rd.data.Hierarchy != h {
		rd.bad(at, date.Format(time.DateOnly), fmt.Errorf("%w (this row %s, the first at %s on the %s list): read them on one list and carry the old units onto the new ones through region.Reorganisation2025", ErrTwoLists, date.Format(time.DateOnly), cellName(rd.first), listName(rd.data.Hierarchy)))
		return nil, false
	}
	return h, true
}

// listName is "2024" or "2025" for the built-in lists.
func listName(h *region.Hierarchy) string {
	switch h {
	case region.Vietnam2024():
		return "2024"
	case region.Vietnam2025():
		return "2025"
	}
	return "given"
}

// nameFits reports whether name names the unit code (region's Find, with
// or without its kind word and ancestors).
func (rd *reader) nameFits(h *region.Hierarchy, code region.Code, name string) bool {
	return slices.ContainsFunc(h.Find(name), func(u region.Unit) bool { return u.Code == code })
}

// within returns the units named name under one of parents (all units
// named name when parents is empty).
func (rd *reader) within(h *region.Hierarchy, name string, parents []region.Unit) []region.Unit {
	found := h.Find(name)
	if len(parents) == 0 {
		return found
	}
	var out []region.Unit
	for _, u := range found {
		for _, p := range h.Path(u.Code) {
			if p.Code != u.Code && slices.ContainsFunc(parents, func(q region.Unit) bool { return q.Code == p.Code }) {
				out = append(out, u)
				break
			}
		}
	}
	return out
}

// candidates are the units an unresolved name could be: those found, or
// else those found nationwide.
func (rd *reader) candidates(h *region.Hierarchy, name string, found []region.Unit) []string {
	if len(found) == 0 {
		found = h.Find(name)
	}
	var out []string
	for i, u := range found {
		if i == 8 {
			out = append(out, fmt.Sprintf("… +%d", len(found)-i))
			break
		}
		out = append(out, u.Code.String()+" "+u.FullName()+pathText(h, u))
	}
	return out
}

func pathText(h *region.Hierarchy, u region.Unit) string {
	var names []string
	p := h.Path(u.Code)
	for i := len(p) - 2; i >= 0; i-- {
		if p[i].Kind.Level() != region.LevelNation {
			names = append(names, p[i].FullName())
		}
	}
	if len(names) == 0 {
		return ""
	}
	return " (" + strings.Join(names, ", ") + ")"
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
func (rd *reader) unit(h *region.Hierarchy, at cell, text, name string) (region.Code, bool) {
	text = strings.TrimSuffix(text, ".0") // a code stored as a number
	if c, err := region.ParseCode(text); err == nil {
		if _, ok := h.Unit(c); ok {
			return c, true
		}
		rd.bad(at, text, fmt.Errorf("%w %s in the %s list", region.ErrUnknownUnit, c, listName(h)))
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
func (rd *reader) count(at cell, v string, text bool) (int64, bool) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			rd.bad(at, v, fmt.Errorf("%w %d", region.ErrNegative, n))
			return 0, false
		}
		return n, true
	}
	if n, err := numeral.ParseCount(v, true); err == nil && strings.Contains(v, ".") && text {
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

// date reads an Excel date (a serial number), an ISO date or dd/mm/yyyy
// text.
func (rd *reader) date(at cell, v string) (time.Time, bool) {
	if v == "" {
		rd.bad(at, v, fmt.Errorf("%w: no date", region.ErrMalformed))
		return time.Time{}, false
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil && x >= 1 && x < 2958466 && x == math.Trunc(x) {
		t, err := excelize.ExcelDateToTime(x, rd.wb.date1904)
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
