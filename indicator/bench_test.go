package indicator_test

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/synth"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// national is the benchmarks' data: Vietnam's hierarchy before 2025 (63
// provinces, 705 districts, 10,599 communes), 8 flow indicators, a plan per
// commune and indicator, and 120 days of daily counts (10,175,040 lines).
type national struct {
	h     *region.Hierarchy
	cat   *indicator.Catalogue
	csv   []byte
	plans *target.Set
}

var nationalData = sync.OnceValues(func() (*national, error) {
	units := synth.Units(1)
	h, err := region.New(units)
	if err != nil {
		return nil, err
	}
	cat := new(indicator.Catalogue)
	var ids []string
	for _, ind := range indicator.Standard().All()[:8] {
		ind.Measure = indicator.Flow
		if err := cat.Add(ind); err != nil {
			return nil, err
		}
		ids = append(ids, ind.ID)
	}
	plans, err := target.ReadCSV(bytes.NewReader(synth.PlansCSV(units, ids, 1)), "plans.csv", h)
	if err != nil {
		return nil, err
	}
	return &national{h, cat, synth.ObservationsCSV(units, ids, 1), plans}, nil
})

func loadNational(b *testing.B) *national {
	if testing.Short() {
		b.Skip("national-scale data is large; skipped with -short")
	}
	n, err := nationalData()
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkReadCSVNational ingests 10.2 million observations (about 350 MB).
func BenchmarkReadCSVNational(b *testing.B) {
	n := loadNational(b)
	b.SetBytes(int64(len(n.csv)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := indicator.ReadCSV(bytes.NewReader(n.csv), "national.csv", n.h, n.cat); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRollupNational computes actual, plan, attainment and rank for
// every unit at every level and every indicator (90,944 rows) as of a date.
func BenchmarkRollupNational(b *testing.B) {
	n := loadNational(b)
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
		if rows := r.Rows(); len(rows) != 90944 {
			b.Fatalf("%d rows", len(rows))
		}
	}
}
