package target

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

func TestAllocate(t *testing.T) {
	tests := []struct {
		total   int64
		weights []int64
		want    []int64
	}{
		{10, []int64{1, 1, 1}, []int64{4, 3, 3}}, // tie: the smaller index
		{10, []int64{1, 2, 1}, []int64{3, 5, 2}}, // 2.5, 5, 2.5: tie on .5 goes to index 0
		{7, []int64{0, 5, 2}, []int64{0, 5, 2}},  // a zero weight gets nothing
		{150000, []int64{3, 3, 3}, []int64{50000, 50000, 50000}},
		{100, []int64{333, 333, 334}, []int64{33, 33, 34}}, // 33.3, 33.3, 33.4 → the .4 gets the leftover
		{1, []int64{2, 3}, []int64{0, 1}},                  // equal remainders? 0.4 vs 0.6: the larger
		{5, []int64{1, 1}, []int64{3, 2}},
		{0, []int64{4, 1}, []int64{0, 0}},
		{1<<62 + 1, []int64{1<<62 - 1, 1<<62 - 1}, []int64{1<<61 + 1, 1 << 61}},
	}
	for _, tt := range tests {
		got, err := Allocate(tt.total, tt.weights)
		if err != nil {
			t.Errorf("Allocate(%d, %v): %v", tt.total, tt.weights, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Allocate(%d, %v) (-want +got):\n%s", tt.total, tt.weights, diff)
		}
	}
	for _, bad := range []struct {
		total   int64
		weights []int64
	}{{-1, []int64{1}}, {5, nil}, {5, []int64{0, 0}}, {5, []int64{1, -1}}, {5, []int64{1 << 62, 1 << 62}}} {
		if _, err := Allocate(bad.total, bad.weights); err == nil {
			t.Errorf("Allocate(%d, %v) succeeded", bad.total, bad.weights)
		}
	}
}

func FuzzAllocate(f *testing.F) {
	f.Add(int64(150000), int64(3), int64(5), int64(7))
	f.Add(int64(1), int64(1), int64(1), int64(1))
	f.Fuzz(func(t *testing.T, total, a, b, c int64) {
		ws := []int64{a, b, c}
		parts, err := Allocate(total, ws)
		if err != nil {
			return
		}
		var sum int64
		for i, p := range parts {
			if p < 0 || (ws[i] == 0 && p != 0) {
				t.Fatalf("part %d = %d for weight %d", i, p, ws[i])
			}
			sum += p
		}
		if sum != total {
			t.Fatalf("parts %v sum to %d, want %d", parts, sum, total)
		}
	})
}

func date(m time.Month, d int) time.Time { return time.Date(2025, m, d, 0, 0, 0, 0, time.UTC) }

func TestPace(t *testing.T) {
	goal := Point{date(4, 30), 100000}
	tests := []struct {
		name             string
		baseline, latest Point
		want             Status
		needed           Rate
	}{
		{"met", Point{date(3, 1), 0}, Point{date(3, 23), 100000}, Met, Rate{}},
		// 60.000 in 22 days: 2.727/day; 38 days left projects 163.636.
		{"on track", Point{date(3, 1), 0}, Point{date(3, 23), 60000}, OnTrack, Rate{40000, 38}},
		// 30.000 in 60 days is 500/day; 38 more days give 49.000: off track.
		{"off track", Point{date(1, 22), 0}, Point{date(3, 23), 30000}, OffTrack, Rate{70000, 38}},
		// 65.000 in 81 days, 38 left: 65.000 + 30.493 = 95.493, at least 90%.
		{"at risk", Point{date(1, 1), 0}, Point{date(3, 23), 65000}, AtRisk, Rate{35000, 38}},
		{"deadline passed", Point{date(1, 1), 0}, Point{date(5, 2), 65000}, OffTrack, Rate{35000, 0}},
	}
	for _, tt := range tests {
		p, err := Pace(tt.baseline, tt.latest, goal)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if p.Status != tt.want || p.Needed != tt.needed {
			t.Errorf("%s: status %v needed %+v, want %v %+v (%+v)", tt.name, p.Status, p.Needed, tt.want, tt.needed, p)
		}
	}
	if _, err := Pace(Point{date(3, 23), 0}, Point{date(3, 23), 5}, goal); err == nil {
		t.Error("Pace with baseline = latest succeeded")
	}
	if _, err := Pace(Point{date(3, 1), 0}, Point{date(3, 23), 5}, Point{date(4, 30), 0}); !errors.Is(err, ErrZeroPlan) {
		t.Errorf("Pace with a zero goal: %v", err)
	}
	if got := (Rate{40000, 38}).PerDay().RatString(); got != "20000/19" {
		t.Errorf("PerDay = %s", got)
	}
	if OnTrack.String() != "đúng tiến độ" || OffTrack.Text(numeral.English) != "off track" {
		t.Error("status names")
	}
}

func TestValue(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		in    string
		base  int64
		want  int64
		share bool
	}{
		{"150000", 0, 150000, false},
		{"60%", 101378, 60827, true}, // 60.826,8 rounds up
		{"100%", 60827, 60827, true},
		{"60,5%", 1000, 605, true},
		{"33,3%", 10, 4, true}, // 3,33 → 4
	}
	for _, tt := range tests {
		v, err := ParseValue(tt.in)
		if err != nil {
			t.Errorf("ParseValue(%q): %v", tt.in, err)
			continue
		}
		got, err := v.Resolve(tt.base)
		if err != nil || got != tt.want || v.IsShare() != tt.share {
			t.Errorf("ParseValue(%q).Resolve(%d) = %d, %v", tt.in, tt.base, got, err)
		}
	}
	for _, bad := range []string{"0", "-5", "", "1.000", "150%", "0%", "x%", "1e3%", "99999999999999999999"} {
		if _, err := ParseValue(bad); err == nil {
			t.Errorf("ParseValue(%q) succeeded", bad)
		}
	}
	if _, err := Share(d("60")).Resolve(0); !errors.Is(err, ErrZeroPlan) {
		t.Errorf("Resolve(0) = %v", err)
	}
	if Share(d("60")).String() != "60%" || Count(5).String() != "5" {
		t.Error("Value.String")
	}
}

