package composite_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/region"
)

func TestReadReported(t *testing.T) {
	c, _ := composite.Reference(composite.DTI2022Province)
	h := region.Vietnam2024()
	rep, err := composite.ReadReported(strings.NewReader("unit,criterion,value\n22,nhan_thuc_so,0.9581\n22,hd_chinh_quyen_so,\"0,8385\"\n"),
		"r.csv", c, h, composite.ReportedOptions{Share: true})
	if err != nil {
		t.Fatal(err)
	}
	// Vietnamese column names read as csvin.Columns folds them; a column
	// named twice is an error, not the last one silently.
	if _, err := composite.ReadReported(strings.NewReader("\ufeffMã đơn vị,Chỉ số,Giá trị\n22,nhan_thuc_so,0.9581\n"), "r.csv", c, h, composite.ReportedOptions{}); err != nil {
		t.Errorf("Vietnamese header: %v", err)
	}
	if _, err := composite.ReadReported(strings.NewReader("unit,criterion,value,giá trị\n22,nhan_thuc_so,1,2\n"), "r.csv", c, h, composite.ReportedOptions{}); !errors.Is(err, region.ErrDuplicate) {
		t.Errorf("a column named twice: %v", err)
	}
	qn := region.MustParseCode("22")
	if got := rep["nhan_thuc_so"][qn].String() + " " + rep["hd_chinh_quyen_so"][qn].String(); got != "95.81 167.7" {
		t.Errorf("shares as points: %s", got)
	}
	js := `[{"unit": "22", "criterion": "nhan_thuc_so", "value": 95.81}, {"unit": "22", "criterion": "the_che_so", "value": "90"}]`
	rep, err = composite.ReadReported(strings.NewReader(js), "r.json", c, h, composite.ReportedOptions{})
	if err != nil || !rep["the_che_so"][qn].Equal(decimal.NewFromInt(90)) {
		t.Errorf("JSON: %v %v", rep, err)
	}

	for _, tt := range []struct {
		name, in     string
		share        bool
		line, column int
		want         string
		sentinel     error
	}{
		{"unknown criterion", "unit,criterion,value\n22,nhan_thuc,50\n", false, 2, 4, `criterion "nhan_thuc" is read by no measure`, composite.ErrCriteria},
		{"a commune in a provincial set", "unit,criterion,value\n06619,nhan_thuc_so,50\n", false, 2, 1, "xã Bắc Xa (06619) is not at the tỉnh level", nil},
		{"unknown unit", "unit,criterion,value\n99,nhan_thuc_so,50\n", false, 2, 1, "unknown unit 99", region.ErrUnknownUnit},
		{"above the points", "unit,criterion,value\n22,nhan_thuc_so,100.5\n", false, 2, 17, "100.5 points for nhan_thuc_so are above its 100", nil},
		{"share above 1", "unit,criterion,value\n22,nhan_thuc_so,1.2\n", true, 2, 17, "share 1.2 of nhan_thuc_so is above 1", nil},
		{"negative", "unit,criterion,value\n22,nhan_thuc_so,-1\n", false, 2, 17, "negative count", region.ErrNegative},
		{"malformed", "unit,criterion,value\n22,nhan_thuc_so,217.00.1\n", false, 2, 17, `value "217.00.1" is malformed`, region.ErrMalformed},
		{"twice", "unit,criterion,value\n22,nhan_thuc_so,1\n22,nhan_thuc_so,2\n", false, 3, 1, "nhan_thuc_so for 22 given twice (first at 2:1)", region.ErrDuplicate},
		{"missing column", "unit,value\n22,1\n", false, 1, 0, `missing column "criterion"`, region.ErrMissingColumn},
		{"JSON key case", `[{"Unit": "22", "criterion": "nhan_thuc_so", "value": 1}]`, false, 1, 3, `unknown key "Unit"`, nil},
	} {
		name := "r.csv"
		if strings.HasPrefix(tt.in, "[") {
			name = "r.json"
		}
		_, err := composite.ReadReported(strings.NewReader(tt.in), name, c, h, composite.ReportedOptions{Share: tt.share})
		var pe *region.ParseError
		if !errors.As(err, &pe) || pe.Line != tt.line || pe.Column != tt.column || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q at %d:%d", tt.name, err, tt.want, tt.line, tt.column)
			continue
		}
		if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
			t.Errorf("%s: %v does not wrap %v", tt.name, err, tt.sentinel)
		}
	}
}

// A typo in a reported key or a unit of another level is an error when
// scoring, not a silently unranked set.
func TestScoreRejectsUnreadValues(t *testing.T) {
	c, _ := composite.Reference(composite.DTI2022Province)
	h := region.Vietnam2024()
	ds, _ := indicator.NewBuilder(h, indicator.Standard(), "none").Build()
	res, _ := ds.Rollup(time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC), nil)
	for _, rep := range []composite.Reported{
		{"nhan_thuc": {region.MustParseCode("22"): decimal.NewFromInt(1)}},
		{"nhan_thuc_so": {region.MustParseCode("06619"): decimal.NewFromInt(1)}},
	} {
		if _, err := c.Score(res, rep); err == nil {
			t.Errorf("Score accepted %v", rep)
		}
	}
}

