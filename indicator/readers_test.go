package indicator_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/csvin"
	"github.com/chiso-vn/chiso/internal/synth"
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

// Out of order, a flow still sums each day once and a stock keeps the
// latest value: the columns are sorted in place.
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
		"06187,tong,2023-07-01,10\n06187,moi,2023-07-02,2\n"
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

// TestReadersDuplicate: one rule for an observation given twice, in every
// reader: an error at the second naming the first, wrapping ErrDuplicate
// when the values agree and ErrConflict (which wraps ErrDuplicate) when
// they differ. A file read twice reports every repeat, the first
// region.MaxErrors of them in full.
func TestReadersDuplicate(t *testing.T) {
	h := small(t)
	cat := indicator.Standard()
	obs := func(u string, v int) string { return fmt.Sprintf("%s,tmdt,2023-07-01,%d\n", u, v) }
	obsJSON := func(u string, v int) string {
		return fmt.Sprintf(`{"unit": %q, "indicator": "tmdt", "date": "2023-07-01", "value": %d}`, u, v)
	}
	add := func(u string, v int64) func(*indicator.Builder) {
		return func(b *indicator.Builder) {
			b.Add(indicator.Observation{Indicator: "tmdt", Unit: region.MustParseCode(u), Date: time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC), Value: v})
		}
	}
	build := func(adds ...func(*indicator.Builder)) error {
		b := indicator.NewBuilder(h, cat, "f")
		for _, a := range adds {
			a(b)
		}
		_, err := b.Build()
		return err
	}
	readCSV := func(in string) error {
		_, err := indicator.ReadCSV(strings.NewReader(in), "f", h, cat)
		return err
	}
	readJSON := func(in string) error {
		_, err := indicator.ReadJSON(strings.NewReader(in), "f", h, cat)
		return err
	}
	for _, tt := range []struct {
		name     string
		err      error
		want     string
		conflict bool
	}{
		{"CSV identical", readCSV("unit,indicator,date,value\n" + obs("06187", 5) + obs("06184", 5) + obs("06187", 5)),
			"f:4: observation given twice: tmdt for 06187 on 2023-07-01 is 5 here and 5 at 2", false},
		{"CSV different", readCSV("unit,indicator,date,value\n" + obs("06187", 5) + obs("06184", 5) + obs("06187", 6)),
			"f:4: observation given twice with different values: tmdt for 06187 on 2023-07-01 is 6 here and 5 at 2", true},
		{"JSON identical", readJSON("[" + obsJSON("06187", 5) + ",\n" + obsJSON("06184", 5) + ",\n" + obsJSON("06187", 5) + "]"),
			"f:3: observation given twice: tmdt for 06187 on 2023-07-01 is 5 here and 5 at 1", false},
		{"JSON different", readJSON("[" + obsJSON("06187", 5) + ",\n" + obsJSON("06187", 6) + "]"),
			"f:2: observation given twice with different values: tmdt for 06187 on 2023-07-01 is 6 here and 5 at 1", true},
		{"Builder identical", build(add("06187", 5), add("06184", 5), add("06187", 5)),
			"f:3: observation given twice: tmdt for 06187 on 2023-07-01 is 5 here and 5 at 1", false},
	} {
		var pe *indicator.ParseError
		if tt.err == nil || tt.err.Error() != tt.want || !errors.As(tt.err, &pe) {
			t.Errorf("%s: %v, want %s", tt.name, tt.err, tt.want)
			continue
		}
		if !errors.Is(tt.err, indicator.ErrDuplicate) || errors.Is(tt.err, indicator.ErrConflict) != tt.conflict {
			t.Errorf("%s: %v wraps the wrong sentinels", tt.name, tt.err)
		}
	}
	// Three values on one day: two errors, each naming the line before.
	err := readCSV("unit,indicator,date,value\n" + obs("06187", 5) + obs("06187", 5) + obs("06187", 7))
	if want := "f:3: observation given twice: tmdt for 06187 on 2023-07-01 is 5 here and 5 at 2\n" +
		"f:4: observation given twice with different values: tmdt for 06187 on 2023-07-01 is 7 here and 5 at 3"; err == nil || err.Error() != want {
		t.Errorf("three on a day: %v", err)
	}
	// A file of 150 lines given twice: 150 problems.
	var once strings.Builder
	for d := range 150 {
		fmt.Fprintf(&once, "06187,tmdt,2023-%02d-%02d,%d\n", 1+d/28, 1+d%28, d)
	}
	err = readCSV("unit,indicator,date,value\n" + once.String() + once.String())
	if err == nil || strings.Count(err.Error(), "given twice") != region.MaxErrors || !strings.Contains(err.Error(), "and 50 more problems") ||
		!strings.HasPrefix(err.Error(), "f:152: observation given twice: tmdt for 06187 on 2023-01-01 is 0 here and 0 at 2\n") {
		t.Errorf("a file given twice: %.300v", err)
	}
}

