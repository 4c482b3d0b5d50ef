package sheet

import (
	"fmt"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
)

// RepairKind is what [Read] repaired or skipped.
type RepairKind uint8

// The repairs.
const (
	RepairedCode  RepairKind = iota + 1 // a code that lost its leading zeros, confirmed by the row's name
	RepairedCount                       // a count typed as text with "." grouping thousands
	RepairedDate                        // a date typed as dd/mm/yyyy text
	SkippedTotal                        // a totals row, not read as a unit
	SkippedSheet                        // a sheet without a header row
)

// Repair is one change [Read] made to what a cell says, or one row or
// sheet it did not read, and why.
type Repair struct {
	Kind        RepairKind
	Sheet       string
	Row, Column int    // 1-based; 0 for a whole sheet
	From, To    string // the cell as typed and as read
}

var repairText = [...]numeral.Words{
	{},
	{Vi: "mã %q mất số 0 ở đầu, tên đơn vị cùng dòng xác nhận là %s", En: "code %q lost its leading zeros; the row's name confirms %s"},
	{Vi: "số %q nhập dạng chữ, đọc là %s", En: "count %q typed as text, read as %s"},
	{Vi: "ngày %q nhập dạng chữ, đọc là %s", En: "date %q typed as text, read as %s"},
	{Vi: "dòng tổng %q không đọc như một đơn vị%.0s", En: "totals row %q not read as a unit%.0s"},
	{Vi: "trang không có dòng tiêu đề, bỏ qua%.0s%.0s", En: "sheet without a header row, skipped%.0s%.0s"},
}

// Text says what was repaired, where, in lang.
func (r Repair) Text(lang numeral.Language) string {
	where := r.Sheet
	if r.Row > 0 {
		where = fmt.Sprintf("%s!%s%d", r.Sheet, errlist.ColumnName(r.Column), r.Row)
	}
	if int(r.Kind) >= len(repairText) || r.Kind == 0 {
		return fmt.Sprintf("%s: RepairKind(%d)", where, r.Kind)
	}
	return where + ": " + fmt.Sprintf(repairText[r.Kind].In(lang), r.From, r.To)
}

// String is the repair in Vietnamese.
func (r Repair) String() string { return r.Text(numeral.Vietnamese) }
