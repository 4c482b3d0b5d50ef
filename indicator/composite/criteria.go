package composite

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/region"
)

// Spec is a criteria set as written, in JSON or as a Go literal: the plain,
// mutable description from which [New] builds an immutable [Criteria].
type Spec struct {
	ID     string       `json:"id"`
	Name   string       `json:"name"`
	Source string       `json:"source"` // the decision or plan it follows
	Note   string       `json:"note,omitempty"`
	Level  region.Level `json:"level"` // the level of the units it scores
	// MissingAsZero scores a criterion without data as 0 points. Otherwise a
	// unit with missing data has no total and is not ranked; either way the
	// missing criteria are listed per unit.
	MissingAsZero bool `json:"missing_as_zero,omitempty"`
	Root          Node `json:"root"` // its Points are the maximum total
}

// Role is a node's place in a criteria tree.
type Role string

// The roles. Merged units ([Scorecard.Merge]) are scored from their
// predecessors' main indicators.
const (
	Group Role = "group" // nhóm chỉ số, or a pillar
	Main  Role = "main"  // chỉ số chính
	Sub   Role = "sub"   // chỉ số thành phần
)

// Node is one criterion. A node with children scores the sum of theirs and
// its Points must equal the sum of theirs; a leaf has a Measure and a Rule.
//
// Pillars are the pillars the node's points count toward; a node without
// pillars takes its parent's. A criterion may count toward several: in the
// DTI of 922/QĐ-BTTTT the common foundation counts toward all three, so
// that each pillar's value is (foundation + the pillar's own activity) over
// their maximum.
type Node struct {
	ID       string             `json:"id"`
	Name     string             `json:"name"`
	Role     Role               `json:"role"`
	Points   decimal.Decimal    `json:"points"`
	Pillars  []indicator.Pillar `json:"pillars,omitempty"`
	Children []Node             `json:"children,omitempty"`
	Measure  *Reading           `json:"measure,omitempty"`
	Rule     *Rule              `json:"rule,omitempty"`
}

// Reading is what a leaf measures for each unit; exactly one field is set.
type Reading struct {
	Count      string   `json:"count,omitempty"`      // an indicator's actual
	Ratio      []string `json:"ratio,omitempty"`      // [a, b]: actual of a over actual of b (coverage)
	Attainment string   `json:"attainment,omitempty"` // an indicator's actual over its plan
	Reported   string   `json:"reported,omitempty"`   // a value reported per unit ([Reported]), by key
}

// RuleKind names a scoring rule.
type RuleKind string

// The scoring rules. v is the measured value, P the node's points.
const (
	// ToTarget scores P·min(1, v/Target): proportional to attainment of a
	// target, capped at full marks.
	ToTarget RuleKind = "target"
	// Bands scores the points of the highest band whose From v reaches, and
	// 0 below every band.
	Bands RuleKind = "bands"
	// YesNo scores P when v > 0, else 0.
	YesNo RuleKind = "yesno"
	// MinMax scores P·(v − min)/(max − min) across the units scored (P·(max −
	// v)/(max − min) when Invert); when every unit has the same value, each
	// gets P.
	MinMax RuleKind = "minmax"
	// AsReported takes v as the points, which must lie in [0, P].
	AsReported RuleKind = "points"
)

// Rule is how a leaf turns its measure into points.
type Rule struct {
	Kind   RuleKind        `json:"kind"`
	Target decimal.Decimal `json:"target,omitempty"` // ToTarget
	Bands  []Band          `json:"bands,omitempty"`  // Bands, ascending From
	Invert bool            `json:"invert,omitempty"` // MinMax: lower is better
}

// Band is one threshold of a Bands rule.
type Band struct {
	From   decimal.Decimal `json:"from"`
	Points decimal.Decimal `json:"points"`
}

// Errors of this package.
var (
	// ErrCriteria is wrapped by every problem of a criteria set.
	ErrCriteria = errors.New("invalid criteria")
	// ErrNotScored is wrapped by [Scorecard.Merge] for a predecessor that
	// the scorecard did not score.
	ErrNotScored = errors.New("was not scored")
)

