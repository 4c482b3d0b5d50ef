package claim

import (
	"math/big"

	"github.com/chiso-vn/chiso/figure"
)

// compare is the check "other" for a comparison printed in words: "A, cao
// hơn D so với B" must have A − B meet D, and "A cao hơn B" (or "vượt")
// A above B, "A thấp hơn B" A below it, each figure read as its interval.
// A percent's difference is in points ("89,89%, cao hơn 0,28% so với ...
// 89,61%").
func compare(p *parsed, cache figureCache) (Finding, bool) {
	a, err1 := cache.parse(p.Figure)
	b, err2 := cache.parse(p.Before)
	if p.Before == "" || err1 != nil || err2 != nil || a.Kind != b.Kind || a.Range.IsEmpty() || b.Range.IsEmpty() {
		return Finding{}, false
	}
	verb := both{Vi: "cao hơn", En: "above"}
	if p.ChangeKind == Decrease {
		verb = both{Vi: "thấp hơn", En: "below"}
	}
	hi, lo := a, b
	if p.ChangeKind == Decrease {
		hi, lo = b, a
	}
	diff := hi.Range.Add(negate(lo.Range))
	if p.Change != "" {
		d, err := cache.parse(p.Change)
		if err != nil || d.Range.IsEmpty() {
			return Finding{}, false
		}
		return newFinding(Other, diff.Meets(d.Range), diff, []string{p.Fragment}, []string{a.Text, d.Text, b.Text},
			"%s %s %s là %s; bài in %s", "%s %s %s by %s; printed %s",
			a.Text, verb, b.Text, span{diff, 4}, d.Text).at(p), true
	}
	above := diff.Hi == nil || diff.Hi.Cmp(new(big.Rat)) > 0
	return newFinding(Other, above, diff, []string{p.Fragment}, []string{a.Text, b.Text},
		"%s %s %s: chênh lệch %s", "%s %s %s: the difference is %s",
		a.Text, verb, b.Text, span{diff, 4}).at(p), true
}

// means is the check "other" for a mean printed after its series: "lần
// lượt là 12,66%, 12,87%, 12,83%, 12,87% và 13,17%. Trung bình cả giai
// đoạn, tỷ trọng này đạt khoảng 12,88%": the mean of the series' values
// must meet the mean printed.
func means(ps []*parsed) []Finding {
	series := map[int][]*parsed{}
	var out []Finding
	for _, p := range ps {
		if p.Series > 0 {
			series[p.Series] = append(series[p.Series], p)
		}
		if p.MeanOf == 0 || len(series[p.MeanOf]) < 2 {
			continue
		}
		m, mt := valueOf(p)
		g := series[p.MeanOf]
		var sum figure.Interval
		var claims, figures []string
		for i, q := range g {
			v, t := valueOf(q)
			if v.Kind != m.Kind || v.Range.IsEmpty() {
				sum = figure.Interval{}
				break
			}
			if i == 0 {
				sum = v.Range
			} else {
				sum = sum.Add(v.Range)
			}
			claims, figures = append(claims, q.Fragment), append(figures, t)
		}
		if sum.IsEmpty() || m.Range.IsEmpty() {
			continue
		}
		mean := sum.Scale(big.NewRat(1, int64(len(g))))
		out = append(out, newFinding(Other, mean.Meets(m.Range), mean, append(claims, p.Fragment), append(figures, mt),
			"trung bình của %s số liệu là %s; bài in %s", "the mean of %s figures is %s; printed %s",
			whole(len(g)), span{mean, 3}, mt).at(append(g, p)...))
	}
	return out
}

// valueOf is the figure a count or percent claim prints, read.
func valueOf(p *parsed) (figure.Figure, string) {
	if p.hasCount {
		return p.count, p.count.Text
	}
	return p.pct, p.pct.Text
}
