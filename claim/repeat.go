package claim

import (
	"cmp"
	"slices"
	"strings"

	"github.com/chiso-vn/chiso/figure"
)

// repeats is the check "repeat": one figure printed more than once must
// agree.
//
// A count printed twice with the same key (the same words before it in
// its clause and the same noun) and different values fails, when the key
// names what is counted with at least two words and neither figure sits
// in a series ("lần lượt", "tương ứng"): "Cả tỉnh có 1.000 tài khoản ...
// Cả tỉnh có 1.200 tài khoản". Figures that can be one value (their
// intervals meet: "Hơn 7.600 sản phẩm" and "7.637 sản phẩm", "10%",
// "khoảng 10%" and "10,41%", "6 xã" and "06 xã") are reported together as
// agreeing: counts of the same noun, and percents, each of which can be
// the value the least of them prints.
func repeats(ps []*parsed, keys []string, byKey map[string][]*parsed) []Finding {
	var out []Finding
	for _, k := range keys {
		g := byKey[k]
		if !strongKey(k) {
			continue
		}
		first := g[0]
		for _, q := range g[1:] {
			if q.count.Text == first.count.Text || q.Fragment == first.Fragment || q.count.Range.Meets(first.count.Range) {
				continue
			}
			a, b := first.count.Text, q.count.Text
			out = append(out, newFinding(Repeated, false, figure.Interval{}, []string{first.Fragment, q.Fragment}, []string{a, b},
				"cùng một số liệu được in là %q và %q", "one figure is printed as %q and as %q", a, b).at(first, q))
		}
	}
	// Figures that agree: counts by noun, and percents.
	type printed struct {
		text string
		r    figure.Interval
		p    *parsed
		lo   float64 // r.Lo, to sort by
	}
	groups := map[string][]printed{}
	var order []string
	addTo := func(g string, pr printed) {
		if pr.r.IsEmpty() || pr.r.Hi == nil {
			return
		}
		if _, ok := groups[g]; !ok {
			order = append(order, g)
		}
		groups[g] = append(groups[g], pr)
	}
	for _, p := range ps {
		if p.hasCount && p.count.Kind == figure.Count && p.Noun != "" {
			addTo("count|"+strings.ToLower(p.Noun), printed{text: p.count.Text, r: p.count.Range, p: p})
		} else if p.hasCount && p.count.Kind == figure.Percent {
			addTo("%", printed{text: p.count.Text, r: p.count.Range, p: p})
		}
		if p.hasPct && p.ChangeKind == NoChange && p.pct.Qualifier != figure.Beyond {
			addTo("%", printed{text: p.pct.Text, r: p.pct.Range, p: p})
		}
	}
	for _, g := range order {
		m := groups[g]
		if len(m) < 2 {
			continue
		}
		// Sorted by least value (as a float only to order them; the
		// intervals are met exactly), a run of figures that all meet.
		for k := range m {
			m[k].lo, _ = m[k].r.Lo.Float64()
		}
		slices.SortStableFunc(m, func(a, b printed) int { return cmp.Or(cmp.Compare(a.lo, b.lo), cmp.Compare(a.p.Offset, b.p.Offset)) })
		for i := 0; i < len(m); {
			// Each figure of the run can be the value the first one prints:
			// "10%" is met by "khoảng 10%", "9,6%" and "10,41%".
			meet, j := m[i].r, i+1
			for j < len(m) && j < i+6 && meet.Meets(m[j].r) {
				j++
			}
			cl := m[i:j]
			i = j
			// The same figure at one place (a count and its second percent) is
			// printed once.
			cl = slices.CompactFunc(slices.Clone(cl), func(a, b printed) bool { return a.p.Offset == b.p.Offset && a.text == b.text })
			if len(cl) < 2 {
				continue
			}
			slices.SortStableFunc(cl, func(a, b printed) int { return cmp.Compare(a.p.Offset, b.p.Offset) })
			var claims, figures []string
			var at []*parsed
			for _, pr := range cl {
				claims, figures, at = append(claims, pr.p.Fragment), append(figures, pr.text), append(at, pr.p)
			}
			out = append(out, newFinding(Repeated, true, meet, claims, figures,
				"%[1]s in %[2]s lần; mỗi số liệu đều có thể là giá trị %[1]s in ra (%[3]s)", "%[1]s printed %[2]s times; each figure can be the value %[1]s prints (%[3]s)",
				figures[0], whole(len(cl)), span{meet, 2}).at(at...))
		}
	}
	return out
}

// strongKey reports whether a key names what it counts with at least two
// words, outside a series.
func strongKey(k string) bool {
	parts := strings.Split(k, "|")
	if len(parts) == 1 {
		return true // a key written by hand: equal keys must agree
	}
	if len(parts) != 3 || strings.Contains(parts[1], "@") || parts[2] == "" {
		return false
	}
	words := strings.Fields(parts[1])
	for _, w := range words {
		switch w {
		case "lượt", "ứng", "cao", "thấp", "hơn", "với":
			return false
		}
	}
	return len(words) >= 2
}
