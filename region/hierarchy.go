package region

import (
	"bytes"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Errors that [New] wraps, one per problem, in a [*UnitError].
var (
	ErrDuplicateCode = errors.New("duplicate code")
	ErrUnknownParent = errors.New("unknown parent")
	ErrParentLevel   = errors.New("parent is not at a higher level")
	ErrCycle         = errors.New("cycle in parents")
	ErrKindLevel     = errors.New("kind does not fit the level of the code")
	ErrEmptyName     = errors.New("name has no letters or digits")
)

// UnitError is a problem with one unit given to [New].
type UnitError struct {
	Code Code   // the unit's code
	Name string // the unit's name, as given
	Err  error  // one of the Err variables of this package, possibly wrapped
}

// Error names the unit, then the problem.
func (e *UnitError) Error() string {
	return fmt.Sprintf("region: unit %s (%s): %v", e.Code, e.Name, e.Err)
}

// Unwrap returns the problem, for errors.Is and errors.As.
func (e *UnitError) Unwrap() error { return e.Err }

// Hierarchy is an immutable, validated set of units and their parent links.
// Each unit has a dense index in [0, Len()): units are numbered in pre-order,
// roots and children in Vietnamese collation order of their names (then by
// code), so a parent's index is always smaller than its children's and a
// subtree occupies a contiguous range. Roll-ups can therefore walk indexes
// from Len()-1 down to 0 and add each unit into its parent.
//
// A Hierarchy is safe for concurrent use.
type Hierarchy struct {
	units    []Unit
	parent   []int32 // -1 for a root
	end      []int32 // the subtree of i is [i, end[i])
	nameRank []int32 // position in the collation order of all names
	byCode   map[Code]int32
	byName   map[string][]int32 // folded name to indexes, ascending
	alias    map[string][]aliasOf
	levels   [LevelCommune + 1][]int32
}

// New validates units and builds their hierarchy. It reports every problem
// at once, joined with errors.Join, each a [*UnitError] naming the unit:
// an invalid code, an empty name, a kind whose level differs from its code's, a name without letters or digits,
// a duplicate code, an unknown parent, a parent not above its child, and a
// cycle. The slice is not retained.
func New(units []Unit) (*Hierarchy, error) {
	var errs []error
	bad := func(u Unit, err error) { errs = append(errs, &UnitError{u.Code, u.Name, err}) }
	byCode := make(map[Code]int32, len(units))
	folded := make([]string, len(units))
	for i, u := range units {
		folded[i] = fold(u.Name)
		switch {
		case !u.Code.IsValid():
			bad(u, ErrInvalidCode)
			continue
		case folded[i] == "":
			bad(u, ErrEmptyName) // nothing Find could match
		case u.Kind.Level() != u.Code.Level():
			bad(u, fmt.Errorf("%w: %s is a %s-level kind, code %s is %s level",
				ErrKindLevel, u.Kind, u.Kind.Level(), u.Code, u.Code.Level()))
		}
		if j, dup := byCode[u.Code]; dup {
			bad(u, fmt.Errorf("%w: also given as %q", ErrDuplicateCode, units[j].Name))
			continue
		}
		byCode[u.Code] = int32(i)
	}
	for _, u := range units {
		if !u.Parent.IsValid() || !u.Code.IsValid() {
			continue
		}
		j, ok := byCode[u.Parent]
		if !ok {
			bad(u, fmt.Errorf("%w %s", ErrUnknownParent, u.Parent))
			continue
		}
		if p := units[j]; p.Code != u.Code && p.Code.Level() >= u.Code.Level() {
			bad(u, fmt.Errorf("%w: %s is %s level", ErrParentLevel, p.Code, p.Code.Level()))
		}
	}
	errs = append(errs, cycles(units, byCode)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return build(units, folded, byCode), nil
}

// cycles reports each cycle of parent links once, naming its smallest code.
func cycles(units []Unit, byCode map[Code]int32) []error {
	const (
		unseen = iota
		onPath
		done
	)
	state := make([]uint8, len(units))
	var errs []error
	var path []int32
	for i := range units {
		path = path[:0]
		j := int32(i)
		for j >= 0 && state[j] == unseen {
			state[j] = onPath
			path = append(path, j)
			p, ok := byCode[units[j].Parent]
			if !units[j].Parent.IsValid() || !ok {
				p = -1
			}
			j = p
		}
		if j >= 0 && state[j] == onPath {
			k := slices.Index(path, j)
			loop := path[k:]
			first := slices.MinFunc(loop, func(a, b int32) int { return units[a].Code.Compare(units[b].Code) })
			var codes []string
			for _, m := range loop {
				codes = append(codes, units[m].Code.String())
			}
			u := units[first]
			errs = append(errs, &UnitError{u.Code, u.Name, fmt.Errorf("%w: %v", ErrCycle, codes)})
		}
		for _, m := range path {
			state[m] = done
		}
	}
	return errs
}

func build(in []Unit, folded []string, byCode map[Code]int32) *Hierarchy {
	n := len(in)
	// Collation keys order names the Vietnamese way (a < ă < â < b ... đ after d).
	col := collate.New(language.Vietnamese)
	var buf collate.Buffer
	keys := make([][]byte, n)
	for i, u := range in {
		keys[i] = col.KeyFromString(&buf, u.Name)
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := bytes.Compare(keys[a], keys[b]); c != 0 {
			return c
		}
		return in[a].Code.Compare(in[b].Code)
	})
	// Children lists in collation order; roots likewise.
	kids := make([][]int32, n)
	var roots []int32
	for _, i := range order {
		u := in[i]
		if u.Parent.IsValid() {
			p := byCode[u.Parent]
			kids[p] = append(kids[p], i)
		} else {
			roots = append(roots, i)
		}
	}
	h := &Hierarchy{
		units:    make([]Unit, 0, n),
		parent:   make([]int32, n),
		end:      make([]int32, n),
		nameRank: make([]int32, n),
		byCode:   make(map[Code]int32, n),
		byName:   make(map[string][]int32, n),
	}
	newIndex := make([]int32, n)
	type frame struct{ old, parent int32 }
	stack := make([]frame, 0, 64)
	for k := len(roots) - 1; k >= 0; k-- {
		stack = append(stack, frame{roots[k], -1})
	}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		idx := int32(len(h.units))
		newIndex[f.old] = idx
		h.units = append(h.units, in[f.old])
		h.parent[idx] = f.parent
		c := kids[f.old]
		for k := len(c) - 1; k >= 0; k-- {
			stack = append(stack, frame{c[k], idx})
		}
	}
	for i := n - 1; i >= 0; i-- {
		if h.end[i] == 0 {
			h.end[i] = int32(i + 1)
		}
		if p := h.parent[i]; p >= 0 && h.end[i] > h.end[p] {
			h.end[p] = h.end[i]
		}
	}
	for rank, old := range order {
		h.nameRank[newIndex[old]] = int32(rank)
	}
	for old, i := range newIndex {
		h.byName[folded[old]] = append(h.byName[folded[old]], i)
	}
	for _, names := range h.byName {
		slices.Sort(names)
	}
	for i, u := range h.units {
		h.byCode[u.Code] = int32(i)
		l := u.Code.Level()
		h.levels[l] = append(h.levels[l], int32(i))
	}
	return h
}

