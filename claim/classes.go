package claim

import (
	"math/big"
	"strings"

	"github.com/chiso-vn/chiso/figure"
)

// classes is the check "localities" for classes of units by a bound:
// "có 5 địa phương trên 20%; 13 địa phương từ 10- 20%; 43 địa phương từ
// 5- 10%; có 2 địa phương dưới 5%".
//   - After "trong số 63 tỉnh, thành phố", the classes of the sentence
//     make up the 63.
//   - A count of units above a bound printed just before ("chỉ có 17 tỉnh
//     thành phố ... trên 10%") must be the sum of the classes of the next
//     sentence whose lower bound is at least that bound: 5 (trên 20%) + 13
//     (từ 10- 20%) is 18, not 17.
func classes(ps []*parsed) []Finding {
	var out []Finding
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if !p.hasCount || p.ClassBound == "" && !p.ClassTotal {
			continue
		}
		// The classes that follow: in the sentence (a total), or in the
		// next sentence (a count above a bound).
		var g []*parsed
		for _, q := range ps[i+1 : min(len(ps), i+40)] {
			if q.sent > p.sent+1 {
				break
			}
			if q.hasCount && q.ClassBound != "" && (q.sent == p.sent) == p.ClassTotal {
				g = append(g, q)
			}
		}
		if len(g) < 2 {
			continue
		}
		if p.ClassTotal {
			out = append(out, classSum(p, g, "các nhóm cộng lại %[1]s; bài in %[2]s", "the classes add up to %[1]s; printed %[2]s", ""))
			continue
		}
		lo, ok := lowerBound(p.ClassBound)
		if !ok || strings.HasPrefix(p.ClassBound, "dưới") || strings.HasPrefix(p.ClassBound, "từ") {
			continue
		}
		var above []*parsed
		for _, q := range g {
			if l, ok := lowerBound(q.ClassBound); ok && l.Cmp(lo) >= 0 {
				above = append(above, q)
			}
		}
		if len(above) > 0 {
			out = append(out, classSum(p, above, "các nhóm từ %[3]s trở lên cộng lại %[1]s; bài in %[2]s",
				"the classes from %[3]s up add up to %[1]s; printed %[2]s", p.ClassBound))
		}
	}
	return out
}

func classSum(total *parsed, g []*parsed, vi, en, bound string) Finding {
	sum, claims, figures := sumOf(total, g, func(q *parsed) figure.Figure { return q.count })
	return newFinding(Localities, sum.Meets(total.count.Range), sum, claims, figures, vi, en,
		span{sum, 0}, total.count.Text, bound).at(append([]*parsed{total}, g...)...)
}

// lowerBound returns the least value of a class's bound: X of "trên X%"
// and "từ X-Y%", 0 of "dưới X%".
func lowerBound(b string) (*big.Rat, bool) {
	if strings.HasPrefix(b, "dưới") {
		return new(big.Rat), true
	}
	f, err := figure.Parse(strings.TrimPrefix(b, "từ "))
	if err != nil || f.Range.IsEmpty() {
		return nil, false
	}
	if f.Qualifier == figure.More {
		return f.Value, true
	}
	if f.Qualifier == figure.Between {
		return f.Value, true
	}
	return f.Range.Lo, true
}
