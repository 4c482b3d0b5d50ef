package pipeline

import (
	"math/big"
)

// Denominate divides each indicator by its denominator in the framework
// (COINr's Denominate with the iMeta denominators): per capita, per GDP, per
// area. A missing or zero denominator leaves the value missing.
type Denominate struct{}

// String names the step as [Result.Steps] lists it.
func (Denominate) String() string { return "denominate" }

func (Denominate) apply(t *table) error {
	for _, n := range t.f.indicators() {
		if n.Denominator == "" {
			continue
		}
		col, den := t.vals[n.Code], t.denoms[n.Denominator]
		for u, v := range col {
			if v == nil {
				continue
			}
			if den[u] == nil || den[u].Sign() == 0 {
				col[u] = nil
				continue
			}
			col[u] = new(big.Rat).Quo(v, den[u])
		}
	}
	return nil
}
