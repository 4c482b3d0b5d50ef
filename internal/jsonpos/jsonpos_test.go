package jsonpos

import (
	"encoding/json"
	"fmt"
	"runtime"
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
		err := Each([]byte(in), "fuzz.json", keys, func(o *Object) {
			n++
			for k := range o.Values {
				if o.Has(k) && !json.Valid(o.Raw(k)) {
					t.Fatalf("value %q is not JSON", o.Raw(k))
				}
			}
		}, func(error) {})
		if err == nil && !json.Valid([]byte(strings.TrimPrefix(in, "\ufeff"))) {
			t.Fatalf("Each accepted %q, which is not JSON", in)
		}
		// Read in parts, it gives the same elements, problems and error.
		want := events(t, in, 1)
		for _, procs := range []int{2, 3, 7} {
			if got := events(t, in, procs); got != want {
				t.Fatalf("in parts on %d cores:\n%s\nwhole:\n%s", procs, got, want)
			}
		}
	})
}

// events lists what EachPart gives on procs cores, parts in order.
func events(t *testing.T, in string, procs int) string {
	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)
	var parts []*strings.Builder
	err := EachPart([]byte(in), "f.json", keys, func(n int) []Sink {
		parts = make([]*strings.Builder, n)
		ss := make([]Sink, n)
		for k := range n {
			b := new(strings.Builder)
			parts[k] = b
			ss[k] = Sink{
				Object: func(o *Object) {
					fmt.Fprintf(b, "object %d:%d", o.Line, o.Column)
					for k, v := range o.Values {
						fmt.Fprintf(b, " %s@%d:%d", o.Raw(k), v.Line, v.Column)
					}
					b.WriteString("\n")
				},
				Problem: func(err error) { fmt.Fprintln(b, "problem", err) },
			}
		}
		return ss
	})
	var all strings.Builder
	for _, b := range parts {
		all.WriteString(b.String())
	}
	fmt.Fprintln(&all, "error", err)
	return all.String()
}

func TestEachPart(t *testing.T) {
	const obj = `{"unit": "06619", "indicator": "tmdt", "date": "2023-07-01", "value": 5}`
	for _, in := range []string{
		"[\n" + strings.Repeat(obj+",\n", 50) + obj + "\n]\n",
		"\ufeff[\n" + strings.Repeat(obj+"\n,\n", 50) + obj + "]",
		"[\n" + strings.Repeat(obj+",\n", 50) + obj + "\n]\n[\n]",                // a second array
		"[\n" + strings.Repeat(obj+",\n", 50) + `{"unit": 1, "unit": 2}` + "\n]", // a problem in the last part
		"[\n" + strings.Repeat(obj+",\n", 50),                                    // truncated
		"[\n" + strings.Repeat(obj+",\n", 25) + ",\n" + strings.Repeat(obj+",\n", 25) + obj + "]",
		"[\n]\n",
	} {
		want := events(t, in, 1)
		for _, procs := range []int{2, 4, 16} {
			if got := events(t, in, procs); got != want {
				t.Errorf("%q in parts on %d cores:\n%s\nwhole:\n%s", in[:20], procs, got, want)
			}
		}
	}
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
				if err := Each(data, "b.json", keys, func(*Object) { n++ }, func(err error) { b.Fatal(err) }); err != nil || n != 100000 {
					b.Fatal(err, n)
				}
			}
		})
	}
}
