// Command regions prints the units chiso's founding articles name, with
// their official codes, and where each province went on 2025-07-01.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chiso-vn/chiso/region"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "regions:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	old, now, cw := region.Vietnam2024(), region.Vietnam2025(), region.Reorganisation2025()
	fmt.Fprintf(w, "Trước 1/7/2025: %d tỉnh, thành phố; từ 1/7/2025: %d.\n\n",
		len(old.Level(region.LevelProvince)), len(now.Level(region.LevelProvince)))
	for _, q := range []string{"phường Phố Mới, Quế Võ", "xã Bắc Xa, Đình Lập", "thị trấn Cao Lộc"} {
		found := old.Find(q)
		if len(found) != 1 {
			return fmt.Errorf("%q matches %d units", q, len(found))
		}
		var path []string
		for _, u := range old.Path(found[0].Code) {
			path = append(path, u.FullName()+" ("+u.Code.String()+")")
		}
		fmt.Fprintln(w, strings.Join(path, " › "))
	}
	fmt.Fprintln(w)
	for _, u := range now.Roots()[0:1] {
		for _, p := range now.Children(u.Code) {
			pred := cw.Predecessors(p.Code)
			if len(pred) < 2 {
				continue
			}
			var names []string
			for _, c := range pred {
				o, _ := old.Unit(c)
				names = append(names, o.Name)
			}
			fmt.Fprintf(w, "%-22s ← %s\n", p.FullName(), strings.Join(names, ", "))
		}
	}
	return nil
}
