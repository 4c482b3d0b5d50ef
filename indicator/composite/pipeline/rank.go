package pipeline

import (
	"cmp"
	"math/big"
	"slices"
)

// keyShift is the scale of the integer keys that order values quickly:
// each value x is keyed by trunc(x·2^keyShift) when that fits in an int64.
const keyShift = 32

// byValue compares the values of one column exactly. Truncation is
// monotone, so two values whose keys differ are ordered by their keys;
// only values with equal keys (within 2^−32 of each other), or too large
// for a key, are compared as rationals, by cross-multiplication. No float
// takes part.
type byValue struct {
	col  []*big.Rat
	key  []int64
	fits []bool  // key[u] holds col[u]'s key
	x, y big.Int // scratch for the cross products
}

func newByValue(col []*big.Rat) *byValue {
	o := &byValue{col: col, key: make([]int64, len(col)), fits: make([]bool, len(col))}
	var t, r big.Int
	for u, v := range col {
		if v == nil {
			continue
		}
		t.QuoRem(t.Lsh(v.Num(), keyShift), v.Denom(), &r)
		if t.IsInt64() {
			o.key[u], o.fits[u] = t.Int64(), true
		}
	}
	return o
}

// cmp compares the values at a and b, neither missing.
func (o *byValue) cmp(a, b int) int {
	if o.fits[a] && o.fits[b] && o.key[a] != o.key[b] {
		return cmp.Compare(o.key[a], o.key[b])
	}
	va, vb := o.col[a], o.col[b]
	if va.Denom().Cmp(vb.Denom()) == 0 {
		return va.Num().Cmp(vb.Num())
	}
	o.x.Mul(va.Num(), vb.Denom())
	o.y.Mul(vb.Num(), va.Denom())
	return o.x.Cmp(&o.y)
}

// rank returns the competition ranks (1, 2, 2, 4) of the values of col,
// highest first when highFirst and lowest first otherwise; a missing value
// has rank 0. Equal values share the best of their ranks and the next
// value's rank counts every one of them, so the ranks do not depend on the
// order of tied units; where units are listed by rank ([Sensitivity]), tied
// ones keep the data's order. Values are compared exactly, and there may be
// any number of them.
func rank(col []*big.Rat, highFirst bool) []int32 {
	o := newByValue(col)
	idx := make([]int, 0, len(col))
	for u, v := range col {
		if v != nil {
			idx = append(idx, u)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		c := o.cmp(a, b)
		if highFirst {
			c = -c
		}
		if c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	ranks := make([]int32, len(col))
	r := 0
	for p, u := range idx {
		if p == 0 || o.cmp(u, idx[p-1]) != 0 {
			r = p + 1
		}
		ranks[u] = int32(r)
	}
	return ranks
}
