package pipeline

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// Screen drops the units whose share of indicators with data is below Min
// (COINr's Screen with unit_screen = "byNA" and dat_thresh = Min); the
// result lists who was dropped.
type Screen struct{ Min decimal.Decimal }

// String names the step as [Result.Steps] lists it.
func (s Screen) String() string { return "screen, min " + s.Min.String() }

func (s Screen) apply(t *table) error {
	inds := t.f.indicators()
	keep := make([]bool, len(t.units))
	least := s.Min.Rat()
	for u := range t.units {
		n := 0
		for _, ind := range inds {
			if !t.vals[ind.Code].missing(u) {
				n++
			}
		}
		keep[u] = big.NewRat(int64(n), int64(max(len(inds), 1))).Cmp(least) >= 0
		if !keep[u] {
			t.res.Dropped = append(t.res.Dropped, t.units[u].Code)
		}
	}
	memo := map[*column]*column{}
	for k, col := range t.vals {
		t.vals[k] = col.filter(keep, memo)
	}
	for k, col := range t.denoms {
		t.denoms[k] = col.filter(keep, memo)
	}
	var units []DataUnit
	for u, x := range t.units {
		if keep[u] {
			units = append(units, x)
		}
	}
	t.units = units
	return nil
}
