package claim

import (
	"math/big"

	"github.com/chiso-vn/chiso/figure"
)

// The checks "parts-sum" and "share": parts after "trong đó" or "gồm"
// against their total, shares of it against the counts.

// totals checks each total against its parts and shares.
func totals(ps []*parsed, byKey map[string][]*parsed) []Finding {
	parts := map[string][]*parsed{}
	var order []string
	seen := map[string]bool{}
	for _, p := range ps {
		if p.PartOf == "" || !p.hasCount && !(p.What == Percent && p.hasPct) || seen[p.Key] && p.Key != "" {
			continue
		}
		seen[p.Key] = true
		if _, ok := parts[p.PartOf]; !ok {
			order = append(order, p.PartOf)
		}
		parts[p.PartOf] = append(parts[p.PartOf], p)
	}
	var out []Finding
	for _, tk := range order {
		if len(byKey[tk]) == 0 {
			continue
		}
		total := byKey[tk][0]
		if total.Rate {
			out = append(out, between(total, parts[tk])...)
			continue
		}
		var listed, shares []*parsed
		for _, p := range parts[tk] {
			if p.Of == OfTotal && p.hasPct && p.hasCount {
				out = append(out, share(p, total))
				shares = append(shares, p)
			}
			// A count with its share is a part too.
			listed = append(listed, p)
		}
		// A part alone with its share is checked as a share.
		if len(listed) > 1 || len(listed) == 1 && !(listed[0].Of == OfTotal && listed[0].hasPct) {
			out = append(out, partsSum(total, listed)...)
		}
		if len(shares) >= 2 {
			out = append(out, sharesSum(total, shares))
		}
	}
	return out
}

func share(p, total *parsed) Finding {
	s := p.count.Range.Div(total.count.Range).Scale(hundred)
	return newFinding(Share, s.Meets(p.pct.Range), s, []string{total.Fragment, p.Fragment}, []string{total.count.Text, p.count.Text, p.pct.Text},
		"%s trên tổng %s là %s%%; bài in %s", "%s of the total %s is %s%%; printed %s",
		p.count.Text, total.count.Text, span{s, 2}, p.pct.Text)
}

// sumOf adds the figure of each of ps that fig picks, and returns the sum
// with the fragments and figures a finding about it names, the total's
// first.
func sumOf(total *parsed, ps []*parsed, fig func(*parsed) figure.Figure) (figure.Interval, []string, []string) {
	sum := fig(ps[0]).Range
	claims, figures := []string{total.Fragment}, []string{total.count.Text}
	for i, p := range ps {
		if i > 0 {
			sum = sum.Add(fig(p).Range)
		}
		claims, figures = append(claims, p.Fragment), append(figures, fig(p).Text)
	}
	return sum, claims, figures
}

// sharesSum checks that the shares of one total ("chiếm 61,29%", "chiếm
// 38,71%") add up to at most 100%.
func sharesSum(total *parsed, ps []*parsed) Finding {
	sum, claims, figures := sumOf(total, ps, func(p *parsed) figure.Figure { return p.pct })
	return newFinding(PartsSum, atMost(sum, figure.Point(hundred)), sum, claims, figures,
		"các tỷ trọng cộng lại %s%%, không được vượt 100%%", "the shares add up to %s%%, at most 100%%", span{sum, 2})
}

// atMost reports whether the least value of a can be at most the greatest
// of b.
func atMost(a, b figure.Interval) bool {
	if a.IsEmpty() || b.IsEmpty() || b.Hi == nil {
		return true
	}
	c := a.Lo.Cmp(b.Hi)
	return c < 0 || c == 0 && !a.LoOpen && !b.HiOpen
}

// partValue is what a part adds to its total: its count, or its share of
// the total ("67,3% sản phẩm 3 sao").
func partValue(p, total *parsed) (figure.Interval, string) {
	if p.What == Percent {
		return p.pct.Range.Scale(big.NewRat(1, 100)).Mul(total.count.Range), p.pct.Text
	}
	return p.count.Range, p.count.Text
}

