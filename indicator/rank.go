package indicator

import (
	"fmt"
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
