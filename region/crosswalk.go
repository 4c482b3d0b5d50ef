package region

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/shopspring/decimal"
)

// Link says that a Share of the old unit From became part of the new unit To.
type Link struct {
	From, To Code
	Share    decimal.Decimal // in (0, 1]
}

// Errors that [NewCrosswalk] and [Crosswalk.ApplyCounts] wrap.
var (
	ErrShare       = errors.New("shares of a unit do not sum to exactly 1")
	ErrUnknownCode = errors.New("unknown code")
	ErrNegative    = errors.New("negative count")
)

// Crosswalk maps the units of one hierarchy onto those of the next: merges
// (several old units, each with share 1, into one new unit) and splits (one
// old unit into several, with shares summing to exactly 1). It is immutable
// and safe for concurrent use.
type Crosswalk struct {
	links []Link // sorted by From, then To
	from  map[Code][]Link
	to    map[Code][]Code
}

// NewCrosswalk validates links against the old and new hierarchies: every
// code is known in its hierarchy, each share lies in (0, 1], no pair is given
// twice, and the shares of each old unit sum to exactly 1. Every old unit of
// from at the levels the links use must be mapped. All problems are reported.
func NewCrosswalk(from, to *Hierarchy, links []Link) (*Crosswalk, error) {
	var errs []error
	c := &Crosswalk{from: map[Code][]Link{}, to: map[Code][]Code{}}
	levels := map[Level]bool{}
	for _, l := range links {
		if _, ok := from.Unit(l.From); !ok {
			errs = append(errs, fmt.Errorf("region: crosswalk %s→%s: %w %s in the old hierarchy", l.From, l.To, ErrUnknownCode, l.From))
			continue
		}
		if _, ok := to.Unit(l.To); !ok {
			errs = append(errs, fmt.Errorf("region: crosswalk %s→%s: %w %s in the new hierarchy", l.From, l.To, ErrUnknownCode, l.To))
			continue
		}
		if l.Share.Sign() <= 0 || l.Share.GreaterThan(decimal.NewFromInt(1)) {
			errs = append(errs, fmt.Errorf("region: crosswalk %s→%s: %w: share %s is not in (0, 1]", l.From, l.To, ErrShare, l.Share))
			continue
		}
		if slices.ContainsFunc(c.from[l.From], func(m Link) bool { return m.To == l.To }) {
			errs = append(errs, fmt.Errorf("region: crosswalk %s→%s: %w: pair given twice", l.From, l.To, ErrDuplicateCode))
			continue
		}
		levels[l.From.Level()] = true
		c.from[l.From] = append(c.from[l.From], l)
		c.to[l.To] = append(c.to[l.To], l.From)
		c.links = append(c.links, l)
	}
	for code, ls := range c.from {
		sum := decimal.Zero
		for _, l := range ls {
			sum = sum.Add(l.Share)
		}
		if !sum.Equal(decimal.NewFromInt(1)) {
			errs = append(errs, fmt.Errorf("region: crosswalk from %s: %w (they sum to %s)", code, ErrShare, sum))
		}
	}
	for _, u := range from.units {
		if levels[u.Code.Level()] && c.from[u.Code] == nil {
			errs = append(errs, fmt.Errorf("region: crosswalk: old unit %s is not mapped", u))
		}
	}
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return cmp.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	slices.SortFunc(c.links, func(a, b Link) int {
		return cmp.Or(a.From.Compare(b.From), a.To.Compare(b.To))
	})
	for _, p := range c.to {
		slices.SortFunc(p, Code.Compare)
	}
	return c, nil
}

// Links returns all links, sorted by old code, then new code.
func (c *Crosswalk) Links() []Link { return slices.Clone(c.links) }

// Successors returns the links from the old unit with code from.
func (c *Crosswalk) Successors(from Code) []Link { return slices.Clone(c.from[from]) }

// Predecessors returns the codes of the old units that (wholly or in part)
// became the new unit to, ascending.
func (c *Crosswalk) Predecessors(to Code) []Code { return slices.Clone(c.to[to]) }

// ApplyCounts re-aggregates counts of old units onto the new units. The total
// is conserved exactly: a count split among several new units is divided by
// the largest-remainder method, the leftover units going to the largest
// remainders first, ties to the larger share, then to the smaller new code.
// A code the crosswalk does not know, or a negative count, is an error.
func (c *Crosswalk) ApplyCounts(counts map[Code]int64) (map[Code]int64, error) {
	out := map[Code]int64{}
	var errs []error
	olds := make([]Code, 0, len(counts))
	for k := range counts {
		olds = append(olds, k)
	}
	slices.SortFunc(olds, Code.Compare)
	for _, old := range olds {
		n := counts[old]
		ls := c.from[old]
		switch {
		case ls == nil:
			errs = append(errs, fmt.Errorf("region: crosswalk: %w %s", ErrUnknownCode, old))
			continue
		case n < 0:
			errs = append(errs, fmt.Errorf("region: crosswalk: %w %d for %s", ErrNegative, n, old))
			continue
		}
		type part struct {
			to    Code
			share decimal.Decimal
			n     int64
			rem   *big.Rat
		}
		parts := make([]part, len(ls))
		left := n
		for i, l := range ls {
			exact := new(big.Rat).Mul(new(big.Rat).SetInt64(n), l.Share.Rat())
			q := new(big.Int).Quo(exact.Num(), exact.Denom())
			parts[i] = part{l.To, l.Share, q.Int64(), exact.Sub(exact, new(big.Rat).SetInt(q))}
			left -= q.Int64()
		}
		slices.SortStableFunc(parts, func(a, b part) int {
			return cmp.Or(b.rem.Cmp(a.rem), b.share.Cmp(a.share), a.to.Compare(b.to))
		})
		for i := 0; left > 0; i, left = i+1, left-1 {
			parts[i%len(parts)].n++
		}
		for _, p := range parts {
			out[p.to] += p.n
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}
