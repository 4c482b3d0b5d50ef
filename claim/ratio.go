package claim

import "github.com/chiso-vn/chiso/figure"

// The check "ratio-percent": a percent printed beside a ratio, in
// brackets after it or after the ratio ("đạt tỷ lệ 8%").

// ratioBases checks a percent printed with a ratio ("60% (120/200 hộ)",
// "5% (109 tài khoản/2.180 chỉ tiêu/6.000 dân)"): it holds when the
// numerator over at least one of the denominators rounds to the percent.
func ratioBases(p *parsed) Finding {
	num := p.ratio[0]
	var fits int
	var each []Finding
	var fit figure.Interval
	for i, d := range p.Ratio[1:] {
		den := p.ratio[i+1]
		share := num.Range.Div(den.Range).Scale(hundred)
		name := d
		if n := p.RatioNames[i+1]; n != "" {
			name = d + " " + n
		}
		if share.Meets(p.pct.Range) {
			fits++
			if fit.IsEmpty() {
				fit = share
			}
		}
		each = append(each, newFinding(RatioPercent, true, share, nil, nil, "%s/%s là %s%%", "%s/%s is %s%%", p.Ratio[0], name, span{share, 2}))
	}
	return newFinding(RatioPercent, fits > 0, fit, []string{p.Fragment}, append([]string{p.pct.Text}, p.Ratio...),
		"bài in %s; %s", "printed %s; %s", p.pct.Text, each)
}
