package target

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// ErrWeights is wrapped by [Allocate] when the weights cannot split a total.
var ErrWeights = errors.New("invalid weights")

// Allocate splits total among len(weights) parts in proportion to the
// weights (population, households, ...) by the largest-remainder (Hamilton)
// method: each part gets the integer part of its exact quota total·w/W, and
// the units left over go one each to the parts with the largest remainders.
// The parts always sum exactly to total.
//
// Ties between equal remainders go to the larger weight, then to the smaller
// index, so the result depends only on the inputs' order where weights are
// equal. Arithmetic is exact in 128 bits. Weights must be non-negative with a
// positive sum, total non-negative; a part with weight 0 gets 0.
func Allocate(total int64, weights []int64) ([]int64, error) {
	if total < 0 {
		return nil, fmt.Errorf("target.Allocate: %w: total %d", ErrNegative, total)
	}
	var sum uint64
	for i, w := range weights {
		if w < 0 {
			return nil, fmt.Errorf("target.Allocate: %w: weight %d at index %d is negative", ErrWeights, w, i)
		}
		var carry uint64
		sum, carry = bits.Add64(sum, uint64(w), 0)
		if carry != 0 || sum > 1<<63-1 {
			return nil, fmt.Errorf("target.Allocate: %w: the weights overflow int64", ErrWeights)
		}
	}
	if sum == 0 {
		return nil, fmt.Errorf("target.Allocate: %w: the weights sum to 0", ErrWeights)
	}
	parts := make([]int64, len(weights))
	rems := make([]uint64, len(weights))
	left := uint64(total)
	for i, w := range weights {
		hi, lo := bits.Mul64(uint64(total), uint64(w))
		q, r := bits.Div64(hi, lo, sum) // q <= total since w <= sum
		parts[i], rems[i] = int64(q), r
		left -= q
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(rems[b], rems[a]), cmp.Compare(weights[b], weights[a]), cmp.Compare(a, b))
	})
	for _, i := range order[:left] {
		parts[i]++
	}
	return parts, nil
}
