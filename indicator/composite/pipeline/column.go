package pipeline

import (
	"math"
	"math/big"
)

// column is one node's values, one per unit. It is never changed once
// built: a step makes new columns, so the children an aggregate was
// computed from stay as they were.
//
// An indicator's column holds exact values (x) and each one's nearest
// float64 (f). An aggregate by arithmetic mean or sum of points holds only
// floats and a bound on their error (|exact − f[u]| ≤ e[u]), and computes
// its exact values from its children when asked ([column.exact]): for the
// few units whose order the floats cannot decide, for [Result.Value]. The
// exact value of a mean of many exact fractions has a denominator of
// hundreds of digits; computing it for every unit and node is what made the
// pipeline slow.
type column struct {
	x   []rat     // exact values; nil for an aggregate kept in float
	f   []float64 // nearest float64 of each value, or the aggregate's float; NaN when missing
	e   []float64 // error bounds of an aggregate kept in float; nil otherwise
	agg *lazyAgg  // how the aggregate kept in float is computed exactly
}

// lazyAgg is an aggregate by arithmetic mean or sum of points, to be
// computed exactly on demand.
type lazyAgg struct {
	method  AggMethod
	kids    []*column
	weights []*big.Rat // the kids' weights, each > 0
}

// exactColumn returns the column of the exact values x.
func exactColumn(x []rat) *column {
	if x == nil {
		x = []rat{}
	}
	c := &column{x: x, f: make([]float64, len(x))}
	for u, v := range x {
		c.f[u] = math.NaN()
		if v.ok() {
			c.f[u] = v.float()
		}
	}
	return c
}

// ratColumn returns the column of values given as big.Rat (nil missing).
func ratColumn(vs []*big.Rat) *column {
	x := make([]rat, len(vs))
	for u, v := range vs {
		if v != nil {
			x[u] = ratBig(v)
		}
	}
	return exactColumn(x)
}

// missing reports whether unit u has no value.
func (c *column) missing(u int) bool { return math.IsNaN(c.f[u]) }

// exact returns the exact value of unit u, nil when it is missing; the
// caller must not change it.
func (c *column) exact(u int) *big.Rat {
	switch {
	case c.missing(u):
		return nil
	case c.x != nil:
		return c.x[u].big()
	}
	a := c.agg
	var sum ratSum
	wsum := new(big.Rat)
	var t1, t2 big.Int
	for k, kid := range a.kids {
		x := kid.exact(u)
		if x == nil {
			continue
		}
		w := a.weights[k]
		wsum.Add(wsum, w)
		sum.add(t1.Mul(w.Num(), x.Num()), t2.Mul(w.Denom(), x.Denom()))
	}
	v := sum.quo(big.NewInt(1))
	if a.method == ArithmeticMean {
		v.Quo(v, wsum)
	}
	return v
}

// value returns the exact value of unit u as a rat.
func (c *column) value(u int) rat {
	if c.x != nil {
		return c.x[u]
	}
	if v := c.exact(u); v != nil {
		return ratBig(v)
	}
	return rat{}
}

// nearest returns the float64 nearest to the value of unit u.
func (c *column) nearest(u int) float64 {
	if c.e == nil {
		return c.f[u]
	}
	f, _ := c.exact(u).Float64()
	return f
}

// sign returns the sign of the value of unit u (not missing).
func (c *column) sign(u int) int {
	switch {
	case c.x != nil:
		return c.x[u].sign()
	case math.Abs(c.f[u]) > c.e[u]:
		if c.f[u] < 0 {
			return -1
		}
		return 1
	}
	return c.exact(u).Sign()
}

// bound returns a bound on |exact − f| for unit u (not missing): the
// aggregate's own, or for an exact value rounded to nearest half an ulp,
// here an ulp (2^−52 relative) and the least subnormal.
func (c *column) bound(u int) float64 {
	if c.e != nil {
		return c.e[u]
	}
	return math.Abs(c.f[u])*0x1p-52 + 0x1p-1074
}

// filter returns the column of the units u with keep[u], in order; memo
// holds the columns filtered so far, so that an aggregate's children are
// filtered once and stay shared.
func (c *column) filter(keep []bool, memo map[*column]*column) *column {
	if c == nil {
		return nil
	}
	if m, ok := memo[c]; ok {
		return m
	}
	out := &column{}
	for u, k := range keep {
		if !k {
			continue
		}
		out.f = append(out.f, c.f[u])
		if c.x != nil {
			out.x = append(out.x, c.x[u])
		}
		if c.e != nil {
			out.e = append(out.e, c.e[u])
		}
	}
	if out.f == nil {
		out.f = []float64{}
		if c.x != nil {
			out.x = []rat{}
		}
	}
	if c.agg != nil {
		a := *c.agg
		a.kids = make([]*column, len(c.agg.kids))
		for k, kid := range c.agg.kids {
			a.kids[k] = kid.filter(keep, memo)
		}
		out.agg = &a
		if out.e == nil {
			out.e = []float64{}
		}
	}
	memo[c] = out
	return out
}
