package main

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// runUnits answers questions on the official lists: one unit per line,
// code, official name and the units above it.
func runUnits(e *env, args []string) error {
	fs, lang := flags(e)
	asOf := fs.String("as-of", "", "the date whose list to use (YYYY-MM-DD); default today")
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want a question and its argument, such as find \"Quế Võ\"")
	}
	date := time.Now()
	if *asOf != "" {
		if date, err = parseDate("as-of", *asOf); err != nil {
			return err
		}
	}
	h, err := region.At(date)
	if err != nil {
		return err
	}
	question, arg := pos[0], pos[1]
	code := func() (region.Code, error) { return e.parseCode(arg) }
	switch question {
	case "find":
		found := rankFound(h.Find(arg), arg)
		if len(found) > 0 {
			for _, u := range found {
				e.unitLine(h, u)
			}
			return nil
		}
		if e.ceased(h, arg, date) {
			return nil
		}
		e.fails = true
		none := numeral.Words{Vi: "không có đơn vị tên %q trong danh sách ngày %s", En: "no unit named %q in the list of %s"}
		fmt.Fprintf(e.stderr, "chiso units: "+none.In(e.lang)+"\n", arg, date.Format(time.DateOnly))
		if close := closeNames(h, arg); len(close) > 0 {
			mean := numeral.Words{Vi: "có phải: ", En: "did you mean: "}
			var names []string
			for _, u := range close {
				names = append(names, u.Code.String()+" "+u.OfficialName())
			}
			fmt.Fprintf(e.stderr, "  %s%s?\n", mean.In(e.lang), strings.Join(names, "; "))
		}
	case "show":
		c, err := code()
		if err != nil {
			return err
		}
		u, ok := h.Unit(c)
		if !ok {
			return e.notFound(c, date.Format(time.DateOnly))
		}
		e.unitLine(h, u)
		kind, level, under := numeral.Words{Vi: "Loại", En: "Kind"}, numeral.Words{Vi: "Cấp", En: "Level"}, numeral.Words{Vi: "Số đơn vị trực thuộc", En: "Units under it"}
		fmt.Fprintf(e.stdout, "%s: %s\n%s: %s\n%s: %d\n", kind.In(e.lang), u.Kind, level.In(e.lang), u.Kind.Level(), under.In(e.lang), len(h.Children(c)))
	case "children":
		c, err := code()
		if err != nil {
			return err
		}
		if _, ok := h.Unit(c); !ok {
			return e.notFound(c, date.Format(time.DateOnly))
		}
		for _, u := range h.Children(c) {
			e.unitLine(h, u)
		}
	case "successors", "predecessors":
		c, err := code()
		if err != nil {
			return err
		}
		cw := region.Reorganisation2025()
		links, other := cw.Successors(c), cw.To()
		this := cw.From()
		if question == "predecessors" {
			links, other, this = cw.Predecessors(c), cw.From(), cw.To()
		}
		if _, ok := this.Unit(c); !ok {
			list := "2024 (before 2025-07-01)"
			if question == "predecessors" {
				list = "2025 (from 2025-07-01)"
			}
			return e.notFound(c, list)
		}
		for _, l := range links {
			at := l.To
			if question == "predecessors" {
				at = l.From
			}
			u, _ := other.Unit(at)
			kind := l.Kind.String()
			if e.lang == numeral.English {
				b, _ := l.Kind.MarshalText()
				kind = string(b)
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", u.Code, u.OfficialName(), kind, path(other, u))
		}
	default:
		return usagef("unknown question %q: want find, show, children, successors or predecessors", question)
	}
	return nil
}

// parseCode reads a unit code given on the command line, saying what a
// code is (and the codes it could be with its leading zeros) when it is
// not one.
func (e *env) parseCode(arg string) (region.Code, error) {
	c, err := region.ParseCode(arg)
	if err == nil {
		return c, nil
	}
	w := numeral.Words{Vi: "%q không phải mã đơn vị: mã tỉnh có 2 chữ số, mã huyện 3, mã xã 5", En: "%q is not a unit code: a province's has 2 digits, a district's 3, a commune's 5"}
	msg := fmt.Sprintf(w.In(e.lang), arg)
	if n := len(arg); n < 5 && n > 0 && strings.Trim(arg, "0123456789") == "" {
		var could []string
		for _, width := range []int{2, 3, 5} {
			if width > n {
				could = append(could, strings.Repeat("0", width-n)+arg)
			}
		}
		zeros := numeral.Words{Vi: "; thiếu số 0 ở đầu? (%s)", En: "; leading zeros lost? (%s)"}
		msg += fmt.Sprintf(zeros.In(e.lang), strings.Join(could, ", "))
	}
	return region.Code{}, usageError{msg}
}

