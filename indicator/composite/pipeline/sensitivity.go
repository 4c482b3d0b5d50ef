package pipeline

import (
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator/composite"
)

// Variation is what [Sensitivity] varies. Each scenario
// draws, with equal chance, one normalisation of Normalisers (to replace
// the pipeline's Normalise step) and one aggregation of Aggregators (to
// replace its Aggregate step), and multiplies every weight of the
// framework by a factor drawn uniformly from [1−Weights, 1+Weights]; means
// take weights relative to each other, so no renormalisation is needed. An
// empty list keeps the pipeline's own step.
type Variation struct {
	Normalisers []Normalise // the normalisations to draw from; none keeps the pipeline's
	Aggregators []Aggregate // the aggregations to draw from; none keeps the pipeline's
	Weights     float64     // u in [0, 1): every weight times a factor drawn from [1−u, 1+u]
	Samples     int         // the number of scenarios, at least 1
	Seed        uint64      // the same seed draws the same scenarios
}

// RankSpread is how a unit's rank on the index moves over the
// scenarios of [Sensitivity].
type RankSpread struct {
	Unit DataUnit
	composite.Spread
}

// Sensitivity asks how much the index's ranks depend on the
// pipeline's choices: it runs steps once up to their Normalise step, then
// v.Samples scenarios of the rest with the choices v draws (each
// normalisation drawn is computed once and shared by the scenarios that
// draw it, so a scenario costs an aggregation and a ranking), and returns each
// unit's spread of ranks on the index ([composite.SpreadOf]), best base rank
// first, units of equal rank in the data's order, unranked units last. The
// same seed draws the same scenarios.
func Sensitivity(f *Framework, d *Data, steps []Step, v Variation) ([]RankSpread, error) {
	if v.Samples < 1 || !(v.Weights >= 0 && v.Weights < 1) {
		return nil, errors.New("pipeline: Sensitivity: want at least 1 sample and weights u in [0, 1)")
	}
	cut := slices.IndexFunc(steps, func(s Step) bool { _, ok := s.(Normalise); return ok })
	if cut < 0 {
		return nil, errors.New("pipeline: Sensitivity: the pipeline has no Normalise step")
	}
	index := f.Index()
	prefix := newTable(f, d)
	if err := prefix.run(steps[:cut]); err != nil {
		return nil, err
	}
	base := prefix.clone(f)
	if err := base.run(steps[cut:]); err != nil {
		return nil, err
	}
	baseRanks := rank(base.vals[index], true)
	r := rand.New(rand.NewPCG(v.Seed, 0x636869736f))
	seen := make([][]int, len(base.units))
	// The steps before the first Aggregate do not read the weights, so
	// their table is computed once for each choice of normalisation and
	// shared by the scenarios that draw it: a scenario re-aggregates only.
	agg := slices.IndexFunc(steps[cut:], func(s Step) bool { _, ok := s.(Aggregate); return ok })
	if agg < 0 {
		agg = len(steps) - cut
	}
	normalised := map[string]*table{}
	for range v.Samples {
		g := *f
		g.nodes = slices.Clone(f.nodes)
		for k := range g.nodes {
			factor := 1 + v.Weights*(2*r.Float64()-1)
			g.nodes[k].Weight = g.nodes[k].Weight.Mul(decimal.NewFromFloat(factor))
		}
		rest := slices.Clone(steps[cut:])
		var key strings.Builder
		for k, s := range rest {
			switch s.(type) {
			case Normalise:
				if len(v.Normalisers) > 0 {
					c := r.IntN(len(v.Normalisers))
					rest[k] = v.Normalisers[c]
					if k < agg {
						fmt.Fprintf(&key, "%d,", c)
					}
				}
			case Aggregate:
				if len(v.Aggregators) > 0 {
					rest[k] = v.Aggregators[r.IntN(len(v.Aggregators))]
				}
			}
		}
		n, ok := normalised[key.String()]
		if !ok {
			n = prefix.clone(f)
			if err := n.run(rest[:agg]); err != nil {
				return nil, fmt.Errorf("pipeline: Sensitivity: a scenario (%v) fails: %w", rest, err)
			}
			normalised[key.String()] = n
		}
		t := n.clone(&g)
		if err := t.run(rest[agg:]); err != nil {
			return nil, fmt.Errorf("pipeline: Sensitivity: a scenario (%v) fails: %w", rest, err)
		}
		ranks := rank(t.vals[index], true)
		for u, x := range ranks {
			if x > 0 {
				seen[u] = append(seen[u], int(x))
			}
		}
	}
	out := make([]RankSpread, len(base.units))
	for u, unit := range base.units {
		out[u] = RankSpread{unit, composite.SpreadOf(int(baseRanks[u]), seen[u])}
	}
	slices.SortStableFunc(out, func(a, b RankSpread) int {
		if (a.Rank == 0) != (b.Rank == 0) {
			return cmp.Compare(b.Rank, a.Rank) // unranked last
		}
		return cmp.Compare(a.Rank, b.Rank)
	})
	return out, nil
}
