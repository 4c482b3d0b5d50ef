package sheet

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// book builds a workbook: each sheet's rows from A1, cells as given (a
// string is a text cell, a number a number cell), and merged ranges.
type book struct {
	sheets []string
	rows   map[string][][]any
	merges map[string][][2]string
}

func (b book) bytes(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		for r, row := range b.rows[s] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			row = slices.Clone(row)
			var formulas []int
			for i, v := range row {
				if _, ok := v.(formula); ok {
					formulas, row[i] = append(formulas, i), nil
				}
			}
			if err := f.SetSheetRow(s, cell, &row); err != nil {
				t.Fatal(err)
			}
			for _, i := range formulas {
				name, _ := excelize.CoordinatesToCellName(i+1, r+1)
				if err := f.SetCellFormula(s, name, string(b.rows[s][r][i].(formula))); err != nil {
					t.Fatal(err)
				}
			}
		}
		for _, m := range b.merges[s] {
			if err := f.MergeCell(s, m[0], m[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// formula is a cell with a formula and no cached value.
type formula string

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// progressReport is shaped like a provincial progress report: title rows,
// a merged header naming each platform over its plan and actual, codes
// typed as numbers (their leading zeros lost), a count typed as text, and a
// totals row.
func progressReport() book {
	s := "Tiến độ"
	return book{
		sheets: []string{"Ghi chú", s},
		rows: map[string][][]any{
			"Ghi chú": {{"Số liệu do các xã báo cáo."}},
			s: {
				{"UBND TỈNH LẠNG SƠN"},
				{"BÁO CÁO TIẾN ĐỘ PHÁT TRIỂN NỀN TẢNG SỐ, ĐẾN NGÀY 30/6/2024"},
				{},
				{"STT", "Mã xã", "Tên đơn vị", "Ngày", "Ứng dụng thanh toán điện tử", nil, "Tài khoản mua trên sàn thương mại điện tử", nil, "Ghi chú"},
				{nil, nil, nil, nil, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện", nil},
				{1, 6619, "xã Bắc Xa", 45473, 700, 2120, 300, "1.611", ""},
				{2, "06187", "thị trấn Cao Lộc", "30/06/2024", 1500, 1200, 800, 400, "báo cáo muộn"},
				{nil, nil, "Tổng cộng", nil, 2200, 3320, 1100, 2011, nil},
			},
		},
		merges: map[string][][2]string{s: {{"E4", "F4"}, {"G4", "H4"}}},
	}
}

func TestReadProgressReport(t *testing.T) {
	d, err := Read(bytes.NewReader(progressReport().bytes(t)), "tiendo.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	bacXa, caoLoc := region.MustParseCode("06619"), region.MustParseCode("06187")
	june30 := day(2024, 6, 30)
	wantObs := []indicator.Observation{
		{Indicator: "thanh_toan_dt", Unit: bacXa, Date: june30, Value: 2120},
		{Indicator: "tmdt", Unit: bacXa, Date: june30, Value: 1611},
		{Indicator: "thanh_toan_dt", Unit: caoLoc, Date: june30, Value: 1200},
		{Indicator: "tmdt", Unit: caoLoc, Date: june30, Value: 400},
	}
	if len(d.Observations) != len(wantObs) {
		t.Fatalf("observations: %+v", d.Observations)
	}
	for i, o := range d.Observations {
		if o != wantObs[i] {
			t.Errorf("observation %d = %+v, want %+v", i, o, wantObs[i])
		}
	}
	if len(d.Targets) != 4 || d.Targets[0] != (target.Target{Indicator: "thanh_toan_dt", Unit: bacXa, Value: target.Count(700), Source: "tiendo.xlsx"}) {
		t.Errorf("targets: %+v", d.Targets)
	}
	var repairs []string
	for _, r := range d.Repairs {
		repairs = append(repairs, r.String())
	}
	want := []string{
		"Ghi chú: trang không có dòng tiêu đề, bỏ qua",
		`Tiến độ!A1: dòng tiêu đề "UBND TỈNH LẠNG SƠN", bỏ qua`,
		`Tiến độ!A2: dòng tiêu đề "BÁO CÁO TIẾN ĐỘ PHÁT TRIỂN NỀN TẢNG SỐ, ĐẾN N… (78 bytes)", bỏ qua`,
		`Tiến độ!B6: mã "6619" mất số 0 ở đầu, tên đơn vị cùng dòng xác nhận là 06619`,
		`Tiến độ!H6: số "1.611" nhập dạng chữ, đọc là 1611`,
		`Tiến độ!D7: ngày "30/06/2024" nhập dạng chữ, đọc là 2024-06-30`,
		`Tiến độ!B8: dòng tổng "Tổng cộng" không đọc như một đơn vị`,
	}
	if strings.Join(repairs, "\n") != strings.Join(want, "\n") {
		t.Errorf("repairs:\n%s\nwant:\n%s", strings.Join(repairs, "\n"), strings.Join(want, "\n"))
	}
}

// TestReadLong reads the long layout with English headers and a date given
// by the caller.
func TestReadLong(t *testing.T) {
	b := book{sheets: []string{"data"}, rows: map[string][][]any{"data": {
		{"unit", "indicator", "plan", "actual"},
		{"20", "thanh_toan_dt", 150000, 256620},
		{"20", "tài khoản mua trên sàn thương mại điện tử", nil, 267600},
	}}}
	d, err := Read(bytes.NewReader(b.bytes(t)), "long.xlsx", Options{Date: day(2024, 12, 31)})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Observations) != 2 || d.Observations[1].Indicator != "tmdt" || len(d.Targets) != 1 || len(d.Repairs) != 0 {
		t.Errorf("data: %+v", d)
	}
}

// TestReadErrors: each bad cell is an error at its sheet and cell, with
// the sentinel of its kind.
func TestReadErrors(t *testing.T) {
	head := []any{"Mã xã", "Tên đơn vị", "Ngày", "Thực hiện", "Nền tảng"}
	for _, tt := range []struct {
		name string
		row  []any
		head []any
		want error
		at   string
	}{
		{"unconfirmed code", []any{6619, "xã Khác", "2024-06-30", 5, "tmdt"}, head, region.ErrMalformed, "cell A2: "},
		{"unknown unit", []any{"99999", "", "2024-06-30", 5, "tmdt"}, head, region.ErrUnknownUnit, "cell A2"},
		{"negative", []any{"06619", "", "2024-06-30", -5, "tmdt"}, head, region.ErrNegative, "cell D2"},
		{"decimal comma", []any{"06619", "", "2024-06-30", "1,611", "tmdt"}, head, region.ErrMalformed, "cell D2"},
		{"a number with a fraction", []any{"06619", "", "2024-06-30", 1.611, "tmdt"}, head, region.ErrMalformed, "cell D2"},
		{"bad date", []any{"06619", "", "31/02/2024", 5, "tmdt"}, head, region.ErrMalformed, "cell C2"},
		{"unknown indicator", []any{"06619", "", "2024-06-30", 5, "zalo"}, head, indicator.ErrUnknownIndicator, "cell E2"},
		{"unknown column", []any{"06619", "", "2024-06-30", 5, "tmdt"}, []any{"Mã xã", "Tên đơn vị", "Ngày", "Thực hiện", "Nền tảng", "Số hộ"}, ErrColumn, "cell F1"},
		{"no unit", []any{nil, nil, "2024-06-30", 5, "tmdt"}, head, region.ErrMalformed, "cell A2"},
		{"unknown name", []any{nil, "xã Không Có", "2024-06-30", 5, "tmdt"}, head, ErrName, "cell B2"},
		{"name of another unit", []any{"06619", "xã Hòa Cư", "2024-06-30", 5, "tmdt"}, head, ErrName, "cell B2"},
		{"formula without a value", []any{"06619", "", "2024-06-30", formula("1+1"), "tmdt"}, head, ErrFormula, "cell D2"},
	} {
		b := book{sheets: []string{"Xã"}, rows: map[string][][]any{"Xã": {tt.head, tt.row}}}
		_, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{})
		var pe *region.ParseError
		if !errors.Is(err, tt.want) || !errors.As(err, &pe) || pe.Sheet != "Xã" || !strings.Contains(err.Error(), "sheet Xã, "+tt.at) {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
	// The hint names the unit the code could be.
	b := book{sheets: []string{"Xã"}, rows: map[string][][]any{"Xã": {head, {6619, "", "2024-06-30", 5, "tmdt"}}}}
	if _, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{}); err == nil || !strings.Contains(err.Error(), "did you mean 06619 xã Bắc Xa?") {
		t.Errorf("hint: %v", err)
	}
	// A duplicate names the first cell.
	b = book{sheets: []string{"Xã"}, rows: map[string][][]any{"Xã": {head, {"06619", "", "2024-06-30", 5, "tmdt"}, {"06619", "", "2024-06-30", 6, "tmdt"}}}}
	if _, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{}); !errors.Is(err, region.ErrDuplicate) || !strings.Contains(err.Error(), "first at Xã!D2") {
		t.Errorf("duplicate: %v", err)
	}
	// Different values are a conflict; the same value twice is still a
	// duplicate, as the CSV and JSON readers say.
	if _, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{}); !errors.Is(err, region.ErrConflict) {
		t.Errorf("conflict: %v", err)
	}
	b = book{sheets: []string{"Xã"}, rows: map[string][][]any{"Xã": {head, {"06619", "", "2024-06-30", 5, "tmdt"}, {"06619", "", "2024-06-30", 5, "tmdt"}}}}
	if _, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{}); !errors.Is(err, region.ErrDuplicate) || errors.Is(err, region.ErrConflict) {
		t.Errorf("identical duplicate: %v", err)
	}
	// An unknown column names the close ones.
	b = book{sheets: []string{"Xã"}, rows: map[string][][]any{"Xã": {{"Mã xã", "VNeID mức 3"}, {"06619", 5}}}}
	if _, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{Date: day(2024, 6, 30)}); !errors.Is(err, ErrColumn) || !strings.Contains(err.Error(), "close names: vneid_l2 (tài khoản định danh điện tử VNeID mức 2)") {
		t.Errorf("unknown column: %v", err)
	}
	// Rows on both sides of 2025-07-01 are on two lists: an error.
	b = book{sheets: []string{"Xã"}, rows: map[string][][]any{"Xã": {{"Mã", "Ngày", "tmdt"}, {"20", "2025-06-30", 5}, {"20", "2025-09-30", 6}}}}
	if _, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{}); !errors.Is(err, ErrTwoLists) || !strings.Contains(err.Error(), "cell B3") {
		t.Errorf("two lists: %v", err)
	}
	if d, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{Hierarchy: region.Vietnam2024()}); err != nil || len(d.Observations) != 2 {
		t.Errorf("one list given: %v", err)
	}
	if _, err := Read(strings.NewReader("unit,indicator\n"), "x.csv", Options{}); err == nil {
		t.Error("a CSV read as a workbook")
	}
}

