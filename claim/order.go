package claim

import (
	"cmp"
	"slices"

	"github.com/chiso-vn/chiso/figure"
)

// orders is the check "order": the values of a ranking (paragraphs
// that print places: "dẫn đầu", "đứng thứ 2", "tiếp đó là A (42,13%); B
// (29,48%)") must agree with their places.
//   - A value printed with place r has at most r − 1 values of the ranking
//     printed before it and higher in every reading; "Đà Nẵng (19,76%)" listed above and
//     "Tp.HCM ... đứng thứ 6 ... 18,66%" give Tp.HCM the 7th place at best,
//     which fails. Only the first place that fails is reported: the places
//     after it follow from it. When no place fails, one finding says so,
//     with every value of the ranking.
//   - The values with places, in the order of their places, must not rise.
//   - A list of the last ("5 địa phương đứng cuối ... là A (5,78%); ...")
//     is reported when its values run one way; a list in no order is not
//     an error, since the press lists the last in either order.
//
// Values of different kinds (percents, scores) are ranked apart.
func orders(ps []*parsed) []Finding {
	type key struct {
		ranking int
		kind    figure.Kind
	}
	groups := map[key][]*parsed{}
	var keys []key
	bottoms := map[int][]*parsed{}
	var bkeys []int
	for _, p := range ps {
		v, _ := valueOf(p)
		if v.Range.IsEmpty() || v.Range.Hi == nil {
			continue
		}
		if p.Ranking > 0 {
			k := key{p.Ranking, v.Kind}
			if _, ok := groups[k]; !ok {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], p)
		}
		if p.Bottom > 0 {
			if _, ok := bottoms[p.Bottom]; !ok {
				bkeys = append(bkeys, p.Bottom)
			}
			bottoms[p.Bottom] = append(bottoms[p.Bottom], p)
		}
	}
	var out []Finding
	for _, k := range keys {
		g := groups[k]
		// The distinct values, as printed.
		var distinct []*parsed
		g = g[:min(len(g), 256)] // a ranking is read within bounds
		for _, p := range g {
			if !slices.ContainsFunc(distinct, func(q *parsed) bool { return valueText(*q.Claim) == valueText(*p.Claim) }) {
				distinct = append(distinct, p)
			}
		}
		var ranked []*parsed
		failed := false
		for _, p := range g {
			if p.RankPos == 0 || len(ranked) >= 64 {
				continue
			}
			ranked = append(ranked, p)
			v, vt := valueOf(p)
			var above []*parsed
			for _, q := range distinct {
				if u, _ := valueOf(q); q.Offset < p.Offset && !atMost(u.Range, v.Range) {
					above = append(above, q) // printed above it, and higher
				}
			}
			if len(above) > p.RankPos-1 && !failed {
				// The first place that fails is reported; the places after it
				// in the ranking follow from it ("thứ 6 và 7").
				failed = true
				// The value just above it, to name.
				next := slices.MinFunc(above, func(a, b *parsed) int {
					ua, _ := valueOf(a)
					ub, _ := valueOf(b)
					return ua.Range.Lo.Cmp(ub.Range.Lo)
				})
				_, nt := valueOf(next)
				out = append(out, newFinding(Order, false, figure.Interval{}, []string{p.Fragment, next.Fragment}, []string{p.RankText, nt, vt},
					"%s với %s, nhưng %s giá trị in trước đó lớn hơn (như %s): thứ hạng ít nhất là %s",
					"%s with %s, but %s values printed are higher (such as %s): the place is at best %s",
					p.RankText, vt, whole(len(above)), nt, whole(len(above)+1)).at(p, next))
			}
		}
		if len(ranked) == 0 {
			continue
		}
		if !failed {
			var claims, figures []string
			for _, p := range ranked {
				figures = append(figures, p.RankText)
			}
			for _, p := range distinct {
				_, t := valueOf(p)
				claims, figures = append(claims, p.Fragment), append(figures, t)
			}
			out = append(out, newFinding(Order, true, figure.Interval{}, claims, figures,
				"các thứ hạng in ra khớp với %s giá trị của bảng xếp hạng", "the places printed agree with the ranking's %s values",
				whole(len(distinct))).at(distinct...))
		}
		if len(ranked) >= 2 {
			slices.SortStableFunc(ranked, func(a, b *parsed) int { return cmp.Compare(a.RankPos, b.RankPos) })
			holds := true
			var claims, figures []string
			for i, p := range ranked {
				v, t := valueOf(p)
				if i > 0 {
					prev, _ := valueOf(ranked[i-1])
					holds = holds && atMost(v.Range, prev.Range)
				}
				claims, figures = append(claims, p.Fragment), append(figures, t)
			}
			for _, p := range ranked {
				if p.RankText != "" {
					figures = append(figures, p.RankText)
				}
			}
			out = append(out, newFinding(Order, holds, figure.Interval{}, claims, figures,
				"%s giá trị theo thứ hạng không tăng", "%s values in the order of their places do not rise", whole(len(ranked))).at(ranked...))
		}
	}
	for _, b := range bkeys {
		g := bottoms[b]
		if len(g) < 3 {
			continue
		}
		down, up := true, true
		var claims, figures []string
		for i, p := range g {
			v, t := valueOf(p)
			if i > 0 {
				prev, _ := valueOf(g[i-1])
				down = down && atMost(v.Range, prev.Range)
				up = up && atMost(prev.Range, v.Range)
			}
			claims, figures = append(claims, p.Fragment), append(figures, t)
		}
		if down || up {
			out = append(out, newFinding(Order, true, figure.Interval{}, claims, figures,
				"%s giá trị cuối bảng xếp theo thứ tự", "the %s last values are listed in order", whole(len(g))).at(g...))
		}
	}
	return out
}
