package indicator_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// BenchmarkRollupShareNational is BenchmarkRollupRankNational with share
// targets: the same observations, every one of the 8 indicators naming
// adults as its base, a population file of adults for every commune, and
// a share plan (from 30% to 89,5%) per commune and indicator, resolved
// against its commune's base, rolled up exactly and ranked by attainment.
func BenchmarkRollupShareNational(b *testing.B) {
	n := loadNational(b)
	cat := new(indicator.Catalogue)
	var ids []string
	for _, ind := range n.cat.All() {
		ind.Base = "dan_so_truong_thanh"
		if err := cat.Add(ind); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, ind.ID)
	}
	ds, err := indicator.ReadCSV(bytes.NewReader(n.csv), "national.csv", n.h, cat)
	if err != nil {
		b.Fatal(err)
	}
	bases := indicator.NewBuilder(n.h, indicator.Standard(), "danso.csv")
	var ts []target.Target
	due := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	for j, i := range n.h.Level(region.LevelCommune) {
		u := n.h.At(int(i)).Code
		bases.Add(indicator.Observation{Indicator: "dan_so_truong_thanh", Unit: u, Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Value: int64(3000 + j*7919%9000)})
		for k, id := range ids {
			pct := decimal.New(int64(300+(j*31+k*7)%600), -1) // 30% to 89,9%, some with a decimal
			ts = append(ts, target.Target{Indicator: id, Unit: u, Value: target.Share(pct), Due: due})
		}
	}
	bs, err := bases.Build()
	if err != nil {
		b.Fatal(err)
	}
	plans, err := target.NewSet(n.h, ts)
	if err != nil {
		b.Fatal(err)
	}
	asOf := time.Date(2025, 3, 23, 0, 0, 0, 0, time.UTC)
	opt := indicator.RollupOptions{Bases: bs}
	b.ReportAllocs()
	for b.Loop() {
		r, err := ds.RollupWith(asOf, plans, opt)
		if err != nil {
			b.Fatal(err)
		}
		if rows := r.Rows(); len(rows) != 86456 || !rows[0].SharePlan || !rows[0].Coverage().IsValid() {
			b.Fatalf("%d rows, want 86456; first %+v", len(rows), rows[0])
		}
	}
}
