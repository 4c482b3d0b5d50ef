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
			if t.vals[ind.Code][u] != nil {
				n++
			}
		}
		keep[u] = big.NewRat(int64(n), int64(len(inds))).Cmp(least) >= 0
		if !keep[u] {
			t.res.Dropped = append(t.res.Dropped, t.units[u].Code)
		}
	}
	filter := func(col []*big.Rat) []*big.Rat {
		out := col[:0:0]
		for u, v := range col {
			if keep[u] {
				out = append(out, v)
			}
		}
		return out
	}
	for k, col := range t.vals {
		t.vals[k] = filter(col)
	}
	for k, col := range t.denoms {
		t.denoms[k] = filter(col)
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
