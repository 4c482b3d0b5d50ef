package claim

import "github.com/chiso-vn/chiso/figure"

// between checks an overall rate against its blocks' rates ("tỷ lệ ...
// đạt 39,98%, trong đó khối bộ đạt 54,46%, khối tỉnh 16,94%"): a rate of
// the whole is a weighted mean of the blocks' rates, so it lies between
// the least and the greatest of them.
func between(total *parsed, ps []*parsed) []Finding {
	if len(ps) < 2 {
		return nil
	}
	lo, hi := ps[0].count.Range, ps[0].count.Range
	figures := []string{total.count.Text}
	claims := []string{total.Fragment}
	for _, p := range ps {
		if p.count.Range.Lo.Cmp(lo.Lo) < 0 {
			lo = p.count.Range
		}
		if p.count.Range.Hi != nil && hi.Hi != nil && p.count.Range.Hi.Cmp(hi.Hi) > 0 {
			hi = p.count.Range
		}
		figures, claims = append(figures, p.count.Text), append(claims, p.Fragment)
	}
	r := figure.Interval{Lo: lo.Lo, LoOpen: lo.LoOpen, Hi: hi.Hi, HiOpen: hi.HiOpen}
	return []Finding{newFinding(Between, r.Meets(total.count.Range), r, claims, figures,
		"tỷ lệ chung %s phải nằm giữa tỷ lệ các khối, %s", "the overall rate %s must lie between the blocks' rates, %s",
		total.count.Text, span{r, 2})}
}
