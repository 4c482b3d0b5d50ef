package pipeline

import (
	"fmt"
	"math/big"
	"slices"
)

// ImputeMethod names a way to fill missing values.
type ImputeMethod uint8

// The imputation methods.
const (
	ImputeNone      ImputeMethod = iota // leave missing values missing
	ImputeGroupMean                     // the mean of the unit's group (COINr's i_mean_grp)
	ImputeMean                          // the mean of every unit (i_mean)
	ImputeMedian                        // the median of every unit (i_median); the mean of the middle two for an even count
)

// Impute fills each indicator's missing values by Method; GroupMean uses
// the data's group column Group. A value with nothing to take a mean of
// stays missing.
type Impute struct {
	Method ImputeMethod
	Group  string
}

// String names the step as [Result.Steps] lists it.
// A method String does not know is written with its number: "impute,
// ImputeMethod(9)".
func (i Impute) String() string {
	return methodName([]string{"impute nothing", "impute group mean by " + i.Group, "impute mean", "impute median"}, uint8(i.Method), "impute", "ImputeMethod")
}

func (i Impute) apply(t *table) error {
	if i.Method > ImputeMedian {
		return unknownMethod(i)
	}
	if i.Method == ImputeGroupMean && !slices.Contains(t.f.groups, i.Group) {
		return fmt.Errorf("pipeline: impute: %w: no group %q", ErrFramework, i.Group)
	}
	for _, n := range t.f.indicators() {
		col := t.vals[n.Code]
		var all *big.Rat
		byGroup := map[string]*big.Rat{}
		for u, v := range col {
			if v != nil {
				continue
			}
			switch i.Method {
			case ImputeGroupMean:
				g := t.units[u].Groups[i.Group]
				m, ok := byGroup[g]
				if !ok {
					m = i.fill(col, func(w int) bool { return t.units[w].Groups[i.Group] == g })
					byGroup[g] = m
				}
				col[u] = m
			case ImputeMean, ImputeMedian:
				if all == nil {
					all = i.fill(col, func(int) bool { return true })
				}
				col[u] = all
			}
			if col[u] != nil {
				t.res.Imputed++
			}
		}
	}
	return nil
}

// fill returns the value to impute from the values of col's members: their
// mean, or their median by ImputeMedian; nil when no member has a value.
func (i Impute) fill(col []*big.Rat, member func(u int) bool) *big.Rat {
	var xs []*big.Rat
	for u, v := range col {
		if v != nil && member(u) {
			xs = append(xs, v)
		}
	}
	switch {
	case len(xs) == 0:
		return nil
	case i.Method == ImputeMedian:
		return median(xs)
	}
	var s ratSum
	for _, x := range xs {
		s.addRat(x)
	}
	return s.quo(big.NewInt(int64(len(xs))))
}

// median returns the median of xs (sorted in place), the mean of the middle
// two for an even count.
func median(xs []*big.Rat) *big.Rat {
	slices.SortFunc(xs, (*big.Rat).Cmp)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	s := new(big.Rat).Add(xs[m-1], xs[m])
	return s.Quo(s, big.NewRat(2, 1))
}
