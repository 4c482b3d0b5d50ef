package region

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// Part measures the part of the old unit From that went into the new unit
// To: a share (0.4), or a population or an area, as [Crosswalk.Shares] and
// [Crosswalk.Weights] take it.
type Part struct {
	From, To Code
	Value    decimal.Decimal
}

// Shares are a caller's split of some old units among their [Partial]
// links, for [Crosswalk.Carry]. Build them with [Crosswalk.Shares] or
// [Crosswalk.Weights]; they belong to that crosswalk.
type Shares struct {
	c  *Crosswalk
	of map[int32][]shareOf // by old dense index, in the order of its links
}

type shareOf struct {
	r  *big.Rat // in (0, 1]
	to Code
}

// Shares validates fractions of the old units: each part names a [Partial]
// link of c, is given once and lies in (0, 1], an old unit given any share
// has one for each of its links, and its shares sum to exactly 1 (an error
// wrapping [ErrShare] otherwise). Old units given no share keep their
// bounds in [Crosswalk.Carry]. All problems are reported, sorted.
func (c *Crosswalk) Shares(parts []Part) (*Shares, error) { return c.split(parts, true) }

// Weights is like [Crosswalk.Shares] for any positive measure of the parts,
// such as the population or the area of each part of an old unit: an old
// unit's shares are its weights divided by their sum, exactly, so they sum
// to 1 by construction.
func (c *Crosswalk) Weights(parts []Part) (*Shares, error) { return c.split(parts, false) }

func (c *Crosswalk) split(parts []Part, fractions bool) (*Shares, error) {
	var errs []error
	bad := func(p Part, format string, args ...any) {
		errs = append(errs, fmt.Errorf("region: share %s→%s: "+format, append([]any{p.From, p.To}, args...)...))
	}
	byOld := map[int32][]Part{}
	for _, p := range parts {
		i, ok := c.from.Index(p.From)
		if !ok {
			bad(p, "%w %s in the old hierarchy", ErrUnknownUnit, p.From)
			continue
		}
		out := c.outOrder[c.out[i]:c.out[i+1]]
		k := slices.IndexFunc(out, func(k int32) bool { return c.links[k].To == p.To })
		switch {
		case k < 0:
			bad(p, "%w", ErrNoLink)
		case c.links[out[k]].Kind == Full:
			bad(p, "%w: a full link carries the whole unit and takes no share", ErrShare)
		case p.Value.Sign() <= 0:
			bad(p, "%w: %s is not positive", ErrShare, p.Value)
		case fractions && p.Value.GreaterThan(decimal.NewFromInt(1)):
			bad(p, "%w: %s is above 1", ErrShare, p.Value)
		case slices.ContainsFunc(byOld[int32(i)], func(q Part) bool { return q.To == p.To }):
			bad(p, "%w: given twice", ErrDuplicateCode)
		default:
			byOld[int32(i)] = append(byOld[int32(i)], p)
		}
	}
	s := &Shares{c: c, of: make(map[int32][]shareOf, len(byOld))}
	for i, ps := range byOld {
		out := c.outOrder[c.out[i]:c.out[i+1]]
		old := c.from.units[i]
		if len(ps) < len(out) {
			errs = append(errs, fmt.Errorf("region: shares of %s: %w: %d of its %d links have none", old, ErrShare, len(out)-len(ps), len(out)))
			continue
		}
		sum := new(big.Rat)
		split := make([]shareOf, len(out))
		for n, k := range out {
			to := c.links[k].To
			p := ps[slices.IndexFunc(ps, func(q Part) bool { return q.To == to })]
			split[n] = shareOf{p.Value.Rat(), to}
			sum.Add(sum, split[n].r)
		}
		if fractions && sum.Cmp(big.NewRat(1, 1)) != 0 {
			errs = append(errs, fmt.Errorf("region: shares of %s: %w: they sum to %s, not exactly 1", old, ErrShare, sum.FloatString(6)))
			continue
		}
		for n := range split {
			split[n].r.Quo(split[n].r, sum)
		}
		s.of[i] = split
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return cmp.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// apportion divides v among split by the largest-remainder method and
// appends the whole parts to dst, in split's order.
func apportion(v int64, split []shareOf, dst []int64) []int64 {
	type rem struct {
		n int
		r *big.Rat
	}
	rems := make([]rem, len(split))
	left := v
	bv := new(big.Rat).SetInt64(v)
	for n, s := range split {
		exact := new(big.Rat).Mul(bv, s.r)
		q := new(big.Int).Quo(exact.Num(), exact.Denom())
		dst = append(dst, q.Int64())
		left -= q.Int64()
		rems[n] = rem{n, exact.Sub(exact, new(big.Rat).SetInt(q))}
	}
	base := len(dst) - len(split)
	slices.SortStableFunc(rems, func(a, b rem) int {
		return cmp.Or(b.r.Cmp(a.r), split[b.n].r.Cmp(split[a.n].r), split[a.n].to.Compare(split[b.n].to))
	})
	for k := 0; left > 0; k, left = k+1, left-1 {
		dst[base+rems[k%len(rems)].n]++
	}
	return dst
}
