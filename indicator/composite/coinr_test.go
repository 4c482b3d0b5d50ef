package composite_test

import (
	"encoding/csv"
	"fmt"
	"math"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/region"
)

func readCSV(t *testing.T, path string) []map[string]string {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("COINr's ASEM data is not here (%v); users' clones do not have ../shared", err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// TestCOINrASEM expresses COINr's default aggregation of its ASEM example
// (min-max to [0, 100] after direction, then equal-weight arithmetic means
// indicator → pillar → sub-index → index) as a chiso criteria set, scores
// the 51 countries, and compares with the same pipeline computed directly in
// floating point. Indicators with a denominator or missing values are left
// out, since COINr's denomination, imputation and winsorisation are not
// chiso's to reproduce; the check is of normalisation, nested aggregation
// through points, and ranking.
func TestCOINrASEM(t *testing.T) {
	dir := filepath.Join(seeds.Root(), "..", "shared", "data", "coinr-asem")
	meta := readCSV(t, filepath.Join(dir, "ASEM_iMeta.csv"))
	data := readCSV(t, filepath.Join(dir, "ASEM_iData.csv"))
	sort.Slice(data, func(i, j int) bool { return data[i]["uCode"] < data[j]["uCode"] })

	// The framework, keeping complete indicators without denominators.
	type ind struct {
		code, pillar string
		invert       bool
	}
	var inds []ind
	subOf := map[string]string{}
	for _, m := range meta {
		switch {
		case m["Type"] == "Aggregate" && m["Level"] == "2.0":
			subOf[m["iCode"]] = m["Parent"]
		case m["Type"] == "Indicator" && m["Denominator"] == "":
			complete := true
			for _, r := range data {
				complete = complete && r[m["iCode"]] != ""
			}
			if complete {
				inds = append(inds, ind{m["iCode"], m["Parent"], m["Direction"] == "-1.0"})
			}
		}
	}
	perPillar := map[string][]ind{}
	var pillars []string
	for _, in := range inds {
		if perPillar[in.pillar] == nil {
			pillars = append(pillars, in.pillar)
		}
		perPillar[in.pillar] = append(perPillar[in.pillar], in)
	}
	pillarsOf := map[string][]string{}
	var subs []string
	for _, p := range pillars {
		s := subOf[p]
		if pillarsOf[s] == nil {
			subs = append(subs, s)
		}
		pillarsOf[s] = append(pillarsOf[s], p)
	}
	if len(inds) < 15 || len(subs) != 2 {
		t.Fatalf("%d indicators in %d sub-indices", len(inds), len(subs))
	}
	// Equal weights at every level as whole points: an indicator gets
	// T / (sub-indices × pillars of its sub-index × indicators of its pillar).
	var lcm int64 = 1
	for _, s := range subs {
		for _, p := range pillarsOf[s] {
			n := int64(len(subs) * len(pillarsOf[s]) * len(perPillar[p]))
			lcm = lcm / gcd(lcm, n) * n
		}
	}
	root := composite.Node{ID: "Index", Name: "Index", Role: composite.Group, Points: decimal.NewFromInt(lcm)}
	for _, s := range subs {
		sn := composite.Node{ID: s, Name: s, Role: composite.Group, Points: decimal.NewFromInt(lcm / int64(len(subs)))}
		for _, p := range pillarsOf[s] {
			pn := composite.Node{ID: p, Name: p, Role: composite.Group, Points: sn.Points.Div(decimal.NewFromInt(int64(len(pillarsOf[s]))))}
			for _, in := range perPillar[p] {
				pn.Children = append(pn.Children, composite.Node{
					ID: in.code, Name: in.code, Role: composite.Main,
					Points:  pn.Points.Div(decimal.NewFromInt(int64(len(perPillar[p])))),
					Measure: &composite.Reading{Reported: in.code},
					Rule:    &composite.Rule{Kind: composite.MinMax, Invert: in.invert},
				})
			}
			sn.Children = append(sn.Children, pn)
		}
		root.Children = append(root.Children, sn)
	}
	c, err := composite.New(composite.Spec{ID: "asem", Name: "ASEM (COINr example)", Source: "COINr ASEM_iMeta", Level: region.LevelProvince, Root: root}, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}

	// The 51 countries as units, with codes in the order of their ISO codes.
	units := []region.Unit{{Code: region.Nation, Name: "ASEM", Kind: region.KindNation}}
	rep := composite.Reported{}
	codeOf := map[string]region.Code{}
	for i, r := range data {
		code := region.MustParseCode(fmt.Sprintf("%02d", i+1))
		codeOf[r["uCode"]] = code
		units = append(units, region.Unit{Code: code, Name: r["uName"], Kind: region.KindProvince, Parent: region.Nation})
		for _, in := range inds {
			if rep[in.code] == nil {
				rep[in.code] = map[region.Code]decimal.Decimal{}
			}
			rep[in.code][code] = decimal.RequireFromString(r[in.code])
		}
	}
	h, err := region.New(units)
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := indicator.NewBuilder(h, indicator.Standard(), "none").Build()
	res, _ := ds.Rollup(time.Now(), nil)
	sc, err := c.Score(res, rep)
	if err != nil {
		t.Fatal(err)
	}

	// The same pipeline, directly, in floating point.
	norm := map[string][]float64{}
	for _, in := range inds {
		var xs []float64
		for _, r := range data {
			x, _ := decimal.RequireFromString(r[in.code]).Float64()
			xs = append(xs, x)
		}
		lo, hi := slices.Min(xs), slices.Max(xs)
		for _, x := range xs {
			v := (x - lo) / (hi - lo) * 100
			if in.invert {
				v = (hi - x) / (hi - lo) * 100
			}
			norm[in.code] = append(norm[in.code], v)
		}
	}
	mean := func(xs []float64) float64 {
		s := 0.0
		for _, x := range xs {
			s += x
		}
		return s / float64(len(xs))
	}
	want := make([]float64, len(data))
	for u := range data {
		var subVals []float64
		for _, s := range subs {
			var pv []float64
			for _, p := range pillarsOf[s] {
				var iv []float64
				for _, in := range perPillar[p] {
					iv = append(iv, norm[in.code][u])
				}
				pv = append(pv, mean(iv))
			}
			subVals = append(subVals, mean(pv))
		}
		want[u] = mean(subVals)
	}
	for u, r := range data {
		us, _ := sc.Unit(codeOf[r["uCode"]])
		got, _ := new(big.Rat).Mul(us.Index, big.NewRat(100, 1)).Float64()
		if math.Abs(got-want[u]) > 1e-9 {
			t.Errorf("%s: chiso %.12f, direct %.12f", r["uCode"], got, want[u])
		}
	}
	// Ranks: chiso's order is the direct order (no two countries tie).
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return want[order[a]] > want[order[b]] })
	for rank, u := range order {
		us, _ := sc.Unit(codeOf[data[u]["uCode"]])
		if us.Rank != rank+1 {
			t.Errorf("%s: chiso rank %d, direct %d", data[u]["uCode"], us.Rank, rank+1)
		}
	}
	best := sc.Ranking()[0]
	t.Logf("%d indicators, %d pillars: first %s at %s", len(inds), len(pillars), best.Unit.Name, indicator.Round(best.Index, 4, indicator.HalfUp))
}
