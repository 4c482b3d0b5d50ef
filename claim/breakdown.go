package claim

import (
	"github.com/chiso-vn/chiso/figure"
)

// breakdowns is the check "overall-percent" for a share broken down by
// parts printed in one later sentence ("56.039 hồ sơ. Trong đó, có 12.516
// hồ sơ trực tuyến (đạt tỷ lệ 22,33%) ... Xét theo cấp, ... nhận 23.233
// hồ sơ, với 6.596 hồ sơ trực tuyến (đạt tỷ lệ 28,39%); ... 6.776 hồ sơ,
// với 2.521 ... (37,76%); ... 26.030 hồ sơ, với 3.399 ... (13,05%)"). When
// the parts' totals add up to the whole's total, they are its breakdown:
// their parts must add up to the whole's part, and their percents on
// their totals must give the whole's percent.
func breakdowns(ps []*parsed, byKey map[string][]*parsed) []Finding {
	type triple struct{ part, total *parsed }
	var shares []triple
	for _, p := range ps {
		if p.Of == OfTotal && p.hasPct && p.hasCount && p.count.Kind == figure.Count && len(byKey[p.PartOf]) > 0 {
			shares = append(shares, triple{p, byKey[p.PartOf][0]})
		}
	}
	var out []Finding
	for i := 0; i < len(shares); {
		j := i + 1
		for j < len(shares) && shares[j].part.sent == shares[i].part.sent {
			j++
		}
		g := shares[i:j]
		i = j
		if len(g) < 2 {
			continue
		}
		// The whole: an earlier share with the same nouns.
		var whole *triple
		for k := max(0, i-len(g)-32); k < i; k++ {
			w := &shares[k]
			if w.part.sent < g[0].part.sent && sameNoun(w.part.Noun, g[0].part.Noun) && sameNoun(w.total.Noun, g[0].total.Noun) {
				whole = w
			}
		}
		if whole == nil {
			continue
		}
		bases, parts, weighted := g[0].total.count.Range, g[0].part.count.Range, g[0].part.pct.Range.Mul(g[0].total.count.Range)
		var bf, pf, cf []string
		var claims []string
		for k, t := range g {
			if k > 0 {
				bases = bases.Add(t.total.count.Range)
				parts = parts.Add(t.part.count.Range)
				weighted = weighted.Add(t.part.pct.Range.Mul(t.total.count.Range))
			}
			bf, pf, cf = append(bf, t.total.count.Text), append(pf, t.part.count.Text), append(cf, t.part.pct.Text)
			claims = append(claims, t.part.Fragment)
		}
		if !bases.Meets(whole.total.count.Range) {
			continue // not a breakdown of that whole
		}
		at := []*parsed{whole.part, whole.total}
		for _, t := range g {
			at = append(at, t.part, t.total)
		}
		out = append(out, newFinding(PartsSum, true, bases, append([]string{whole.total.Fragment}, claims...), append([]string{whole.total.count.Text}, bf...),
			"các phần cộng lại được %s, đúng tổng %s", "the parts sum to %s, the total %s", span{bases, 0}, whole.total.count.Text).at(at...))
		out = append(out, newFinding(PartsSum, parts.Meets(whole.part.count.Range), parts, append([]string{whole.part.Fragment}, claims...), append([]string{whole.part.count.Text}, pf...),
			"các phần cộng lại được %s, tổng %s cho phép %s", "the parts sum to %s, the total %s allows %s",
			span{parts, 0}, whole.part.count.Text, span{whole.part.count.Range, 0}).at(at...))
		overall := weighted.Div(whole.total.count.Range)
		figures := append(append([]string{whole.part.pct.Text}, cf...), bf...)
		out = append(out, newFinding(OverallPercent, overall.Meets(whole.part.pct.Range), overall, append([]string{whole.part.Fragment}, claims...), figures,
			"các tỷ lệ %s trên %s cho tỷ lệ chung %s%%; bài in %s", "the rates %s on %s give an overall %s%%; printed %s",
			joinTexts(cf), joinTexts(bf), span{overall, 2}, whole.part.pct.Text).at(at...))
	}
	return out
}

func joinTexts(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
