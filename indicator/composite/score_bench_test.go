package composite_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// fiftyCriteria builds a commune-level set of 50 leaves in three pillars,
// cycling through every measure form and rule.
func fiftyCriteria() *composite.Criteria {
	ids := []string{"vneid_l2", "chu_ky_so", "bhyt_vneid", "cong_dan_so", "thanh_toan_dt", "tmdt", "tap_huan", "to_cnscd"}
	pillars := []indicator.Pillar{indicator.DigitalGov, indicator.DigitalEconomy, indicator.DigitalSociety}
	root := composite.Node{ID: "root", Name: "50 tiêu chí", Role: composite.Group}
	for g, p := range pillars {
		grp := composite.Node{ID: fmt.Sprintf("g%d", g), Name: p.String(), Role: composite.Group, Pillars: []indicator.Pillar{p}}
		for k := g; k < 50; k += 3 {
			id := ids[k%len(ids)]
			n := composite.Node{ID: fmt.Sprintf("c%02d", k), Name: id, Role: composite.Main, Points: decimal.NewFromInt(20)}
			switch k % 4 {
			case 0:
				n.Measure = &composite.Reading{Ratio: []string{id, "dan_so_truong_thanh"}}
				n.Rule = &composite.Rule{Kind: composite.ToTarget, Target: decimal.RequireFromString("0.6")}
			case 1:
				n.Measure = &composite.Reading{Attainment: id}
				n.Rule = &composite.Rule{Kind: composite.Bands, Bands: []composite.Band{
					{From: decimal.RequireFromString("0.5"), Points: decimal.NewFromInt(10)},
					{From: decimal.NewFromInt(1), Points: decimal.NewFromInt(20)}}}
			case 2:
				n.Measure = &composite.Reading{Ratio: []string{id, "dan_so_truong_thanh"}}
				n.Rule = &composite.Rule{Kind: composite.MinMax}
			default:
				n.Measure = &composite.Reading{Count: id}
				n.Rule = &composite.Rule{Kind: composite.YesNo}
			}
			grp.Children = append(grp.Children, n)
			grp.Points = grp.Points.Add(n.Points)
		}
		root.Children = append(root.Children, grp)
		root.Points = root.Points.Add(grp.Points)
	}
	c, err := composite.New(composite.Spec{ID: "bench-50", Name: "bench", Source: "generated", Level: region.LevelCommune, Root: root}, indicator.Standard())
	if err != nil {
		panic(err)
	}
	return c
}

// BenchmarkScoreNational scores the 10,047 communes of Vietnam2024 on a
// 50-criterion set.
func BenchmarkScoreNational(b *testing.B) {
	res := nationalResult(b)
	c := fiftyCriteria()
	if c.Leaves() != 50 {
		b.Fatalf("%d leaves", c.Leaves())
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Score(res, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// nationalResult is a roll-up of random counts and plans for every commune
// of Vietnam2024.
func nationalResult(b *testing.B) *indicator.Result {
	h := region.Vietnam2024()
	r := rand.New(rand.NewPCG(1, 9))
	cat := indicator.Standard()
	bl := indicator.NewBuilder(h, cat, "bench")
	var targets []target.Target
	day := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, i := range h.Level(region.LevelCommune) {
		u := h.At(int(i))
		adults := int64(2000 + r.IntN(8000))
		bl.Add(indicator.Observation{Indicator: "dan_so_truong_thanh", Unit: u.Code, Date: day, Value: adults})
		for _, ind := range cat.All()[:8] {
			bl.Add(indicator.Observation{Indicator: ind.ID, Unit: u.Code, Date: day, Value: r.Int64N(adults)})
			targets = append(targets, target.Target{Indicator: ind.ID, Unit: u.Code, Value: target.Count(1 + r.Int64N(adults))})
		}
	}
	ds, err := bl.Build()
	if err != nil {
		b.Fatal(err)
	}
	plans, err := target.NewSet(h, targets)
	if err != nil {
		b.Fatal(err)
	}
	res, err := ds.Rollup(day, plans)
	if err != nil {
		b.Fatal(err)
	}
	return res
}

// BenchmarkRankingNational reads every commune's exact scores (total,
// index, points of every node, pillars) from a national scorecard: the
// exact sums that Score leaves until they are asked for.
func BenchmarkRankingNational(b *testing.B) {
	res := nationalResult(b)
	sc, err := fiftyCriteria().Score(res, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(sc.Ranking()) != 10047 {
			b.Fatal("units")
		}
	}
}
