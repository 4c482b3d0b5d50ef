package pipeline

import (
	"fmt"
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
	if i.Method == ImputeNone {
		return nil
	}
	// Each unit's group as a small number, so that a mean per group is one
	// pass over the column.
	group := make([]int, len(t.units))
	groups := 1
	if i.Method == ImputeGroupMean {
		seen := map[string]int{}
		for u, x := range t.units {
			g, ok := seen[x.Groups[i.Group]]
			if !ok {
				g = len(seen)
				seen[x.Groups[i.Group]] = g
			}
			group[u] = g
		}
		groups = len(seen)
	}
	for _, n := range t.f.indicators() {
		col := t.vals[n.Code]
		fills := i.fills(col.x, group, groups)
		var x []rat
		for u, v := range col.x {
			if v.ok() || !fills[group[u]].ok() {
				continue
			}
			if x == nil {
				x = slices.Clone(col.x)
			}
			x[u] = fills[group[u]]
			t.res.Imputed++
		}
		if x != nil {
			t.vals[n.Code] = exactColumn(x)
		}
	}
	return nil
}

// fills returns the value to impute in each group (numbered 0 to groups−1
// by group, per unit) from the values of its members: their mean, or their
// median by ImputeMedian; missing for a group with no value.
func (i Impute) fills(x []rat, group []int, groups int) []rat {
	out := make([]rat, groups)
	if i.Method == ImputeMedian {
		var xs []rat
		for _, v := range x {
			if v.ok() {
				xs = append(xs, v)
			}
		}
		if len(xs) > 0 {
			out[0] = median(xs)
		}
		return out
	}
	sums := make([]ratAcc, groups)
	for u, v := range x {
		if v.ok() {
			sums[group[u]].add(v)
		}
	}
	for g := range sums {
		if sums[g].n > 0 {
			out[g] = sums[g].mean()
		}
	}
	return out
}

// median returns the median of xs (sorted in place), the mean of the middle
// two for an even count.
func median(xs []rat) rat {
	slices.SortFunc(xs, rat.cmp)
	m := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[m]
	}
	return xs[m-1].add(xs[m]).quo(ratInt(2))
}