func FuzzReadReported(f *testing.F) {
	f.Add("unit,criterion,value\n22,nhan_thuc_so,0.9581\n22,hd_chinh_quyen_so,\"0,8385\"\n")
	f.Add("unit,criterion,value\n22,nhan_thuc,50\n06619,nhan_thuc_so,1e1000000000\n22,nhan_thuc_so,-0\n")
	f.Add(`[{"unit": "22", "criterion": "nhan_thuc_so", "value": 95.81}]`)
	c, _ := composite.Reference(composite.DTI2022Province)
	h := region.Vietnam2024()
	f.Fuzz(func(t *testing.T, in string) {
		for _, name := range []string{"f.csv", "f.json"} {
			rep, err := composite.ReadReported(strings.NewReader(in), name, c, h, composite.ReportedOptions{Share: len(in)%2 == 0})
			if err != nil {
				continue
			}
			// What is read is within each criterion's points.
			for key, byUnit := range rep {
				for _, v := range byUnit {
					if v.Sign() < 0 || v.GreaterThan(decimal.NewFromInt(200)) {
						t.Fatalf("%s: %s read as %s", key, in, v)
					}
				}
			}
		}
	})
}

// Changing what an accessor returns changes nothing in the set, and a
// what-if that would leave an invalid set is an error.
func TestCriteriaImmutable(t *testing.T) {
	c, _ := composite.Reference(composite.Commune2025)
	before, _ := c.MarshalJSON()
	spec := c.Spec()
	spec.Root.Points = decimal.NewFromInt(1)
	spec.Root.Children[0].Children[0].Rule.Kind = "magic"
	spec.Root.Children[0].Pillars = append(spec.Root.Children[0].Pillars, indicator.DigitalEconomy)
	sc, err := c.Score(communeData(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc.Criteria().Spec().Root.Children[0].ID = "changed"
	after, _ := c.MarshalJSON()
	if string(before) != string(after) {
		t.Error("changing a Spec changed the set")
	}
	// A group left without criteria, a band above new points, a node that
	// does not exist: errors, not invalid sets.
	one, _ := composite.New(composite.Spec{ID: "one", Level: region.LevelCommune, Root: composite.Node{ID: "r", Role: composite.Group, Points: decimal.NewFromInt(10),
		Children: []composite.Node{{ID: "g", Role: composite.Group, Points: decimal.NewFromInt(10), Children: []composite.Node{
			{ID: "a", Role: composite.Main, Points: decimal.NewFromInt(10), Measure: &composite.Reading{Count: "tmdt"},
				Rule: &composite.Rule{Kind: composite.Bands, Bands: []composite.Band{{From: decimal.NewFromInt(1), Points: decimal.NewFromInt(10)}}}}}}}}}, indicator.Standard())
	if one == nil {
		t.Fatal("the small set is invalid")
	}
	if _, err := one.Without("a"); !errors.Is(err, composite.ErrCriteria) {
		t.Errorf("Without the last criterion: %v", err)
	}
	if _, err := one.Reweighted("a", decimal.NewFromInt(5)); !errors.Is(err, composite.ErrCriteria) {
		t.Errorf("Reweighted below a band's points: %v", err)
	}
	if _, err := one.With("zz", composite.Node{}); !errors.Is(err, composite.ErrCriteria) {
		t.Errorf("With under a missing node: %v", err)
	}
}

// Totals whose float sums are too close to tell apart are ordered exactly.
func TestRankCloseTotals(t *testing.T) {
	c, err := composite.New(composite.Spec{ID: "close", Level: region.LevelCommune, Root: composite.Node{ID: "r", Role: composite.Group, Points: decimal.New(1, 9),
		Children: []composite.Node{
			{ID: "a", Role: composite.Main, Points: decimal.New(5, 8), Measure: &composite.Reading{Reported: "a"}, Rule: &composite.Rule{Kind: composite.AsReported}},
			{ID: "b", Role: composite.Main, Points: decimal.New(5, 8), Measure: &composite.Reading{Reported: "b"}, Rule: &composite.Rule{Kind: composite.AsReported}},
		}}}, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	h := small(t)
	d := decimal.RequireFromString
	m := region.MustParseCode
	rep := composite.Reported{
		"a": {m("06187"): d("499999999.999999"), m("06184"): d("499999999.999998"), m("06619"): d("1"), m("06622"): d("499999999.999998")},
		"b": {m("06187"): d("0.000001"), m("06184"): d("0.000003"), m("06619"): d("1"), m("06622"): d("0.000003")},
	}
	ds, _ := indicator.NewBuilder(h, indicator.Standard(), "none").Build()
	res, _ := ds.Rollup(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	sc, err := c.Score(res, rep)
	if err != nil {
		t.Fatal(err)
	}
	// 06184 and 06622 tie at ...0,000001 above 06187; Đồng Đăng and Bính Xá
	// share rank 1 (in collation order: Bính Xá first), Cao Lộc is 3rd.
	var got []string
	for _, us := range sc.Ranking() {
		got = append(got, us.Unit.Code.String()+":"+itoa(us.Rank))
	}
	if strings.Join(got, " ") != "06622:1 06184:1 06187:3 06619:4" {
		t.Errorf("ranking %v", got)
	}
}
