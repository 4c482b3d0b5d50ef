// Command regions prints the units chiso's founding articles name, with
// their official codes and kinds, where each of them went on 2025-07-01,
// and which provinces were merged.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "regions:", err)
		os.Exit(1)
	}
}

// The units as the articles print them (Bắc Ninh's campaign of 2025-03-23,
// Lạng Sơn's technology teams).
var articleUnits = []string{
	"thị xã Quế Võ, Bắc Ninh",
	"phường Phố Mới, Quế Võ",
	"xã Bắc Xa, huyện Đình Lập",
	"thị trấn Cao Lộc, huyện Cao Lộc",
}

func run(w io.Writer) error {
	c := region.Reorganisation2025()
	old, now := c.From(), c.To()
	count := func(h *region.Hierarchy, l region.Level) string {
		return numeral.FormatInt(int64(len(h.Level(l))), numeral.Vietnamese)
	}
	fmt.Fprintf(w, "Trước 1/7/2025: %s tỉnh, thành phố; %s huyện; %s xã, phường, thị trấn.\n",
		count(old, region.LevelProvince), count(old, region.LevelDistrict), count(old, region.LevelCommune))
	fmt.Fprintf(w, "Từ 1/7/2025: %s tỉnh, thành phố; %s xã, phường, đặc khu.\n\n",
		count(now, region.LevelProvince), count(now, region.LevelCommune))

	for _, q := range articleUnits {
		found := old.Find(q)
		if len(found) != 1 {
			return fmt.Errorf("%q matches %d units", q, len(found))
		}
		var path []string
		for _, u := range old.Path(found[0].Code)[1:] {
			path = append(path, u.OfficialName()+" ("+u.Code.String()+")")
		}
		fmt.Fprintln(w, strings.Join(path, " › "))
		// A district has no successor: say where its communes went.
		units := []region.Unit{found[0]}
		if found[0].Code.Level() == region.LevelDistrict {
			units = old.Children(found[0].Code)
		}
		for _, u := range units {
			for _, l := range c.Successors(u.Code) {
				to, _ := now.Unit(l.To)
				p, _ := now.Parent(l.To)
				fmt.Fprintf(w, "  %s → %s, %s (%s, %s)\n", u.OfficialName(), to.OfficialName(), p.OfficialName(), to.Code, l.Kind)
			}
		}
	}

	fmt.Fprintln(w, "\nCác tỉnh, thành phố hợp nhất:")
	for _, p := range now.Children(region.Nation) {
		pred := c.Predecessors(p.Code)
		if len(pred) < 2 {
			continue
		}
		var names []string
		for _, l := range pred {
			o, _ := old.Unit(l.From)
			names = append(names, o.Name)
		}
		fmt.Fprintf(w, "%-22s ← %s\n", p.FullName(), strings.Join(names, ", "))
	}
	return nil
}