func TestReadCSV(t *testing.T) {
	h := region.Vietnam2024()
	in := "unit,indicator,plan,due,source\n" +
		"20,thanh_toan_dt,150000,2023-12-31,KH\n" +
		"259,chu_ky_so,100%,2025-04-30,\n" +
		"20,thanh_toan_dt,150000,2023-12-31,KH again\n" + // identical repeat
		"259,chu_ky_so,\"100,0%\",2025-04-30,\n" // the same share, written otherwise
	s, err := ReadCSV(strings.NewReader(in), "plans.csv", h)
	if err != nil {
		t.Fatal(err)
	}
	if s.Len() != 2 {
		t.Errorf("Len = %d", s.Len())
	}
	tg, ok := s.Lookup("chu_ky_so", region.MustParseCode("259"))
	if !ok || !tg.Value.IsShare() || tg.Source != "plans.csv" || !tg.Due.Equal(date(4, 30)) {
		t.Errorf("Lookup = %+v", tg)
	}
	bad := "unit,indicator,plan,due\n" +
		"20,a,0,\n" + // zero plan
		"99,a,5,\n" + // unknown unit
		"2x,a,5,\n" + // bad code
		"20,b,5,30/4\n" + // bad date
		"20,c,5,\n20,c,6,\n" // conflict
	_, err = ReadCSV(strings.NewReader(bad), "plans.csv", h)
	for _, want := range []string{"plans.csv:2:6: plan is zero", "plans.csv:3:1: unknown unit 99", "plans.csv:4:1: region.ParseCode", "plans.csv:5:8: due date", "plans.csv:7:6: target given twice"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := ReadCSV(strings.NewReader("unit,plan\n"), "p.csv", h); err == nil || !strings.Contains(err.Error(), `missing column "indicator"`) {
		t.Errorf("missing column: %v", err)
	}
	if _, err := NewSet(h, []Target{{Indicator: "a", Unit: region.MustParseCode("20"), Value: Count(-1)}}); !errors.Is(err, ErrNegative) {
		t.Errorf("NewSet negative: %v", err)
	}
}

func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"150000", "60%", "60,5%", "217.00", "", "-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseValue(s)
		if err != nil {
			return
		}
		if v.Validate() != nil {
			t.Fatalf("ParseValue(%q) gave an invalid plan", s)
		}
		back, err := ParseValue(v.String())
		if err != nil || back.String() != v.String() {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
	})
}

