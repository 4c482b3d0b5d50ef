package pipeline

import (
	"cmp"
	"math"
	"math/big"
	"slices"
)

// span is a unit's value as an interval of floats that holds the exact
// value: a point for a value rounded to nearest (rounding is monotone, so
// two values whose nearest floats differ are ordered by them), an interval
// around an aggregate's float otherwise.
type span struct {
	lo, hi float64
	u      int32
}

// order returns the units of c that have a value, lowest first, or highest
// first when highFirst, units of equal value in the data's order; and for
// each position whether its value equals the previous one's. Floats order
// the units wherever their intervals do not meet; only the units of a
// cluster of meeting intervals are compared exactly, as rationals. No float
// decides an order the exact values would not give.
func order(c *column, highFirst bool) (idx []int32, same []bool) {
	sp := make([]span, 0, len(c.f))
	for u, f := range c.f {
		if math.IsNaN(f) {
			continue
		}
		s := span{f, f, int32(u)}
		if c.e != nil {
			s.lo = math.Nextafter(f-c.e[u], math.Inf(-1))
			s.hi = math.Nextafter(f+c.e[u], math.Inf(1))
		}
		sp = append(sp, s)
	}
	// By lower end only: the clusters below are the connected pieces of
	// the intervals, whatever the order of equal lower ends, and are then
	// ordered exactly.
	slices.SortFunc(sp, func(a, b span) int { return cmp.Compare(a.lo, b.lo) })
	// Clusters: maximal runs whose intervals meet, lowest first.
	var cuts []int
	for p, top := 0, math.Inf(-1); p < len(sp); p++ {
		if p == 0 || sp[p].lo > top {
			cuts = append(cuts, p)
			top = sp[p].hi
		}
		top = max(top, sp[p].hi)
	}
	cuts = append(cuts, len(sp))
	idx = make([]int32, 0, len(sp))
	same = make([]bool, 0, len(sp))
	var exact []*big.Rat
	for k := range len(cuts) - 1 {
		if highFirst {
			k = len(cuts) - 2 - k
		}
		cl := sp[cuts[k]:cuts[k+1]]
		if len(cl) == 1 {
			idx, same = append(idx, cl[0].u), append(same, false)
			continue
		}
		// Compare the cluster's values exactly, each computed once.
		less := func(a, b int) int { return c.x[cl[a].u].cmp(c.x[cl[b].u]) }
		if c.x == nil {
			exact = exact[:0]
			for _, s := range cl {
				exact = append(exact, c.exact(int(s.u)))
			}
			less = func(a, b int) int { return exact[a].Cmp(exact[b]) }
		}
		pos := make([]int, len(cl))
		for p := range pos {
			pos[p] = p
		}
		slices.SortFunc(pos, func(a, b int) int {
			r := less(a, b)
			if highFirst {
				r = -r
			}
			if r != 0 {
				return r
			}
			return cmp.Compare(cl[a].u, cl[b].u)
		})
		for p, q := range pos {
			idx = append(idx, cl[q].u)
			same = append(same, p > 0 && less(q, pos[p-1]) == 0)
		}
	}
	return idx, same
}

// rank returns the competition ranks (1, 2, 2, 4) of the values of c,
// highest first when highFirst and lowest first otherwise; a missing value
// has rank 0. Equal values share the best of their ranks and the next
// value's rank counts every one of them, so the ranks do not depend on the
// order of tied units; where units are listed by rank ([Sensitivity]), tied
// ones keep the data's order. Values are compared exactly (see [order]),
// and there may be any number of them.
func rank(c *column, highFirst bool) []int32 {
	idx, same := order(c, highFirst)
	ranks := make([]int32, len(c.f))
	r := 0
	for p, u := range idx {
		if !same[p] {
			r = p + 1
		}
		ranks[u] = int32(r)
	}
	return ranks
}
