package indicator_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// Every reader, every class of bad input: the error is a *ParseError with
// the line and column, wrapping the sentinel, and quotes no long field
// whole.
func TestReadersBadInput(t *testing.T) {
	h := small(t)
	cat := indicator.Standard()
	obs := func(in string) error {
		_, err := indicator.ReadCSV(strings.NewReader(in), "f", h, cat)
		return err
	}
	obsJSON := func(in string) error {
		_, err := indicator.ReadJSON(strings.NewReader(in), "f", h, cat)
		return err
	}
	plans := func(in string) error {
		_, err := target.ReadCSV(strings.NewReader(in), "f", h)
		return err
	}
	plansJSON := func(in string) error {
		_, err := target.ReadJSON(strings.NewReader(in), "f", h)
		return err
	}
	units := func(in string) error {
		_, err := region.ReadCSV(strings.NewReader(in), "f")
		return err
	}
	long := strings.Repeat("9", 1<<20)
	wide := "x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,x11,x12,x13,x14,x15,x16,x17,unit,indicator,date,value\n"
	for _, tt := range []struct {
		name         string
		read         func(string) error
		in           string
		line, column int
		sentinel     error
	}{
		{"obs: more than 16 columns", obs, wide + ",,,,,,,,,,,,,,,,,06187,tmdt,2023-07-01,-1\n", 2, 40, region.ErrNegative},
		{"obs: extra field", obs, "unit,indicator,date,value\n06187,tmdt,2023-07-01,5,9\n", 2, 1, region.ErrMalformed},
		{"obs: column twice", obs, "unit,indicator,date,value,value\n", 1, 27, region.ErrDuplicate},
		{"obs: CR line ends", obs, "unit,indicator,date,value\n06187,tmdt,2023-07-01,5\r06187,tmdt,2023-07-02,5\n", 2, 24, region.ErrMalformed},
		{"obs: unknown unit", obs, "unit,indicator,date,value\n99999,tmdt,2023-07-01,5\n", 2, 1, region.ErrUnknownUnit},
		{"obs: not a code", obs, "unit,indicator,date,value\n0618x,tmdt,2023-07-01,5\n", 2, 1, region.ErrInvalidCode},
		{"obs: duplicate row", obs, "unit,indicator,date,value\n06187,tmdt,2023-07-01,5\n06187,tmdt,2023-07-01,6\n", 3, 0, region.ErrConflict},
		{"obs: 217.00", obs, "unit,indicator,date,value\n06187,tmdt,2023-07-01,217.00\n", 2, 23, region.ErrMalformed},
		{"obs: long field", obs, "unit,indicator,date,value\n06187,tmdt,2023-07-01," + long + "x\n", 2, 1, region.ErrMalformed},
		{"obs JSON: truncated", obsJSON, `[{"unit": "06187", "indicator": "tmdt", "date": "2023-07-01", "value": 5}`, 1, 74, region.ErrMalformed},
		{"obs JSON: trailing", obsJSON, `[][]`, 1, 3, region.ErrMalformed},
		{"obs JSON: duplicate key", obsJSON, `[{"value": 1, "value": 2}]`, 1, 15, region.ErrDuplicate},
		{"obs JSON: negative", obsJSON, `[{"unit": "06187", "indicator": "tmdt", "date": "2023-07-01", "value": -5}]`, 1, 72, region.ErrNegative},
		{"plans: empty indicator", plans, "unit,indicator,plan\n06187,,5\n", 2, 7, region.ErrMalformed},
		{"plans: plan column twice", plans, "unit,indicator,plan,plan\n", 1, 21, region.ErrDuplicate},
		{"plans: invalid UTF-8", plans, "unit,indicator,plan\n06187,t\xffm,5\n", 2, 7, region.ErrMalformed},
		{"plans: long field", plans, "unit,indicator,plan\n06187,tmdt," + long + "x\n", 2, 12, region.ErrMalformed},
		{"plans: zero", plans, "unit,indicator,plan\n06187,tmdt,0\n", 2, 12, target.ErrZeroPlan},
		{"plans: unknown unit", plans, "unit,indicator,plan\n99999,tmdt,5\n", 2, 1, region.ErrUnknownUnit},
		{"plans JSON: case", plansJSON, `[{"Unit": "06187", "indicator": "tmdt", "plan": "5"}]`, 1, 3, nil},
		{"plans JSON: empty indicator", plansJSON, `[{"unit": "06187", "indicator": "", "plan": "5"}]`, 1, 33, region.ErrMalformed},
		{"units: unknown Cấp", units, "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\nTỉnh Lạng Sơn,20,Xã Bắc Xa,06619,Làng\n", 2, 42, region.ErrUnknownKind},
	} {
		err := tt.read(tt.in)
		var pe *region.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: %v is not a *ParseError", tt.name, err)
			continue
		}
		if pe.File != "f" || pe.Line != tt.line || pe.Column != tt.column {
			t.Errorf("%s: error at %s:%d:%d, want f:%d:%d: %v", tt.name, pe.File, pe.Line, pe.Column, tt.line, tt.column, err)
		}
		if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
			t.Errorf("%s: %v does not wrap %v", tt.name, err, tt.sentinel)
		}
		if len(err.Error()) > 1000 {
			t.Errorf("%s: a %d-byte error", tt.name, len(err.Error()))
		}
	}
}

