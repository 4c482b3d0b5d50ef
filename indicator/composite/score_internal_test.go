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
		vals := make([]*big.Rat, len(tt.vals))
		for i, v := range tt.vals {
			if v != "" {
				vals[i] = r(v)
			}
		}
		got := make([]string, len(vals))
		lr := newLeafRule(n, big.NewRat(15, 1))
		lr.bounds(vals)
		for u, v := range vals {
			p, err := lr.points(v)
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			got[u] = "nil"
			if p != nil {
				got[u] = p.RatString()
			}
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: value %s scores %s, want %s", tt.name, tt.vals[i], got[i], tt.want[i])
			}
		}
	}
	n := &Node{ID: "x", Points: d("15"), Rule: &Rule{Kind: AsReported}}
	if _, err := newLeafRule(n, big.NewRat(15, 1)).points(r("16")); err == nil {
		t.Error("points above the maximum accepted")
	}
}
