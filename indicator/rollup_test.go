package indicator_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/fixture"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// small is Lạng Sơn with two districts and four communes (fixture.LangSon).
func small(testing.TB) *region.Hierarchy { return fixture.LangSon() }

const smallObs = `unit,indicator,date,value
06187,thanh_toan_dt,2023-06-01,300
06187,thanh_toan_dt,2023-07-01,600
06184,thanh_toan_dt,2023-07-01,400
06619,thanh_toan_dt,2023-07-01,2120
06622,thanh_toan_dt,2023-08-01,50
183,tap_huan,2023-07-01,999
06187,tap_huan,2023-07-01,5
`

const smallPlans = `unit,indicator,plan
06187,thanh_toan_dt,500
06184,thanh_toan_dt,500
06619,thanh_toan_dt,700
06622,thanh_toan_dt,100
`

func smallRollup(t *testing.T, obs string, asOf time.Time) *indicator.Result {
	h := small(t)
	ds, err := indicator.ReadCSV(strings.NewReader(obs), "obs.csv", h, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	plans, err := target.ReadCSV(strings.NewReader(smallPlans), "plans.csv", h)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ds.Rollup(asOf, plans)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

var july = time.Date(2023, 7, 15, 0, 0, 0, 0, time.UTC)

func TestRollup(t *testing.T) {
	r := smallRollup(t, smallObs, july)
	type fig struct {
		Actual, Plan      int64
		HasActual, Summed bool
		Pct               string
		Rank              int
	}
	get := func(ind, code string) fig {
		row, ok := r.Row(ind, region.MustParseCode(code))
		if !ok {
			t.Fatalf("no row %s %s", ind, code)
		}
		return fig{row.Actual, row.Plan, row.HasActual, row.Summed, row.Attainment.Percent(1, indicator.HalfUp).String(), row.Rank}
	}
	want := map[string]fig{
		// Communes: Bắc Xa 303%, Cao Lộc 120%, Đồng Đăng 80%; Bính Xá has no
		// data by 15/7 (missing, not zero) and is unranked.
		"06619": {2120, 700, true, false, "302.9", 1},
		"06187": {600, 500, true, false, "120", 2},
		"06184": {400, 500, true, false, "80", 3},
		"06622": {0, 100, false, false, "0", 0},
		// Districts: ratio of sums. Đình Lập: 2120 / (700+100) = 265%.
		"183": {1000, 1000, true, true, "100", 2},
		"189": {2120, 800, true, true, "265", 1},
		"20":  {3120, 1800, true, true, "173.3", 1},
	}
	for code, w := range want {
		if diff := cmp.Diff(w, get("thanh_toan_dt", code)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", code, diff)
		}
	}
	// A unit's own figure wins over its children's sum: Cao Lộc reported 999.
	if f := get("tap_huan", "183"); f.Actual != 999 || f.Summed {
		t.Errorf("tap_huan 183 = %+v", f)
	}
	if f := get("tap_huan", "20"); f.Actual != 999 || !f.Summed {
		t.Errorf("tap_huan 20 = %+v", f)
	}
	// Before 1/6 nothing is known.
	early := smallRollup(t, smallObs, time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC))
	if row, _ := early.Row("thanh_toan_dt", region.MustParseCode("20")); row.HasActual || row.Attainment.IsValid() {
		t.Errorf("before any observation: %+v", row)
	}
	if got := len(r.Rows()); got != 7*indicator.Standard().Len() {
		t.Errorf("%d rows", got)
	}
	mean, n, err := r.MeanOfChildren("thanh_toan_dt", region.MustParseCode("183"), 1, indicator.HalfUp)
	if err != nil || n != 2 || mean.String() != "100" {
		t.Errorf("MeanOfChildren(183) = %s over %d, %v", mean, n, err)
	}
	mean, n, _ = r.MeanOfChildren("thanh_toan_dt", region.MustParseCode("189"), 2, indicator.HalfUp)
	if n != 1 || mean.String() != "302.86" {
		t.Errorf("MeanOfChildren(189) = %s over %d", mean, n)
	}
	if _, _, err := r.MeanOfChildren("tmdt", region.MustParseCode("183"), 1, indicator.HalfUp); err == nil {
		t.Error("MeanOfChildren without data succeeded")
	}
}

func TestRanking(t *testing.T) {
	h := small(t)
	e := func(code string, n, d int64) indicator.Entry {
		return indicator.Entry{Unit: region.MustParseCode(code), Value: indicator.MustRatio(n, d)}
	}
	// Cao Lộc (06187) and Đồng Đăng tie at 120%; Bắc Xa and Bính Xá tie at 80%.
	entries := []indicator.Entry{e("06184", 6, 5), e("06619", 4, 5), e("06187", 12, 10), e("06622", 8, 10), e("189", 2, 1)}
	tests := []struct {
		m    indicator.RankMethod
		want string
	}{
		{indicator.Competition, "189:1 06187:2 06184:2 06619:4 06622:4"},
		{indicator.Dense, "189:1 06187:2 06184:2 06619:3 06622:3"},
		{indicator.Ordinal, "189:1 06187:2 06184:3 06619:4 06622:5"},
	}
	for _, tt := range tests {
		for trial := 0; trial < 5; trial++ {
			rand.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
			got, err := indicator.Rank(h, entries, tt.m)
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, r := range got {
				s = append(s, r.Unit.String()+":"+string(rune('0'+r.Rank)))
			}
			if strings.Join(s, " ") != tt.want {
				t.Errorf("%v: %s, want %s", tt.m, strings.Join(s, " "), tt.want)
			}
		}
	}
	if _, err := indicator.Rank(h, []indicator.Entry{e("99", 1, 1)}, indicator.Dense); !errors.Is(err, indicator.ErrUnknownUnit) {
		t.Errorf("unknown unit: %v", err)
	}
	r := smallRollup(t, smallObs, july)
	var within []string
	for _, row := range r.RankedWithin("thanh_toan_dt", region.MustParseCode("183"), indicator.Competition) {
		within = append(within, row.Unit.Code.String())
	}
	if diff := cmp.Diff([]string{"06187", "06184"}, within); diff != "" {
		t.Errorf("RankedWithin: %s", diff)
	}
	if got := r.Ranked("thanh_toan_dt", region.LevelDistrict, indicator.Dense); len(got) != 2 || got[0].Unit.Code.String() != "189" {
		t.Errorf("Ranked districts: %+v", got)
	}
}

// TestOrderIndependent: the same observations in any order give the same rows.
func TestOrderIndependent(t *testing.T) {
	want := smallRollup(t, smallObs, july).Rows()
	lines := strings.Split(strings.TrimSpace(smallObs), "\n")
	for trial := 0; trial < 10; trial++ {
		body := lines[1:]
		rand.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
		got := smallRollup(t, lines[0]+"\n"+strings.Join(body, "\n")+"\n", july).Rows()
		if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b indicator.Ratio) bool { return a == b }), cmp.Comparer(func(a, b region.Code) bool { return a == b })); diff != "" {
			t.Fatalf("order changed the result:\n%s", diff)
		}
	}
}