// A file with more problems than region.MaxErrors reports that many, then
// a count of the rest; so does every reader.
func TestReadersCap(t *testing.T) {
	h := small(t)
	bad := "unit,indicator,date,value\n" + strings.Repeat("99999,tmdt,2023-07-01,5\n", region.MaxErrors+7)
	_, err := indicator.ReadCSV(strings.NewReader(bad), "f", h, indicator.Standard())
	if err == nil || strings.Count(err.Error(), "unknown unit") != region.MaxErrors || !strings.Contains(err.Error(), "and 7 more problems") {
		t.Errorf("observations: %d errors reported", strings.Count(err.Error(), "\n"))
	}
	bad = "unit,indicator,plan\n" + strings.Repeat("99999,tmdt,5\n", region.MaxErrors+7)
	_, err = target.ReadCSV(strings.NewReader(bad), "f", h)
	if err == nil || strings.Count(err.Error(), "unknown unit") != region.MaxErrors || !strings.Contains(err.Error(), "and 7 more problems") {
		t.Errorf("plans: %d errors reported", strings.Count(err.Error(), "\n"))
	}
}

// Out of order, with identical repeats, a flow still sums each day once
// and a stock keeps the latest value: the columns are sorted and compacted
// in place.
func TestBuildOutOfOrder(t *testing.T) {
	h := small(t)
	cat := new(indicator.Catalogue)
	for _, ind := range []indicator.Indicator{
		{ID: "moi", Name: "mới", Unit: "tài khoản", Measure: indicator.Flow},
		{ID: "tong", Name: "tổng", Unit: "tài khoản", Measure: indicator.Stock},
	} {
		if err := cat.Add(ind); err != nil {
			t.Fatal(err)
		}
	}
	in := "unit,indicator,date,value\n" +
		"06187,moi,2023-07-03,5\n06187,tong,2023-07-03,30\n06187,moi,2023-07-01,1\n" +
		"06187,moi,2023-07-03,5\n06187,tong,2023-07-01,10\n06187,moi,2023-07-02,2\n06187,moi,2023-07-01,1\n"
	ds, err := indicator.ReadCSV(strings.NewReader(in), "o.csv", h, cat)
	if err != nil {
		t.Fatal(err)
	}
	c := region.MustParseCode("06187")
	for _, tt := range []struct {
		id   string
		day  int
		want int64
	}{{"moi", 1, 1}, {"moi", 2, 3}, {"moi", 3, 8}, {"moi", 9, 8}, {"tong", 2, 10}, {"tong", 3, 30}} {
		if v, ok := ds.Value(tt.id, c, time.Date(2023, 7, tt.day, 0, 0, 0, 0, time.UTC)); !ok || v != tt.want {
			t.Errorf("%s on day %d = %d, %v; want %d", tt.id, tt.day, v, ok, tt.want)
		}
	}
	if ds.Len() != 5 {
		t.Errorf("%d observations kept, want 5", ds.Len())
	}
}

