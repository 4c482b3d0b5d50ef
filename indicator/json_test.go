package indicator_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
)

func TestReadJSON(t *testing.T) {
	h := small(t)
	in := `[
 {"unit": "06619", "indicator": "thanh_toan_dt", "date": "2023-07-01", "value": 2120},
 {"unit": "06187", "indicator": "thanh_toan_dt", "date": "2023-07-01", "value": 600}
]`
	ds, err := indicator.ReadJSON(strings.NewReader(in), "obs.json", h, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := ds.Value("thanh_toan_dt", region.MustParseCode("06619"), time.Date(2023, 8, 1, 0, 0, 0, 0, time.UTC)); !ok || v != 2120 {
		t.Errorf("Value = %d, %v", v, ok)
	}
	bad := `[
 {"unit": "06619", "indicator": "thanh_toan_dt", "date": "2023-07-01", "value": -5},
 {"unit": "99999", "indicator": "thanh_toan_dt", "date": "2023-07-01", "value": 5},
 {"unit": "06619", "indicator": "xyz", "date": "2023-07-01", "value": 5},
 {"unit": "06619", "indicator": "tmdt", "date": "1/7/2023", "value": 5},
 {"unit": "06619", "indicator": "tmdt", "date": "2023-07-01"},
 {"unit": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": 5, "extra": 1},
 {"unit": "6619", "indicator": "tmdt", "date": "2023-07-01", "value": 5}
]`
	_, err = indicator.ReadJSON(strings.NewReader(bad), "obs.json", h, indicator.Standard())
	for _, want := range []string{
		"obs.json:2:81: negative count -5",
		`obs.json:3:11: unknown unit "99999"`,
		`obs.json:4:33: unknown indicator "xyz"`,
		`obs.json:5:49: date "1/7/2023" is malformed: want a valid YYYY-MM-DD`,
		`obs.json:6:2: object is malformed: no "value"`,
		`obs.json:7:75: unknown key "extra"`,
		`obs.json:8:11: region.ParseCode("6619")`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	for _, in := range []string{`{}`, `[{"unit": }]`, ``, `[1]`} {
		if _, err := indicator.ReadJSON(strings.NewReader(in), "obs.json", h, indicator.Standard()); err == nil {
			t.Errorf("ReadJSON(%q) succeeded", in)
		}
	}
}

// Inputs that lose or invent data must fail, with the place; the others
// must read exactly one observation.
func TestReadJSONStrict(t *testing.T) {
	h := small(t)
	const obj = `{"unit": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": 5}`
	for _, tt := range []struct {
		name, in, want string // want is "" for success
		sentinel       error
	}{
		{"truncated array", "[" + obj, "obs.json:1:74: JSON is malformed: truncated: the array is not closed", region.ErrMalformed},
		{"truncated object", `[{"unit": "06619"`, "obs.json:1:18: JSON is malformed: truncated: an object is not closed", region.ErrMalformed},
		{"garbage after", "[" + obj + "]garbage", "obs.json:1:75: JSON is malformed: data after the array", region.ErrMalformed},
		{"second array", "[" + obj + "]\n[" + obj + "]", "obs.json:2:1: JSON is malformed: data after the array", region.ErrMalformed},
		{"duplicate key", `[{"unit": "06619", "unit": "06187", "indicator": "tmdt", "date": "2023-07-01", "value": 5}]`, `obs.json:1:20: key "unit" given twice (first at 1:11)`, region.ErrDuplicate},
		{"key in another case", `[{"UNIT": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": 5}]`, `obs.json:1:3: unknown key "UNIT": keys are case-sensitive, want "unit"`, nil},
		{"nested value", `[{"unit": ["06619"], "indicator": "tmdt", "date": "2023-07-01", "value": 5}]`, `obs.json:1:11: value of "unit" is malformed: an object or array`, region.ErrMalformed},
		{"not an object", `[5]`, "obs.json:1:2: element is malformed: not an object", region.ErrMalformed},
		{"invalid UTF-8", "[{\"unit\": \"0661\xff\", \"indicator\": \"tmdt\", \"date\": \"2023-07-01\", \"value\": 5}]", "obs.json:1:11: JSON is malformed: a string is not valid UTF-8", region.ErrMalformed},
		{"fraction", `[{"unit": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": 5.5}]`, `obs.json:1:72: value 5.5 is malformed: want a whole number`, region.ErrMalformed},
		{"overflow", `[{"unit": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": 9223372036854775808}]`, `obs.json:1:72: 9223372036854775808 overflows int64`, region.ErrOverflow},
		{"syntax position", "[\n  {\"unit\" \"06619\"}]", "obs.json:2:11: JSON is malformed: want : after a key", region.ErrMalformed},
		{"BOM", "\ufeff[" + obj + "]", "", nil},
		{"spaces and CRLF", "\r\n [ " + obj + " ] \r\n", "", nil},
	} {
		ds, err := indicator.ReadJSON(strings.NewReader(tt.in), "obs.json", h, indicator.Standard())
		if tt.want == "" {
			if err != nil || ds.Len() != 1 {
				t.Errorf("%s: %v", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
		var pe *indicator.ParseError
		if !errors.As(err, &pe) || pe.Line == 0 {
			t.Errorf("%s: no *ParseError with a line: %v", tt.name, err)
		}
		if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
			t.Errorf("%s: error does not wrap %v", tt.name, tt.sentinel)
		}
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add(`[{"unit": "06619", "indicator": "thanh_toan_dt", "date": "2023-07-01", "value": 2120}]`)
	f.Add(`[{"unit": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": -1}, {}]`)
	h := small(f)
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := indicator.ReadJSON(strings.NewReader(in), "fuzz.json", h, indicator.Standard())
		if err == nil && ds == nil {
			t.Fatal("no dataset and no error")
		}
	})
}
