package report

import (
	"fmt"
	"math/big"
	"slices"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
)

// parseAs reads a figure of one of kinds, or returns the finding that it
// cannot be read.
func parseAs(fragment, text string, kinds ...Kind) (Figure, *Finding) {
	f, err := ParseFigure(text)
	if err == nil && !slices.Contains(kinds, f.Kind) {
		err = fmt.Errorf("%q is not a %s", text, kindWord(kinds[0]))
	}
	if err != nil {
		return Figure{}, &Finding{Kind: Malformed, Claims: []string{fragment}, Why: err.Error()}
	}
	return f, nil
}

func kindWord(k Kind) string {
	return map[Kind]string{Count: "count", Percent: "percent", Date: "date", Fraction: "fraction"}[k]
}

func scale(i Interval, k *big.Rat) Interval {
	out := Interval{Lo: new(big.Rat).Mul(i.Lo, k), LoOpen: i.LoOpen}
	if i.Hi != nil {
		out.Hi, out.HiOpen = new(big.Rat).Mul(i.Hi, k), i.HiOpen
	}
	return out
}

func shift(i Interval, k *big.Rat) Interval {
	out := Interval{Lo: new(big.Rat).Add(i.Lo, k), LoOpen: i.LoOpen}
	if i.Hi != nil {
		out.Hi, out.HiOpen = new(big.Rat).Add(i.Hi, k), i.HiOpen
	}
	return out
}

// CheckGrowth checks a printed change between two figures: stated is a
// percent ("8,6%": after is 8,6% above before, as in "tăng 8,6% so với năm
// 2023") or a count ("8.221": after exceeds before by that many). Each
// figure is read as its interval, so a rounded index such as "0,7955" or a
// rounded percent leaves room; the claim holds when the change the figures
// allow meets the change printed.
func CheckGrowth(fragment, before, after, stated string) Finding {
	b, bad := parseAs(fragment, before, Count)
	if bad != nil {
		return *bad
	}
	a, bad := parseAs(fragment, after, Count)
	if bad != nil {
		return *bad
	}
	s, bad := parseAs(fragment, stated, Count, Percent)
	if bad != nil {
		return *bad
	}
	var change Interval
	unit := ""
	if s.Kind == Percent {
		if b.Range.Lo.Sign() <= 0 {
			return Finding{Kind: Growth, Claims: []string{fragment}, Why: "a percent change from zero"}
		}
		change = scale(shift(a.Range.Div(b.Range), big.NewRat(-1, 1)), big.NewRat(100, 1))
		unit = "%"
	} else {
		neg := Interval{Lo: new(big.Rat).Neg(b.Range.Hi), Hi: new(big.Rat).Neg(b.Range.Lo), LoOpen: b.Range.HiOpen, HiOpen: b.Range.LoOpen}
		change = a.Range.Add(neg)
	}
	ok := !change.Intersect(s.Range).IsEmpty()
	return Finding{Kind: Growth, Claims: []string{fragment}, Range: change, Holds: ok,
		Why: fmt.Sprintf("from %s to %s is a change in %s%s; printed %s, i.e. %s%s", before, after, change.Format(2), unit, stated, s.Range.Format(2), unit)}
}

// CheckLocalities checks "19/218 địa phương hoàn thành ... 199 còn lại": the
// rest printed must be the denominator minus the numerator.
func CheckLocalities(fragment, fraction, rest string) Finding {
	f, bad := parseAs(fragment, fraction, Fraction)
	if bad != nil {
		return *bad
	}
	r, bad := parseAs(fragment, rest, Count)
	if bad != nil {
		return *bad
	}
	want := big.NewRat(int64(f.Den-f.Num), 1)
	return Finding{Kind: Localities, Claims: []string{fragment}, Range: Point(want), Holds: r.Range.Contains(want) && f.Num <= f.Den,
		Why: fmt.Sprintf("%d of %d leaves %d, printed %s", f.Num, f.Den, f.Den-f.Num, rest)}
}

// CheckBases says, for a count and the percent printed with it, which of
// several candidate bases (the plan, the residents, the adults, ...) the
// percent can be of: one finding per base, in the order of names, holding
// when count / base can round to the percent.
func CheckBases(fragment, count, percent string, names []string, bases map[string]string) []Finding {
	c, bad := parseAs(fragment, count, Count)
	if bad != nil {
		return []Finding{*bad}
	}
	p, bad := parseAs(fragment, percent, Percent)
	if bad != nil {
		return []Finding{*bad}
	}
	var out []Finding
	for _, name := range names {
		b, bad := parseAs(fragment, bases[name], Count)
		if bad != nil {
			out = append(out, *bad)
			continue
		}
		share := scale(c.Range.Div(b.Range), big.NewRat(100, 1))
		ok := !share.Intersect(p.Range).IsEmpty()
		out = append(out, Finding{Kind: Base, Claims: []string{fragment}, Range: share, Holds: ok,
			Why: fmt.Sprintf("%s of %s %s is %s%%; printed %s", count, name, bases[name], share.Format(2), percent)})
	}
	return out
}

// CheckRank checks a printed rank ("đứng thứ 3 toàn quốc") of unit against
// the competition rank its value has among entries.
func CheckRank(fragment string, rank int, unit region.Code, h *region.Hierarchy, entries []indicator.Entry) Finding {
	ranked, err := indicator.Rank(h, entries, indicator.Competition)
	if err != nil {
		return Finding{Kind: Malformed, Claims: []string{fragment}, Why: err.Error()}
	}
	for _, r := range ranked {
		if r.Unit == unit {
			got := big.NewRat(int64(r.Rank), 1)
			return Finding{Kind: RankClaim, Claims: []string{fragment}, Range: Point(got), Holds: r.Rank == rank,
				Why: fmt.Sprintf("the data rank %s %d of %d; printed %d", unit, r.Rank, len(ranked), rank)}
		}
	}
	return Finding{Kind: RankClaim, Claims: []string{fragment}, Why: fmt.Sprintf("%s has no value among the %d ranked", unit, len(ranked))}
}