// TestReadCSVMultiLine: with the spreadsheet conventions, a quoted field
// may hold line ends (LF or CRLF), as encoding/csv reads it: the records
// are those encoding/csv finds, the lines after them keep their numbers,
// and a chunk never cuts a record, whatever the chunk size and the cores.
// A quote that is never closed, or a record over 1 MiB, is an error at
// the line where its record starts.
func TestReadCSVMultiLine(t *testing.T) {
	h := small(t)
	cat := indicator.Standard()
	opt := indicator.CSVOptions{Comma: ';', Spreadsheet: true}
	in := "unit;indicator;date;value;Ghi chú\n" +
		"06187;tmdt;01/07/2023;5;\"dòng một\ndòng hai; \"\"trích\"\"\"\n" +
		"06184;tmdt;01/07/2023;7;\"CRLF\r\ninside\r\n\"\r\n" +
		"\"06619\";\"tmdt\";\"01/07/2023\";\"1.611\";\"\"\n"
	// encoding/csv's records.
	cr := csvin.NewReader(strings.NewReader(in), ';')
	recs, err := cr.ReadAll()
	if err != nil || len(recs) != 4 || recs[1][4] != "dòng một\ndòng hai; \"trích\"" {
		t.Fatalf("encoding/csv: %q, %v", recs, err)
	}
	old := indicator.SetChunkSize(1 << 20)
	defer indicator.SetChunkSize(old)
	for _, size := range []int{1, 7, 40, 1 << 20} {
		for _, procs := range []int{1, 2} {
			indicator.SetChunkSize(size)
			prev := runtime.GOMAXPROCS(procs)
			ds, err := indicator.ReadCSVWith(strings.NewReader(in), "f", h, cat, opt)
			_, errBad := indicator.ReadCSVWith(strings.NewReader(in+"06622;tmdt;01/07/2023;x;\"\n\"\n"), "f", h, cat, opt)
			runtime.GOMAXPROCS(prev)
			if err != nil {
				t.Fatalf("chunks of %d: %v", size, err)
			}
			for _, rec := range recs[1:] {
				v, _ := strconv.ParseInt(strings.ReplaceAll(rec[3], ".", ""), 10, 64)
				if got, ok := ds.Value("tmdt", region.MustParseCode(rec[0]), july); !ok || got != v {
					t.Errorf("chunks of %d: %s = %d, %v; want %d", size, rec[0], got, ok, v)
				}
			}
			if want := `f:8:23: value "x" is malformed: not a count of plain digits`; errBad == nil || errBad.Error() != want {
				t.Errorf("chunks of %d: %v, want %s", size, errBad, want)
			}
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"unit;indicator;date;value;x\n06187;tmdt;01/07/2023;5;\"open\n06184;tmdt;01/07/2023;7;\n", "f:2:25: line is malformed: a quote is not closed"},
		{"unit;indicator;date;value;x\n06187;tmdt;01/07/2023;5;\"" + strings.Repeat("long\n", 1<<18) + "\"\n", "f:2:1: record (a quoted field holds line ends) is malformed: longer than 1 MiB"},
		{"unit;indicator;date;value;x\n06187;tmdt;01/07/2023;5;a\"b\n", "f:2:26: line is malformed: a quote inside a field that does not start with one"},
		{"unit;indicator;date;value;x\n06187;tmdt;01/07/2023;5;\"a\"b\n", "f:2:28: line is malformed: 'b' after the closing quote"},
	} {
		_, err := indicator.ReadCSVWith(strings.NewReader(tt.in), "f", h, cat, opt)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) || !errors.Is(err, region.ErrMalformed) {
			t.Errorf("%.60q: %v, want %s", tt.in, err, tt.want)
		}
		if _, err := csvin.NewReader(strings.NewReader(tt.in), ';').ReadAll(); err == nil && !strings.Contains(tt.want, "1 MiB") {
			t.Errorf("%.60q: encoding/csv reads it", tt.in)
		}
	}
}