// TestWriteRollup writes a roll-up and reads it back with excelize.
func TestWriteRollup(t *testing.T) {
	d, err := Read(bytes.NewReader(progressReport().bytes(t)), "tiendo.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := region.Vietnam2024()
	b := indicator.NewBuilder(h, indicator.Standard(), "tiendo.xlsx")
	for _, o := range d.Observations {
		if err := b.Add(o); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	plans, err := target.NewSet(h, d.Targets)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ds.Rollup(day(2024, 6, 30), plans)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := WriteRollup(&out, res, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "Tỉnh,Huyện,Xã" {
		t.Errorf("sheets: %s", got)
	}
	rows, _ := f.GetRows("Xã")
	if len(rows) != 5 || strings.Join(rows[0], "|") != "Nền tảng|Hạng|Mã|Đơn vị|Thực hiện|Kế hoạch|Tỷ lệ đạt|Tỷ lệ đạt (chính xác)" ||
		strings.Join(rows[1], "|") != "ứng dụng thanh toán điện tử|1|06619|xã Bắc Xa|2,120|700|303%|2120/700" {
		t.Errorf("Xã: %q", rows)
	}
	panes, err := f.GetPanes("Xã")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v %v", panes, err)
	}
}

// FuzzRead: any bytes read as a workbook give data or an error, never a
// panic nor both.
func FuzzRead(f *testing.F) {
	f.Add(progressReport().bytes(f))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"))
	for _, seed := range hostileSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Read(bytes.NewReader(b), "fuzz.xlsx", Options{Date: day(2024, 6, 30), Limits: Limits{Part: 8 << 20, Uncompressed: 32 << 20, Rows: 1 << 14}})
		if (d == nil) == (err == nil) {
			t.Fatalf("data %v and error %v", d, err)
		}
	})
}