// Criteria is a validated composite index such as the DTI: a tree of
// groups, main indicators and sub-indicators, each with maximum points;
// every leaf reads a measure ([Reading]) and scores it with a [Rule]. It is
// built by [New] or [Parse] from a [Spec], keeps its own copy of the tree,
// and is immutable: [Criteria.Spec] hands out a copy, and the what-if
// methods return new sets, validated like any other.
type Criteria struct {
	spec Spec
	cat  *indicator.Catalogue
	f    flat
}

// New validates spec against the indicators of cat and returns the set. It
// reports every problem at once, each naming the node: an empty or
// duplicate id, negative points or more than 10^9, children whose points do
// not add up to their parent's, a maximum total of 0 (criteria whose
// points are all 0 define no index), a leaf without a measure or rule (or a
// parent with one), a measure that is not exactly one form, an indicator cat
// lacks, a rule without its parameters (a target that is not positive,
// bands that are empty, not ascending or above the node's points), and a
// main indicator below another. The set keeps copies of spec and cat.
func New(spec Spec, cat *indicator.Catalogue) (*Criteria, error) {
	c := &Criteria{spec: Spec{ID: spec.ID, Name: spec.Name, Source: spec.Source, Note: spec.Note,
		Level: spec.Level, MissingAsZero: spec.MissingAsZero, Root: cloneNode(spec.Root)}, cat: cat.Clone()}
	if err := c.validate(); err != nil {
		return nil, err
	}
	c.f = flatten(&c.spec.Root)
	return c, nil
}

// Parse reads a criteria set from JSON (unknown fields are errors) and
// builds it with [New]. Every number in the JSON, written as a number or
// as a string ("0.5"), must be at most 10^9 in magnitude with at most 6
// decimals, in plain digits, so that no input can make the arithmetic on
// it slow ("1e1000000000", "1e-9000"); and the set may have at most
// [MaxNodes] criteria.
func Parse(data []byte, cat *indicator.Catalogue) (*Criteria, error) {
	if err := boundedNumbers(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var spec Spec
	if err := dec.Decode(&spec); err != nil {
		return nil, fmt.Errorf("composite: criteria JSON: %w: %w", ErrCriteria, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("composite: criteria JSON: %w: data after the set", ErrCriteria)
	}
	return New(spec, cat)
}

// MaxCriteriaBytes is the largest criteria file [ReadCriteria] reads: the
// reference sets take a few kilobytes. Raise it before reading to read a
// larger file.
var MaxCriteriaBytes int64 = 8 << 20

// ReadCriteria reads a criteria set from r, named name in errors, and
// parses it with [Parse]. It reads at most [MaxCriteriaBytes]: a larger
// input (a mistaken path, /dev/zero) is an error naming the limit, not a
// program out of memory.
func ReadCriteria(r io.Reader, name string, cat *indicator.Catalogue) (*Criteria, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCriteriaBytes+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("composite: %s: %w", name, err)
	case int64(len(data)) > MaxCriteriaBytes:
		return nil, fmt.Errorf("composite: %s: %w: more than %d bytes (composite.MaxCriteriaBytes); raise MaxCriteriaBytes to read a larger set", name, ErrCriteria, MaxCriteriaBytes)
	}
	c, err := Parse(data, cat)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return c, nil
}

// maxNumber bounds every number of a criteria set.
var maxNumber = decimal.New(1, 9)

// MaxNodes is the largest number of criteria (nodes of the tree, the root
// included) that [Parse] reads and [New] builds: a DTI has about a hundred,
// and a set of a million took 32 s and 5,7 GB to read before any was
// refused. Raise it before parsing to read a larger set.
var MaxNodes = 10_000

// decimalKeys are the keys of a criteria set whose values are decimals
// (Node.Points, Rule.Target, Band.From and Band.Points), written as JSON
// numbers or as strings ("0.5"), the way [Criteria.MarshalJSON] writes
// them; both go through the same bounds.
var decimalKeys = map[string]bool{"points": true, "target": true, "from": true}

// boundedNumbers checks every number of a JSON document against the bounds
// of [Parse], plain or written as a string, and counts its criteria (the
// root and the objects of each "children" array) against [MaxNodes], in one
// pass over the tokens and before anything is built.
func boundedNumbers(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		object, wantKey, children bool
		key                       string
	}
	var stack []frame
	nodes := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("composite: criteria JSON: %w: %w", ErrCriteria, err)
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				f := frame{object: d == '{', wantKey: d == '{'}
				if top != nil && top.object {
					f.children = d == '[' && top.key == "children"
					if d == '{' && top.key == "root" && len(stack) == 1 {
						nodes++
					}
				}
				if d == '{' && top != nil && !top.object && top.children {
					nodes++
				}
				if nodes > MaxNodes {
					return fmt.Errorf("composite: criteria JSON: %w: more than %d criteria (composite.MaxNodes); raise MaxNodes to read a larger set", ErrCriteria, MaxNodes)
				}
				stack = append(stack, f)
			case '}', ']':
				stack = stack[:len(stack)-1]
				if len(stack) > 0 && stack[len(stack)-1].object {
					stack[len(stack)-1].wantKey = true
				}
			}
			continue
		}
		if top != nil && top.object && top.wantKey {
			top.key, _ = tok.(string)
			top.wantKey = false
			continue
		}
		var s string
		switch v := tok.(type) {
		case json.Number:
			s = string(v)
		case string:
			if top == nil || !top.object || !decimalKeys[top.key] {
				break
			}
			s = v
		}
		if top != nil && top.object {
			top.wantKey = true
		}
		if s == "" {
			continue
		}
		if err := boundedNumber(s); err != nil {
			return err
		}
	}
}