// FuzzReadCSVAgainstEncodingCSV: with the spreadsheet conventions, the
// reader splits records as encoding/csv does. When encoding/csv reads the
// whole input, the reader reports no problem of the records' shape, and
// when it reads the input without error, every record became one
// observation; when encoding/csv refuses the input, so does the reader.
// Read in chunks of a few bytes, the input gives the same result.
func FuzzReadCSVAgainstEncodingCSV(f *testing.F) {
	f.Add("unit;indicator;date;value;x\n06187;tmdt;01/07/2023;5;\"a\nb\"\n06184;tmdt;2023-07-01;\"1.611\";\n", true)
	f.Add("unit,indicator,date,value\n\"06187\",tmdt,2023-07-01,5\r\n06184,tmdt,2023-07-01,\"7\"\r\n", false)
	f.Add("unit,indicator,date,value\n06187,tmdt,2023-07-01,\"5\"x\n", false)
	f.Add("unit,indicator,date,value\n06187,tmdt,2023-07-01,5\n\n\"\"\n", false)
	h := small(f)
	cat := indicator.Standard()
	shape := []string{"quote", "fields, the header has", "carriage return", "longer than"}
	f.Fuzz(func(t *testing.T, in string, semicolon bool) {
		comma := ','
		if semicolon {
			comma = ';'
		}
		if strings.Contains(strings.ReplaceAll(in, "\r\n", ""), "\r") {
			return // a carriage return alone: refused outside quotes, where encoding/csv keeps it
		}
		recs, csvErr := csvin.NewReader(strings.NewReader(in), comma).ReadAll()
		opt := indicator.CSVOptions{Comma: comma, Spreadsheet: true}
		ds, err := indicator.ReadCSVWith(strings.NewReader(in), "fuzz.csv", h, cat, opt)
		// Chunks of a few bytes cut the input at every record end: the
		// same records, the same errors.
		old := indicator.SetChunkSize(5)
		small, smallErr := indicator.ReadCSVWith(strings.NewReader(in), "fuzz.csv", h, cat, opt)
		indicator.SetChunkSize(old)
		if fmt.Sprint(err) != fmt.Sprint(smallErr) || (ds == nil) != (small == nil) || ds != nil && ds.Len() != small.Len() {
			t.Fatalf("in chunks of 5 bytes: %v, %v; in one: %v", small, smallErr, err)
		}
		if csvErr != nil {
			if err == nil {
				t.Fatalf("encoding/csv refuses it (%v), the reader reads %d observations", csvErr, ds.Len())
			}
			return
		}
		if err != nil {
			for _, s := range shape {
				if strings.Contains(err.Error(), s) && !strings.Contains(err.Error(), "header") {
					t.Fatalf("encoding/csv reads %d records, the reader: %v", len(recs), err)
				}
			}
			return
		}
		if n := len(recs) - 1; ds.Len() != n {
			t.Fatalf("%d records, %d observations", n, ds.Len())
		}
	})
}

// TestReadCSVOrders: the national file's lines in any order, read on any
// number of cores, give the same dataset (a stock and a flow for a fifth
// of Vietnam2025's communes, spread over seven partitions of series:
// about 160,000 lines).
func TestReadCSVOrders(t *testing.T) {
	h := region.Vietnam2025()
	cat := new(indicator.Catalogue)
	var ids []string
	for k, ind := range indicator.Standard().All()[:2] {
		ind.Measure = indicator.Measure(k % 2) // stocks and flows
		if err := cat.Add(ind); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, ind.ID)
	}
	dump := func(ds *indicator.Dataset) string {
		b := fmt.Appendln(nil, ds.Len(), indicator.Dump(ds))
		for _, asOf := range []time.Time{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 2, 14, 0, 0, 0, 0, time.UTC), ds.Latest()} {
			for _, id := range ids {
				for _, i := range h.Level(region.LevelCommune) {
					v, ok := ds.Value(id, h.At(int(i)).Code, asOf)
					b = fmt.Append(b, v, ok)
				}
			}
		}
		return string(b)
	}
	var want string
	for _, o := range []synth.Order{synth.ByUnit, synth.ByDay, synth.Shuffled} {
		var in []byte
		for l := range bytes.Lines(synth.ObservationsCSVOrder(h, ids, 7, o)) {
			if l[0] == 'c' || l[4] == '0' || l[4] == '5' { // the header, and codes ending in 0 or 5
				in = append(in, l...)
			}
		}
		for _, procs := range []int{1, 2, 3} {
			// The last run decodes each partition a block at a time.
			old := indicator.SetMaxDecoded(0)
			limit := old
			if procs == 3 {
				limit = 1000
			}
			indicator.SetMaxDecoded(limit)
			prev := runtime.GOMAXPROCS(procs)
			ds, err := indicator.ReadCSV(bytes.NewReader(in), "o.csv", h, cat)
			runtime.GOMAXPROCS(prev)
			indicator.SetMaxDecoded(old)
			if err != nil {
				t.Fatal(err)
			}
			if got := dump(ds); want == "" {
				want = got
			} else if got != want {
				t.Errorf("%s on %d cores, decoding %d points at most: a different dataset", o, procs, limit)
			}
		}
	}
}

