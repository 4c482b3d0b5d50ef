package pipeline

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// A Step is one stage of a composite-index pipeline built from raw data, as
// COINr builds one: [Denominate], [Screen], [Impute], [Treat], [Normalise],
// [Aggregate]. Each is a value a caller composes; [Run] applies them in
// order. Steps work on exact rationals where the arithmetic allows
// (denomination, means, medians, min-max, arithmetic and harmonic means,
// sums); a step that needs roots or logarithms (skewness and kurtosis, the
// log transform, z-scores, geometric means) computes in float64 (about 16
// significant digits) and carries on exactly from its float results.
type Step interface {
	apply(t *table) error
	String() string
}

// table is the data as it goes through the steps.
type table struct {
	f      *Framework
	units  []DataUnit
	denoms map[string][]*big.Rat
	vals   map[string][]*big.Rat // by node code, per unit; nil when missing
	res    *Result
}

// COINrDefault is the pipeline of COINr's example index
// (build_example_coin): denominate, impute missing values with the mean of
// the unit's group, screen out units with less than 90% of their data,
// treat outliers, min-max to [0, 100], and arithmetic means up the levels.
func COINrDefault(group string) []Step {
	return []Step{
		Denominate{},
		Impute{Method: ImputeGroupMean, Group: group},
		Screen{Min: decimal.RequireFromString("0.9")},
		Treat{},
		Normalise{Method: NormMinMax},
		Aggregate{Method: ArithmeticMean},
	}
}

// Result is what [Run] made of the data: every node's value for
// every unit kept, ranks, and what each step did.
type Result struct {
	Steps   []string    // what ran, in order
	Dropped []string    // units screened out
	Imputed int         // values imputed
	Treated []Treatment // indicators treated for outliers
	units   []DataUnit
	vals    map[string][]*big.Rat
	ranks   map[string][]int32 // by node, per unit; 0 when missing
}

// Run applies steps to a copy of the data of f, in order, and ranks every
// unit on every node that has values: competition ranks (1, 2, 2, 4),
// highest value first, on the exact values, for any number of units.
func Run(f *Framework, d *Data, steps ...Step) (*Result, error) {
	t := newTable(f, d)
	if err := t.run(steps); err != nil {
		return nil, err
	}
	r := t.res
	r.units, r.vals = t.units, t.vals
	r.ranks = make(map[string][]int32, len(t.vals))
	for code, col := range t.vals {
		r.ranks[code] = rank(col, true)
	}
	return r, nil
}

func newTable(f *Framework, d *Data) *table {
	t := &table{f: f, units: slices.Clone(d.units), denoms: map[string][]*big.Rat{}, vals: map[string][]*big.Rat{}, res: &Result{}}
	for k, col := range d.denoms {
		t.denoms[k] = slices.Clone(col)
	}
	for k, col := range d.vals {
		t.vals[k] = slices.Clone(col)
	}
	return t
}

func (t *table) run(steps []Step) error {
	for _, s := range steps {
		if err := s.apply(t); err != nil {
			return err
		}
		t.res.Steps = append(t.res.Steps, s.String())
	}
	return nil
}

// clone copies the table for another run of later steps; values are never
// changed in place by a step, so the columns' values are shared.
func (t *table) clone(f *Framework) *table {
	c := &table{f: f, units: t.units, denoms: t.denoms, vals: make(map[string][]*big.Rat, len(t.vals)), res: &Result{}}
	for k, col := range t.vals {
		c.vals[k] = slices.Clone(col)
	}
	return c
}

// Units returns the units kept, in the data's order.
func (r *Result) Units() []DataUnit { return slices.Clone(r.units) }

// Value returns a node's value for a unit, exact, and false when it is
// missing or unknown.
func (r *Result) Value(node, unit string) (*big.Rat, bool) {
	u := slices.IndexFunc(r.units, func(x DataUnit) bool { return x.Code == unit })
	col, ok := r.vals[node]
	if u < 0 || !ok || col[u] == nil {
		return nil, false
	}
	return new(big.Rat).Set(col[u]), true
}

// Rank returns a unit's rank on a node, 0 when it has no value.
func (r *Result) Rank(node, unit string) int {
	u := slices.IndexFunc(r.units, func(x DataUnit) bool { return x.Code == unit })
	if u < 0 || r.ranks[node] == nil {
		return 0
	}
	return int(r.ranks[node][u])
}

// methodName returns the name of method m of a step, or, for a method
// names lacks, the step and the method's type and number.
func methodName(names []string, m uint8, step, typ string) string {
	if int(m) < len(names) {
		return names[m]
	}
	return fmt.Sprintf("%s, %s(%d)", step, typ, m)
}

// unknownMethod is the error of a step whose method is not one of its
// constants.
func unknownMethod(s Step) error { return fmt.Errorf("pipeline: %v: unknown method", s) }
