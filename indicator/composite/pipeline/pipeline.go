package pipeline

import (
	"fmt"
	"math/big"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
)

// A Step is one stage of a composite-index pipeline built from raw data, as
// COINr builds one: [Denominate], [Screen], [Impute], [Treat], [Normalise],
// [Aggregate]. Each is a value a caller composes; [Run] applies them in
// order. Steps work on exact rationals where the arithmetic allows
// (denomination, means, medians, min-max, arithmetic and harmonic means,
// sums), held as int64 fractions while they fit and as big.Rat when they do
// not; a step that needs roots or logarithms (skewness and kurtosis, the
// log transform, z-scores, geometric means) computes in float64 (about 16
// significant digits) and carries on exactly from its float results.
// Arithmetic means and sums of points up the levels are computed in
// float64 with a proven bound on their error, and exactly, from the exact
// values below them, wherever an exact value is asked for ([Result.Value])
// or needed: ranks are decided by the floats where their bounds keep them
// apart and by the exact values where they do not.
type Step interface {
	apply(t *table) error
	String() string
}

// table is the data as it goes through the steps. A step replaces the
// columns it changes and never changes a column in place.
type table struct {
	f      *Framework
	units  []DataUnit
	denoms map[string]*column
	vals   map[string]*column // by node code
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
	vals    map[string]*column

	mu    sync.Mutex         // guards the fields below, filled when first asked
	at    map[string]int     // each unit's position
	ranks map[string][]int32 // by node, per unit; 0 when missing
}

// Run applies steps to a copy of the data of f, in order. Its result ranks
// every unit on every node that has values: competition ranks (1, 2, 2,
// 4), highest value first, on the exact values, for any number of units,
// each node's ranks computed when first asked for.
func Run(f *Framework, d *Data, steps ...Step) (*Result, error) {
	t := newTable(f, d)
	if err := t.run(steps); err != nil {
		return nil, err
	}
	r := t.res
	r.units, r.vals = t.units, t.vals
	return r, nil
}

func newTable(f *Framework, d *Data) *table {
	t := &table{f: f, units: slices.Clone(d.units), denoms: make(map[string]*column, len(d.denoms)), vals: make(map[string]*column, len(d.vals)), res: &Result{}}
	for k, col := range d.denoms {
		t.denoms[k] = col
	}
	for k, col := range d.vals {
		t.vals[k] = col
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

// clone copies the table for another run of later steps; columns are
// never changed in place by a step, so they are shared.
func (t *table) clone(f *Framework) *table {
	c := &table{f: f, units: t.units, denoms: t.denoms, vals: make(map[string]*column, len(t.vals)), res: &Result{}}
	for k, col := range t.vals {
		c.vals[k] = col
	}
	return c
}

// Units returns the units kept, in the data's order.
func (r *Result) Units() []DataUnit { return slices.Clone(r.units) }

// unit returns the position of a unit, −1 when it is not kept.
func (r *Result) unit(code string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.at == nil {
		r.at = make(map[string]int, len(r.units))
		for u, x := range r.units {
			r.at[x.Code] = u
		}
	}
	if u, ok := r.at[code]; ok {
		return u
	}
	return -1
}

// Value returns a node's value for a unit, exact, and false when it is
// missing or unknown.
func (r *Result) Value(node, unit string) (*big.Rat, bool) {
	u := r.unit(unit)
	col, ok := r.vals[node]
	if u < 0 || !ok || col.missing(u) {
		return nil, false
	}
	return new(big.Rat).Set(col.exact(u)), true
}

// Rank returns a unit's rank on a node, 0 when it has no value. A Result
// is safe for concurrent use.
func (r *Result) Rank(node, unit string) int {
	u := r.unit(unit)
	col, ok := r.vals[node]
	if u < 0 || !ok {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ranks, ok := r.ranks[node]
	if !ok {
		if r.ranks == nil {
			r.ranks = map[string][]int32{}
		}
		ranks = rank(col, true)
		r.ranks[node] = ranks
	}
	return int(ranks[u])
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
