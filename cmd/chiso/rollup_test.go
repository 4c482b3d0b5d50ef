package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/chiso-vn/chiso/internal/golden"
)

// sheetSpec is one sheet of a test workbook: rows from A1 and merged
// ranges.
type sheetSpec struct {
	name   string
	rows   [][]any
	merges [][2]string
}

// writeBook writes a workbook of sheets into dir and returns its path.
func writeBook(t *testing.T, dir, name string, sheets []sheetSpec) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			if len(row) == 0 {
				continue
			}
			if err := f.SetSheetRow(s.name, "A"+strconv.Itoa(r+1), &row); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := filepath.Join(dir, name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// districtSheets are a province's progress workbook as offices make it:
// one sheet per district; in Cao Lộc's, names only under a title naming
// the district and a title row giving the date, a two-row merged header
// with the platforms as the offices write them, a totals row, a note and
// a signature block; in Đình Lập's, codes and names (one code that lost
// its leading zero), the district given by the sheet's name.
func districtSheets(extra ...[]any) []sheetSpec {
	caoLoc := sheetSpec{name: "Huyện Cao Lộc", rows: [][]any{
		{"UBND HUYỆN CAO LỘC"},
		{"BÁO CÁO TIẾN ĐỘ PHÁT TRIỂN NỀN TẢNG SỐ"},
		{"(Số liệu tính đến ngày 30/6/2024)"},
		{"STT", "Tên đơn vị", "VNeID mức 2", nil, "Thanh toán điện tử", nil},
		{nil, nil, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện"},
		{1, "Thị trấn Cao Lộc", 1000, 800, 500, 450},
		{2, "Xã Bảo Lâm", 400, 410, 200, 150},
		{3, "Cao Lâu", 300, 120, 100, "90"},
		{nil, "Tổng cộng", 1700, 1330, 800, 690},
		{"Ghi chú: số liệu do các xã tự báo cáo, chưa kiểm tra."},
		{},
		{nil, nil, nil, "Cao Lộc, ngày 30 tháng 6 năm 2024"},
		{nil, "NGƯỜI LẬP BIỂU", nil, "CHỦ TỊCH"},
		{nil, "(ký, ghi rõ họ tên)", nil, "(ký tên, đóng dấu)"},
		{},
		{nil, "Nguyễn Văn An", nil, "Trần Thị Bình"},
	}, merges: [][2]string{{"A4", "A5"}, {"B4", "B5"}, {"C4", "D4"}, {"E4", "F4"}}}
	dinhLap := sheetSpec{name: "Đình Lập", rows: [][]any{
		{"UBND TỈNH LẠNG SƠN"},
		{"Số liệu tính đến ngày 30/6/2024"},
		{"STT", "Mã xã", "Tên xã", "VNeID mức 2", nil, "Thanh toán điện tử", nil},
		{nil, nil, nil, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện"},
		{1, "06613", "Thị trấn Đình Lập", 900, 700, 300, 310},
		{2, 6619, "xã Bắc Xa", 200, 150, 100, 40},
	}, merges: [][2]string{{"D3", "E3"}, {"F3", "G3"}}}
	dinhLap.rows = append(dinhLap.rows, extra...)
	dinhLap.rows = append(dinhLap.rows, []any{nil, nil, "Toàn huyện", 1100, 850, 400, 350}, []any{nil, "Người lập biểu"})
	return []sheetSpec{caoLoc, dinhLap}
}

// TestRollupShapes: a workbook with every shape rolls up with every data
// row counted in the province's total, and says what it skipped.
func TestRollupShapes(t *testing.T) {
	dir := t.TempDir()
	book := writeBook(t, dir, "tien-do-huyen.xlsx", districtSheets())
	t.Chdir(dir)
	out, errs, code := chiso(t, "", "rollup", "--actuals", "tien-do-huyen.xlsx")
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	// Every data row is in the province's total: 800+410+120+700+150
	// VNeID accounts, 450+150+90+310+40 payment accounts.
	for _, want := range []string{"| 1 | tỉnh Lạng Sơn | 2.180 | 2.800 | 78% |", "| 1 | tỉnh Lạng Sơn | 1.040 | 1.200 | 87% |"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "tien-do-huyen.xlsx: 24 dòng: 5 dòng số liệu; bỏ qua 5 dòng tiêu đề, 4 dòng tên cột, 2 dòng tổng, 1 ghi chú, 5 chữ ký, 2 dòng trống; 5 đơn vị, 2 chỉ tiêu") {
		t.Errorf("no count of the rows:\n%s", errs)
	}
	golden.Check(t, filepath.Join(testdataDir, "rollup-shapes.golden"), []byte(out+stderrSection(errs)))
	_ = book
}

// TestRollupMismatch: a row whose name is not its code's unit is an
// error at the name's cell, exit status 2, and nothing is written.
func TestRollupMismatch(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "sai-ten.xlsx", districtSheets([]any{3, "06211", "Xã Cao Lộc", 100, 90, 50, 40}))
	t.Chdir(dir)
	out, errs, code := chiso(t, "", "rollup", "--actuals", "sai-ten.xlsx")
	want := "chiso rollup: sai-ten.xlsx, trang Đình Lập, ô C7: 06211 là xã Lộc Yên trong danh sách 2024, không phải Xã Cao Lộc\n"
	if code != exitUsage || out != "" || !strings.Contains(errs, want) {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errs)
	}
	_, errs, _ = chiso(t, "", "rollup", "--lang", "en", "--actuals", "sai-ten.xlsx")
	if !strings.Contains(errs, "sheet Đình Lập, cell C7: 06211 is xã Lộc Yên in the 2024 list, not Xã Cao Lộc") {
		t.Errorf("English:\n%s", errs)
	}
}

// TestRollupAmbiguousName: a name that fits several units where the
// workbook puts it is an error listing them; one that fits none names
// where it looked.
func TestRollupAmbiguousName(t *testing.T) {
	dir := t.TempDir()
	writeBook(t, dir, "ten.xlsx", []sheetSpec{{name: "Xã", rows: [][]any{
		{"Tên đơn vị", "Thực hiện", "Nền tảng"},
		{"Xã Hòa Bình", 5, "tmdt"},
	}}})
	t.Chdir(dir)
	_, errs, code := chiso(t, "", "rollup", "--actuals", "ten.xlsx", "--plans", "-", "--as-of", "2024-06-30")
	if code != exitUsage || !strings.Contains(errs, `ô A2: tên "Xã Hòa Bình" chỉ nhiều đơn vị trong danh sách 2024`) || !strings.Contains(errs, "30676 xã Hòa Bình (huyện Chợ Mới, tỉnh An Giang)") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}

// testdataDir is the package's testdata, from any working directory.
var testdataDir = func() string {
	wd, _ := os.Getwd()
	return filepath.Join(wd, "testdata")
}()

// TestRollupList: a CSV file is read on the list in force on its dates; a
// file whose codes are units of both lists and whose dates reach
// 2025-07-01 is an error naming --list, never a silent pick.
func TestRollupList(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	plans := write("plans.csv", "unit,indicator,plan\n06211,tmdt,10\n")
	both := write("both.csv", "unit,indicator,date,value\n06211,tmdt,2024-06-30,1\n06211,tmdt,2025-09-30,2\n")
	if _, errs, code := chiso(t, "", "rollup", "--actuals", both, "--plans", plans); code != exitUsage || !strings.Contains(errs, "--list 2025") {
		t.Errorf("both lists: exit %d %s", code, errs)
	}
	out, errs, code := chiso(t, "", "rollup", "--actuals", both, "--plans", plans, "--list", "2025", "--level", "xa")
	if code != exitOK || !strings.Contains(out, "| 1 | xã Cao Lộc | 2 | 10 | 20% |") {
		t.Errorf("--list 2025: exit %d\n%s%s", code, out, errs)
	}
	new := write("new.csv", "unit,indicator,date,value\n06625,tmdt,2025-09-30,3\n")
	plans25 := write("plans25.csv", "unit,indicator,plan\n06625,tmdt,10\n")
	if out, errs, code := chiso(t, "", "rollup", "--actuals", new, "--plans", plans25, "--level", "xa"); code != exitOK || !strings.Contains(out, "xã Kiên Mộc | 3 | 10 | 30%") {
		t.Errorf("2025 codes: exit %d\n%s%s", code, out, errs)
	}
}
