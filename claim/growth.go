package claim

import (
	"math/big"

	"github.com/chiso-vn/chiso/figure"
)

// The checks "growth" and "growth-percent": a change printed with a
// count against the earlier count, printed or implied.

// change checks a printed change against the earlier count, or reports
// the earlier count it implies.
func change(p *parsed) Finding {
	s := p.change
	if p.ChangeKind == Multiple && s.Qualifier == figure.Exact && s.Value.IsInt() {
		// "gấp 3 lần" is a multiple rounded to a whole number: [2,5; 3,5).
		s.Range = figure.Interval{Lo: new(big.Rat).Sub(s.Value, big.NewRat(1, 2)), Hi: new(big.Rat).Add(s.Value, big.NewRat(1, 2)), HiOpen: true}
	}
	after := p.count.Range
	claims := []string{p.Fragment}
	stated := p.Change
	since := p.Since
	if since == "" {
		since = "trước"
	}
	kind := Growth
	if s.Kind == figure.Percent {
		kind = GrowthPercent
	}
	if p.By != "" && s.Kind == figure.Percent {
		// "101,12 triệu, tăng 8,7% ... với mức tăng 8,12 triệu": the earlier
		// count is the count less the change, and the change its percent.
		if by, err := figure.Parse(p.By); err == nil && by.Kind == figure.Count {
			before := after.Add(negate(by.Range))
			if p.ChangeKind == Decrease {
				before = after.Add(by.Range)
			}
			got := by.Range.Div(before).Scale(hundred)
			return newFinding(kind, got.Meets(s.Range), got, claims, []string{p.count.Text, stated, by.Text},
				"%s %s so với %s là %s%%; bài in %s", "%s of %s against %s is %s%%; printed %s",
				changeVerb(p.ChangeKind), by.Text, since, span{got, 2}, stated).at(p)
		}
	}
	if p.Before == "" {
		// The earlier count the change implies.
		var before figure.Interval
		switch {
		case p.ChangeKind == Multiple:
			before = after.Div(s.Range)
		case s.Kind == figure.Percent && p.ChangeKind == Increase:
			before = after.Div(shift(s.Range.Scale(big.NewRat(1, 100)), one))
		case s.Kind == figure.Percent:
			before = after.Div(shift(negate(s.Range.Scale(big.NewRat(1, 100))), one))
		case p.ChangeKind == Increase:
			before = after.Add(negate(s.Range))
		default:
			before = after.Add(s.Range)
		}
		return newFinding(kind, !before.IsEmpty(), before, claims, []string{p.count.Text, stated},
			"%s, %s %s so với %s: số của %s nằm trong %s", "%s, %s %s against %s: the count of %s lies in %s",
			p.count.Text, changeVerb(p.ChangeKind), stated, since, since, span{before, 0})
	}
	b := p.before
	var got figure.Interval
	unit := ""
	switch {
	case p.ChangeKind == Multiple:
		got = after.Div(b.Range)
		unit = " lần"
	case s.Kind == figure.Percent:
		got = shift(after.Div(b.Range), big.NewRat(-1, 1)).Scale(hundred)
		unit = "%"
	default:
		got = after.Add(negate(b.Range))
	}
	if p.ChangeKind == Decrease {
		got = negate(got)
	}
	return newFinding(kind, got.Meets(s.Range), got, claims, []string{p.Before, p.count.Text, stated},
		"từ %s lên %s là %s %s%s; bài in %s", "from %s to %s is %s of %s%s; printed %s",
		p.Before, p.count.Text, changeVerb(p.ChangeKind), span{got, 2}, unit, stated)
}

func changeVerb(c Change) both {
	return [...]both{{"", ""}, {"tăng", "an increase"}, {"giảm", "a decrease"}, {"gấp", "a multiple"}}[c]
}

// shift returns i + j.
func shift(i figure.Interval, j *big.Rat) figure.Interval { return i.Add(figure.Point(j)) }

// negate returns the interval of −a for a in i.
func negate(i figure.Interval) figure.Interval {
	if i.IsEmpty() || i.Hi == nil {
		return figure.Interval{}
	}
	return figure.Interval{Lo: new(big.Rat).Neg(i.Hi), Hi: new(big.Rat).Neg(i.Lo), LoOpen: i.HiOpen, HiOpen: i.LoOpen}
}

// figureCache holds the figures read by one Check, which articles often