// bounded reports whether d is at most 10^9 in magnitude with at most 6
// decimals, looking at its exponent before any arithmetic.
func bounded(d decimal.Decimal) bool {
	switch e := d.Exponent(); {
	case d.Sign() == 0:
		return true
	case e < -6 || e > 9:
		return false
	}
	return !d.Abs().GreaterThan(maxNumber)
}

// boundedNumber checks one number of a criteria set, as written.
func boundedNumber(s string) error {
	if len(s) > 40 || strings.ContainsAny(s, "eE") {
		return fmt.Errorf("composite: criteria JSON: %w: number %s: write it in plain digits, at most 10^9 with 6 decimals", ErrCriteria, errlist.Excerpt(s))
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Abs().GreaterThan(maxNumber) || d.Exponent() < -6 {
		return fmt.Errorf("composite: criteria JSON: %w: number %s is not at most 10^9 with at most 6 decimals", ErrCriteria, errlist.Excerpt(s))
	}
	return nil
}

// Spec returns a copy of the set as written; changing it changes nothing.
func (c *Criteria) Spec() Spec {
	s := c.spec
	s.Root = cloneNode(c.spec.Root)
	return s
}

// ID returns the set's id.
func (c *Criteria) ID() string { return c.spec.ID }

// Name returns the set's name.
func (c *Criteria) Name() string { return c.spec.Name }

// Level returns the level of the units it scores.
func (c *Criteria) Level() region.Level { return c.spec.Level }

// Points returns the maximum total.
func (c *Criteria) Points() decimal.Decimal { return c.spec.Root.Points }

// Leaves returns the number of scored leaves (sub-indicators, or main
// indicators without any).
func (c *Criteria) Leaves() int {
	n := 0
	for _, leaf := range c.f.leaf {
		if leaf {
			n++
		}
	}
	return n
}

// MarshalJSON writes the set as Parse reads it.
func (c *Criteria) MarshalJSON() ([]byte, error) { return json.Marshal(c.spec) }

// Visit is one node of a pre-order walk: the node, its position in the
// walk, its parent's position (−1 for the root) and its depth.
type Visit struct {
	Node          *Node
	Index, Parent int
	Depth         int
}

// Walk yields every node of the tree under root, root first, parents before
// their children, children in order. It is the one walk over a criteria
// tree: validation, scoring and the what-if edits all go through it.
func Walk(root *Node) iter.Seq[Visit] {
	return func(yield func(Visit) bool) {
		type frame struct {
			n             *Node
			parent, depth int
		}
		stack := []frame{{root, -1, 0}}
		for i := 0; len(stack) > 0; i++ {
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !yield(Visit{f.n, i, f.parent, f.depth}) {
				return
			}
			for k := len(f.n.Children) - 1; k >= 0; k-- {
				stack = append(stack, frame{&f.n.Children[k], i, f.depth + 1})
			}
		}
	}
}

// validate reports every problem of the set; see [New].
func (c *Criteria) validate() error {
	var errs []error
	bad := func(n *Node, format string, args ...any) {
		errs = append(errs, fmt.Errorf("composite: criteria %s, node %q: %w: %s", c.spec.ID, n.ID, ErrCriteria, fmt.Sprintf(format, args...)))
	}
	if c.spec.Level == region.LevelNone {
		errs = append(errs, fmt.Errorf("composite: criteria %s: %w: no level", c.spec.ID, ErrCriteria))
	}
	// The size and the numbers first, before any arithmetic on them: a
	// Spec built in Go has not been through the bounds of Parse.
	count := 0
	for v := range Walk(&c.spec.Root) {
		if count++; count > MaxNodes {
			return fmt.Errorf("composite: criteria %s: %w: more than %d criteria (composite.MaxNodes); raise MaxNodes to build a larger set", c.spec.ID, ErrCriteria, MaxNodes)
		}
		n := v.Node
		nums := []decimal.Decimal{n.Points}
		if n.Rule != nil {
			nums = append(nums, n.Rule.Target)
			for _, b := range n.Rule.Bands {
				nums = append(nums, b.From, b.Points)
			}
		}
		for _, d := range nums {
			if !bounded(d) {
				bad(n, "a number is not at most 10^9 in magnitude with at most 6 decimals")
				break
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if c.spec.Root.Points.IsZero() {
		// The index, and the index in Diff, are the total over these points.
		bad(&c.spec.Root, "points are 0: the index (total / maximum) is undefined")
	}
	seen := map[string]bool{}
	var nodes []*Node
	underMain := []bool{}
	for v := range Walk(&c.spec.Root) {
		n := v.Node
		nodes = append(nodes, n)
		under := v.Parent >= 0 && (underMain[v.Parent] || nodes[v.Parent].Role == Main)
		underMain = append(underMain, under)
		switch {
		case n.ID == "":
			bad(n, "empty id")
		case seen[n.ID]:
			bad(n, "id given twice")
		}
		seen[n.ID] = true
		if n.Points.Sign() < 0 || n.Points.GreaterThan(maxNumber) {
			bad(n, "points %s are not in [0, 10^9]", n.Points)
		}
		for _, p := range n.Pillars {
			if p < indicator.DigitalGov || p > indicator.DigitalSociety {
				bad(n, "unknown pillar %d", p)
			}
		}
		switch n.Role {
		case Group, Sub:
		case Main:
			if under {
				bad(n, "a main indicator below another")
			}
		default:
			bad(n, "role %q is not group, main or sub", n.Role)
		}
		if len(n.Children) == 0 {
			c.validateLeaf(n, bad)
			continue
		}
		if n.Measure != nil || n.Rule != nil {
			bad(n, "a node with children has a measure or rule")
		}
		sum := decimal.Zero
		for k := range n.Children {
			sum = sum.Add(n.Children[k].Points)
		}
		if !sum.Equal(n.Points) {
			bad(n, "children's points sum to %s, not %s", sum, n.Points)
		}
	}
	return errors.Join(errs...)
}

func (c *Criteria) validateLeaf(n *Node, bad func(*Node, string, ...any)) {
	if n.Measure == nil || n.Rule == nil {
		bad(n, "a leaf needs a measure and a rule")
		return
	}
	m := n.Measure
	forms := 0
	var ids []string
	if m.Count != "" {
		forms++
		ids = append(ids, m.Count)
	}
	if m.Ratio != nil {
		forms++
		if len(m.Ratio) != 2 {
			bad(n, "a ratio names two indicators, not %d", len(m.Ratio))
		}
		ids = append(ids, m.Ratio...)
	}
	if m.Attainment != "" {
		forms++
		ids = append(ids, m.Attainment)
	}
	if m.Reported != "" {
		forms++
	}
	if forms != 1 {
		bad(n, "a measure has exactly one of count, ratio, attainment, reported; it has %d", forms)
	}
	for _, id := range ids {
		if _, ok := c.cat.Lookup(id); !ok {
			bad(n, "%v %q", indicator.ErrUnknownIndicator, id)
		}
	}
	r := n.Rule
	switch r.Kind {
	case ToTarget:
		if r.Target.Sign() <= 0 {
			bad(n, "a target rule needs a positive target")
		}
	case Bands:
		if len(r.Bands) == 0 {
			bad(n, "a bands rule needs bands")
		}
		for i, b := range r.Bands {
			if i > 0 && !b.From.GreaterThan(r.Bands[i-1].From) {
				bad(n, "bands are not in ascending order of from")
			}
			if b.Points.Sign() < 0 || b.Points.GreaterThan(n.Points) {
				bad(n, "band %s gives %s points, outside [0, %s]", b.From, b.Points, n.Points)
			}
		}
	case YesNo, MinMax, AsReported:
	default:
		bad(n, "unknown rule %q", r.Kind)
	}
}

// Without returns the set without the node id and its subtree; its
// ancestors lose its points, so the index is taken over the smaller total.
// It is the what-if "drop a criterion". A set left invalid (a group with
// no criteria left) is an error.
func (c *Criteria) Without(id string) (*Criteria, error) {
	return c.edit(id, func(parent *Node, i int) (decimal.Decimal, error) {
		p := parent.Children[i].Points
		parent.Children = slices.Delete(parent.Children, i, i+1)
		if len(parent.Children) == 0 {
			return decimal.Zero, fmt.Errorf("composite: criteria %s: %w: without %q, %q has no criteria left", c.spec.ID, ErrCriteria, id, parent.ID)
		}
		return p.Neg(), nil
	})
}

// With returns the set with n added as the last child of the node
// parentID; its ancestors gain its points. It is the what-if "add a
// criterion", such as Bắc Ninh's digital signatures.
func (c *Criteria) With(parentID string, n Node) (*Criteria, error) {
	spec := c.Spec()
	var path []*Node
	for v := range Walk(&spec.Root) {
		path = append(path[:v.Depth], v.Node)
		if v.Node.ID == parentID {
			if len(v.Node.Children) == 0 {
				return nil, fmt.Errorf("composite: criteria %s: %w: %q is a leaf", c.spec.ID, ErrCriteria, parentID)
			}
			v.Node.Children = append(v.Node.Children, cloneNode(n))
			for _, a := range path[:len(path)-1] {
				a.Points = a.Points.Add(n.Points)
			}
			v.Node.Points = v.Node.Points.Add(n.Points)
			return New(spec, c.cat)
		}
	}
	return nil, fmt.Errorf("composite: criteria %s: %w: no node %q", c.spec.ID, ErrCriteria, parentID)
}

// Reweighted returns the set with the leaf id worth points; its ancestors
// change by the difference (bands keep their points, so validation rejects
// a band above the new points).
func (c *Criteria) Reweighted(id string, points decimal.Decimal) (*Criteria, error) {
	return c.edit(id, func(parent *Node, i int) (decimal.Decimal, error) {
		n := &parent.Children[i]
		if len(n.Children) > 0 {
			return decimal.Zero, fmt.Errorf("composite: criteria %s: %w: %q is not a leaf", c.spec.ID, ErrCriteria, id)
		}
		d := points.Sub(n.Points)
		n.Points = points
		return d, nil
	})
}

// edit applies f to the child id of its parent in a copy of the set, adds
// the change f returns to every ancestor, and validates the result.
func (c *Criteria) edit(id string, f func(parent *Node, i int) (decimal.Decimal, error)) (*Criteria, error) {
	spec := c.Spec()
	var path []*Node
	for v := range Walk(&spec.Root) {
		path = append(path[:v.Depth], v.Node)
		if v.Node.ID != id || v.Parent < 0 {
			continue
		}
		parent := path[v.Depth-1]
		i := slices.IndexFunc(parent.Children, func(n Node) bool { return n.ID == id })
		d, err := f(parent, i)
		if err != nil {
			return nil, err
		}
		for _, a := range path[:v.Depth] {
			a.Points = a.Points.Add(d)
		}
		return New(spec, c.cat)
	}
	return nil, fmt.Errorf("composite: criteria %s: %w: no node %q below the root", c.spec.ID, ErrCriteria, id)
}

func cloneNode(n Node) Node {
	out := n
	out.Pillars = slices.Clone(n.Pillars)
	out.Children = nil
	if n.Children != nil {
		out.Children = make([]Node, len(n.Children))
		for i, ch := range n.Children {
			out.Children[i] = cloneNode(ch)
		}
	}
	if n.Measure != nil {
		m := *n.Measure
		m.Ratio = slices.Clone(m.Ratio)
		out.Measure = &m
	}
	if n.Rule != nil {
		r := *n.Rule
		r.Bands = slices.Clone(r.Bands)
		out.Rule = &r
	}
	return out
}
