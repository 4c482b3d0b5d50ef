package main

import (
	"fmt"
	"strings"
	"time"

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
	code := func() (region.Code, error) {
		c, err := region.ParseCode(arg)
		if err != nil {
			return region.Code{}, usagef("%v", err)
		}
		return c, nil
	}
	switch question {
	case "find":
		found := h.Find(arg)
		if len(found) == 0 {
			return fmt.Errorf("no unit named %q in the list of %s", arg, date.Format(time.DateOnly))
		}
		for _, u := range found {
			e.unitLine(h, u)
		}
	case "show":
		c, err := code()
		if err != nil {
			return err
		}
		u, ok := h.Unit(c)
		if !ok {
			return fmt.Errorf("%w %s in the list of %s", region.ErrUnknownUnit, c, date.Format(time.DateOnly))
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
			return fmt.Errorf("%w %s in the list of %s", region.ErrUnknownUnit, c, date.Format(time.DateOnly))
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
			return fmt.Errorf("%w %s in the list of %s", region.ErrUnknownUnit, c, list)
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
