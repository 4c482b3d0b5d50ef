package indicator_test

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// shareObs: adults on 1/1 and signatures on 30/6 in the four communes of
// the fixture (Lạng Sơn; Cao Lộc and Đình Lập districts).
const shareObs = `unit,indicator,date,value
06187,dan_so_truong_thanh,2025-01-01,1007
06184,dan_so_truong_thanh,2025-01-01,2000
06619,dan_so_truong_thanh,2025-01-01,993
06622,dan_so_truong_thanh,2025-01-01,1500
06187,chu_ky_so,2025-06-30,600
06184,chu_ky_so,2025-06-30,1300
06619,chu_ky_so,2025-06-30,700
06622,chu_ky_so,2025-06-30,800
`

const sharePlans = `unit,indicator,plan,due
06187,chu_ky_so,50%,2025-12-31
06184,chu_ky_so,60%,2025-12-31
06619,chu_ky_so,"70,5%",2025-12-31
06622,chu_ky_so,50%,2025-12-31
`

var june30 = time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)

func shareRollup(t *testing.T, obs, plans string, opt indicator.RollupOptions) (*indicator.Result, error) {
	t.Helper()
	return shareRollupIn(t, small(t), obs, plans, opt)
}

func shareRollupIn(t *testing.T, h *region.Hierarchy, obs, plans string, opt indicator.RollupOptions) (*indicator.Result, error) {
	t.Helper()
	ds, err := indicator.ReadCSV(strings.NewReader(obs), "obs.csv", h, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	ps, err := target.ReadCSV(strings.NewReader(plans), "plans.csv", h)
	if err != nil {
		t.Fatal(err)
	}
	return ds.RollupWith(june30, ps, opt)
}

// TestShareRollupByHand checks a share plan rolled up from communes to the
// province against a hand computation. The exact plans are share × base:
//
//	Cao Lộc    50%   of 1.007 =   503,5     600 signed
//	Đồng Đăng  60%   of 2.000 = 1.200      1.300
//	Bắc Xa     70,5% of   993 =   700,065   700
//	Bính Xá    50%   of 1.500 =   750       800
//
// so the province plans 3.153,565 signatures over 5.500 adults (a target
// share of 3.153,565/5.500 = 630713/1100000) and has 3.400: coverage
// 3.400/5.500 (61,8%; coverage, like a count's attainment, is kept as
// actual/base, not reduced) and attainment 3.400/3.153,565 =
// 680000/630713 (107,8%), the ratios of the sums. Shown as a count, the
// plan rounds up to 3.154.
func TestShareRollupByHand(t *testing.T) {
	r, err := shareRollup(t, shareObs, sharePlans, indicator.RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	type fig struct {
		Actual, Plan, Base                     int64
		PlanExact, Share, Coverage, Attainment string
		Rank                                   int
	}
	want := map[string]fig{
		"06187": {600, 504, 1007, "1007/2", "1/2", "600/1007", "1200/1007", 1},
		"06184": {1300, 1200, 2000, "1200/1", "3/5", "1300/2000", "1300/1200", 2},
		"06619": {700, 701, 993, "140013/200", "141/200", "700/993", "140000/140013", 4},
		"06622": {800, 750, 1500, "750/1", "1/2", "800/1500", "800/750", 3},
		// Cao Lộc: 503,5 + 1.200 = 1.703,5 over 3.007 adults, 1.900 signed.
		"183": {1900, 1704, 3007, "3407/2", "3407/6014", "1900/3007", "3800/3407", 1},
		// Đình Lập: 700,065 + 750 = 1.450,065 over 2.493, 1.500 signed.
		"189": {1500, 1451, 2493, "290013/200", "96671/166200", "1500/2493", "300000/290013", 2},
		"20":  {3400, 3154, 5500, "630713/200", "630713/1100000", "3400/5500", "680000/630713", 1},
	}
	for code, w := range want {
		row, ok := r.Row("chu_ky_so", region.MustParseCode(code))
		if !ok || !row.SharePlan || !row.HasBase {
			t.Fatalf("%s: %+v", code, row)
		}
		text := func(x indicator.Ratio) string { b, _ := x.MarshalText(); return string(b) }
		got := fig{row.Actual, row.Plan, row.Base, text(row.PlanExact), text(row.TargetShare()), text(row.Coverage()), text(row.Attainment), row.Rank}
		if got != w {
			t.Errorf("%s:\n got %+v\nwant %+v", code, got, w)
		}
		if code != "06619" && row.BaseSummed != (len(code) < 5) {
			t.Errorf("%s: BaseSummed %v", code, row.BaseSummed)
		}
	}
	p, _ := r.Row("chu_ky_so", region.MustParseCode("20"))
	if got := p.Coverage().Percent(1, indicator.HalfUp).String() + " " + p.Attainment.Percent(1, indicator.HalfUp).String(); got != "61.8 107.8" {
		t.Errorf("province coverage and attainment %s", got)
	}

	// Ranks by coverage differ from ranks by attainment.
	var order []string
	for _, row := range r.RankedBy("chu_ky_so", region.LevelCommune, indicator.ByCoverage, indicator.Competition) {
		order = append(order, row.Unit.Code.String())
	}
	if got := strings.Join(order, " "); got != "06619 06184 06187 06622" {
		t.Errorf("by coverage: %s", got)
	}
	order = order[:0]
	for _, row := range r.RankedWithinBy("chu_ky_so", region.MustParseCode("20"), indicator.ByAttainment, indicator.Competition) {
		order = append(order, row.Unit.Code.String())
	}
	if got := strings.Join(order, " "); got != "183 189" {
		t.Errorf("districts by attainment: %s", got)
	}

	// The mean of the districts' coverages, named as such, is not the
	// province's coverage: (1900/3007 + 1500/2493)/2 = 61,68%, not 61,82%.
	mean, n, err := r.MeanOfChildrenBy("chu_ky_so", region.MustParseCode("20"), indicator.ByCoverage, 2, indicator.HalfUp)
	if err != nil || n != 2 || mean.String() != "61.68" {
		t.Errorf("mean of children's coverage = %s (%d), %v", mean, n, err)
	}
	mean, _, err = r.MeanOfChildren("chu_ky_so", region.MustParseCode("20"), 2, indicator.HalfUp)
	// (3800/3407 + 100000/96671)/2 = 107,49%: exact attainments, not Actual/Plan.
	if err != nil || mean.String() != "107.49" {
		t.Errorf("mean of children's attainment = %s, %v", mean, err)
	}
}

// TestShareTies: equal coverages share a competition rank, listed in
// Vietnamese collation order of names (Cao Lộc before Đồng Đăng), and the
// next rank skips; a Column gives the bases too.
func TestShareTies(t *testing.T) {
	// Cao Lộc 1.690 of 2.600 and Đồng Đăng 1.300 of 2.000 both cover 65%.
	obs := strings.NewReplacer("06187,dan_so_truong_thanh,2025-01-01,1007", "06187,dan_so_truong_thanh,2025-01-01,2600",
		"06187,chu_ky_so,2025-06-30,600", "06187,chu_ky_so,2025-06-30,1690",
		"06619,chu_ky_so,2025-06-30,700", "06619,chu_ky_so,2025-06-30,100").Replace(shareObs)
	r, err := shareRollup(t, obs, sharePlans, indicator.RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, row := range r.RankedBy("chu_ky_so", region.LevelCommune, indicator.ByCoverage, indicator.Competition) {
		got = append(got, fmt.Sprintf("%d %s", row.Rank, row.Unit.Name))
	}
	if strings.Join(got, ", ") != "1 Cao Lộc, 1 Đồng Đăng, 3 Bính Xá, 4 Bắc Xa" {
		t.Errorf("ranks by coverage: %s", strings.Join(got, ", "))
	}
	col, _ := r.Column("chu_ky_so")
	i, _ := r.Hierarchy().Index(region.MustParseCode("20"))
	if b, ok := col.Base(i); !ok || b != 2600+2000+993+1500 {
		t.Errorf("Column.Base = %d, %v", b, ok)
	}
	if col, _ := r.Column("tmdt"); func() bool { _, ok := col.Base(i); return ok }() {
		t.Error("tmdt has a base")
	}
}

// TestShareMissingBase: a share target whose unit has no base is an error
// naming the unit, every such unit reported.
func TestShareMissingBase(t *testing.T) {
	obs := strings.Replace(shareObs, "06622,dan_so_truong_thanh,2025-01-01,1500\n", "", 1)
	obs = strings.Replace(obs, "06187,dan_so_truong_thanh,2025-01-01,1007\n", "06187,dan_so_truong_thanh,2026-01-01,1007\n", 1)
	_, err := shareRollup(t, obs, sharePlans, indicator.RollupOptions{})
	for _, want := range []string{
		"share plan 50% of chu_ky_so for 06622 (xã Bính Xá): no base dan_so_truong_thanh as of 2025-12-31",
		"for 06187 (thị trấn Cao Lộc): no base dan_so_truong_thanh as of 2025-12-31 (first observed on 2026-01-01",
	} {
		if !errors.Is(err, indicator.ErrNoBase) || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	// A base of another date is used when the caller says so; Bính Xá
	// still has none.
	_, err = shareRollup(t, obs, sharePlans, indicator.RollupOptions{BaseDate: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err == nil || strings.Contains(err.Error(), "06187") || !strings.Contains(err.Error(), "06622") {
		t.Errorf("with a base date: %v", err)
	}
	// An indicator that names no base cannot have a share plan.
	_, err = shareRollup(t, shareObs, "unit,indicator,plan\n06187,tmdt,50%\n", indicator.RollupOptions{})
	if !errors.Is(err, indicator.ErrNoBase) || !strings.Contains(err.Error(), "06187 (thị trấn Cao Lộc): no base: the indicator names no base") {
		t.Errorf("no base named: %v", err)
	}
	// A base of 0 cannot carry a share.
	obs = strings.Replace(shareObs, "06622,dan_so_truong_thanh,2025-01-01,1500", "06622,dan_so_truong_thanh,2025-01-01,0", 1)
	if _, err := shareRollup(t, obs, sharePlans, indicator.RollupOptions{}); !errors.Is(err, indicator.ErrZeroDenominator) || !strings.Contains(err.Error(), "06622") {
		t.Errorf("zero base: %v", err)
	}
}

// TestShareBasesGiven: bases from a population file the caller gives are
// the only ones read, and a count plan mixes with share plans exactly.
func TestShareBasesGiven(t *testing.T) {
	h := small(t)
	var obs, bases strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(shareObs), "\n") {
		if strings.Contains(l, "dan_so") {
			bases.WriteString(l + "\n")
		} else {
			obs.WriteString(l + "\n")
		}
	}
	b, err := indicator.ReadCSV(strings.NewReader("unit,indicator,date,value\n"+bases.String()), "danso.csv", h, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	plans := strings.Replace(sharePlans, "06622,chu_ky_so,50%", "06622,chu_ky_so,750", 1)
	r, err := shareRollupIn(t, h, obs.String(), plans, indicator.RollupOptions{Bases: b})
	if err != nil {
		t.Fatal(err)
	}
	row, _ := r.Row("chu_ky_so", region.MustParseCode("20"))
	if got, _ := row.Attainment.MarshalText(); string(got) != "680000/630713" {
		t.Errorf("attainment with given bases and a count plan: %s", got)
	}
	if _, err := shareRollupIn(t, h, obs.String(), plans, indicator.RollupOptions{}); !errors.Is(err, indicator.ErrNoBase) {
		t.Errorf("bases neither given nor observed: %v", err)
	}
	other, _ := indicator.NewBuilder(region.Vietnam2024(), indicator.Standard(), "").Build()
	if _, err := shareRollupIn(t, h, obs.String(), plans, indicator.RollupOptions{Bases: other}); !errors.Is(err, indicator.ErrMismatch) {
		t.Errorf("bases of another hierarchy: %v", err)
	}
}

// Test411 applies the goals of 411/QĐ-TTg (31/3/2022) for 2025, more than
// 50% of adults with a digital signature and 80% of people aged 15 and
// over with a payment account, to a constructed province (the fixture's
// units, with invented figures).
func Test411(t *testing.T) {
	obs := `unit,indicator,date,value
06187,dan_so_truong_thanh,2025-01-01,8000
06184,dan_so_truong_thanh,2025-01-01,6000
06619,dan_so_truong_thanh,2025-01-01,1200
06622,dan_so_truong_thanh,2025-01-01,900
06187,dan_so_15_tuoi,2025-01-01,8600
06184,dan_so_15_tuoi,2025-01-01,6500
06619,dan_so_15_tuoi,2025-01-01,1300
06622,dan_so_15_tuoi,2025-01-01,1000
06187,chu_ky_so,2025-06-30,4100
06184,chu_ky_so,2025-06-30,2900
06619,chu_ky_so,2025-06-30,500
06622,chu_ky_so,2025-06-30,551
06187,thanh_toan_dt,2025-06-30,7000
06184,thanh_toan_dt,2025-06-30,5000
06619,thanh_toan_dt,2025-06-30,900
06622,thanh_toan_dt,2025-06-30,700
`
	plans := "unit,indicator,plan,due\n20,chu_ky_so,50%,2025-12-31\n20,thanh_toan_dt,80%,2025-12-31\n"
	r, err := shareRollup(t, obs, plans, indicator.RollupOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sig, _ := r.Row("chu_ky_so", region.MustParseCode("20"))
	pay, _ := r.Row("thanh_toan_dt", region.MustParseCode("20"))
	// Signatures: 8.051 of 16.100 adults is 50,006%: more than 50%, as
	// 411 asks, by 1 signature over the 8.050 that 50% needs.
	if sig.Base != 16100 || sig.Plan != 8050 || sig.Coverage().Compare(indicator.MustRatio(1, 2)) <= 0 {
		t.Errorf("signatures: %+v", sig)
	}
	// Payment accounts: 13.600 of 17.400 is 78,2%, short of 80% (13.920).
	if pay.Base != 17400 || pay.Plan != 13920 || pay.Coverage().Percent(1, indicator.HalfUp).String() != "78.2" || pay.Attainment.Compare(indicator.MustRatio(1, 1)) >= 0 {
		t.Errorf("payments: %+v", pay)
	}
	// 320 accounts short on 30/6, 184 days before 31/12: 1,74 a day, so 2.
	start := target.Point{Date: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Count: 0}
	due := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	p, err := r.Pace("thanh_toan_dt", region.MustParseCode("20"), start, due)
	if err != nil {
		t.Fatal(err)
	}
	goal, _ := target.ParseValue("80%")
	noun := numeral.Words{Vi: "người", En: "people"}
	if got := indicator.PaceText(p, goal, noun, due, numeral.Vietnamese); got != "cần thêm 2 người mỗi ngày để đạt 80% trước 31/12" || p.Status != target.OnTrack {
		t.Errorf("pace %q, %v", got, p.Status)
	}
	if got := indicator.PaceText(p, goal, noun, due, numeral.English); got != "2 more people a day needed to reach 80% by 31/12" {
		t.Errorf("pace %q", got)
	}
	p, _ = r.Pace("chu_ky_so", region.MustParseCode("20"), start, due)
	if got := indicator.PaceText(p, target.Share(decimal.NewFromInt(50)), noun, due, numeral.Vietnamese); got != "đã đạt 50%" {
		t.Errorf("met: %q", got)
	}
}

func TestSharePlan(t *testing.T) {
	for _, tt := range []struct {
		plan       string
		base       int64
		want, goal string
		up         int64
	}{
		{"50%", 1007, "1007/2", "", 504},
		{"60%", 101378, "304134/5", "", 60827}, // 60.826,8 needs 60.827
		{"70,5%", 993, "140013/200", "", 701},
		{"150000", 7, "150000/1", "", 150000},
		{"0,0001%", 3, "3/1000000", "", 1},
	} {
		v, err := target.ParseValue(tt.plan)
		if err != nil {
			t.Fatal(err)
		}
		p, err := indicator.SharePlan(v, tt.base)
		if b, _ := p.MarshalText(); err != nil || string(b) != tt.want || indicator.RoundUp(p) != tt.up {
			t.Errorf("SharePlan(%s, %d) = %s (%d), %v", tt.plan, tt.base, b, indicator.RoundUp(p), err)
		}
	}
	if _, err := indicator.SharePlan(target.Share(decimal.RequireFromString("50.1234567")), 10); !errors.Is(err, indicator.ErrOverflow) {
		t.Errorf("seven decimals: %v", err)
	}
	a, err := indicator.ShareAttainment(600, 1007, target.Share(decimal.NewFromInt(50)))
	if b, _ := a.MarshalText(); err != nil || string(b) != "1200/1007" {
		t.Errorf("ShareAttainment = %s, %v", b, err)
	}
	if _, err := indicator.ShareAttainment(600, 0, target.Share(decimal.NewFromInt(50))); !errors.Is(err, indicator.ErrZeroDenominator) {
		t.Errorf("zero base: %v", err)
	}
}

// FuzzShareRollup: for any bases, actuals and shares of the four communes,
// the province's plan, coverage, target share and attainment are the
// ratios of the sums, computed here with big.Rat, and the plan shown is
// the least count that meets the exact plan.
func FuzzShareRollup(f *testing.F) {
	f.Add(uint32(1007), uint32(2000), uint32(993), uint32(1500), uint32(600), uint32(1300), uint32(700), uint32(800), uint16(500), uint16(600), uint16(705), uint16(500))
	f.Add(uint32(1), uint32(1), uint32(3), uint32(7), uint32(0), uint32(0), uint32(1), uint32(9), uint16(1), uint16(1000), uint16(333), uint16(999))
	h := small(f)
	units := []string{"06187", "06184", "06619", "06622"}
	f.Fuzz(func(t *testing.T, b1, b2, b3, b4, a1, a2, a3, a4 uint32, s1, s2, s3, s4 uint16) {
		bases, acts, shares := []uint32{b1, b2, b3, b4}, []uint32{a1, a2, a3, a4}, []uint16{s1, s2, s3, s4}
		bl := indicator.NewBuilder(h, indicator.Standard(), "fuzz")
		var ts []target.Target
		day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		plan, base, act := new(big.Rat), new(big.Rat), new(big.Rat)
		for j, u := range units {
			if bases[j] == 0 || shares[j] == 0 || shares[j] > 1000 {
				return
			}
			code := region.MustParseCode(u)
			bl.Add(indicator.Observation{Indicator: "dan_so_truong_thanh", Unit: code, Date: day, Value: int64(bases[j])})
			bl.Add(indicator.Observation{Indicator: "chu_ky_so", Unit: code, Date: day, Value: int64(acts[j])})
			pct := decimal.New(int64(shares[j]), -1) // 0,1% to 100%
			ts = append(ts, target.Target{Indicator: "chu_ky_so", Unit: code, Value: target.Share(pct)})
			plan.Add(plan, new(big.Rat).Mul(big.NewRat(int64(shares[j]), 1000), big.NewRat(int64(bases[j]), 1)))
			base.Add(base, big.NewRat(int64(bases[j]), 1))
			act.Add(act, big.NewRat(int64(acts[j]), 1))
		}
		ds, err := bl.Build()
		if err != nil {
			t.Fatal(err)
		}
		plans, err := target.NewSet(h, ts)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ds.Rollup(day, plans)
		if err != nil {
			t.Fatal(err)
		}
		row, _ := r.Row("chu_ky_so", region.MustParseCode("20"))
		rat := func(x indicator.Ratio) *big.Rat { return big.NewRat(x.Num(), x.Den()) }
		up := new(big.Int).Quo(new(big.Int).Add(plan.Num(), new(big.Int).Sub(plan.Denom(), big.NewInt(1))), plan.Denom())
		switch {
		case rat(row.PlanExact).Cmp(plan) != 0:
			t.Fatalf("plan %v, want %v", row.PlanExact, plan)
		case rat(row.Coverage()).Cmp(new(big.Rat).Quo(act, base)) != 0:
			t.Fatalf("coverage %v", row.Coverage())
		case rat(row.TargetShare()).Cmp(new(big.Rat).Quo(plan, base)) != 0:
			t.Fatalf("target share %v", row.TargetShare())
		case rat(row.Attainment).Cmp(new(big.Rat).Quo(act, plan)) != 0:
			t.Fatalf("attainment %v", row.Attainment)
		case row.Plan != up.Int64():
			t.Fatalf("plan shown %d, want %v", row.Plan, up)
		}
	})
}