func partsSum(total *parsed, ps []*parsed) []Finding {
	claims := []string{total.Fragment}
	figures := []string{total.count.Text}
	exhaustive := true
	var vals []figure.Interval
	for _, p := range ps {
		v, text := partValue(p, total)
		vals = append(vals, v)
		claims, figures = append(claims, p.Fragment), append(figures, text)
		exhaustive = exhaustive && p.Exhaustive
	}
	if !exhaustive {
		// Parts that need not be all of the total may overlap: each must
		// not exceed it, and the finding says what they add up to.
		sum := vals[0]
		for i, v := range vals {
			if i > 0 {
				sum = sum.Add(v)
			}
			if !atMost(v, total.count.Range) {
				return []Finding{newFinding(PartsSum, false, v, []string{total.Fragment, ps[i].Fragment}, []string{total.count.Text, figures[i+1]},
					"một phần %s lớn hơn tổng %s", "a part, %s, exceeds the total %s", figures[i+1], total.count.Text)}
			}
		}
		return []Finding{newFinding(PartsSum, true, sum, claims, figures,
			"các phần cộng lại ít nhất %s; mỗi phần không vượt tổng %s (%s)", "the parts add up to at least %s; none exceeds the total %s (%s)",
			span{sum, 0}, total.count.Text, span{total.count.Range, 0})}
	}
	// Exhaustive parts add up to the total; when a first few of them do,
	// those are the breakdown and the rest another ("12.516 trực tuyến;
	// 38.613 trực tiếp; 4.910 chuyển sang; 48.249 đã giải quyết ...").
	sum := vals[0]
	for n := 1; n <= len(vals); n++ {
		if n > 1 {
			sum = sum.Add(vals[n-1])
		}
		if n >= 2 && n < len(vals) && sum.Meets(total.count.Range) {
			return []Finding{newFinding(PartsSum, true, sum, claims[:n+1], figures[:n+1],
				"%s phần đầu cộng lại được %s, đúng tổng %s", "the first %s parts sum to %s, the total %s",
				whole(n), span{sum, 0}, total.count.Text)}
		}
	}
	// Counts that fall short of the total may be only some of its parts,
	// unless "gồm", "trong đó:" or "tổng" says they are all (or the claims
	// were written by hand as exhaustive), or the parts are shares
	// ("67,3% sản phẩm 3 sao, 31,2% ...": a breakdown in percents is whole).
	whole := false
	for _, p := range ps {
		whole = whole || !p.partial || p.What == Percent
	}
	if !whole && sum.Hi != nil && total.count.Range.Lo != nil && atMost(sum, total.count.Range) && !sum.Meets(total.count.Range) {
		return []Finding{newFinding(PartsSum, true, sum, claims, figures,
			"các phần kể ra cộng lại được %s, ít hơn tổng %s: phần còn lại không được kể", "the parts listed sum to %s, less than the total %s: the rest is not listed",
			span{sum, 0}, total.count.Text)}
	}
	out := []Finding{newFinding(PartsSum, sum.Meets(total.count.Range), sum, claims, figures,
		"các phần cộng lại được %s, tổng %s cho phép %s", "the parts sum to %s, the total %s allows %s",
		span{sum, 0}, total.count.Text, span{total.count.Range, 0})}
	if !total.hasPct || total.Of != OfPlan {
		return out
	}
	plans := figure.Interval{}
	for i, p := range ps {
		if !p.hasPct || p.Of != OfPlan || p.What != Count {
			return out
		}
		if i == 0 {
			plans = p.base
		} else {
			plans = plans.Add(p.base)
		}
	}
	pct := sum.Div(plans).Scale(hundred)
	return append(out, newFinding(OverallPercent, pct.Meets(total.pct.Range), pct, claims, append(figures, total.pct.Text),
		"các phần cộng lại đạt %s%% kế hoạch (các kế hoạch cộng lại %s), nhưng bài in %s, tức %s%%",
		"the parts give %s%% of their plans (the plans sum to %s), but the total prints %s, i.e. %s%%",
		span{pct, 1}, span{plans, 0}, total.pct.Text, span{total.pct.Range, 1}))
}
