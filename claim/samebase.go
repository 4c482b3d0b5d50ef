package claim

import "strings"

// The check "same-base": percents of one base (the same population in
// one paragraph) imply bases that must meet.

// sameBases checks that percents of one population imply bases that meet.
func sameBases(ps []*parsed) []Finding {
	groups := map[string][]*parsed{}
	var order []string
	for _, p := range ps {
		if !p.hasPct || !p.hasCount || p.BaseKey == "" || len(p.Ratio) > 0 {
			continue
		}
		if _, seen := groups[p.BaseKey]; !seen {
			order = append(order, p.BaseKey)
		}
		groups[p.BaseKey] = append(groups[p.BaseKey], p)
	}
	var out []Finding
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		meet := g[0].base
		var claims, figures []string
		for _, p := range g {
			meet = meet.Intersect(p.base)
			claims = append(claims, p.Fragment)
			figures = append(figures, p.count.Text, pctText(p))
		}
		base := baseWords(g[0])
		out = append(out, newFinding(SameBase, !meet.IsEmpty(), meet, claims, figures,
			"%d số liệu cùng tính theo %s: %s chung của chúng nằm trong %s", "%d figures are percents of one %s: the %s they share lies in %s",
			len(g), base, base, span{meet, 0}))
	}
	return out
}

// pctText is a claim's percent as printed: "22,15" for a rate per hundred
// ("22,15 thuê bao/100 dân").
func pctText(p *parsed) string {
	if p.PerHundred {
		return strings.TrimSuffix(p.pct.Text, "%")
	}
	return p.pct.Text
}
