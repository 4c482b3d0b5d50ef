package composite_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// communeData scores the commune set on small(): four communes.
func communeData(t *testing.T) *indicator.Result {
	h := small(t)
	obs := `unit,indicator,date,value
06187,dan_so_truong_thanh,2025-01-01,1000
06184,dan_so_truong_thanh,2025-01-01,800
06619,dan_so_truong_thanh,2025-01-01,500
06622,dan_so_truong_thanh,2025-01-01,400
06187,vneid_l2,2025-06-01,800
06184,vneid_l2,2025-06-01,400
06619,vneid_l2,2025-06-01,450
06622,vneid_l2,2025-06-01,100
06187,chu_ky_so,2025-06-01,650
06184,chu_ky_so,2025-06-01,360
06619,chu_ky_so,2025-06-01,50
06622,chu_ky_so,2025-06-01,100
06187,bhyt_vneid,2025-06-01,700
06184,bhyt_vneid,2025-06-01,280
06619,bhyt_vneid,2025-06-01,350
06622,bhyt_vneid,2025-06-01,70
06187,thanh_toan_dt,2025-06-01,600
06184,thanh_toan_dt,2025-06-01,400
06619,thanh_toan_dt,2025-06-01,2120
06622,thanh_toan_dt,2025-06-01,50
06187,tmdt,2025-06-01,240
06184,tmdt,2025-06-01,300
06619,tmdt,2025-06-01,100
06622,tmdt,2025-06-01,100
06187,cong_dan_so,2025-06-01,500
06184,cong_dan_so,2025-06-01,200
06619,cong_dan_so,2025-06-01,250
06622,cong_dan_so,2025-06-01,40
06187,tap_huan,2025-06-01,500
06184,tap_huan,2025-06-01,200
06619,tap_huan,2025-06-01,300
06622,tap_huan,2025-06-01,100
06187,to_cnscd,2025-06-01,1
06184,to_cnscd,2025-06-01,1
06619,to_cnscd,2025-06-01,2
`
	plans := `unit,indicator,plan
06187,thanh_toan_dt,500
06184,thanh_toan_dt,500
06619,thanh_toan_dt,700
06622,thanh_toan_dt,100
06187,tmdt,300
06184,tmdt,600
06619,tmdt,100
06622,tmdt,200
`
	ds, err := indicator.ReadCSV(strings.NewReader(obs), "obs.csv", h, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	ps, err := target.ReadCSV(strings.NewReader(plans), "plans.csv", h)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ds.Rollup(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC), ps)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func rat(x *big.Rat) string {
	if x == nil {
		return "nil"
	}
	return x.RatString()
}

func TestScoreCommune2025(t *testing.T) {
	c, err := composite.Reference(composite.Commune2025)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := c.Score(communeData(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Cao Lộc (06187): vneid 0,8 → 15; signatures 0,65 → 15; BHYT 0,7 → 10;
	// payments 120% → 15; e-commerce 80% → 12; Công dân số 0,5 is the
	// highest share → 10; training 0,5 → 10; has a team → 10. Total 97.
	// Đồng Đăng (06184): 0,5/0,8·15 = 75/8; 0,45 → 10; 0,35/0,7·10 = 5;
	// 80% → 12; 50% → 15/2; Công dân số (0,25 − 0,1)/(0,5 − 0,1)·10 = 15/4;
	// training 0,25/0,5·10 = 5; team 10. Total 501/8 = 62,625.
	// Bính Xá (06622) has no team count: missing, so no total and no rank.
	tests := []struct {
		code  string
		total string
		rank  int
		miss  []string
	}{
		{"06187", "97", 1, nil},
		{"06184", "501/8", 3, nil},
		{"06619", "85", 2, nil},
		{"06622", "nil", 0, []string{"xhs_to_cnscd"}},
	}
	for _, tt := range tests {
		us, ok := sc.Unit(region.MustParseCode(tt.code))
		if !ok {
			t.Fatalf("no score for %s", tt.code)
		}
		if rat(us.Total) != tt.total || us.Rank != tt.rank || !cmp.Equal(us.Missing, tt.miss) {
			t.Errorf("%s: total %s rank %d missing %v; want %s %d %v (points %v)", tt.code, rat(us.Total), us.Rank, us.Missing, tt.total, tt.rank, tt.miss, us.Points)
		}
	}
	// Bắc Xa (06619): vneid 15, signatures 0 (0,1), BHYT 10, payments 15,
	// e-commerce 15, Công dân số 0,5 → 10, training 0,6 → 10, team 10: 85;
	// pillar chính quyền số 25 of 40.
	us, _ := sc.Unit(region.MustParseCode("06619"))
	if got := rat(us.PillarValue[indicator.DigitalGov]); got != "5/8" {
		t.Errorf("Bắc Xa chính quyền số = %s", got)
	}
	if got := indicator.Round(us.Index, 4, indicator.HalfUp).String(); got != "0.85" {
		t.Errorf("Bắc Xa index = %s", got)
	}
	var order []string
	for _, u := range sc.Ranking() {
		order = append(order, u.Unit.Code.String())
	}
	if diff := cmp.Diff([]string{"06187", "06619", "06184", "06622"}, order); diff != "" {
		t.Errorf("Ranking (-want +got):\n%s", diff)
	}

	// The same set scoring missing data as zero ranks Bính Xá too.
	spec := c.Spec()
	spec.MissingAsZero = true
	zero, err := composite.New(spec, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	sz, err := zero.Score(communeData(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if us, _ := sz.Unit(region.MustParseCode("06622")); us.Rank != 4 || us.Missing[0] != "xhs_to_cnscd" {
		t.Errorf("missing as zero: %+v", us)
	}
}

// TestWhatIf drops the digital-signature criterion, as Bắc Ninh's question
// asks in reverse, and shows who moves.
func TestWhatIf(t *testing.T) {
	c, _ := composite.Reference(composite.Commune2025)
	data := communeData(t)
	with, err := c.Score(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	without, err := c.Without("cqs_chu_ky_so")
	if err != nil {
		t.Fatal(err)
	}
	if without.Points().String() != "85" || c.Points().String() != "100" {
		t.Errorf("Without changed points to %s (original %s)", without.Points(), c.Points())
	}
	sw, err := without.Score(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	moves, err := composite.Diff(with, sw)
	if err != nil {
		t.Fatal(err)
	}
	// Without signatures: Cao Lộc 82 of 85, Bắc Xa 85 of 85: Bắc Xa, which
	// has almost no signatures, overtakes Cao Lộc.
	var got []string
	for _, m := range moves {
		got = append(got, m.Unit.Code.String()+":"+itoa(m.Before)+"→"+itoa(m.After))
	}
	if diff := cmp.Diff([]string{"06619:2→1", "06187:1→2"}, got); diff != "" {
		t.Errorf("moves (-want +got):\n%s", diff)
	}
	// Adding it back gives the original ranking.
	sig := c.Spec().Root.Children[0].Children[1]
	back, err := without.With("cqs", sig)
	if err != nil {
		t.Fatal(err)
	}
	sb, _ := back.Score(data, nil)
	if moves, _ := composite.Diff(with, sb); len(moves) != 0 {
		t.Errorf("re-adding moved %v", moves)
	}
	heavier, err := c.Reweighted("cqs_vneid", decimal.NewFromInt(30))
	if err != nil || heavier.Points().String() != "115" {
		t.Errorf("Reweighted: %v %v", heavier, err)
	}
	if _, err := c.Reweighted("cqs", decimal.NewFromInt(1)); err == nil {
		t.Error("reweighting a group succeeded")
	}
	if _, err := c.Without("nope"); !errors.Is(err, composite.ErrCriteria) {
		t.Errorf("Without(nope) = %v", err)
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestCriteriaJSONRoundTrip(t *testing.T) {
	for _, id := range []string{composite.DTI2022Province, composite.DTI2025Province, composite.DTI2025National, composite.Commune2025} {
		c, err := composite.Reference(id)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		back, err := composite.Parse(b, indicator.Standard())
		if err != nil {
			t.Fatalf("%s: %v\n%s", id, err, b)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) {
			t.Errorf("%s does not round-trip:\n%s\n%s", id, b, b2)
		}
		if !strings.Contains(c.Spec().Source, "QĐ") && id != composite.Commune2025 {
			t.Errorf("%s does not cite its decision: %q", id, c.Spec().Source)
		}
	}
	c, _ := composite.Reference(composite.DTI2022Province)
	if c.Leaves() != 9 {
		t.Errorf("922 has %d main indicators, want 9", c.Leaves())
	}
}

func TestCriteriaValidate(t *testing.T) {
	bad := `{"id":"x","name":"x","source":"s","level":"xã","root":{"id":"r","name":"r","role":"group","points":"100","children":[
 {"id":"a","name":"a","role":"main","points":"60","measure":{"count":"nope"},"rule":{"kind":"target"}},
 {"id":"a","name":"dup","role":"main","points":"30","measure":{"count":"tmdt","attainment":"tmdt"},"rule":{"kind":"bands","bands":[{"from":"0.5","points":"40"},{"from":"0.2","points":"1"}]}},
 {"id":"b","name":"b","role":"wrong","points":"-5"},
 {"id":"c","name":"c","role":"main","points":"5","measure":{"ratio":["tmdt"]},"rule":{"kind":"magic"},"children":[{"id":"d","name":"d","role":"main","points":"5","measure":{"count":"tmdt"},"rule":{"kind":"yesno"}}]}
]}}`
	_, err := composite.Parse([]byte(bad), indicator.Standard())
	if err == nil {
		t.Fatal("bad criteria accepted")
	}
	for _, want := range []string{
		`node "r": invalid criteria: children's points sum to 90, not 100`,
		`node "a": invalid criteria: unknown indicator "nope"`,
		`node "a": invalid criteria: a target rule needs a positive target`,
		`node "a": invalid criteria: id given twice`,
		`exactly one of count, ratio, attainment, reported; it has 2`,
		`bands are not in ascending order of from`,
		`band 0.5 gives 40 points, outside [0, 30]`,
		`node "b": invalid criteria: points -5 are not in [0, 10^9]`,
		`role "wrong" is not group, main or sub`,
		`node "b": invalid criteria: a leaf needs a measure and a rule`,
		`node "c": invalid criteria: a node with children has a measure or rule`,
		`node "d": invalid criteria: a main indicator below another`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := composite.Parse([]byte(`{"id":"x","bogus":1}`), indicator.Standard()); err == nil {
		t.Error("unknown field accepted")
	}
	if _, err := composite.Reference("nope"); err == nil {
		t.Error("unknown reference set")
	}
}

// TestMergeDTI scores the 922 provincial set for Bắc Giang and Bắc Ninh
// before 2025 and the new Bắc Ninh from them, as DTI 2024 was published:
// each main indicator is the mean of the predecessors'.
func TestMergeDTI(t *testing.T) {
	c, _ := composite.Reference(composite.DTI2022Province)
	h := region.Vietnam2024()
	ds, _ := indicator.NewBuilder(h, indicator.Standard(), "none").Build()
	r, err := ds.Rollup(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	rep := composite.Reported{}
	put := func(code string, pts ...string) {
		ids := []string{"nhan_thuc_so", "the_che_so", "ha_tang_so", "nhan_luc_so", "an_toan_thong_tin", "do_thi_thong_minh", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so"}
		for i, id := range ids {
			if rep[id] == nil {
				rep[id] = map[region.Code]decimal.Decimal{}
			}
			rep[id][region.MustParseCode(code)] = d(pts[i])
		}
	}
	put("24", "80", "70", "75", "60", "90", "0", "150", "110", "100") // 735
	put("27", "90", "80", "85", "70", "80", "0", "170", "120", "130") // 825
	sc, err := c.Score(r, rep)
	if err != nil {
		t.Fatal(err)
	}
	if us, _ := sc.Unit(region.MustParseCode("27")); rat(us.Total) != "825" || us.Rank != 1 {
		t.Errorf("Bắc Ninh 2024: %s rank %d", rat(us.Total), us.Rank)
	}
	merged, err := sc.Merge(region.Reorganisation2025(), region.Vietnam2025(), nil)
	if err != nil {
		t.Fatal(err)
	}
	us, ok := merged.Unit(region.MustParseCode("24"))
	if !ok || rat(us.Total) != "780" || indicator.Round(us.Index, 4, indicator.HalfUp).String() != "0.78" ||
		rat(us.Points["hd_chinh_quyen_so"]) != "160" || rat(us.PillarValue[indicator.DigitalGov]) != "11/14" {
		t.Errorf("merged Bắc Ninh: %+v", us)
	}
	// Weighted by population (Bắc Giang 1.9, Bắc Ninh 1.5 million: illustrative).
	w, err := sc.Merge(region.Reorganisation2025(), region.Vietnam2025(), map[region.Code]int64{
		region.MustParseCode("24"): 19, region.MustParseCode("27"): 15,
	})
	if err != nil {
		t.Fatal(err)
	}
	if us, _ := w.Unit(region.MustParseCode("24")); rat(us.Total) != "13170/17" { // (19·735 + 15·825) / 34
		t.Errorf("weighted merge = %s", rat(us.Total))
	}
	// A new province whose predecessors were not scored has no total.
	if us, _ := merged.Unit(region.MustParseCode("20")); us.Total != nil || us.Rank != 0 {
		t.Errorf("Lạng Sơn without data: %+v", us)
	}
}

// ParseCriteria never panics or hangs, and what it accepts round-trips.
func FuzzParseCriteria(f *testing.F) {
	for _, id := range []string{composite.Commune2025, composite.DTI2022Province} {
		c, err := composite.Reference(id)
		if err != nil {
			f.Fatal(err)
		}
		b, err := json.Marshal(c)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"id": "x", "root": {"id": "r", "points": 1e1000000000}}`))
	f.Add([]byte(`{"id": "x", "root": {"id": "r", "points": 0.0000001}} {}`))
	f.Add([]byte(`{"id": "x", "level": "xã", "root": {"id": "r", "role": "main", "points": "1e-9000", "measure": {"count": "tmdt"}, "rule": {"kind": "yesno"}}}`))
	f.Add([]byte(`{"id": "x", "level": "xã", "root": {"id": "r", "role": "main", "points": "1e400", "measure": {"count": "tmdt"}, "rule": {"kind": "yesno"}}}`))
	f.Add([]byte(`{"id": "z", "level": "tỉnh", "root": {"id": "r", "role": "group", "points": "0", "children": [{"id": "a", "role": "main", "points": "0", "measure": {"reported": "a"}, "rule": {"kind": "points"}}]}}`))
	f.Add([]byte(`{"id": "m", "level": "tỉnh", "missing_as_zero": true, "root": {"id": "r", "role": "group", "points": "10", "children": [{"id": "a", "role": "main", "points": "4", "measure": {"reported": "a"}, "rule": {"kind": "minmax", "invert": true}}, {"id": "b", "role": "main", "points": "6", "measure": {"ratio": ["tmdt", "tap_huan"]}, "rule": {"kind": "bands", "bands": [{"from": "0", "points": "1"}, {"from": "0.5", "points": "6"}]}}]}}`))
	h := region.Vietnam2024()
	b := indicator.NewBuilder(h, indicator.Standard(), "fuzz")
	day := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	var units []region.Code
	for _, code := range []string{"20", "22", "24", "06619", "06187"} {
		units = append(units, region.MustParseCode(code))
	}
	for k, ind := range indicator.Standard().All() {
		for j, u := range units {
			b.Add(indicator.Observation{Indicator: ind.ID, Unit: u, Date: day, Value: int64((k*7 + j*3) % 5)})
		}
	}
	ds, err := b.Build()
	if err != nil {
		f.Fatal(err)
	}
	res, err := ds.Rollup(day, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := composite.Parse(data, indicator.Standard())
		if err != nil {
			return
		}
		b, err := json.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := composite.Parse(b, indicator.Standard()); err != nil {
			t.Fatalf("an accepted set does not read back: %v", err)
		}
		// What chiso score does with it never panics: score with values
		// reported for some units, then the rank sensitivity.
		rep := composite.Reported{}
		spec := c.Spec()
		for v := range composite.Walk(&spec.Root) {
			if m := v.Node.Measure; m != nil && m.Reported != "" {
				rep[m.Reported] = map[region.Code]decimal.Decimal{}
				for j, u := range units {
					if u.Level() == c.Level() {
						rep[m.Reported][u] = v.Node.Points.Mul(decimal.New(int64(j%3), -1))
					}
				}
			}
		}
		sc, err := c.Score(res, rep)
		if err != nil {
			return
		}
		sc.Sensitivity(composite.SensitivityOptions{Samples: 3, Weights: 0.2, Missing: true})
	})
}

func TestParseCriteriaBounds(t *testing.T) {
	for _, in := range []string{
		`{"id": "x", "root": {"id": "r", "points": 1e1000000000}}`,
		`{"id": "x", "root": {"id": "r", "points": 1000000001}}`,
		`{"id": "x", "root": {"id": "r", "points": 0.0000001}}`,
	} {
		_, err := composite.Parse([]byte(in), indicator.Standard())
		if !errors.Is(err, composite.ErrCriteria) || !strings.Contains(err.Error(), "at most 10^9") {
			t.Errorf("ParseCriteria(%s): %v", in, err)
		}
	}
}

// A set whose points are all 0 has no index (total / maximum): it is an
// error naming the set and its root, not a division by zero when scored;
// so is a what-if that leaves every criterion at 0.
func TestCriteriaZeroPoints(t *testing.T) {
	zero := `{"id":"z","name":"z","source":"s","level":"xã","root":{"id":"r","name":"r","role":"group","points":"0","children":[
 {"id":"a","name":"a","role":"main","points":"0","measure":{"count":"tmdt"},"rule":{"kind":"yesno"}},
 {"id":"b","name":"b","role":"main","points":"0","measure":{"count":"tap_huan"},"rule":{"kind":"yesno"}}
]}}`
	_, err := composite.Parse([]byte(zero), indicator.Standard())
	if !errors.Is(err, composite.ErrCriteria) || !strings.Contains(err.Error(), `criteria z, node "r": invalid criteria: points are 0`) {
		t.Fatalf("got %v, want the zero maximum of z named", err)
	}
	ten := strings.ReplaceAll(strings.Replace(zero, `"points":"0"`, `"points":"20"`, 1), `"points":"0"`, `"points":"10"`)
	c, err := composite.Parse([]byte(ten), indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Reweighted("a", decimal.Zero); err != nil {
		t.Errorf("one criterion at 0 rejected: %v", err)
	}
	c, _ = c.Reweighted("b", decimal.Zero)
	if _, err := c.Reweighted("a", decimal.Zero); err == nil || !strings.Contains(err.Error(), "points are 0") {
		t.Errorf("every criterion at 0: got %v", err)
	}
}

// Numbers written as strings, the way sets are marshalled, go through the
// same bounds as plain ones, and errors quote them as short excerpts.
func TestParseCriteriaStringBounds(t *testing.T) {
	for _, num := range []string{`"1e-9000"`, `"1e400"`, `"0.0000001"`, `"1000000001"`, `"` + strings.Repeat("9", 400) + `"`, `1e400`} {
		for _, at := range []string{`"points": %s`, `"points": 1, "rule": {"kind": "target", "target": %s}`, `"points": 1, "rule": {"kind": "bands", "bands": [{"from": %s, "points": 1}]}`} {
			in := `{"id": "x", "level": "xã", "root": {"id": "r", "role": "main", "measure": {"count": "tmdt"}, ` + fmt.Sprintf(at, num) + `}}`
			_, err := composite.Parse([]byte(in), indicator.Standard())
			if !errors.Is(err, composite.ErrCriteria) || !strings.Contains(err.Error(), "at most 10^9") {
				t.Errorf("Parse(%.80s): %v", in, err)
			}
			if err != nil && len(err.Error()) > 300 {
				t.Errorf("Parse(%.80s): an error of %d bytes", in, len(err.Error()))
			}
		}
	}
	// Strings elsewhere are not numbers: a name "1e400" is a name.
	in := `{"id": "1e400", "name": "1e400", "level": "xã", "root": {"id": "r", "name": "1e-9000", "role": "main", "points": "10", "measure": {"count": "tmdt"}, "rule": {"kind": "yesno"}}}`
	if _, err := composite.Parse([]byte(in), indicator.Standard()); err != nil {
		t.Errorf("names that look like numbers: %v", err)
	}
	// A Spec built in Go meets the same bounds before any arithmetic.
	spec := composite.Spec{ID: "x", Level: region.LevelCommune, Root: composite.Node{ID: "r", Role: composite.Main, Points: decimal.New(1, 1_000_000_000), Measure: &composite.Reading{Count: "tmdt"}, Rule: &composite.Rule{Kind: composite.YesNo}}}
	if _, err := composite.New(spec, indicator.Standard()); !errors.Is(err, composite.ErrCriteria) || len(err.Error()) > 300 {
		t.Errorf("New with points 1e1000000000: %v", err)
	}
}

// A set of more than MaxNodes criteria is refused before it is built, with
// an error naming the limit; raising MaxNodes reads it.
func TestParseCriteriaMaxNodes(t *testing.T) {
	const leaves = 10_000 // and the root: one more than MaxNodes
	var b strings.Builder
	fmt.Fprintf(&b, `{"id": "big", "name": "big", "source": "s", "level": "xã", "root": {"id": "r", "name": "r", "role": "group", "points": %d, "children": [`, leaves)
	for k := range leaves {
		if k > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"id": "l%d", "name": "l", "role": "main", "points": 1, "measure": {"count": "tmdt"}, "rule": {"kind": "yesno"}}`, k)
	}
	b.WriteString("]}}")
	_, err := composite.Parse([]byte(b.String()), indicator.Standard())
	if !errors.Is(err, composite.ErrCriteria) || !strings.Contains(err.Error(), "more than 10000 criteria (composite.MaxNodes)") {
		t.Fatalf("got %v, want the limit named", err)
	}
	defer func(n int) { composite.MaxNodes = n }(composite.MaxNodes)
	composite.MaxNodes = leaves + 1
	c, err := composite.Parse([]byte(b.String()), indicator.Standard())
	if err != nil || c.Leaves() != leaves {
		t.Fatalf("with MaxNodes raised: %v", err)
	}
}

// ReadCriteria reads a set, and refuses an endless input at the limit.
func TestReadCriteria(t *testing.T) {
	c, _ := composite.Reference(composite.Commune2025)
	b, _ := json.Marshal(c)
	got, err := composite.ReadCriteria(strings.NewReader(string(b)), "c.json", indicator.Standard())
	if err != nil || got.ID() != c.ID() {
		t.Fatalf("ReadCriteria: %v", err)
	}
	_, err = composite.ReadCriteria(zeros{}, "/dev/zero", indicator.Standard())
	if !errors.Is(err, composite.ErrCriteria) || !strings.Contains(err.Error(), "/dev/zero: invalid criteria: more than 8388608 bytes (composite.MaxCriteriaBytes)") {
		t.Errorf("an endless input: %v", err)
	}
}

// zeros is an endless reader of zero bytes, as /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }
