package indicator_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/target"
)

// count parses a printed count such as "256.620".
func count(t *testing.T, s string) int64 {
	n, err := strconv.ParseInt(strings.ReplaceAll(s, ".", ""), 10, 64)
	if err != nil {
		t.Fatalf("count %q: %v", s, err)
	}
	return n
}

// planRange returns the plans for which actual/plan prints as pct% rounded
// half up, found by bisection on the exact Ratio (attainment falls as the
// plan grows).
func planRange(actual, pct int64) (lo, hi int64) {
	prints := func(plan int64) int64 {
		r, _ := indicator.Attainment(actual, plan)
		return r.Percent(0, indicator.HalfUp).IntPart()
	}
	first := func(pred func(int64) bool) int64 { // smallest plan in [1, 1e12] with pred
		a, b := int64(1), int64(1e12)
		for a < b {
			m := a + (b-a)/2
			if pred(m) {
				b = m
			} else {
				a = m + 1
			}
		}
		return a
	}
	lo = first(func(p int64) bool { return prints(p) <= pct })
	hi = first(func(p int64) bool { return prints(p) < pct }) - 1
	return lo, hi
}

// TestLangSonPlans recomputes each platform's percent of plan in Lạng Sơn:
// from the printed count and percent, the plans that could have given it.
func TestLangSonPlans(t *testing.T) {
	rows, err := seeds.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		fragment string
		lo, hi   int64 // plans that print the stated percent for the printed count
	}{
		{"thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch", 149633, 150510},
		{"267.600 tài khoản, đạt 194% kế hoạch", 137584, 138294},
		// "hơn 217.000": for the smallest count above it, 217.001.
		{"Công dân số Xứ Lạng hơn 217.000 tài khoản, đạt 144% kế hoạch", 150174, 151220},
	}
	for _, tt := range tests {
		r := seeds.Find(rows, seeds.LangSon, tt.fragment, 1)
		actual := count(t, r.Number)
		if r.Qualifier == "hơn" {
			actual++
		}
		pct, _ := strconv.ParseInt(r.Percent, 10, 64)
		lo, hi := planRange(actual, pct)
		if lo != tt.lo || hi != tt.hi {
			t.Errorf("%s: plans [%d, %d], want [%d, %d]", tt.fragment, lo, hi, tt.lo, tt.hi)
		}
		for _, p := range []int64{lo, hi} {
			a, _ := indicator.Attainment(actual, p)
			if a.String() != r.Percent+"%" {
				t.Errorf("%d/%d prints %v, article says %s%%", actual, p, a, r.Percent)
			}
		}
	}
}

// TestLangSonTotalContradicts shows that the printed total percent cannot
// come from the printed parts: the three platforms sum to the total (741.220
// to 742.219 accounts, "hơn 741.000"), but their plans sum to at most
// 440.719 (the largest plan of each), and 741.221 / 440.719 is already
// 168,2%, not 164%. The test states the contradiction; it does not bend the
// computation to hide it.
func TestLangSonTotalContradicts(t *testing.T) {
	partsMin := int64(217001 + 256620 + 267600)
	_, h1 := planRange(217999, 144) // the count could be up to 217.999
	_, h2 := planRange(256620, 171)
	_, h3 := planRange(267600, 194)
	plansMax := h1 + h2 + h3
	lowest, _ := indicator.Attainment(partsMin, plansMax)
	if got := lowest.Percent(1, indicator.HalfUp).String(); got != "168.2" {
		t.Errorf("lowest overall percent the parts allow = %s%%", got)
	}
	printed := indicator.MustRatio(1645, 1000) // 164% rounded half up is below 164,5%
	if lowest.Compare(printed) <= 0 {
		t.Fatalf("the parts allow %v overall; the article's 164%% would hold", lowest)
	}
	t.Logf("plans sum to at most %d; printed 164%% of plan overall, but the parts give at least %s%%: the figures cannot all be true", plansMax, lowest.Percent(1, indicator.HalfUp))
	// The total plan the article's 164% implies, for the total 741.001–741.999.
	lo, _ := planRange(741001, 164)
	_, hi := planRange(741999, 164)
	if lo != 450457 || hi != 453822 {
		t.Errorf("plan implied by the total: [%d, %d]", lo, hi)
	}
}

// TestBacXa recomputes the commune that reached more than 300%: 2.120
// accounts is more than 300% of any plan up to 706.
func TestBacXa(t *testing.T) {
	r := seeds.Find(seeds.MustLoad(t), seeds.LangSon, "2.120 tài khoản thanh toán điện tử", 1)
	actual := count(t, r.Number)
	three := indicator.MustRatio(3, 1)
	for plan, over := range map[int64]bool{706: true, 707: false, 500: true} {
		a, _ := indicator.Attainment(actual, plan)
		if (a.Compare(three) > 0) != over {
			t.Errorf("%d/%d = %s: over 300%% is %v", actual, plan, a.Percent(2, indicator.HalfUp), !over)
		}
	}
}

// TestQueVo recomputes the share of digital signatures in Quế Võ on 23/3
// and the pace needed for 30/4.
func TestQueVo(t *testing.T) {
	r := seeds.Find(seeds.MustLoad(t), seeds.BacNinh, "60.827 chữ ký số, đạt tỷ lệ 60%", 1)
	actual := count(t, r.Number)
	lo, hi := planRange(actual, 60)
	if lo != 100541 || hi != 102230 {
		t.Errorf("base of the 60%%: [%d, %d]", lo, hi)
	}
	// From 23/3 to 30/4 there are 38 days; the rest of the base must come in them.
	for _, base := range []int64{lo, hi} {
		need := target.Rate{Count: base - actual, Days: 38}
		if got := indicator.Round(need.PerDay(), 0, indicator.Up).IntPart(); got < 1046 || got > 1090 {
			t.Errorf("base %d: %d per day needed", base, got)
		}
	}
}

// TestDepartments: "đã đạt tỷ lệ 100% cài đặt chữ ký số" is full coverage,
// and 100% printed half up also allows 99,5% and more.
func TestDepartments(t *testing.T) {
	full, _ := indicator.Coverage(40, 40)
	almost, _ := indicator.Coverage(199, 200)
	below, _ := indicator.Coverage(198, 200)
	if full.String() != "100%" || almost.String() != "100%" || below.String() != "99%" {
		t.Errorf("coverages print %v %v %v", full, almost, below)
	}
}

// TestTeams: "1.676 tổ CNSCĐ với hơn 9.000 thành viên" gives between 5,37
// and 5,97 members per team.
func TestTeams(t *testing.T) {
	rows := seeds.MustLoad(t)
	teams := count(t, seeds.Find(rows, seeds.LangSon, "1.676 tổ CNSCĐ", 1).Number)
	members := count(t, seeds.Find(rows, seeds.LangSon, "hơn 9.000 thành viên", 1).Number)
	lo, _ := indicator.Coverage(members+1, teams)
	hi, _ := indicator.Coverage(members+999, teams)
	if lo.Decimal(2, indicator.HalfUp).String() != "5.37" || hi.Decimal(2, indicator.HalfUp).String() != "5.97" {
		t.Errorf("members per team in [%s, %s]", lo.Decimal(2, indicator.HalfUp), hi.Decimal(2, indicator.HalfUp))
	}
}
