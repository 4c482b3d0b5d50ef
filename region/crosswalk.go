package region

import (
	"cmp"
	"errors"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"sync"
)

// Errors that [NewCrosswalk], [Crosswalk.Shares], [Crosswalk.Weights] and
// [Crosswalk.Carry] wrap, besides [ErrUnknownUnit], [ErrShare],
// [ErrNegative] and [ErrOverflow].
var (
	ErrLinkKind   = errors.New("link kind does not fit the unit's other links")
	ErrNoLink     = errors.New("no such link")
	ErrUnlinked   = errors.New("unit has no link")
	ErrIncomplete = errors.New("a predecessor has no count")
)

// LinkKind says how much of an old unit went into a new one.
type LinkKind uint8

// The kinds of link. The zero LinkKind is invalid.
const (
	Full    LinkKind = iota + 1 // the whole old unit went into the new one
	Partial                     // only part of it did; the share is not published
)

// String returns the Vietnamese words: "toàn bộ" or "một phần".
func (k LinkKind) String() string {
	switch k {
	case Full:
		return "toàn bộ"
	case Partial:
		return "một phần"
	}
	return "LinkKind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements encoding.TextMarshaler with the words of the
// published lists: "full" or "partial".
func (k LinkKind) MarshalText() ([]byte, error) {
	switch k {
	case Full:
		return []byte("full"), nil
	case Partial:
		return []byte("partial"), nil
	}
	return nil, fmt.Errorf("region: cannot marshal %v", k)
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts "full" and
// "partial" and the Vietnamese "toàn bộ" and "một phần", ignoring case and
// diacritics.
func (k *LinkKind) UnmarshalText(b []byte) error {
	switch fold(string(b)) {
	case "full", "toan bo":
		*k = Full
	case "partial", "mot phan":
		*k = Partial
	default:
		return fmt.Errorf("region: unknown link kind %q (want full or partial)", b)
	}
	return nil
}

// Link says that the old unit From went, wholly or in part as Kind says,
// into the new unit To.
type Link struct {
	From, To Code
	Kind     LinkKind
}

// Crosswalk maps the units of one hierarchy onto those of the next: merges
// (several old units, each linked [Full], into one new unit) and splits (one
// old unit, linked [Partial] to each of several new units). It is immutable
// and safe for concurrent use.
type Crosswalk struct {
	from, to *Hierarchy
	links    []Link  // sorted by From, then To
	src, dst []int32 // per link, the dense indexes of From and To
	out      []int32 // outOrder[out[i]:out[i+1]] are the links leaving old unit i
	outOrder []int32 // link indexes grouped by old dense index, ascending
	in       []int32 // inOrder[in[j]:in[j+1]] are the links into new unit j
	inOrder  []int32
	outDst   []int32    // per position of outOrder, the link's dst: Carry walks it in order
	outKind  []LinkKind // likewise, the link's kind
	reverse  func() *Crosswalk
}

// NewCrosswalk validates links from the units of from to those of to: every
// code is known in its hierarchy, every kind is [Full] or [Partial], no pair
// is given twice, a Full link is its old unit's only link and a Partial one
// is not; every leaf of both hierarchies is linked, and so is every unit at
// a level where a unit with children is linked (provinces, when provinces
// are linked). All problems are reported, sorted.
func NewCrosswalk(from, to *Hierarchy, links []Link) (*Crosswalk, error) {
	var errs []error
	bad := func(l Link, format string, args ...any) {
		errs = append(errs, fmt.Errorf("region: crosswalk %s→%s: "+format, append([]any{l.From, l.To}, args...)...))
	}
	c := &Crosswalk{from: from, to: to}
	ls := slices.Clone(links)
	slices.SortFunc(ls, func(a, b Link) int { return cmp.Or(a.From.Compare(b.From), a.To.Compare(b.To)) })
	for k, l := range ls {
		i, okFrom := from.Index(l.From)
		j, okTo := to.Index(l.To)
		switch {
		case !okFrom:
			bad(l, "%w %s in the old hierarchy", ErrUnknownUnit, l.From)
		case !okTo:
			bad(l, "%w %s in the new hierarchy", ErrUnknownUnit, l.To)
		case l.Kind != Full && l.Kind != Partial:
			bad(l, "%w: %v", ErrLinkKind, l.Kind)
		case k > 0 && ls[k-1].From == l.From && ls[k-1].To == l.To:
			bad(l, "%w: pair given twice", ErrDuplicateCode)
		default:
			c.links = append(c.links, l)
			c.src = append(c.src, int32(i))
			c.dst = append(c.dst, int32(j))
		}
	}
	c.index()
	for i := range from.Len() {
		out := c.outOrder[c.out[i]:c.out[i+1]]
		for _, k := range out {
			if l := c.links[k]; l.Kind == Full && len(out) > 1 || l.Kind == Partial && len(out) == 1 {
				bad(l, "%w: %s is linked %d times", ErrLinkKind, l.Kind, len(out))
			}
		}
	}
	errs = append(errs, unlinked(from, c.out, c.src, "old")...)
	errs = append(errs, unlinked(to, c.in, c.dst, "new")...)
	if len(errs) > 0 {
		slices.SortFunc(errs, func(a, b error) int { return cmp.Compare(a.Error(), b.Error()) })
		return nil, errors.Join(errs...)
	}
	c.reverse = sync.OnceValue(c.buildReverse)
	return c, nil
}

// index groups the links by old and by new unit.
func (c *Crosswalk) index() {
	c.out, c.outOrder = group(c.src, c.from.Len())
	c.in, c.inOrder = group(c.dst, c.to.Len())
	c.outDst = make([]int32, len(c.outOrder))
	c.outKind = make([]LinkKind, len(c.outOrder))
	for p, k := range c.outOrder {
		c.outDst[p], c.outKind[p] = c.dst[k], c.links[k].Kind
	}
}

// group returns, for keys in [0, n), offsets and an order such that
// order[off[i]:off[i+1]] are the positions whose key is i, ascending.
func group(keys []int32, n int) (off, order []int32) {
	off = make([]int32, n+1)
	for _, k := range keys {
		off[k+1]++
	}
	for i := range n {
		off[i+1] += off[i]
	}
	order = make([]int32, len(keys))
	next := slices.Clone(off[:n])
	for p, k := range keys {
		order[next[k]] = int32(p)
		next[k]++
	}
	return off, order
}

// unlinked reports the units of h that must have a link and have none.
func unlinked(h *Hierarchy, off, linked []int32, side string) []error {
	var levels [LevelCommune + 1]bool
	for _, i := range linked {
		if h.end[i] > i+1 {
			levels[h.units[i].Code.Level()] = true
		}
	}
	var errs []error
	for i, u := range h.units {
		leaf := h.end[i] == int32(i+1)
		if off[i] == off[i+1] && (leaf || levels[u.Code.Level()]) && u.Kind != KindNation {
			errs = append(errs, fmt.Errorf("region: crosswalk: %s unit %s: %w", side, u, ErrUnlinked))
		}
	}
	return errs
}

// From returns the old hierarchy.
func (c *Crosswalk) From() *Hierarchy { return c.from }

// To returns the new hierarchy.
func (c *Crosswalk) To() *Hierarchy { return c.to }

// Links returns all links, sorted by old code, then new code.
func (c *Crosswalk) Links() []Link { return slices.Clone(c.links) }

// Successors returns the links from the old unit with code from, sorted by
// new code; nil for a code the crosswalk does not know.
func (c *Crosswalk) Successors(from Code) []Link {
	i, ok := c.from.Index(from)
	if !ok {
		return nil
	}
	return c.pick(c.outOrder[c.out[i]:c.out[i+1]])
}

// Predecessors returns the links into the new unit with code to, sorted by
// old code; nil for a code the crosswalk does not know.
func (c *Crosswalk) Predecessors(to Code) []Link {
	j, ok := c.to.Index(to)
	if !ok {
		return nil
	}
	return c.pick(c.inOrder[c.in[j]:c.in[j+1]])
}

func (c *Crosswalk) pick(ks []int32) []Link {
	out := make([]Link, len(ks))
	for n, k := range ks {
		out[n] = c.links[k]
	}
	return out
}

// Reverse returns the crosswalk the other way, from the new units to the
// old: a link is [Full] where the new unit has a single predecessor (all of
// it came from there) and [Partial] otherwise. Carrying counts of the new
// units back onto the old ones through it asks the same question as
// carrying them forward, and gets the same kind of answer.
func (c *Crosswalk) Reverse() *Crosswalk { return c.reverse() }

func (c *Crosswalk) buildReverse() *Crosswalk {
	var links []Link
	for j := range c.to.Len() {
		in := c.inOrder[c.in[j]:c.in[j+1]]
		for _, k := range in {
			l := Link{From: c.links[k].To, To: c.links[k].From, Kind: Partial}
			if len(in) == 1 {
				l.Kind = Full
			}
			links = append(links, l)
		}
	}
	r, err := NewCrosswalk(c.to, c.from, links)
	if err != nil {
		panic("region: the reverse of a valid crosswalk is invalid: " + err.Error())
	}
	r.reverse = func() *Crosswalk { return c }
	return r
}

// Bounds is a count known to lie between Low and High, both included. It is
// exact when Low == High.
type Bounds struct{ Low, High int64 }

// Exact reports whether the count is known exactly.
func (b Bounds) Exact() bool { return b.Low == b.High }

// String returns "1234" for an exact count and "[1234, 1500]" otherwise.
func (b Bounds) String() string {
	if b.Exact() {
		return strconv.FormatInt(b.Low, 10)
	}
	return "[" + strconv.FormatInt(b.Low, 10) + ", " + strconv.FormatInt(b.High, 10) + "]"
}

// Carry re-aggregates counts of old units onto the new units, honestly:
//
//   - across a [Full] link the whole count goes to the new unit, so a new
//     unit formed only of whole old units gets an exact sum;
//   - across a [Partial] link the share is not published, so the new unit
//     gets Low = what surely went there (nothing) and High = everything that
//     may have (the old unit's whole count);
//   - unless shares gives the old unit's split (see [Crosswalk.Shares] and
//     [Crosswalk.Weights]): then its count is divided exactly as the shares
//     say, rounded to whole counts by the largest-remainder method (leftover
//     counts to the largest remainders, ties to the larger share, then to the
//     smaller new code), so that the parts add up to the count.
//
// Each bound is tight on its own; the bounds of neighbours are not
// independent (what one gets across a shared split, the others lose), and
// the exact parts always add up to the total given. Every new unit with a
// predecessor in counts is in the result; all of its predecessors must be
// there, or it would be understated: a missing one is an error wrapping
// [ErrIncomplete]. A code with no successor, a negative count and a sum that
// overflows int64 are errors too. All problems are reported, sorted by code.
//
// To carry counts of the new units back onto the old ones, use the
// [Crosswalk.Reverse] crosswalk.
func (c *Crosswalk) Carry(counts map[Code]int64, shares *Shares) (map[Code]Bounds, error) {
	if shares != nil && shares.c != c {
		return nil, errors.New("region: Carry: shares were made for another crosswalk")
	}
	n := c.to.Len()
	low, high := make([]int64, n), make([]int64, n)
	got := make([]int32, n) // links into each new unit that carried a count
	type problem struct {
		code Code
		err  error
	}
	var probs []problem
	var overflow bool
	add := func(dst []int64, j int32, v int64) {
		s, carry := bits.Add64(uint64(dst[j]), uint64(v), 0)
		if carry != 0 || s > 1<<63-1 {
			overflow = true
		}
		dst[j] = int64(s)
	}
	var parts []int64
	found := 0
	for i := range c.from.Len() {
		if c.out[i] == c.out[i+1] {
			continue
		}
		code := c.from.units[i].Code
		v, ok := counts[code]
		if !ok {
			continue
		}
		found++
		if v < 0 {
			probs = append(probs, problem{code, fmt.Errorf("region: crosswalk: %w %d for %s", ErrNegative, v, code)})
			continue
		}
		var split []shareOf
		if shares != nil {
			split = shares.of[int32(i)]
		}
		if split != nil {
			parts = apportion(v, split, parts[:0])
		}
		for p := c.out[i]; p < c.out[i+1]; p++ {
			j := c.outDst[p]
			got[j]++
			switch {
			case split != nil:
				add(low, j, parts[p-c.out[i]])
				add(high, j, parts[p-c.out[i]])
			case c.outKind[p] == Full:
				add(low, j, v)
				add(high, j, v)
			default:
				add(high, j, v)
			}
		}
	}
	if found < len(counts) {
		for code := range counts {
			if i, ok := c.from.Index(code); !ok || c.out[i] == c.out[i+1] {
				probs = append(probs, problem{code, fmt.Errorf("region: crosswalk: %w %s: no successor", ErrUnknownUnit, code)})
			}
		}
	}
	result := make(map[Code]Bounds, min(len(counts), n))
	for j := range n {
		if got[j] == 0 {
			continue
		}
		u := c.to.units[j]
		if in := c.inOrder[c.in[j]:c.in[j+1]]; int(got[j]) < len(in) {
			var missing []string
			for _, k := range in {
				if _, ok := counts[c.links[k].From]; !ok {
					missing = append(missing, c.links[k].From.String())
				}
			}
			probs = append(probs, problem{u.Code, fmt.Errorf("region: crosswalk: new unit %s: %w: %v", u, ErrIncomplete, missing)})
			continue
		}
		result[u.Code] = Bounds{low[j], high[j]}
	}
	if overflow {
		probs = append(probs, problem{Code{}, fmt.Errorf("region: crosswalk: %w", ErrOverflow)})
	}
	if len(probs) > 0 {
		slices.SortFunc(probs, func(a, b problem) int { return a.code.Compare(b.code) })
		errs := make([]error, len(probs))
		for k, p := range probs {
			errs[k] = p.err
		}
		return nil, errors.Join(errs...)
	}
	return result, nil
}