// TestValueOneReading: a plan's percent is read as every other Vietnamese
// numeral is (numeral.Parse): "." groups thousands, "," marks decimals. So
// "60.5%" is malformed, not 60,5%, and "1.000%" is a thousand percent, an
// invalid share, never 1%.
func TestValueOneReading(t *testing.T) {
	for in, want := range map[string]error{"60.5%": ErrMalformed, "1.000%": ErrShare, "1.5%": ErrMalformed, "150.000": ErrMalformed} {
		if _, err := ParseValue(in); !errors.Is(err, want) {
			t.Errorf("ParseValue(%q) = %v, want %v", in, err, want)
		}
	}
	if v, err := ParseValue("60,5%"); err != nil || v.String() != "60,5%" {
		t.Errorf("ParseValue(60,5%%) = %v, %v", v, err)
	}
}

// TestDuplicateIs: a plan given twice with different values is ErrConflict,
// and errors.Is finds region.ErrDuplicate in it too.
func TestDuplicateIs(t *testing.T) {
	h := region.Vietnam2024()
	in := "unit,indicator,plan\n06187,chu_ky_so,100\n06187,chu_ky_so,200\n"
	_, err := ReadCSV(strings.NewReader(in), "kehoach.csv", h)
	if !errors.Is(err, ErrConflict) || !errors.Is(err, region.ErrDuplicate) || !errors.Is(err, ErrDuplicate) {
		t.Errorf("plan given twice: %v", err)
	}
}

