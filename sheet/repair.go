package sheet

import (
	"fmt"
	"strings"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// RepairKind is what [Read] repaired or skipped.
type RepairKind uint8

// The repairs, and the reasons a row is not read as a unit's figures.
const (
	RepairedCode     RepairKind = iota + 1 // a code that lost its leading zeros, confirmed by the row's name
	RepairedCount                          // a count typed as text with "." grouping thousands
	RepairedDate                           // a date typed as dd/mm/yyyy text
	SkippedTotal                           // a totals row, not read as a unit
	SkippedSheet                           // a sheet without a header row
	SkippedTitle                           // a title row above the header
	SkippedHeader                          // a header row (counted, not reported one by one)
	SkippedNote                            // a note under the table: "Ghi chú: …"
	SkippedSignature                       // a signature block: "NGƯỜI LẬP BIỂU", names, the date and place
	SkippedBlank                           // a row with no value (counted, not reported one by one)
	SkippedSection                         // a row naming a district (no figures) above its communes
	SkippedNoFigures                       // a unit's row with no figure
	DateFromTitle                          // the date of a sheet, read from a title row
	kinds
)

// Repair is one change [Read] made to what a cell says, or one row or
// sheet it did not read, and why.
type Repair struct {
	Kind        RepairKind
	Sheet       string
	Row, Column int    // 1-based; 0 for a whole sheet
	From, To    string // the cell as typed and as read
}

var repairText = [kinds]numeral.Words{
	{},
	{Vi: "mã %q mất số 0 ở đầu, tên đơn vị cùng dòng xác nhận là %s", En: "code %q lost its leading zeros; the row's name confirms %s"},
	{Vi: "số %q nhập dạng chữ, đọc là %s", En: "count %q typed as text, read as %s"},
	{Vi: "ngày %q nhập dạng chữ, đọc là %s", En: "date %q typed as text, read as %s"},
	{Vi: "dòng tổng %q không đọc như một đơn vị%.0s", En: "totals row %q not read as a unit%.0s"},
	{Vi: "trang không có dòng tiêu đề, bỏ qua%.0s%.0s", En: "sheet without a header row, skipped%.0s%.0s"},
	{Vi: "dòng tiêu đề %q, bỏ qua%.0s", En: "title row %q skipped%.0s"},
	{Vi: "dòng tên cột %q%.0s", En: "header row %q%.0s"},
	{Vi: "dòng ghi chú %q, bỏ qua%.0s", En: "note row %q skipped%.0s"},
	{Vi: "dòng chữ ký %q, bỏ qua%.0s", En: "signature row %q skipped%.0s"},
	{Vi: "dòng trống%.0s%.0s", En: "blank row%.0s%.0s"},
	{Vi: "dòng %q đứng đầu các đơn vị bên dưới, bỏ qua%.0s", En: "row %q heads the units under it, skipped%.0s"},
	{Vi: "dòng của %q không có số liệu%.0s", En: "row of %q has no figure%.0s"},
	{Vi: "ngày của trang lấy từ dòng tiêu đề: %q, tức %s", En: "the sheet's date read from a title row: %q, that is %s"},
}

// skipName names each reason a row is skipped, in the one-line count.
var skipName = [kinds]numeral.Words{
	SkippedTotal:     {Vi: "dòng tổng", En: "totals"},
	SkippedTitle:     {Vi: "dòng tiêu đề", En: "title"},
	SkippedHeader:    {Vi: "dòng tên cột", En: "header"},
	SkippedNote:      {Vi: "ghi chú", En: "notes"},
	SkippedSignature: {Vi: "chữ ký", En: "signature"},
	SkippedBlank:     {Vi: "dòng trống", En: "blank"},
	SkippedSection:   {Vi: "dòng đầu mục", En: "section"},
	SkippedNoFigures: {Vi: "không có số liệu", En: "without figures"},
}

// Text says what was repaired, where, in lang.
func (r Repair) Text(lang numeral.Language) string {
	where := r.Sheet
	if r.Row > 0 {
		where = fmt.Sprintf("%s!%s%d", r.Sheet, errlist.ColumnName(max(r.Column, 1)), r.Row)
	}
	if r.Kind >= kinds || r.Kind == 0 {
		return fmt.Sprintf("%s: RepairKind(%d)", where, r.Kind)
	}
	return where + ": " + fmt.Sprintf(repairText[r.Kind].In(lang), r.From, r.To)
}

// String is the repair in Vietnamese.
func (r Repair) String() string { return r.Text(numeral.Vietnamese) }

// Count accounts for every row of the sheets [Read] read: Rows is Data
// plus every row skipped, by reason.
type Count struct {
	Rows       int // every row of the sheets read, header and title rows included
	Data       int // rows read as a unit's figures
	Skipped    map[RepairKind]int
	Units      int // the units with a figure
	Indicators int // the indicators with a figure
}

func (c *Count) add(k RepairKind) {
	if c.Skipped == nil {
		c.Skipped = map[RepairKind]int{}
	}
	c.Skipped[k]++
}

// Text is the count as one line: "12 dòng: 7 dòng số liệu; bỏ qua 2 dòng
// tiêu đề, 1 dòng tổng; 7 đơn vị, 2 chỉ tiêu".
func (c Count) Text(lang numeral.Language) string {
	var skipped []string
	for _, k := range []RepairKind{SkippedTitle, SkippedHeader, SkippedSection, SkippedTotal, SkippedNoFigures, SkippedNote, SkippedSignature, SkippedBlank} {
		if n := c.Skipped[k]; n > 0 {
			skipped = append(skipped, numeral.FormatInt(int64(n), lang)+" "+skipName[k].In(lang))
		}
	}
	f := func(n int) string { return numeral.FormatInt(int64(n), lang) }
	w := numeral.Words{Vi: "%s dòng: %s dòng số liệu; bỏ qua %s; %s đơn vị, %s chỉ tiêu", En: "%s rows: %s of data; skipped %s; %s units, %s indicators"}
	none := numeral.Words{Vi: "không dòng nào", En: "none"}
	s := strings.Join(skipped, ", ")
	if s == "" {
		s = none.In(lang)
	}
	return fmt.Sprintf(w.In(lang), f(c.Rows), f(c.Data), s, f(c.Units), f(c.Indicators))
}

// NameError is a unit's name that does not fit: not the name of the code
// in the same row, or a name that fits no unit or several where the
// workbook puts it. It wraps ErrName.
type NameError struct {
	Name       string        // the name in the cell
	Code       region.Code   // the row's code, when the name does not fit it
	Unit       region.Unit   // the code's unit
	List       string        // the list of units: "2024", "2025"
	Within     []region.Unit // the units the workbook puts the name under
	Candidates []string      // the units the name could be, "06619 xã Bắc Xa (huyện Cao Lộc, tỉnh Lạng Sơn)"
	Several    bool          // the name fits several units where the workbook puts it
}

// Error is Text in English, as Go's errors are.
func (e *NameError) Error() string { return e.Text(numeral.English) }

// Unwrap returns ErrName.
func (e *NameError) Unwrap() error { return ErrName }

// Text says what does not fit, in lang.
func (e *NameError) Text(lang numeral.Language) string {
	if e.Code.IsValid() {
		w := numeral.Words{Vi: "%s là %s trong danh sách %s, không phải %s", En: "%s is %s in the %s list, not %s"}
		return fmt.Sprintf(w.In(lang), e.Code, e.Unit.FullName(), e.List, e.Name)
	}
	where := ""
	if len(e.Within) > 0 {
		var names []string
		for _, u := range e.Within {
			names = append(names, u.FullName())
		}
		in := numeral.Words{Vi: " thuộc %s", En: " under %s"}
		where = fmt.Sprintf(in.In(lang), strings.Join(names, ", "))
	}
	switch len(e.Candidates) {
	case 0:
		w := numeral.Words{Vi: "không có đơn vị tên %q%s trong danh sách %s", En: "no unit named %q%s in the %s list"}
		return fmt.Sprintf(w.In(lang), e.Name, where, e.List)
	}
	cands := strings.Join(e.Candidates, "; ")
	if len(e.Within) > 0 && !e.Several {
		w := numeral.Words{Vi: "không có đơn vị tên %q%s trong danh sách %s; nơi khác có: %s", En: "no unit named %q%s in the %s list; elsewhere: %s"}
		return fmt.Sprintf(w.In(lang), e.Name, where, e.List, cands)
	}
	w := numeral.Words{Vi: "tên %q%s chỉ nhiều đơn vị trong danh sách %s: %s; thêm cột mã, cột huyện, hoặc đặt tên trang theo huyện", En: "%q%s names several units in the %s list: %s; add a code column or a district column, or name the sheet after the district"}
	return fmt.Sprintf(w.In(lang), e.Name, where, e.List, cands)
}