// TestReadNamesOn2025: a sheet dated after 2025-07-01 reads its names and
// codes on the 2025 list, within the province its name gives; 06211 is
// then Xã Cao Lộc, which on the 2024 list is xã Lộc Yên.
func TestReadNamesOn2025(t *testing.T) {
	rows := [][]any{
		{"(Số liệu tính đến ngày 30/9/2025)"},
		{"Mã xã", "Tên đơn vị", "Thanh toán điện tử"},
		{nil, "Xã Kiên Mộc", 10},
		{"06211", "Xã Cao Lộc", 20},
	}
	b := book{sheets: []string{"Lạng Sơn"}, rows: map[string][][]any{"Lạng Sơn": rows}}
	d, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Hierarchy != region.Vietnam2025() || len(d.Observations) != 2 || d.Observations[0].Unit != region.MustParseCode("06625") || d.Observations[1].Unit != region.MustParseCode("06211") {
		t.Errorf("%+v", d.Observations)
	}
	_, err = Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{Hierarchy: region.Vietnam2024()})
	var ne *NameError
	if !errors.As(err, &ne) || ne.Text(numeral.Vietnamese) != "06211 là xã Lộc Yên trong danh sách 2024, không phải Xã Cao Lộc" {
		t.Errorf("on the 2024 list: %v", err)
	}
}