// Len returns the number of units.
func (h *Hierarchy) Len() int { return len(h.units) }

// At returns the unit with dense index i, 0 <= i < Len().
func (h *Hierarchy) At(i int) Unit { return h.units[i] }

// Index returns the dense index of the unit with code c.
func (h *Hierarchy) Index(c Code) (int, bool) {
	i, ok := h.byCode[c]
	return int(i), ok
}

// Unit returns the unit with code c.
func (h *Hierarchy) Unit(c Code) (Unit, bool) {
	i, ok := h.byCode[c]
	if !ok {
		return Unit{}, false
	}
	return h.units[i], true
}

// ParentIndex returns the dense index of the parent of unit i, or -1 for a
// root. It is always less than i.
func (h *Hierarchy) ParentIndex(i int) int { return int(h.parent[i]) }

// Parent returns the parent of the unit with code c; false for a root or
// an unknown code.
func (h *Hierarchy) Parent(c Code) (Unit, bool) {
	i, ok := h.byCode[c]
	if !ok || h.parent[i] < 0 {
		return Unit{}, false
	}
	return h.units[h.parent[i]], true
}

// Subtree returns the range [i, end) of dense indexes that unit i and its
// descendants occupy.
func (h *Hierarchy) Subtree(i int) (start, end int) { return i, int(h.end[i]) }

// NameRank returns the position of unit i when all units are sorted by the
// Vietnamese collation of their names, then by code. Rankings use it to
// order units with equal values without comparing strings again.
func (h *Hierarchy) NameRank(i int) int { return int(h.nameRank[i]) }

// Children returns the children of the unit with code c in Vietnamese
// collation order of their names, or nil if c is unknown or a leaf.
func (h *Hierarchy) Children(c Code) []Unit {
	i, ok := h.byCode[c]
	if !ok {
		return nil
	}
	var out []Unit
	for j := i + 1; j < h.end[i]; j = h.end[j] {
		out = append(out, h.units[j])
	}
	return out
}

// Roots returns the units without a parent, in collation order.
func (h *Hierarchy) Roots() []Unit {
	var out []Unit
	for j := int32(0); j < int32(len(h.units)); j = h.end[j] {
		out = append(out, h.units[j])
	}
	return out
}

// Path returns the units from the root down to the unit with code c, both
// included, or nil if c is unknown.
func (h *Hierarchy) Path(c Code) []Unit {
	i, ok := h.byCode[c]
	if !ok {
		return nil
	}
	var out []Unit
	for ; i >= 0; i = h.parent[i] {
		out = append(out, h.units[i])
	}
	slices.Reverse(out)
	return out
}

