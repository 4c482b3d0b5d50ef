package indicator_test

import (
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
		"obs.json:2:2: negative count -5",
		`obs.json:3:2: unknown unit "99999"`,
		`obs.json:4:2: unknown indicator "xyz"`,
		`obs.json:5:2: date "1/7/2023" is malformed: want a valid YYYY-MM-DD`,
		"obs.json:6:2: object is malformed: no value",
		`obs.json:7:2: json: unknown field "extra"`,
		`obs.json:8:2: region.ParseCode("6619")`,
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
