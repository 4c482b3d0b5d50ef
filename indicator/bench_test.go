package indicator_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/synth"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// national is the benchmarks' data on a real hierarchy: 8 flow indicators,
// a plan per commune and indicator, and 120 days of daily counts (9,645,120
// lines for the 10,047 communes of Vietnam2024; 3,188,160 for the 3,321 of
// Vietnam2025).
type national struct {
	h     *region.Hierarchy
	cat   *indicator.Catalogue
	ids   []string
	csv   []byte // unit by unit
	plans *target.Set
	once  [3]sync.Once
	other [3][]byte
}

// ordered returns the national file with its lines in order, made once.
func (n *national) ordered(o synth.Order) []byte {
	if o == synth.ByUnit {
		return n.csv
	}
	n.once[o].Do(func() { n.other[o] = synth.ObservationsCSVOrder(n.h, n.ids, 1, o) })
	return n.other[o]
}

func makeNational(h *region.Hierarchy) (*national, error) {
	cat := new(indicator.Catalogue)
	var ids []string
	for _, ind := range indicator.Standard().All()[:8] {
		ind.Measure = indicator.Flow
		if err := cat.Add(ind); err != nil {
			return nil, err
		}
		ids = append(ids, ind.ID)
	}
	plans, err := target.ReadCSV(bytes.NewReader(synth.PlansCSV(h, ids, 1)), "plans.csv", h)
	if err != nil {
		return nil, err
	}
	return &national{h: h, cat: cat, ids: ids, csv: synth.ObservationsCSV(h, ids, 1), plans: plans}, nil
}

var (
	national2024 = sync.OnceValues(func() (*national, error) { return makeNational(region.Vietnam2024()) })
	national2025 = sync.OnceValues(func() (*national, error) { return makeNational(region.Vietnam2025()) })
)

func loadNational(b *testing.B) *national { return load(b, national2024) }

func load(b *testing.B, data func() (*national, error)) *national {
	if testing.Short() {
		b.Skip("national-scale data is large; skipped with -short")
	}
	n, err := data()
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkReadCSVNational ingests 9.6 million observations (about 290 MB)
// on the 10,047 communes of Vietnam2024, the file's lines in each order
// files come in: unit by unit, day by day (daily exports appended), and
// shuffled.
func BenchmarkReadCSVNational(b *testing.B) {
	for _, o := range []synth.Order{synth.ByUnit, synth.ByDay, synth.Shuffled} {
		b.Run(o.String(), func(b *testing.B) {
			n := loadNational(b)
			data := n.ordered(o)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				ds, err := indicator.ReadCSV(bytes.NewReader(data), "national.csv", n.h, n.cat)
				if err != nil {
					b.Fatal(err)
				}
				if ds.Len() != 9_645_120 {
					b.Fatalf("%d observations", ds.Len())
				}
			}
		})
	}
}

// BenchmarkReadCSVSpreadsheetNational reads the same file with the
// spreadsheet conventions on: the same parser, which must stay as fast.
func BenchmarkReadCSVSpreadsheetNational(b *testing.B) {
	n := loadNational(b)
	b.SetBytes(int64(len(n.csv)))
	b.ReportAllocs()
	opt := indicator.CSVOptions{Spreadsheet: true}
	for b.Loop() {
		if _, err := indicator.ReadCSVWith(bytes.NewReader(n.csv), "national.csv", n.h, n.cat, opt); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadJSONNational reads the first million observations of the
// national data as a JSON array, one object a line.
func BenchmarkReadJSONNational(b *testing.B) {
	n := loadNational(b)
	var js []byte
	js = append(js, '[')
	lines := bytes.Split(n.csv, []byte{'\n'})[1:]
	for i, l := range lines[:1_000_000] {
		f := bytes.Split(l, []byte{','})
		if i > 0 {
			js = append(js, ",\n"...)
		}
		js = fmt.Appendf(js, `{"unit": %q, "indicator": %q, "date": %q, "value": %s}`, f[0], f[1], f[2], f[3])
	}
	js = append(js, ']')
	b.SetBytes(int64(len(js)))
	b.ReportAllocs()
	for b.Loop() {
		ds, err := indicator.ReadJSON(bytes.NewReader(js), "national.json", n.h, n.cat)
		if err != nil {
			b.Fatal(err)
		}
		if ds.Len() != 1_000_000 {
			b.Fatalf("%d observations", ds.Len())
		}
	}
}

// BenchmarkRollupRankNational computes actual, plan, attainment and rank
// for every unit of Vietnam2024 at every level and every indicator (86,456
// ranked rows) as of a date.
func BenchmarkRollupRankNational(b *testing.B) { benchRollup(b, national2024, 86456) }

// BenchmarkRollupRankNational2025 does the same on the 34 provinces and 3,321
// communes of Vietnam2025 (26,848 rows).
func BenchmarkRollupRankNational2025(b *testing.B) { benchRollup(b, national2025, 26848) }

func benchRollup(b *testing.B, data func() (*national, error), want int) {
	n := load(b, data)
	ds, err := indicator.ReadCSV(bytes.NewReader(n.csv), "national.csv", n.h, n.cat)
	if err != nil {
		b.Fatal(err)
	}
	asOf := time.Date(2025, 3, 23, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		r, err := ds.Rollup(asOf, n.plans)
		if err != nil {
			b.Fatal(err)
		}
		if rows := r.Rows(); len(rows) != want {
			b.Fatalf("%d rows, want %d", len(rows), want)
		}
	}
}
