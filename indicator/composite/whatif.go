package composite

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// Move is a unit whose rank differs between two scorecards.
type Move struct {
	Unit                    region.Unit
	Before, After           int      // ranks; 0 when unranked
	IndexBefore, IndexAfter *big.Rat // nil when unranked
}

// Diff compares two scorecards of the same units (one set and its what-if
// variant, see [Criteria.Without], [Criteria.With], [Criteria.Reweighted])
// and returns the units whose rank changed, by their rank after (unranked
// last), then in collation order of names.
func Diff(before, after *Scorecard) ([]Move, error) {
	if before.h != after.h || before.c.spec.Level != after.c.spec.Level {
		return nil, fmt.Errorf("composite.Diff: %w: they score different units", indicator.ErrMismatch)
	}
	var out []Move
	for u, i := range before.units {
		a := after.pos[i]
		if before.rank[i] == after.rank[i] {
			continue
		}
		m := Move{Unit: before.h.At(int(i)), Before: int(before.rank[i]), After: int(after.rank[i])}
		if before.full[u] {
			m.IndexBefore = new(big.Rat).Quo(before.total(u), before.f.points[0])
		}
		if after.full[a] {
			m.IndexAfter = new(big.Rat).Quo(after.total(a), after.f.points[0])
		}
		out = append(out, m)
	}
	key := func(r int) int {
		if r == 0 {
			return 1 << 30
		}
		return r
	}
	slices.SortStableFunc(out, func(a, b Move) int {
		if c := key(a.After) - key(b.After); c != 0 {
			return c
		}
		ia, _ := before.h.Index(a.Unit.Code)
		ib, _ := before.h.Index(b.Unit.Code)
		return before.h.NameRank(ia) - before.h.NameRank(ib)
	})
	return out, nil
}

// Merge scores the units of the hierarchy to, at the set's level, from the
// scores of their predecessors through cw, as the DTI 2024 did for the
// provinces merged on 2025-07-01: each main indicator (and each leaf outside
// any main indicator) is the arithmetic mean of the predecessors' points,
// and groups, totals, the index and pillars follow from them (pillars as the
// mean of the predecessors' pillar points). Sub-indicators are not defined
// for a merged unit. With weights (say, population by old code), the means
// are weighted instead; every predecessor that has a total needs a positive
// weight. A new unit with a predecessor missing from sc is an error; one
// whose predecessors lack data has no total, like them.
func (sc *Scorecard) Merge(cw *region.Crosswalk, to *region.Hierarchy, weights map[region.Code]int64) (*Scorecard, error) {
	nn := len(sc.f.nodes)
	isMain := make([]bool, nn)
	for j, n := range sc.f.nodes {
		under := false
		for p := sc.f.parent[j]; p >= 0; p = sc.f.parent[p] {
			under = under || sc.f.nodes[p].Role == Main
		}
		isMain[j] = !under && (n.Role == Main || len(n.Children) == 0)
	}
	out := sc.c.newScorecard(to, isMain)
	out.vals = make([]frac, len(out.units)*nn)
	out.pilSet = make([][4]*big.Rat, len(out.units))
	for v, i := range out.units {
		code := to.At(int(i)).Code
		var pos []int
		var ws []*big.Rat
		wsum := new(big.Rat)
		for _, l := range cw.Predecessors(code) {
			pc := l.From
			pi, ok := sc.h.Index(pc)
			u, scored := sc.pos[int32(pi)]
			if !ok || !scored {
				return nil, fmt.Errorf("composite: merging into %s: predecessor %s %w", code, pc, ErrNotScored)
			}
			w := big.NewRat(1, 1)
			if weights != nil && sc.full[u] {
				n, ok := weights[pc]
				if !ok || n <= 0 {
					return nil, fmt.Errorf("composite: merging into %s: %w: no positive weight for %s", code, target.ErrWeights, pc)
				}
				w.SetInt64(n)
			}
			pos, ws = append(pos, u), append(ws, w)
			wsum.Add(wsum, w)
		}
		mean := func(get func(u int) *big.Rat) *big.Rat {
			if len(pos) == 0 {
				return nil
			}
			sum := new(big.Rat)
			for k, u := range pos {
				x := get(u)
				if x == nil {
					return nil
				}
				sum.Add(sum, x.Mul(x, ws[k]))
			}
			return sum.Quo(sum, wsum)
		}
		for j := range nn {
			if !isMain[j] {
				continue
			}
			if x := mean(func(u int) *big.Rat { return sc.value(u, j) }); x != nil {
				out.vals[v*nn+j] = out.frac(x)
			}
		}
		for _, p := range allPillars {
			out.pilSet[v][p] = mean(func(u int) *big.Rat {
				if !sc.full[u] {
					return nil
				}
				return sc.pillar(u, p)
			})
		}
	}
	out.finish()
	return out, nil
}
