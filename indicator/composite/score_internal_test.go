package composite

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

func TestScoreLeafRules(t *testing.T) {
	d := decimal.RequireFromString
	r := func(s string) *big.Rat { x, _ := new(big.Rat).SetString(s); return x }
	tests := []struct {
		name string
		rule Rule
		vals []string // "" is missing
		want []string // exact, as big.Rat strings; "nil" for missing
	}{
		{"target capped", Rule{Kind: ToTarget, Target: d("0.8")}, []string{"0.5", "0.8", "0.9", "0", ""}, []string{"75/8", "15", "15", "0", "nil"}},
		{"bands", Rule{Kind: Bands, Bands: []Band{{d("0.2"), d("5")}, {d("0.4"), d("10")}, {d("0.6"), d("15")}}}, []string{"0.1", "0.2", "0.45", "0.6", "1"}, []string{"0", "5", "10", "15", "15"}},
		{"yesno", Rule{Kind: YesNo}, []string{"0", "1", "3"}, []string{"0", "15", "15"}},
		{"minmax", Rule{Kind: MinMax}, []string{"1", "3", "2", ""}, []string{"0", "15", "15/2", "nil"}},
		{"minmax inverted", Rule{Kind: MinMax, Invert: true}, []string{"1", "3", "2"}, []string{"15", "0", "15/2"}},
		{"minmax all equal", Rule{Kind: MinMax}, []string{"2", "2"}, []string{"15", "15"}},
		{"points", Rule{Kind: AsReported}, []string{"12.5", "0"}, []string{"25/2", "0"}},
	}
	for _, tt := range tests {
		n := &Node{ID: "x", Points: d("15"), Rule: &tt.rule}
		sc := &Scorecard{}
		vals := make([]frac, len(tt.vals))
		for i, v := range tt.vals {
			if v != "" {
				vals[i] = sc.frac(r(v))
			}
		}
		got := make([]string, len(vals))
		lr := newLeafRule(n, big.NewRat(15, 1))
		lr.bounds(vals, sc)
		for u, v := range vals {
			got[u] = "nil"
			if v.d == 0 {
				continue
			}
			p := new(big.Rat)
			if tt.rule.Kind == MinMax {
				lr.minmax(sc.rat(v, new(big.Rat)), p)
			} else if err := lr.points(sc.rat(v, new(big.Rat)), p); err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			got[u] = p.RatString()
			// The int64 path, where it applies, gives the same.
			if x := sc.rat(v, new(big.Rat)); x.Num().IsInt64() && x.Denom().IsInt64() {
				if f, done := lr.points64(x.Num().Int64(), x.Denom().Int64()); done && sc.rat(f, new(big.Rat)).Cmp(p) != 0 {
					t.Errorf("%s: points64(%s) = %d/%d, points gives %s", tt.name, x, f.n, f.d, p)
				}
			}
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: value %s scores %s, want %s", tt.name, tt.vals[i], got[i], tt.want[i])
			}
		}
	}
	n := &Node{ID: "x", Points: d("15"), Rule: &Rule{Kind: AsReported}}
	if err := newLeafRule(n, big.NewRat(15, 1)).points(r("16"), new(big.Rat)); err == nil {
		t.Error("points above the maximum accepted")
	}
}
