package indicator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/region"
)

// Criteria is a composite index such as the DTI: a tree of groups, main
// indicators and sub-indicators, each with maximum points; every leaf reads a
// measure ([Reading]) and scores it with a [Rule]. Criteria are data: a province writes
// its own set in JSON ([ParseCriteria]) and scores it without writing Go.
// A Criteria is immutable once parsed; the what-if methods return new sets.
type Criteria struct {
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
type Node struct {
	ID       string          `json:"id"`
	Name     string          `json:"name"`
	Role     Role            `json:"role"`
	Points   decimal.Decimal `json:"points"`
	Pillar   Pillar          `json:"pillar,omitempty"` // NoPillar inherits the parent's
	Children []Node          `json:"children,omitempty"`
	Measure  *Reading        `json:"measure,omitempty"`
	Rule     *Rule           `json:"rule,omitempty"`
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

// ErrCriteria is wrapped by every problem [ParseCriteria] and
// [Criteria.Validate] report.
var ErrCriteria = errors.New("invalid criteria")

// boundedNumbers checks every number of a JSON document against the bounds
// of [ParseCriteria].
func boundedNumbers(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	limit := decimal.New(1, 9)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("indicator: criteria JSON: %w", err)
		}
		n, ok := tok.(json.Number)
		if !ok {
			continue
		}
		s := string(n)
		if len(s) > 40 || strings.ContainsAny(s, "eE") {
			return fmt.Errorf("indicator: criteria JSON: %w: number %s: write it in plain digits, at most 10^9 with 6 decimals", ErrCriteria, errlist.Excerpt(s))
		}
		d, err := decimal.NewFromString(s)
		if err != nil || d.Abs().GreaterThan(limit) || d.Exponent() < -6 {
			return fmt.Errorf("indicator: criteria JSON: %w: number %s is not at most 10^9 with at most 6 decimals", ErrCriteria, errlist.Excerpt(s))
		}
	}
}

// ErrMismatch is wrapped when two values meant to go together do not: plans
// and a dataset of different hierarchies, scorecards of different units.
var ErrMismatch = errors.New("mismatched inputs")

// ErrNotScored is wrapped by [Scorecard.Merge] for a predecessor that the
// scorecard did not score.
var ErrNotScored = errors.New("was not scored")