// TestRollupRanksAsRank: the ranks of a roll-up (sorted by float keys,
// then exactly where floats tie) are those of Rank (sorted by exact
// comparison) for every level, with ties, ratios that differ past a
// float's precision, and counts past 2⁵³.
func TestRollupRanksAsRank(t *testing.T) {
	h := region.Vietnam2025()
	cat := new(indicator.Catalogue)
	if err := cat.Add(indicator.Indicator{ID: "x", Name: "x", Unit: "tài khoản"}); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, big := range []bool{false, true} {
		var obs, plans strings.Builder
		obs.WriteString("unit,indicator,date,value\n")
		plans.WriteString("unit,indicator,plan\n")
		for _, i := range h.Level(region.LevelCommune) {
			code := h.At(int(i)).Code
			a, p := int64(r.IntN(5)), int64(1+r.IntN(4)) // many ties: 2/4 = 1/2
			switch r.IntN(8) {
			case 0: // equal as floats, not as ratios
				a, p = 1<<52+1, 1<<52
			case 2:
				a, p = 1<<52+2, 1<<52+1
			case 1:
				if big && r.IntN(100) == 0 {
					a, p = 1<<58+int64(r.IntN(3)), 1<<57+int64(r.IntN(2))
				}
			}
			fmt.Fprintf(&obs, "%s,x,2025-01-01,%d\n", code, a)
			fmt.Fprintf(&plans, "%s,x,%d\n", code, p)
		}
		ds, err := indicator.ReadCSV(strings.NewReader(obs.String()), "o.csv", h, cat)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := target.ReadCSV(strings.NewReader(plans.String()), "p.csv", h)
		if err != nil {
			t.Fatal(err)
		}
		res, err := ds.Rollup(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), ps)
		if err != nil {
			t.Fatal(err)
		}
		for l := region.LevelNation; l <= region.LevelCommune; l++ {
			var entries []indicator.Entry
			var rows []indicator.Row
			for _, i := range h.Level(l) {
				if row, _ := res.Row("x", h.At(int(i)).Code); row.Attainment.IsValid() {
					entries = append(entries, indicator.Entry{Unit: row.Unit.Code, Value: row.Attainment})
					rows = append(rows, row)
				}
			}
			if l == region.LevelCommune && len(entries) < 10 {
				t.Fatalf("only %d communes ranked", len(entries))
			}
			ranked, err := indicator.Rank(h, entries, indicator.Competition)
			if err != nil {
				t.Fatal(err)
			}
			want := map[region.Code]int{}
			for _, e := range ranked {
				want[e.Unit] = e.Rank
			}
			for _, row := range rows {
				if row.Rank != want[row.Unit.Code] {
					t.Errorf("big %v, level %v: %s ranks %d in the roll-up, %d by Rank", big, l, row.Unit.Code, row.Rank, want[row.Unit.Code])
				}
			}
		}
	}
}

// FuzzReadCSVQuick: plain lines read in one pass give the dataset (every
// series, day and value) and the errors reading them field by field gives,
// with each separator, with the spreadsheet conventions or without.
func FuzzReadCSVQuick(f *testing.F) {
	f.Add(smallObs, false, uint8(0))
	f.Add("unit,indicator,date,value\n06187,tmdt,2023-07-01,5\r\n183,tmdt,2023-07-01,123456789012345678\n06184,tmdt,2023-07-01,1234567890123456789\n", false, uint8(0))
	f.Add("unit,indicator,date,value\n6187,tmdt,2023-07-01,5\n06187,tmdt,2023-02-29,5\n06187,tmdt,2023-07-01,-5\n06187,tmdt,2023-07-01,5\n", false, uint8(0))
	f.Add("unit;indicator;date;value\n06187;tmdt;01/07/2023;1.611\n06184;\"tmdt\";2023-07-01;7\r\n", true, uint8(1))
	f.Add("unit\tindicator\tdate\tvalue\n06187\ttmdt\t2023-07-01\t5\n06187\ttmdt\t2023-06-30\t7", false, uint8(2))
	f.Add("unit,indicator,date,value\nVN,tmdt,2023-07-01,5\n01,tmdt,2023-07-01,5\r\r\n001,tmdt,2023-07-01,5", false, uint8(0))
	h := small(f)
	cat := indicator.Standard()
	read := func(in string, opt indicator.CSVOptions) string {
		ds, err := indicator.ReadCSVWith(strings.NewReader(in), "fuzz.csv", h, cat, opt)
		if err != nil {
			return err.Error()
		}
		return indicator.Dump(ds)
	}
	f.Fuzz(func(t *testing.T, in string, sheet bool, sep uint8) {
		opt := indicator.CSVOptions{Spreadsheet: sheet, Comma: []rune{',', ';', '\t'}[sep%3]}
		quick := read(in, opt)
		old := indicator.SetQuick(false)
		slow := read(in, opt)
		indicator.SetQuick(old)
		if quick != slow {
			t.Fatalf("read in one pass:\n%s\nfield by field:\n%s", quick, slow)
		}
	})
}