// Level returns the dense indexes of the units at level l, ascending. The
// slice is shared: do not modify it.
func (h *Hierarchy) Level(l Level) []int32 {
	if l > LevelCommune {
		return nil
	}
	return h.levels[l]
}

// All yields every unit with its dense index, in index (pre-)order.
func (h *Hierarchy) All() iter.Seq2[int, Unit] {
	return func(yield func(int, Unit) bool) {
		for i, u := range h.units {
			if !yield(i, u) {
				return
			}
		}
	}
}

// PostOrder yields every unit with its dense index, children before their
// parent, siblings in collation order.
func (h *Hierarchy) PostOrder() iter.Seq2[int, Unit] {
	return func(yield func(int, Unit) bool) {
		var stack []int32 // units whose children are being yielded
		for i := int32(0); i < int32(len(h.units)); i++ {
			for len(stack) > 0 && i >= h.end[stack[len(stack)-1]] {
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if !yield(int(top), h.units[top]) {
					return
				}
			}
			if h.end[i] == i+1 {
				if !yield(int(i), h.units[i]) {
					return
				}
			} else {
				stack = append(stack, i)
			}
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if !yield(int(stack[k]), h.units[stack[k]]) {
				return
			}
		}
	}
}

// Find returns every unit whose name matches name, ignoring case, diacritics
// (đ included) and punctuation, and a leading kind word: "que vo",
// "Thị xã Quế Võ" and "TX. Quế Võ" all find thị xã Quế Võ. A kind word in
// name narrows the matches to that kind ("huyện Quế Võ" does not find the
// thị xã). Ancestors may follow after commas, as addresses are written:
// "thị trấn Cao Lộc, huyện Cao Lộc" keeps the matches that have such an
// ancestor. Several units may share a name; they come in index order.
// Text in Unicode NFD (as copied from PDFs) finds what NFC finds, and both
// tone-mark spellings ("Hoà", "Hòa") fold alike. The built-in lists also
// know the former names and short forms of data/aliases.csv ("Thừa Thiên
// Huế", "TP HCM", "Sài Gòn").
func (h *Hierarchy) Find(name string) []Unit {
	parts := strings.Split(name, ",")
	idx := h.find(parts[0])
	for _, p := range parts[1:] {
		anc := h.find(p)
		idx = slices.DeleteFunc(idx, func(i int32) bool {
			for a := h.parent[i]; a >= 0; a = h.parent[a] {
				if _, ok := slices.BinarySearch(anc, a); ok {
					return false
				}
			}
			return true
		})
	}
	out := make([]Unit, len(idx))
	for k, i := range idx {
		out[k] = h.units[i]
	}
	return out
}

// find returns the ascending indexes of the units matching one name: by
// their names, or by an alias of the built-in lists (a former name, a short
// form), with or without a kind word.
func (h *Hierarchy) find(name string) []int32 {
	f := fold(name)
	kinds, rest := splitKind(f)
	var idx []int32
	match := func(key string, kinds []Kind) {
		for _, i := range h.byName[key] {
			if kinds == nil || slices.Contains(kinds, h.units[i].Kind) {
				idx = append(idx, i)
			}
		}
		for _, a := range h.alias[key] {
			if kinds == nil || slices.Contains(kinds, a.kind) || slices.Contains(kinds, h.units[a.i].Kind) {
				idx = append(idx, a.i)
			}
		}
	}
	match(rest, kinds)
	if kinds != nil {
		// A name that itself begins like a kind word: "Xa Lý", "TT Huế".
		match(f, nil)
	}
	slices.Sort(idx)
	return slices.Compact(idx)
}

// Sub returns the hierarchy of the unit with code c: its ancestors, itself
// and all its descendants, with the same names, kinds and aliases, and
// dense indexes of its own. It is how one district or province of a
// national list is rolled up or ranked on its own: Vietnam2024().Sub(259)
// is thị xã Quế Võ with its 20 communes and wards, under Bắc Ninh and the
// nation. It reports false for an unknown code.
func (h *Hierarchy) Sub(c Code) (*Hierarchy, bool) {
	i, ok := h.byCode[c]
	if !ok {
		return nil, false
	}
	var units []Unit
	for a := h.parent[i]; a >= 0; a = h.parent[a] {
		units = append(units, h.units[a])
	}
	units = append(units, h.units[i:h.end[i]]...)
	sub, err := New(units)
	if err != nil {
		panic("region: Sub of a valid hierarchy is invalid: " + err.Error())
	}
	for key, as := range h.alias {
		for _, a := range as {
			if j, ok := sub.byCode[h.units[a.i].Code]; ok {
				if sub.alias == nil {
					sub.alias = map[string][]aliasOf{}
				}
				sub.alias[key] = append(sub.alias[key], aliasOf{j, a.kind})
			}
		}
	}
	sortAliases(sub.alias)
	return sub, true
}