func TestReadCSVErrors(t *testing.T) {
	h := small(t)
	in := "commune,indicator,day,n\n" +
		"06187,thanh_toan_dt,2023-06-01,300\n" +
		"06187,thanh_toan_dt,2023-06-01,301\n" + // conflict
		"99999,thanh_toan_dt,2023-06-01,1\n" + // unknown unit
		"06187,xyz,2023-06-01,1\n" + // unknown indicator
		"06187,tmdt,2023-02-30,1\n" + // no such day
		"06187,tmdt,2023-06-01,-4\n" + // negative
		"06187,tmdt,2023-06-01,217.00\n" + // not plain digits
		"06187,tmdt\n" + // too few fields
		"\"06187\",tmdt,2023-06-01,1\n" // quoted
	_, err := indicator.ReadCSV(strings.NewReader(in), "obs.csv", h, indicator.Standard())
	for _, want := range []string{
		"obs.csv:3: observation given twice with different values: thanh_toan_dt for 06187 on 2023-06-01 is 301 here and 300 at 2",
		`obs.csv:4:1: unknown unit "99999"`,
		`obs.csv:5:7: unknown indicator "xyz"`,
		`obs.csv:6:12: date "2023-02-30" is malformed: want a valid YYYY-MM-DD`,
		`obs.csv:7:23: negative count: "-4" is negative`,
		`obs.csv:8:23: value "217.00" is malformed: not a count of plain digits`,
		"obs.csv:9:1: line is malformed: 2 fields, the header has 4 columns",
		"obs.csv:10:1: line is malformed: quoted fields are not supported",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if !errors.Is(err, indicator.ErrConflict) || !errors.Is(err, indicator.ErrNegative) {
		t.Error("sentinels not wrapped")
	}
	if _, err := indicator.ReadCSV(strings.NewReader("unit,date,value\n"), "o.csv", h, indicator.Standard()); err == nil ||
		!strings.Contains(err.Error(), `o.csv:1: missing column "indicator"`) {
		t.Errorf("header: %v", err)
	}
}

func TestBuilderAndFlows(t *testing.T) {
	h := small(t)
	cat := new(indicator.Catalogue)
	if err := cat.Add(indicator.Indicator{ID: "moi", Name: "tài khoản mới", Unit: "tài khoản", Measure: indicator.Flow}); err != nil {
		t.Fatal(err)
	}
	if err := cat.Add(indicator.Indicator{ID: "moi"}); !errors.Is(err, indicator.ErrDuplicateIndicator) {
		t.Errorf("duplicate id: %v", err)
	}
	b := indicator.NewBuilder(h, cat, "api")
	day := func(d int) time.Time { return time.Date(2025, 3, d, 0, 0, 0, 0, time.UTC) }
	for d, n := range map[int]int64{3: 10, 1: 5, 2: 7} {
		if err := b.Add(indicator.Observation{Indicator: "moi", Unit: region.MustParseCode("06187"), Date: day(d), Value: n}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Add(indicator.Observation{Indicator: "moi", Unit: region.MustParseCode("06187"), Date: day(1), Value: -1}); !errors.Is(err, indicator.ErrNegative) {
		t.Errorf("negative: %v", err)
	}
	if _, err := b.Build(); err == nil || !strings.Contains(err.Error(), "api:4: negative count -1") {
		t.Errorf("Build after a bad Add: %v", err)
	}
	b = indicator.NewBuilder(h, cat, "api")
	for d := 1; d <= 3; d++ {
		b.Add(indicator.Observation{Indicator: "moi", Unit: region.MustParseCode("06187"), Date: day(d), Value: int64(d * 10)})
	}
	ds, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	for d, want := range map[int]int64{1: 10, 2: 30, 3: 60, 9: 60} {
		if v, ok := ds.Value("moi", region.MustParseCode("06187"), day(d)); !ok || v != want {
			t.Errorf("flow as of %d/3 = %d, %v; want %d", d, v, ok, want)
		}
	}
	if _, ok := ds.Value("moi", region.MustParseCode("06187"), time.Date(2025, 2, 28, 0, 0, 0, 0, time.UTC)); ok {
		t.Error("value before the first observation")
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(smallObs)
	f.Add("commune,indicator,day,n\n06187,tmdt,2024-02-29,1\r\n")
	f.Add("n,day,indicator,unit,extra\n5,2023-01-01,tmdt,183,x\n")
	h := small(f)
	f.Fuzz(func(t *testing.T, in string) {
		ds, err := indicator.ReadCSV(strings.NewReader(in), "fuzz.csv", h, indicator.Standard())
		if err != nil {
			if ds != nil {
				t.Fatal("dataset and error together")
			}
			return
		}
		r, err := ds.Rollup(time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC), nil)
		if err != nil {
			if errors.Is(err, indicator.ErrOverflow) {
				return
			}
			t.Fatal(err)
		}
		for _, row := range r.Rows() {
			if row.Actual < 0 {
				t.Fatalf("negative actual %+v", row)
			}
		}
	})
}

// TestCatalogueSnapshot: adding to a catalogue after building a dataset
// does not change the dataset.
func TestCatalogueSnapshot(t *testing.T) {
	h := small(t)
	cat := indicator.Standard()
	ds, err := indicator.ReadCSV(strings.NewReader(smallObs), "obs.csv", h, cat)
	if err != nil {
		t.Fatal(err)
	}
	if err := cat.Add(indicator.Indicator{ID: "moi"}); err != nil {
		t.Fatal(err)
	}
	r, err := ds.Rollup(july, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := r.Row("moi", region.MustParseCode("20")); ok {
		t.Error("the dataset sees an indicator added after it was built")
	}
	if ds.Catalogue().Len() != indicator.Standard().Len() {
		t.Error("the dataset's catalogue changed")
	}
	if ds.Hierarchy() != r.Hierarchy() {
		t.Error("the roll-up and its dataset have different hierarchies")
	}
}

// TestConcurrentReads runs look-ups and roll-ups from several goroutines;
// go test -race checks that the immutable types are safe.
func TestConcurrentReads(t *testing.T) {
	h := small(t)
	ds, err := indicator.ReadCSV(strings.NewReader(smallObs), "obs.csv", h, indicator.Standard())
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- true }()
			for k := 0; k < 20; k++ {
				h.Find("Cao Lộc")
				r, err := ds.Rollup(july, nil)
				if err != nil {
					t.Error(err)
					return
				}
				r.Ranked("thanh_toan_dt", region.LevelCommune, indicator.Dense)
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

// TestCarry carries a roll-up of Phú Nhuận's wards onto the wards of
// 2025-07-01: Phường 15 was split, so its new wards get bounds.
func TestCarry(t *testing.T) {
	h := region.Vietnam2024()
	cw := region.Reorganisation2025()
	// Every predecessor of Phường Cầu Kiệu and Phường Phú Nhuận, with one
	// count and one plan each.
	var obs []indicator.Observation
	var plans []target.Target
	seen := map[region.Code]bool{}
	for _, name := range []string{"Phường Cầu Kiệu", "Phường Phú Nhuận"} {
		for _, u := range cw.To().Find(name) {
			for _, l := range cw.Predecessors(u.Code) {
				if !seen[l.From] {
					seen[l.From] = true
					obs = append(obs, indicator.Observation{Indicator: "tmdt", Unit: l.From, Date: july, Value: 100})
					plans = append(plans, target.Target{Indicator: "tmdt", Unit: l.From, Value: target.Count(50)})
				}
			}
		}
	}
	b := indicator.NewBuilder(h, indicator.Standard(), "t")
	for _, o := range obs {
		b.Add(o)
	}
	ds, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	set, err := target.NewSet(h, plans)
	if err != nil {
		t.Fatal(err)
	}
	res, err := ds.Rollup(july, set)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := res.Carry(cw, "tmdt", region.LevelCommune)
	if err != nil {
		t.Fatal(err)
	}
	partial := 0
	for _, r := range rows {
		lo, hi := r.Attainment()
		if !r.HasActual || !r.HasPlan || r.Actual.Low > r.Actual.High || !lo.IsValid() || lo.Compare(hi) > 0 && hi.IsValid() {
			t.Errorf("%+v", r)
		}
		if !r.Actual.Exact() {
			partial++
		}
	}
	if len(rows) < 2 || partial == 0 {
		t.Errorf("rows %+v", rows)
	}
	// An indicator without data carries nothing; a new unit with a
	// predecessor missing is an error, not an understatement.
	if rows, err := res.Carry(cw, "thanh_toan_dt", region.LevelCommune); err != nil || len(rows) != 0 {
		t.Errorf("no data: %v %v", rows, err)
	}
	b = indicator.NewBuilder(h, indicator.Standard(), "t")
	b.Add(obs[0])
	ds, _ = b.Build()
	res, _ = ds.Rollup(july, set)
	if _, err := res.Carry(cw, "tmdt", region.LevelCommune); !errors.Is(err, region.ErrIncomplete) {
		t.Errorf("a predecessor missing: %v", err)
	}
	if _, err := res.Carry(cw.Reverse(), "tmdt", region.LevelCommune); !errors.Is(err, indicator.ErrMismatch) {
		t.Errorf("another hierarchy: %v", err)
	}
}

// TestValueEveryDay: a stock's value as of every day, around series with
// gaps, without, and of one point, is the last observation on or before
// it, however far the date.
func TestValueEveryDay(t *testing.T) {
	h := small(t)
	cat := new(indicator.Catalogue)
	if err := cat.Add(indicator.Indicator{ID: "s", Name: "s", Measure: indicator.Stock}); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	series := map[string][]int{ // unit: days after start with a point
		"06187": {0, 1, 2, 3, 4, 5, 6, 7},
		"06184": {0, 2, 3, 9, 10, 11, 30},
		"06619": {5},
		"06622": {1, 2, 40, 41, 42, 43, 44, 45, 46},
	}
	b := indicator.NewBuilder(h, cat, "test")
	for code, days := range series {
		for _, d := range days {
			b.Add(indicator.Observation{Indicator: "s", Unit: region.MustParseCode(code), Date: start.AddDate(0, 0, d), Value: int64(100 + d)})
		}
	}
	ds, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	far := time.Date(5_000_000, 1, 1, 0, 0, 0, 0, time.UTC)
	for code, days := range series {
		for d := -2; d < 50; d++ {
			want, ok := int64(0), false
			for _, x := range days {
				if x <= d {
					want, ok = int64(100+x), true
				}
			}
			got, gotOK := ds.Value("s", region.MustParseCode(code), start.AddDate(0, 0, d))
			if got != want || gotOK != ok {
				t.Errorf("%s as of day %d: %d, %v; want %d, %v", code, d, got, gotOK, want, ok)
			}
		}
		if got, _ := ds.Value("s", region.MustParseCode(code), far); got != int64(100+days[len(days)-1]) {
			t.Errorf("%s as of year 5.000.000: %d", code, got)
		}
	}
}