// The chunked reader gives exactly what a line-by-line read gives: the same
// data and the same errors in the same order, whatever the chunk size and
// the number of cores, over a file of good lines, bad lines of every kind,
// blank lines, CRLF ends and no final line end.
func TestReadCSVChunks(t *testing.T) {
	h := small(t)
	cat := indicator.Standard()
	var in strings.Builder
	in.WriteString("unit,indicator,date,value\r\n")
	bad := []string{"99999,tmdt,2023-07-01,5", "06187,xyz,2023-07-01,5", "06187,tmdt,2023-02-30,5",
		"06187,tmdt,2023-07-01,-4", "06187,tmdt,2023-07-01,217.00", "06187,tmdt", "\"06187\",tmdt,2023-07-01,5", ""}
	for i := range 3000 {
		switch {
		case i%37 == 0:
			in.WriteString(bad[i/37%len(bad)] + "\n")
		case i%101 == 0:
			fmt.Fprintf(&in, "06184,tmdt,2023-07-%02d,%d\r\n", 1+i%28, i+1) // a conflict with the line below
			fmt.Fprintf(&in, "06184,tmdt,2023-07-%02d,%d\n", 1+i%28, i)
		default:
			fmt.Fprintf(&in, "%s,thanh_toan_dt,2023-%02d-%02d,%d\n", []string{"06187", "06184", "06619", "06622"}[i%4], 1+i%12, 1+i%28, i%7)
		}
	}
	in.WriteString("06187,tmdt,2024-01-01,9") // no final line end
	read := func() (string, string) {
		ds, err := indicator.ReadCSV(strings.NewReader(in.String()), "c.csv", h, cat)
		var got strings.Builder
		if ds != nil {
			for _, id := range []string{"thanh_toan_dt", "tmdt"} {
				for _, c := range []string{"06187", "06184", "06619", "06622"} {
					v, ok := ds.Value(id, region.MustParseCode(c), time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
					fmt.Fprintln(&got, id, c, v, ok)
				}
			}
		}
		return got.String(), fmt.Sprint(err)
	}
	old := indicator.SetChunkSize(1 << 22)
	defer indicator.SetChunkSize(old)
	wantData, wantErr := read()
	if !strings.Contains(wantErr, "and ") || !strings.Contains(wantErr, "c.csv:") {
		t.Fatalf("the file should have more than %d problems: %s", region.MaxErrors, wantErr)
	}
	for _, size := range []int{1, 7, 64, 1000, 1 << 16} {
		for _, procs := range []int{1, 2, 4} {
			indicator.SetChunkSize(size)
			prev := runtime.GOMAXPROCS(procs)
			gotData, gotErr := read()
			runtime.GOMAXPROCS(prev)
			if gotData != wantData || gotErr != wantErr {
				t.Errorf("chunks of %d bytes on %d cores differ:\n%s\n%s", size, procs, gotData, gotErr)
			}
		}
	}
}

// TestReadCSVSpreadsheet reads CSV as Excel writes it in Vietnam: a BOM,
// ";" between fields, a quoted header in Vietnamese, dd/mm/yyyy dates and
// counts with "." grouping thousands; a code that lost its leading zero is
// an error with a hint.
func TestReadCSVSpreadsheet(t *testing.T) {
	h := region.Vietnam2024()
	in := "\ufeff\"Mã xã\";\"Nền tảng\";\"Ngày\";\"Thực hiện\"\r\n\"06619\";thanh_toan_dt;30/06/2024;\"1.611\"\r\n06187;tmdt;1/7/2024;400\r\n"
	opt := indicator.CSVOptions{Comma: ';', Spreadsheet: true}
	ds, err := indicator.ReadCSVWith(strings.NewReader(in), "excel.csv", h, indicator.Standard(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := ds.Value("thanh_toan_dt", region.MustParseCode("06619"), time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)); !ok || v != 1611 {
		t.Errorf("06619 = %d, %v", v, ok)
	}
	if v, ok := ds.Value("tmdt", region.MustParseCode("06187"), time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC)); !ok || v != 400 {
		t.Errorf("06187 = %d, %v", v, ok)
	}
	for _, tt := range []struct{ line, want string }{
		{"6619;tmdt;30/06/2024;1", "excel.csv:2:1: "},
		{"06619;tmdt;31/06/2024;1", "excel.csv:2:12: date \"31/06/2024\""},
		{"06619;tmdt;30/06/2024;1,611", "excel.csv:2:23: "},
		{"06619;tmdt;30/06/2024;\"1", "excel.csv:2:"},
	} {
		_, err := indicator.ReadCSVWith(strings.NewReader("Mã xã;Nền tảng;Ngày;Thực hiện\n"+tt.line+"\n"), "excel.csv", h, indicator.Standard(), opt)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: %v", tt.line, err)
		}
	}
	_, err = indicator.ReadCSVWith(strings.NewReader("unit;indicator;day;n\n6619;tmdt;30/06/2024;1\n"), "excel.csv", h, indicator.Standard(), opt)
	if err == nil || !strings.Contains(err.Error(), "is it 06619?") {
		t.Errorf("hint: %v", err)
	}
	// The strict reader still refuses quotes and grouped counts.
	if _, err := indicator.ReadCSV(strings.NewReader(in), "excel.csv", h, indicator.Standard()); err == nil {
		t.Error("ReadCSV read a spreadsheet export")
	}
}

// FuzzReadCSVSpreadsheet: with the spreadsheet conventions, the reader
// never panics, never returns a dataset with an error, and reads what the
// strict reader reads the same way.
func FuzzReadCSVSpreadsheet(f *testing.F) {
	f.Add("\ufeff\"Mã xã\";\"Nền tảng\";\"Ngày\";\"Thực hiện\"\r\n\"06619\";tmdt;30/06/2024;\"1.611\"\r\n", true)
	f.Add("unit,indicator,date,value\n06619,tmdt,2024-06-30,5\n", false)
	f.Add("unit;indicator;date;value\n\"06619;tmdt;1/1/2024;1\n", true)
	h := region.Vietnam2024()
	f.Fuzz(func(t *testing.T, in string, semicolon bool) {
		opt := indicator.CSVOptions{Spreadsheet: true}
		if semicolon {
			opt.Comma = ';'
		}
		ds, err := indicator.ReadCSVWith(strings.NewReader(in), "fuzz.csv", h, indicator.Standard(), opt)
		if (ds == nil) == (err == nil) {
			t.Fatalf("dataset %v and error %v", ds, err)
		}
		if semicolon {
			return
		}
		strict, err := indicator.ReadCSV(strings.NewReader(in), "fuzz.csv", h, indicator.Standard())
		if err == nil && (ds == nil || ds.Len() != strict.Len()) {
			t.Fatalf("the strict reader reads %d observations, the spreadsheet one %v", strict.Len(), ds)
		}
	})
}
