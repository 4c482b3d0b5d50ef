package composite_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/region"
)

// provinces2025 scores the 34 provinces of 2025 on the 922 set with
// reported main indicators drawn from seed.
func provinces2025(tb testing.TB, seed uint64) *composite.Scorecard {
	c, err := composite.Reference(composite.DTI2022Province)
	if err != nil {
		tb.Fatal(err)
	}
	h := region.Vietnam2025()
	r := rand.New(rand.NewPCG(seed, 1))
	rep := composite.Reported{}
	for v := range composite.Walk(ptr(c.Spec().Root)) {
		n := v.Node
		if n.Measure == nil || n.Points.IsZero() {
			continue
		}
		rep[n.Measure.Reported] = map[region.Code]decimal.Decimal{}
		for _, i := range h.Level(region.LevelProvince) {
			share := decimal.NewFromInt(int64(300 + r.IntN(700))).Shift(-3)
			rep[n.Measure.Reported][h.At(int(i)).Code] = share.Mul(n.Points)
		}
	}
	ds, _ := indicator.NewBuilder(h, indicator.Standard(), "none").Build()
	res, err := ds.Rollup(time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		tb.Fatal(err)
	}
	sc, err := c.Score(res, rep)
	if err != nil {
		tb.Fatal(err)
	}
	return sc
}

func ptr[T any](v T) *T { return &v }

func TestSensitivity(t *testing.T) {
	sc := provinces2025(t, 7)
	// Without perturbation every rank is kept in every scenario.
	still, err := sc.Sensitivity(composite.SensitivityOptions{Samples: 50, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range still {
		if s.Kept != 50 || s.Median != s.Rank || s.Low != s.Rank || s.High != s.Rank {
			t.Errorf("u = 0 moved %v: %+v", s.Unit, s)
		}
	}
	opt := composite.SensitivityOptions{Samples: 400, Seed: 42, Weights: 0.3}
	a, err := sc.Sensitivity(opt)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := sc.Sensitivity(opt)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Error("the same seed gives different spreads")
	}
	if len(a) != 34 {
		t.Fatalf("%d spreads, want 34", len(a))
	}
	moved := 0
	for _, s := range a {
		if s.Low > s.Median || s.Median > s.High || s.Ranked != 400 || s.Kept > 400 {
			t.Errorf("%v: %+v", s.Unit, s)
		}
		if s.Low != s.High {
			moved++
		}
	}
	if moved == 0 {
		t.Error("±30% weights moved nobody")
	}
	// Ranking order: the spreads come best rank first.
	if !slices.IsSortedFunc(a, func(x, y composite.RankSpread) int { return x.Rank - y.Rank }) {
		t.Error("spreads are not in ranking order")
	}
	for _, bad := range []composite.SensitivityOptions{{Samples: 0}, {Samples: 10, Weights: 1}, {Samples: 10, Weights: -0.1}} {
		if _, err := sc.Sensitivity(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
	if got := (composite.Spread{Rank: 3, Low: 2, High: 5, Median: 3, Ranked: 100, Kept: 41}).English(); got != "rank 3, rank 2 to 5 in 90% of the scenarios (kept rank 3 in 41% of them)" {
		t.Errorf("English: %s", got)
	}
	if got := (composite.Spread{}).English(); got != "unranked in every scenario" {
		t.Errorf("English: %s", got)
	}
	if got := (composite.Spread{Rank: 3, Low: 2, High: 5, Median: 3, Ranked: 100, Kept: 41}).String(); got != "hạng 3, trong 90% kịch bản từ hạng 2 đến hạng 5 (giữ hạng 3 trong 41% kịch bản)" {
		t.Errorf("String = %q", got)
	}
}

// BenchmarkSensitivity draws 1,000 scenarios over the 34 provinces.
func BenchmarkSensitivity(b *testing.B) {
	sc := provinces2025(b, 7)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sc.Sensitivity(composite.SensitivityOptions{Samples: 1000, Seed: 1, Weights: 0.2, Missing: true}); err != nil {
			b.Fatal(err)
		}
	}
}