// TestReadParents: a names-only sheet puts its communes under the district
// of a district column (merged down its communes) or of a section row.
func TestReadParents(t *testing.T) {
	s := "Tỉnh"
	b := book{sheets: []string{s}, rows: map[string][][]any{s: {
		{"UBND TỈNH LẠNG SƠN"},
		{"STT", "Huyện", "Tên xã", "Thanh toán điện tử"},
		{1, "Cao Lộc", "Cao Lâu", 5},
		{2, nil, "Bảo Lâm", 6},
		{nil, "Huyện Đình Lập", nil, nil},
		{3, nil, "Bắc Xa", 7},
	}}, merges: map[string][][2]string{s: {{"B3", "B4"}}}}
	d, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{Date: day(2024, 6, 30)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range d.Observations {
		got = append(got, o.Unit.String())
	}
	if strings.Join(got, " ") != "06196 06190 06619" {
		t.Errorf("units %s", got)
	}
	// Without the district, "Bảo Lâm" is ambiguous nationwide... but not
	// within the province the title names.
	b.rows[s][3][1] = nil
	b.merges = nil
	if _, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{Date: day(2024, 6, 30)}); err != nil {
		t.Errorf("within the province: %v", err)
	}
}

// TestTotals: totals rows are skipped by their label; communes whose names
// begin with the same words are read.
func TestTotals(t *testing.T) {
	for label, want := range map[string]bool{
		"Tổng cộng": true, "TỔNG CỘNG": true, "Tổng": true, "Cộng": true, "Cộng:": true, "Toàn tỉnh": true, "Toàn huyện Cao Lộc": true, "Cả tỉnh": true, "Tổng số": true, "Total": true,
		"Cộng Hòa": false, "Công Sơn": false, "Tổng Cọt": false, "Toàn Thắng": false, "Xã Cộng Hòa": false, "Long Toàn": false,
	} {
		if got := isTotal(label); got != want {
			t.Errorf("isTotal(%q) = %v", label, got)
		}
	}
	s := "Cao Lộc"
	b := book{sheets: []string{s}, rows: map[string][][]any{s: {{"Tên đơn vị", "Thanh toán điện tử"}, {"Công Sơn", 5}, {"Cộng", 5}}}}
	d, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{Date: day(2024, 6, 30)})
	if err != nil || len(d.Observations) != 1 || d.Observations[0].Unit != region.MustParseCode("06232") || d.Count.Skipped[SkippedTotal] != 1 {
		t.Errorf("%v %+v", err, d)
	}
}

// TestTitleDates: the date of a sheet without a date column comes from a
// title row, in figures or in words; two different dates are an error.
func TestTitleDates(t *testing.T) {
	for title, want := range map[string]string{
		"(Số liệu tính đến ngày 30/6/2024)":          "2024-06-30",
		"Số liệu đến ngày 31 tháng 12 năm 2024":      "2024-12-31",
		"BÁO CÁO ĐẾN NGÀY 30/6/2024 (NGÀY 1/7/2024)": "",
	} {
		b := book{sheets: []string{"Xã"}, rows: map[string][][]any{"Xã": {{title}, {"Mã xã", "tmdt"}, {"06619", 5}}}}
		d, err := Read(bytes.NewReader(b.bytes(t)), "x.xlsx", Options{})
		switch {
		case want == "" && err == nil:
			t.Errorf("%q: no error", title)
		case want != "" && (err != nil || d.Observations[0].Date.Format(time.DateOnly) != want):
			t.Errorf("%q: %v %+v", title, err, d)
		}
	}
}
