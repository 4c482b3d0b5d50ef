package jsonpos

import (
	"encoding/json"
	"strings"
	"testing"
)

var keys = []string{"unit", "indicator", "date", "value"}

// What Each accepts is JSON by encoding/json's own judgement, and every
// object it gives has only known keys, each once.
func FuzzEach(f *testing.F) {
	for _, s := range []string{
		`[{"unit": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": 5}]`,
		`[{"unit": "0\u0036619", "value": -1.5e3}, {}, 5, {"x": [1, {"y": null}]}]`,
		"\ufeff[]", `[{"unit": 1, "unit": 2}]`, `[`, `[]]`, `[{"a\"b": true}]`, "[\"\xff\"]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n := 0
		err := Each([]byte(in), "fuzz.json", keys, func(o Object) {
			n++
			for _, v := range o.Values {
				if v.Raw != nil && !json.Valid(v.Raw) {
					t.Fatalf("value %q is not JSON", v.Raw)
				}
			}
		}, func(error) {})
		if err == nil && !json.Valid([]byte(strings.TrimPrefix(in, "\ufeff"))) {
			t.Fatalf("Each accepted %q, which is not JSON", in)
		}
	})
}

// Positions are counted once, however long the input: a million elements
// on one line and on a million lines both read in linear time.
func BenchmarkEach(b *testing.B) {
	const obj = `{"unit": "06619", "indicator": "thanh_toan_dt", "date": "2023-06-01", "value": 2120}`
	for _, sep := range []string{",", ",\n"} {
		data := []byte("[" + strings.Repeat(obj+sep, 99999) + obj + "]")
		b.Run(map[string]string{",": "one-line", ",\n": "lines"}[sep], func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				n := 0
				if err := Each(data, "b.json", keys, func(Object) { n++ }, func(err error) { b.Fatal(err) }); err != nil || n != 100000 {
					b.Fatal(err, n)
				}
			}
		})
	}
}
