package claim

import (
	"math/big"

	"github.com/chiso-vn/chiso/figure"
)

func localities(p *parsed) Finding {
	f, r := p.fraction, p.rest
	want := big.NewRat(int64(f.Den-f.Num), 1)
	holds := r.Range.Contains(want) && f.Num <= f.Den
	return newFinding(Localities, holds, figure.Point(want), []string{p.Fragment}, []string{p.Figure, p.Rest},
		"%s còn lại %s; bài in %s", "%s leaves %s; printed %s",
		p.Figure, whole(f.Den-f.Num), p.Rest).at(p)
}

// sameDenominators is the check "localities" for fractions of one set of
// units in one sentence: "19/20 cơ quan xếp loại Khá; 01/20 cơ quan xếp
// loại Trung bình" are classes of the same 20, so their numerators add up
// to at most 20.
func sameDenominators(ps []*parsed) []Finding {
	var out []Finding
	for i := 0; i < len(ps); {
		p := ps[i]
		if p.What != Fraction || p.sent == 0 {
			i++
			continue
		}
		j := i + 1
		group := []*parsed{p}
		for ; j < len(ps) && ps[j].sent == p.sent; j++ {
			if q := ps[j]; q.What == Fraction && q.fraction.Den == p.fraction.Den {
				group = append(group, q)
			}
		}
		i = j
		if len(group) < 2 {
			continue
		}
		sum := 0
		var claims, figures []string
		for _, q := range group {
			sum += q.fraction.Num
			claims, figures = append(claims, q.Fragment), append(figures, q.Figure)
		}
		out = append(out, newFinding(Localities, sum <= p.fraction.Den, figure.Point(big.NewRat(int64(sum), 1)), claims, figures,
			"các nhóm cộng lại %s trên %s", "the classes add up to %s of %s", whole(sum), whole(p.fraction.Den)).at(group...))
	}
	return out
}
