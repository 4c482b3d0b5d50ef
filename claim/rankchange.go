package claim

import (
	"math/big"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
)

// rankChange is the check "rank-change": "tăng 2 bậc (từ 8 lên 6)" must
// move the rank by the steps printed (up is a smaller number), "giảm 2
// bậc, từ 5 xuống 7" likewise down.
func rankChange(p *parsed) (Finding, bool) {
	n, err1 := numeral.ParseWhole(p.Change)
	a, err2 := numeral.ParseWhole(p.Before)
	b, err3 := numeral.ParseWhole(p.Rest)
	if err1 != nil || err2 != nil || err3 != nil {
		return Finding{}, false
	}
	moved := a - b
	if p.ChangeKind == Decrease {
		moved = b - a
	}
	return newFinding(RankChange, moved == n, figure.Point(big.NewRat(int64(moved), 1)), []string{p.Fragment}, []string{p.Figure, p.Before, p.Rest},
		"từ hạng %s đến hạng %s là %s bậc; bài in %s", "from place %s to place %s is %s steps; printed %s",
		p.Before, p.Rest, whole(moved), p.Figure).at(p), true
}

// minimums is the check "minimum": a count of units with a minimum per
// unit ("3.766 tổ, mỗi tổ tối thiểu 07 người") needs at least their
// product of people; a count of people printed after it in the sentence
// or the next ("gần 24.303 thành viên") must be able to reach it.
func minimums(ps []*parsed) []Finding {
	var out []Finding
	for i, p := range ps {
		if p.MinPer == "" || !p.hasCount {
			continue
		}
		m, err := figure.Parse(p.MinPer)
		if err != nil || m.Kind != figure.Count || p.count.Range.IsEmpty() {
			continue
		}
		least := p.count.Range.Mul(m.Range)
		for _, q := range ps[i+1 : min(len(ps), i+12)] {
			if q.sent > p.sent+1 {
				break
			}
			if !q.hasCount || q.count.Kind != figure.Count || q.PartOf != "" || !people(q.Noun) || !people(p.MinNoun) {
				continue
			}
			out = append(out, newFinding(Minimum, atMost(least, q.count.Range), least, []string{p.Fragment, q.Fragment}, []string{p.count.Text, p.MinPer, q.count.Text},
				"%s × %s là ít nhất %s; bài in %s", "%s × %s is at least %s; printed %s",
				p.count.Text, p.MinPer, span{least, 0}, q.count.Text).at(p, q))
			break
		}
	}
	return out
}

// people reports the nouns that count people.
func people(noun string) bool {
	switch lower(firstTwo(noun)) {
	case "người", "thành viên", "người dân", "cán bộ", "đoàn viên", "tình nguyện", "học viên":
		return true
	}
	return false
}
