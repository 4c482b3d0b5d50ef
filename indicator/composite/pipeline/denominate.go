package pipeline

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
		x := make([]rat, len(col.x))
		for u, v := range col.x {
			if v.ok() && den.x[u].ok() && den.x[u].sign() != 0 {
				x[u] = v.quo(den.x[u])
			}
		}
		t.vals[n.Code] = exactColumn(x)
	}
	return nil
}
