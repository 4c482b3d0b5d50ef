package claim

import (
	"strings"

	"github.com/chiso-vn/chiso/numeral"
)

// Reading rankings: places printed ("dẫn đầu", "đứng thứ 2", "tiếp đó
// là ...") and the values they go with, for the check "order".

// rankChange reads "tăng 2 bậc (từ 8 lên 6)" from the number at token i:
// the change of rank, and both ranks when the sentence prints them
// within a few words ("từ thứ 8 lên thứ 6", "từ vị trí 8 xuống 10").
func (x *extractor) rankChange(i int) int {
	c := Claim{What: Rank, Change: x.toks[i].s, ChangeKind: Increase, Figure: x.span(i-1, i+1)}
	if x.word(i-1) == "giảm" {
		c.ChangeKind = Decrease
	}
	end := i + 1
	for k := i + 2; k < x.to && k < i+14; k++ {
		if x.word(k) != "từ" {
			continue
		}
		a := k + 1
		for a < x.to && x.toks[a].kind == tWord && (x.word(a) == "thứ" || x.word(a) == "vị" || x.word(a) == "trí" || x.word(a) == "hạng") {
			a++
		}
		if a >= x.to || x.toks[a].kind != tNum || x.word(a+1) != "lên" && x.word(a+1) != "xuống" {
			break
		}
		b := a + 2
		for b < x.to && x.toks[b].kind == tWord && (x.word(b) == "thứ" || x.word(b) == "vị" || x.word(b) == "trí" || x.word(b) == "hạng") {
			b++
		}
		if b < x.to && x.toks[b].kind == tNum {
			c.Before, c.Rest, end = x.toks[a].s, x.toks[b].s, b
		}
		break
	}
	x.add(c, i-1, i+1)
	return end
}

// rankPlace is a rank printed before its value: its number and text.
type rankPlace struct {
	n    int
	text string
	tok  int
}

// rankWord notes a place word in the paragraph.
func (x *extractor) rankWord() {
	if !x.paraRank && !x.prevRank {
		x.ranking++
	}
	x.paraRank = true
}

// rankAt notes a place ("đứng thứ 2", "dẫn đầu") at token i. Values in
// the sentence before it wait for places when the sentence pairs them
// ("Với 0,5064 điểm và 0,4880 điểm, ... lần lượt xếp ở thứ hạng 6 và 12").
func (x *extractor) rankAt(i int, n, text string) {
	x.rankWord()
	v, err := numeral.ParseWhole(n)
	if err != nil || v <= 0 {
		if a, _, ok := strings.Cut(n, "/"); ok {
			v, err = numeral.ParseWhole(a)
		}
		if err != nil || v <= 0 {
			return
		}
	}
	for k := max(x.sentFirst, len(x.claims)-8); k < len(x.claims) && x.series > 0 && x.seriesAt == x.nsent; k++ {
		if c := &x.claims[k]; rankValue(c) && c.RankPos == 0 {
			c.RankPos, c.RankText, x.lastRank = v, text, v
			return
		}
	}
	x.places = append(x.places, rankPlace{v, text, i})
}

// rankValue reports whether a claim is a value a ranking orders: a
// percent or a count with decimals, printed exactly.
func rankValue(c *Claim) bool {
	t := valueText(*c)
	if c.What != Count && c.What != Percent || c.ChangeKind != NoChange || t == "" || c.Points {
		return false
	}
	if w, _, ok := strings.Cut(t, " "); ok && w != "" && (w[0] < '0' || w[0] > '9') {
		return false // "hơn 20%", "khoảng 10%": a bound, not a value
	}
	return strings.HasSuffix(t, "%") || strings.ContainsRune(t, ',')
}

// placeValue gives the value just added at claims[idx] its place: the
// first place waiting in its clause, or the next of a chain.
func (x *extractor) placeValue(idx int, tokIdx int) {
	c := &x.claims[idx]
	if !rankValue(c) {
		return
	}
	if x.word(tokIdx-1) == "dưới" || x.word(tokIdx-1) == "trên" || x.word(tokIdx-1) == "từ" {
		c.Class = true
		return
	}
	switch {
	case len(x.places) > 0:
		p := x.places[0]
		x.places = x.places[1:]
		c.RankPos, c.RankText, x.lastRank = p.n, p.text, p.n
	case x.chain > 0 && x.chainAt == x.nsent:
		c.RankPos, x.lastRank = x.chain, x.chain
		x.chain++
	case x.bottom == x.nsent:
		c.Bottom = x.bottom
	}
}

// endPara gives the paragraph's values to the ranking, when it has one.
func (x *extractor) endPara() {
	if x.paraSents == 0 {
		return // a blank line
	}
	x.paraSents = 0
	if x.paraRank {
		for k := x.paraFirst; k < len(x.claims); k++ {
			if c := &x.claims[k]; rankValue(c) && !c.Class {
				c.Ranking = x.ranking
			}
		}
	}
	x.prevRank, x.paraRank, x.paraFirst, x.paraPlan = x.paraRank, false, len(x.claims), false
	x.places, x.chain = nil, 0
}