// ParseCriteria reads a criteria set from JSON (unknown fields are errors)
// and validates it against cat; see [Criteria.Validate]. Every number in
// the JSON must be at most 10^9 in magnitude with at most 6 decimals, so
// that no input can make the arithmetic on it slow ("1e1000000000").
func ParseCriteria(data []byte, cat *Catalogue) (*Criteria, error) {
	if err := boundedNumbers(data); err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	c := new(Criteria)
	if err := dec.Decode(c); err != nil {
		return nil, fmt.Errorf("indicator: criteria JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("indicator: criteria JSON: data after the set")
	}
	if err := c.Validate(cat); err != nil {
		return nil, err
	}
	return c, nil
}

// MarshalJSON writes the set as ParseCriteria reads it.
func (c *Criteria) MarshalJSON() ([]byte, error) {
	type plain Criteria
	return json.Marshal((*plain)(c))
}

// Validate reports every problem at once, each naming the node: an empty or
// duplicate id, negative points, children whose points do not add up to
// their parent's, a leaf without a measure or rule (or a parent with one), a
// measure that is not exactly one form, an indicator cat lacks, a rule
// without its parameters (a target that is not positive, bands that are
// empty, not ascending or above the node's points), and a main indicator
// below another.
func (c *Criteria) Validate(cat *Catalogue) error {
	var errs []error
	bad := func(n *Node, format string, args ...any) {
		errs = append(errs, fmt.Errorf("indicator: criteria %s, node %q: %w: %s", c.ID, n.ID, ErrCriteria, fmt.Sprintf(format, args...)))
	}
	if c.Level == region.LevelNone {
		errs = append(errs, fmt.Errorf("indicator: criteria %s: %w: no level", c.ID, ErrCriteria))
	}
	seen := map[string]bool{}
	var walk func(n *Node, underMain bool)
	walk = func(n *Node, underMain bool) {
		if n.ID == "" {
			bad(n, "empty id")
		} else if seen[n.ID] {
			bad(n, "id given twice")
		}
		seen[n.ID] = true
		if n.Points.Sign() < 0 {
			bad(n, "negative points %s", n.Points)
		}
		switch n.Role {
		case Group, Sub:
		case Main:
			if underMain {
				bad(n, "a main indicator below another")
			}
		default:
			bad(n, "role %q is not group, main or sub", n.Role)
		}
		if len(n.Children) > 0 {
			if n.Measure != nil || n.Rule != nil {
				bad(n, "a node with children has a measure or rule")
			}
			sum := decimal.Zero
			for i := range n.Children {
				sum = sum.Add(n.Children[i].Points)
				walk(&n.Children[i], underMain || n.Role == Main)
			}
			if !sum.Equal(n.Points) {
				bad(n, "children's points sum to %s, not %s", sum, n.Points)
			}
			return
		}
		c.validateLeaf(n, cat, bad)
	}
	walk(&c.Root, false)
	return errors.Join(errs...)
}

func (c *Criteria) validateLeaf(n *Node, cat *Catalogue, bad func(*Node, string, ...any)) {
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
		if _, ok := cat.Lookup(id); !ok {
			bad(n, "%v %q", ErrUnknownIndicator, id)
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

// Leaves returns the number of scored leaves (sub-indicators, or main
// indicators without any).
func (c *Criteria) Leaves() int {
	n := 0
	var walk func(*Node)
	walk = func(x *Node) {
		if len(x.Children) == 0 {
			n++
		}
		for i := range x.Children {
			walk(&x.Children[i])
		}
	}
	walk(&c.Root)
	return n
}

// Without returns a copy of the set without the node id and its subtree;
// its ancestors lose its points, so the index is taken over the smaller
// total. It is the what-if "drop a criterion".
func (c *Criteria) Without(id string) (*Criteria, error) {
	return c.edit(id, func(parent *Node, i int) (decimal.Decimal, error) {
		p := parent.Children[i].Points
		parent.Children = slices.Delete(parent.Children, i, i+1)
		return p.Neg(), nil
	})
}

// With returns a copy of the set with n added as the last child of the node
// parentID; its ancestors gain its points. It is the what-if "add a
// criterion", such as Bắc Ninh's digital signatures.
func (c *Criteria) With(parentID string, n Node) (*Criteria, error) {
	out := c.clone()
	p := out.find(parentID)
	if p == nil {
		return nil, fmt.Errorf("indicator: criteria %s: %w: no node %q", c.ID, ErrCriteria, parentID)
	}
	p.Children = append(p.Children, n)
	out.addUp(parentID, n.Points)
	return out, nil
}

// Reweighted returns a copy of the set with the leaf id worth points; its
// ancestors change by the difference (bands keep their points, capped by
// validation).
func (c *Criteria) Reweighted(id string, points decimal.Decimal) (*Criteria, error) {
	return c.edit(id, func(parent *Node, i int) (decimal.Decimal, error) {
		n := &parent.Children[i]
		if len(n.Children) > 0 {
			return decimal.Zero, fmt.Errorf("indicator: criteria %s: %w: %q is not a leaf", c.ID, ErrCriteria, id)
		}
		d := points.Sub(n.Points)
		n.Points = points
		return d, nil
	})
}

// edit applies f to the child id of its parent in a copy of the set and
// adds the change f returns to every ancestor.
func (c *Criteria) edit(id string, f func(parent *Node, i int) (decimal.Decimal, error)) (*Criteria, error) {
	out := c.clone()
	var path []*Node
	var walk func(*Node) int
	walk = func(n *Node) int {
		path = append(path, n)
		for i := range n.Children {
			if n.Children[i].ID == id {
				return i
			}
			if k := walk(&n.Children[i]); k >= 0 {
				return k
			}
		}
		path = path[:len(path)-1]
		return -1
	}
	i := walk(&out.Root)
	if i < 0 {
		return nil, fmt.Errorf("indicator: criteria %s: %w: no node %q below the root", c.ID, ErrCriteria, id)
	}
	d, err := f(path[len(path)-1], i)
	if err != nil {
		return nil, err
	}
	for _, a := range path {
		a.Points = a.Points.Add(d)
	}
	return out, nil
}

func (c *Criteria) addUp(id string, d decimal.Decimal) {
	var walk func(*Node) bool
	walk = func(n *Node) bool {
		if n.ID == id {
			n.Points = n.Points.Add(d)
			return true
		}
		for i := range n.Children {
			if walk(&n.Children[i]) {
				n.Points = n.Points.Add(d)
				return true
			}
		}
		return false
	}
	walk(&c.Root)
}

func (c *Criteria) find(id string) *Node {
	var out *Node
	var walk func(*Node)
	walk = func(n *Node) {
		if n.ID == id && out == nil {
			out = n
		}
		for i := range n.Children {
			walk(&n.Children[i])
		}
	}
	walk(&c.Root)
	return out
}

func (c *Criteria) clone() *Criteria {
	out := *c
	out.Root = cloneNode(c.Root)
	return &out
}

func cloneNode(n Node) Node {
	out := n
	out.Children = make([]Node, len(n.Children))
	for i, ch := range n.Children {
		out.Children[i] = cloneNode(ch)
	}
	if n.Children == nil {
		out.Children = nil
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
