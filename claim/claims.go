package claim

import (
	"math/big"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
)

// checkOne runs Check on one claim and returns its finding of kind, or
// the finding that a figure is malformed.
func checkOne(c Claim, kind FindingKind) Finding {
	for _, f := range CheckClaims([]Claim{c}) {
		if f.Kind == kind || f.Kind == Malformed || kind == Growth && f.Kind == GrowthPercent {
			return f
		}
	}
	return newFinding(Malformed, false, figure.Interval{}, []string{c.Fragment}, nil, "không có gì để kiểm tra", "nothing to check")
}

// CheckGrowth checks a printed change between two figures: stated is a
// percent ("8,6%": after is 8,6% above before, as in "tăng 8,6% so với năm
// 2023") or a count ("8.221": after exceeds before by that many). Each
// figure is read as its interval, so a rounded index such as "0,7955" or a
// rounded percent leaves room; the claim holds when the change the figures
// allow meets the change printed.
func CheckGrowth(fragment, before, after, stated string) Finding {
	return checkOne(Claim{Fragment: fragment, Count: after, Before: before, Change: stated, ChangeKind: Increase}, Growth)
}

// CheckLocalities checks "19/218 địa phương hoàn thành ... 199 còn lại": the
// rest printed must be the denominator minus the numerator.
func CheckLocalities(fragment, fraction, rest string) Finding {
	return checkOne(Claim{Fragment: fragment, What: Fraction, Figure: fraction, Rest: rest}, Localities)
}

// CheckBases says, for a count and the percent printed with it, which of
// several candidate bases (the plan, the residents, the adults, ...) the
// percent can be of: one finding per base, in the order of names, holding
// when count / base can round to the percent.
func CheckBases(fragment, count, percent string, names []string, bases map[string]string) []Finding {
	var out []Finding
	for _, name := range names {
		p, bad := parseClaim(&Claim{Fragment: fragment, Count: count, Percent: percent, Ratio: []string{count, bases[name]}}, figureCache{})
		if bad != nil {
			out = append(out, *bad)
			continue
		}
		s := p.count.Range.Div(p.ratio[1].Range).Scale(hundred)
		out = append(out, newFinding(RatioPercent, s.Meets(p.pct.Range), s, []string{fragment}, []string{count, percent, bases[name]},
			"%s trên %s %s là %s%%; bài in %s", "%s of %s %s is %s%%; printed %s",
			count, name, bases[name], span{s, 2}, percent))
	}
	return out
}

// CheckRank checks a printed rank ("đứng thứ 3 toàn quốc") of unit against
// the competition rank its value has among entries.
func CheckRank(fragment string, rank int, unit region.Code, h *region.Hierarchy, entries []indicator.Entry) Finding {
	ranked, err := indicator.Rank(h, entries, indicator.Competition)
	if err != nil {
		return newFinding(Malformed, false, figure.Interval{}, []string{fragment}, nil, "%v", "%v", err)
	}
	for _, r := range ranked {
		if r.Unit == unit {
			got := big.NewRat(int64(r.Rank), 1)
			return newFinding(RankData, r.Rank == rank, figure.Point(got), []string{fragment}, nil,
				"số liệu xếp %s thứ %d trên %d; bài in %d", "the data rank %s %d of %d; printed %d",
				r.Unit, r.Rank, len(ranked), rank)
		}
	}
	return newFinding(RankData, false, figure.Interval{}, []string{fragment}, nil,
		"%s không có giá trị trong %d đơn vị được xếp hạng", "%s has no value among the %d ranked", unit, len(ranked))
}
