package claim

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/numeral"
)

// at records where the claims a finding used were printed, so that Check
// can find its figures in the text.
func (f Finding) at(ps ...*parsed) Finding {
	for _, p := range ps {
		f.near = append(f.near, p.Offset)
	}
	return f
}

// numberIndex holds the offsets of every number printed in a cleaned
// text, by the number as printed.
type numberIndex map[string][]int

func indexNumbers(toks []tok) numberIndex {
	idx := numberIndex{}
	for _, t := range toks {
		if t.kind == tNum || t.kind == tLabel {
			idx[t.s] = append(idx[t.s], t.at)
		}
	}
	return idx
}

// core returns the number inside a printed figure, from its first digit to
// its last, and where it starts.
func core(fig string) (string, int) {
	first := strings.IndexFunc(fig, func(r rune) bool { return r >= '0' && r <= '9' })
	if first < 0 {
		return "", -1
	}
	last := strings.LastIndexFunc(fig, func(r rune) bool { return r >= '0' && r <= '9' })
	return fig[first : last+1], first
}

// spans finds each of f's figures in text: the printing of its number
// nearest the claims the finding used (or the figure before it), widened
// to the whole figure when the words around the number are printed as in
// the figure ("hơn 741.000", "37,76%").
func (idx numberIndex) spans(text string, f *Finding) {
	anchor := -1
	if len(f.near) > 0 {
		anchor = slices.Min(f.near)
	}
	f.Spans = make([]Span, 0, len(f.Figures))
	used := map[int]bool{}
	for _, fig := range f.Figures {
		c, first := core(fig)
		offs := idx[c]
		if len(offs) == 0 {
			// A number inside a longer token ("12" of "12/63"): no place.
			f.Spans = append(f.Spans, Span{Start: -1, End: -1})
			continue
		}
		// The printing nearest the anchor that this finding has not used
		// yet, looking a few printings either way.
		k := 0
		if anchor >= 0 {
			k = sort.SearchInts(offs, anchor)
		}
		o, best := -1, -1
		for j := max(0, k-4); j < min(len(offs), k+4); j++ {
			d := offs[j] - max(anchor, 0)
			if d < 0 {
				d = -d
			}
			if !used[offs[j]] && (o < 0 || d < best) {
				o, best = offs[j], d
			}
		}
		if o < 0 {
			o = offs[min(k, len(offs)-1)]
		}
		used[o] = true
		start, end := o, o+len(c)
		if pre := fig[:first]; first > 0 && start >= len(pre) && strings.EqualFold(text[start-len(pre):start], pre) {
			start -= len(pre)
		}
		if post := fig[first+len(c):]; post != "" && strings.HasPrefix(text[end:], post) {
			end += len(post)
		}
		f.Spans = append(f.Spans, Span{Start: start, End: end})
		anchor = o
	}
}

// place maps the spans of findings from the cleaned text back to the text
// as given (at from numeral.CleanTextMap, nil when they are the same) and
// fills in lines and columns, in one pass over the text.
func place(text string, at []int, findings []Finding) {
	var all []*Span
	for i := range findings {
		for k := range findings[i].Spans {
			s := &findings[i].Spans[k]
			if s.Start < 0 {
				*s = Span{}
				continue
			}
			if at != nil {
				s.Start, s.End = at[s.Start], at[s.End-1]+1
				for s.End < len(text) && !utf8.RuneStart(text[s.End]) {
					s.End++
				}
			}
			all = append(all, s)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	line, col, pos := 1, 1, 0
	for _, s := range all {
		for pos < s.Start && pos < len(text) {
			r, n := utf8.DecodeRuneInString(text[pos:])
			if r == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
			pos += n
		}
		s.Line, s.Column = line, col
	}
}

// check is Check with the spans of every finding filled in, and the
// number of figures read.
func check(text string) ([]Finding, int) {
	clean, at := numeral.CleanTextMap(text)
	x := extract(clean)
	fs := CheckClaims(x.claims)
	idx := indexNumbers(x.toks)
	for i := range fs {
		idx.spans(clean, &fs[i])
	}
	place(text, at, fs)
	return fs, len(x.claims)
}
