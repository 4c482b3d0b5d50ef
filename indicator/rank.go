package indicator

import (
	"fmt"
	"math"
	"slices"

	"github.com/chiso-vn/chiso/region"
)

// RankMethod says how equal values share ranks.
type RankMethod uint8

// The ranking methods. The zero value is Competition.
const (
	// Competition ranking ("1224"): equal values share a rank and the next
	// rank skips, as sports tables and official league tables do.
	Competition RankMethod = iota
	// Dense ranking ("1223"): equal values share a rank, none is skipped.
	Dense
	// Ordinal ranking ("1234"): every unit gets its own rank, equal values
	// in tie-break order.
	Ordinal
)

// String returns the method's English name.
func (m RankMethod) String() string {
	switch m {
	case Competition:
		return "competition"
	case Dense:
		return "dense"
	case Ordinal:
		return "ordinal"
	}
	return fmt.Sprintf("RankMethod(%d)", m)
}

// Entry is one unit's value to rank.
type Entry struct {
	Unit  region.Code
	Value Ratio
}

// Ranked is an entry with its rank.
type Ranked struct {
	Entry
	Rank int
}

// Rank ranks entries by value, highest first. Units of equal value are
// listed in the Vietnamese collation order of their names, then by code
// ([region.Hierarchy.NameRank]), and share a rank unless method is Ordinal.
// An entry with an invalid Ratio or a unit that h lacks is an error. The
// result does not depend on the order of entries.
func Rank(h *region.Hierarchy, entries []Entry, method RankMethod) ([]Ranked, error) {
	idx := make([]int32, len(entries))
	vals := make([]Ratio, h.Len())
	seen := make(map[region.Code]bool, len(entries))
	for j, e := range entries {
		i, ok := h.Index(e.Unit)
		switch {
		case !ok:
			return nil, fmt.Errorf("indicator.Rank: %w %s", ErrUnknownUnit, e.Unit)
		case !e.Value.IsValid():
			return nil, fmt.Errorf("indicator.Rank: %w: invalid value for %s", ErrZeroDenominator, e.Unit)
		case seen[e.Unit]:
			return nil, fmt.Errorf("indicator.Rank: %s %w", e.Unit, region.ErrDuplicate)
		}
		seen[e.Unit] = true
		idx[j], vals[i] = int32(i), e.Value
	}
	ranks := make([]int32, h.Len())
	rankUnits(h, idx, func(i int32) Ratio { return vals[i] }, method, ranks)
	out := make([]Ranked, len(idx))
	for j, i := range idx {
		out[j] = Ranked{Entry{h.At(int(i)).Code, vals[i]}, int(ranks[i])}
	}
	return out, nil
}

// rankUnits sorts idx by value descending, then name order, and writes each
// unit's rank into ranks[unit].
func rankUnits(h *region.Hierarchy, idx []int32, val func(int32) Ratio, method RankMethod, ranks []int32) {
	RankBy(h, idx, func(a, b int32) int { return val(a).Compare(val(b)) }, method, ranks)
}

// RankBy is chiso's one ranking: it sorts units (dense indexes of h) by
// value, highest first, with cmp comparing two units' values ascending (0
// for a tie), orders tied units by the Vietnamese collation of their names,
// then code ([region.Hierarchy.NameRank]), and writes each unit's rank by
// method into ranks[unit]. [Rank], roll-ups and composite indices all rank
// through it.
func RankBy(h *region.Hierarchy, idx []int32, cmp func(a, b int32) int, method RankMethod, ranks []int32) {
	slices.SortFunc(idx, func(a, b int32) int {
		if c := cmp(b, a); c != 0 {
			return c
		}
		return h.NameRank(int(a)) - h.NameRank(int(b))
	})
	assignRanks(idx, cmp, method, ranks)
}

// assignRanks writes the ranks by method of idx, sorted best first, into
// ranks[unit]; cmp says which neighbours tie.
func assignRanks(idx []int32, cmp func(a, b int32) int, method RankMethod, ranks []int32) {
	rank := int32(0)
	for j, i := range idx {
		switch {
		case method == Ordinal || j == 0:
			rank = int32(j + 1)
		case cmp(i, idx[j-1]) != 0:
			if method == Dense {
				rank++
			} else {
				rank = int32(j + 1)
			}
		}
		ranks[i] = rank
	}
}

// rankRatios is [RankBy] for units whose values are the ratios num[i] /
// den[i] (den[i] > 0, num[i] >= 0): what every roll-up ranks. It sorts
// keys with a radix sort rather than units through a comparison function:
// the unit's name rank, then the ratio as a float64, which orders ratios
// exactly when both terms are below 2⁵³ (each is then exact, and division
// rounds monotonically). Units whose floats are equal are ordered again
// exactly, by cross-multiplication, so the ranks are those of RankBy.
func rankRatios(h *region.Hierarchy, idx []int32, num, den []int64, method RankMethod, ranks []int32) {
	exact := func(a, b int32) int { return Ratio{num[a], den[a]}.Compare(Ratio{num[b], den[b]}) }
	for _, i := range idx {
		if num[i] >= 1<<53 || den[i] >= 1<<53 {
			RankBy(h, idx, exact, method, ranks)
			return
		}
	}
	keys, tmp := make([]ratioKey, len(idx)), make([]ratioKey, len(idx))
	for j, i := range idx {
		// Highest first: the complement of a non-negative float's bits.
		keys[j] = ratioKey{^math.Float64bits(float64(num[i]) / float64(den[i])), uint32(h.NameRank(int(i))), i}
	}
	keys = radixSort(keys, tmp)
	for j, k := range keys {
		idx[j] = k.unit
	}
	// Runs of equal floats: ties, or ratios too close for a float.
	for lo := 0; lo < len(keys); {
		hi := lo + 1
		for hi < len(keys) && keys[hi].f == keys[lo].f {
			hi++
		}
		run := idx[lo:hi]
		if !slices.IsSortedFunc(run, func(a, b int32) int { return exact(b, a) }) {
			slices.SortStableFunc(run, func(a, b int32) int { return exact(b, a) })
		}
		lo = hi
	}
	assignRanks(idx, exact, method, ranks)
}

// ratioKey is what rankRatios sorts a unit by.
type ratioKey struct {
	f    uint64 // the complement of the ratio's float64 bits
	name uint32 // the name rank
	unit int32
}

// radixSort sorts keys by f, then name, stably, a byte at a time from the
// least significant (skipping bytes all keys share), using tmp; it returns
// whichever of the two holds the result.
func radixSort(keys, tmp []ratioKey) []ratioKey {
	if len(keys) < 2 {
		return keys
	}
	for pass := range 12 {
		digit := func(k ratioKey) byte {
			if pass < 4 {
				return byte(k.name >> (8 * pass))
			}
			return byte(k.f >> (8 * (pass - 4)))
		}
		var count [256]int
		for _, k := range keys {
			count[digit(k)]++
		}
		if count[digit(keys[0])] == len(keys) {
			continue
		}
		at := 0
		for d, c := range count {
			count[d], at = at, at+c
		}
		for _, k := range keys {
			d := digit(k)
			tmp[count[d]] = k
			count[d]++
		}
		keys, tmp = tmp, keys
	}
	return keys
}