// notFound says that no unit has code c in the list, and makes the exit
// status 1: nothing found.
func (e *env) notFound(c region.Code, list string) error {
	w := numeral.Words{Vi: "không có đơn vị mã %s trong danh sách %s", En: "no unit %s in the list of %s"}
	fmt.Fprintf(e.stderr, "chiso units: "+w.In(e.lang)+"\n", c, list)
	e.fails = true
	return nil
}

// rankFound orders the units Find gave: those whose name is written
// exactly as asked (diacritics and all, case aside) first, then higher
// levels before lower ("Lạng Sơn": Tỉnh Lạng Sơn before Xã Lãng Sơn),
// then in the hierarchy's order.
func rankFound(found []region.Unit, arg string) []region.Unit {
	want := strings.ToLower(norm.NFC.String(strings.TrimSpace(arg)))
	exact := func(u region.Unit) int {
		if strings.ToLower(u.Name) == want || strings.ToLower(u.FullName()) == want || strings.ToLower(u.OfficialName()) == want {
			return 0
		}
		return 1
	}
	out := slices.Clone(found)
	slices.SortStableFunc(out, func(a, b region.Unit) int {
		if c := exact(a) - exact(b); c != 0 {
			return c
		}
		return int(a.Kind.Level()) - int(b.Kind.Level())
	})
	return out
}

// ceased writes, for a name that is not in the list h of date but was in
// the list before 2025-07-01, when each such unit ceased and where it
// went; it reports whether there was one.
func (e *env) ceased(h *region.Hierarchy, arg string, date time.Time) bool {
	cw := region.Reorganisation2025()
	if h != cw.To() {
		return false
	}
	old := cw.From()
	found := rankFound(old.Find(arg), arg)
	if len(found) == 0 {
		return false
	}
	gone := numeral.Words{Vi: "không còn từ 01/07/2025, nay thuộc", En: "ceased on 2025-07-01, now part of"}
	for _, u := range found {
		var to []string
		for _, l := range cw.Successors(u.Code) {
			if v, ok := cw.To().Unit(l.To); ok {
				to = append(to, v.Code.String()+" "+v.OfficialName())
			}
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s %s\n", u.Code, u.OfficialName(), path(old, u), gone.In(e.lang), strings.Join(to, "; "))
	}
	return true
}

// closeNames are the units whose folded name, spaces aside, is closest to
// arg's within two edits ("Hanoi" is Hà Nội), provinces first, at most
// five.
func closeNames(h *region.Hierarchy, arg string) []region.Unit {
	want := strings.ReplaceAll(region.Fold(arg), " ", "")
	if want == "" {
		return nil
	}
	type scored struct {
		u region.Unit
		d int
	}
	var out []scored
	for _, u := range h.All() {
		got := strings.ReplaceAll(region.Fold(u.Name), " ", "")
		if d := editDistance(want, got, 2); d <= 2 {
			out = append(out, scored{u, d})
		}
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return int(a.u.Kind.Level()) - int(b.u.Kind.Level())
	})
	var units []region.Unit
	for i, s := range out {
		if i == 5 || s.d > out[0].d {
			break // the closest only
		}
		units = append(units, s.u)
	}
	return units
}

// editDistance is the Levenshtein distance of a and b (bytes), or limit+1
// once it is past limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// unitLine writes a unit: its code, official name and the units above it.
func (e *env) unitLine(h *region.Hierarchy, u region.Unit) {
	fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", u.Code, u.OfficialName(), path(h, u))
}

// path writes the units above u, nearest first: "Huyện Đình Lập, Tỉnh Lạng
// Sơn".
func path(h *region.Hierarchy, u region.Unit) string {
	var names []string
	p := h.Path(u.Code)
	for i := len(p) - 2; i >= 0; i-- {
		if p[i].Kind.Level() != region.LevelNation {
			names = append(names, p[i].OfficialName())
		}
	}
	return strings.Join(names, ", ")
}