func TestReadJSON(t *testing.T) {
	h := region.Vietnam2024()
	in := `[{"unit": "20", "indicator": "thanh_toan_dt", "plan": "150000", "due": "2023-12-31"},
{"unit": "259", "indicator": "chu_ky_so", "plan": "100%", "source": "Tỉnh đoàn"}]`
	s, err := ReadJSON(strings.NewReader(in), "plans.json", h)
	if err != nil {
		t.Fatal(err)
	}
	if tg, ok := s.Lookup("thanh_toan_dt", region.MustParseCode("20")); !ok || tg.Value.Count() != 150000 || tg.Source != "plans.json" {
		t.Errorf("Lookup = %+v", tg)
	}
	bad := `[{"unit": "20", "indicator": "a", "plan": "0"},
 {"unit": "99", "indicator": "a", "plan": "5"},
 {"unit": "20", "indicator": "b", "plan": "5", "due": "30/4"},
 {"unit": "20", "indicator": "c", "plan": 5}]`
	_, err = ReadJSON(strings.NewReader(bad), "plans.json", h)
	for _, want := range []string{"plans.json:1:43: plan is zero", "plans.json:2:11: unknown unit 99", `plans.json:3:55: due date "30/4"`, "plans.json:4:43: value 5 is malformed: want a string"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := ReadJSON(strings.NewReader(`{"unit": 1}`), "plans.json", h); err == nil || !strings.Contains(err.Error(), "plans.json:1:1: JSON is malformed: the data is not a JSON array") {
		t.Errorf("not an array: %v", err)
	}
}

// The plan readers never panic, never return a set and an error together,
// and what they accept reads back the same through the other reader.
func FuzzReadCSV(f *testing.F) {
	f.Add("unit,indicator,plan,due,source\n20,thanh_toan_dt,150000,2023-12-31,KH\n259,chu_ky_so,100%,,\n")
	f.Add("unit,indicator,plan,plan\n20,a,5,6\n")
	f.Add("\ufeffunit,indicator,plan\n20,,0\n99,t\xffm,217.00\n")
	h := region.Vietnam2024()
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadCSV(strings.NewReader(in), "fuzz.csv", h)
		if (s == nil) == (err == nil) {
			t.Fatalf("set %v and error %v", s, err)
		}
		if err != nil {
			return
		}
		var js strings.Builder
		js.WriteString("[")
		for i, tg := range s.All() {
			if i > 0 {
				js.WriteString(",")
			}
			// encoding/json, not %q: Go's quoting ("\x01") is not JSON's.
			row, _ := json.Marshal(map[string]string{"unit": tg.Unit.String(), "indicator": tg.Indicator, "plan": tg.Value.String(), "source": tg.Source})
			js.Write(row)
		}
		js.WriteString("]")
		back, err := ReadJSON(strings.NewReader(js.String()), "fuzz.json", h)
		if err != nil || len(back.All()) != len(s.All()) {
			t.Fatalf("JSON of an accepted CSV: %v", err)
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add(`[{"unit": "20", "indicator": "thanh_toan_dt", "plan": "150000", "due": "2023-12-31"}]`)
	f.Add(`[{"unit": "20", "Unit": "21", "indicator": "a", "plan": "5"}] []`)
	f.Add(`[{"unit": "20", "indicator": "a", "plan": 5}`)
	h := region.Vietnam2024()
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadJSON(strings.NewReader(in), "fuzz.json", h)
		if (s == nil) == (err == nil) {
			t.Fatalf("set %v and error %v", s, err)
		}
	})
}

// TestReadCSVSpreadsheet reads plans as Excel writes them in Vietnam.
func TestReadCSVSpreadsheet(t *testing.T) {
	h := region.Vietnam2024()
	in := "\ufeff\"Mã xã\";\"Nền tảng\";\"Kế hoạch\";\"Hạn\"\r\n\"06619\";thanh_toan_dt;\"1.500\";31/12/2024\r\n"
	s, err := ReadCSVWith(strings.NewReader(in), "kehoach.csv", h, CSVOptions{Comma: ';', Spreadsheet: true})
	if err != nil {
		t.Fatal(err)
	}
	tg, ok := s.Lookup("thanh_toan_dt", region.MustParseCode("06619"))
	if !ok || tg.Value != Count(1500) || tg.Due != time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC) {
		t.Errorf("target: %+v %v", tg, ok)
	}
	if _, err := ReadCSVWith(strings.NewReader(in), "kehoach.csv", h, CSVOptions{Comma: ';'}); err == nil {
		t.Error("a grouped plan read without the Spreadsheet option")
	}
}

// FuzzReadCSVSpreadsheet: with the spreadsheet conventions, the plan
// reader never panics nor returns a set with an error.
func FuzzReadCSVSpreadsheet(f *testing.F) {
	f.Add("\ufeff\"Mã xã\";\"Nền tảng\";\"Kế hoạch\";\"Hạn\"\r\n\"06619\";thanh_toan_dt;\"1.500\";31/12/2024\r\n")
	f.Add("unit;indicator;plan;due\n20;a;1.5;31/02/2024\n")
	h := region.Vietnam2024()
	f.Fuzz(func(t *testing.T, in string) {
		s, err := ReadCSVWith(strings.NewReader(in), "fuzz.csv", h, CSVOptions{Comma: ';', Spreadsheet: true})
		if (s == nil) == (err == nil) {
			t.Fatalf("set %v and error %v", s, err)
		}
	})
}
