package claim

import (
	"slices"
	"strings"
)

// Reading parts of a total: "trong đó", "gồm", a total printed after its
// parts, classes of units.

// totalFor returns the total a part with noun is of: the last candidate
// with the same noun, or the last candidate when the part names none; -1
// when a part names another noun ("8 chỉ số" is no part of "3 trụ cột").
func (x *extractor) totalFor(p *partList, noun string) int {
	if len(p.totals) == 0 {
		return -1
	}
	if noun == "" {
		return p.totals[len(p.totals)-1]
	}
	for k := len(p.totals) - 1; k >= 0; k-- {
		if sameNoun(x.claims[p.totals[k]].Noun, noun) {
			return p.totals[k]
		}
	}
	return -1
}

// totalAfter makes the counts printed before a total in its sentence its
// parts: "Chính phủ số (400 điểm), Kinh tế số (300 điểm) và Xã hội số (300
// điểm), với tổng điểm 1.000". The parts name the noun the total names
// (after "tổng", or after the figure), and there are at least two.
func (x *extractor) totalAfter(idx, start int) {
	noun := x.claims[idx].Noun
	if w := x.word(start - 1); w != "tổng" && w != "số" && w != "cộng" {
		noun = x.toks[start-1].s
	}
	if noun == "" {
		return
	}
	var parts []int
	for k := max(x.sentFirst, idx-16); k < idx; k++ {
		if c := x.claims[k]; c.What == Count && c.Count != "" && c.PartOf == "" && sameNoun(c.Noun, noun) {
			parts = append(parts, k)
		}
	}
	if len(parts) < 2 {
		return
	}
	for _, k := range parts {
		x.claims[k].PartOf, x.claims[k].Exhaustive = x.claims[idx].Key, true
	}
}

// endParts closes the list of parts: for each total, its parts are
// exhaustive when "gồm" introduced them or the total says "tổng", or when
// at least two parts each name the total's noun.
func (x *extractor) endParts() {
	p := x.parts
	x.parts = nil
	if p == nil || len(p.members) == 0 {
		return
	}
	for _, tot := range p.totals {
		total := x.claims[tot]
		same, n := true, 0
		for k, m := range p.members {
			if p.of[k] != tot {
				continue
			}
			n++
			c := x.claims[m]
			same = same && c.Noun != "" && sameNoun(c.Noun, total.Noun)
		}
		exhaustive := same && (n >= 2 || p.gom) || total.tong
		for k, m := range p.members {
			if p.of[k] == tot {
				x.claims[m].Exhaustive = exhaustive
				x.claims[m].partial = exhaustive && !p.gom && !p.colon && !total.tong
			}
		}
	}
}

// rateBefore reports whether "tỷ lệ" is printed in the sentence's few
// words before offset: "tỷ lệ hồ sơ trực tuyến ... đạt 39,98%" is a rate,
// whose blocks' rates do not add up to it.
func (x *extractor) rateBefore(offset int) bool {
	k, _ := slices.BinarySearchFunc(x.toks[x.from:x.to], offset, func(t tok, at int) int { return t.at - at })
	k += x.from
	for j := k - 1; j >= max(x.from, k-24); j-- {
		if (x.word(j) == "tỷ" || x.word(j) == "tỉ") && x.word(j+1) == "lệ" {
			return true
		}
	}
	return false
}

// hasCount reports whether claims[a:b] hold a count.
func (x *extractor) hasCount(a, b int) bool {
	for k := a; k < b; k++ {
		if x.claims[k].What == Count && x.claims[k].Count != "" {
			return true
		}
	}
	return false
}

// sameNoun reports whether two nouns name the same things by their head
// word: "người" and "người dân", "hồ sơ" and "hồ sơ".
func sameNoun(a, b string) bool {
	ha, _, _ := strings.Cut(lower(a), " ")
	hb, _, _ := strings.Cut(lower(b), " ")
	return ha != "" && ha == hb && (ha != "hồ" && ha != "tài" && ha != "chữ" || strings.EqualFold(firstTwo(a), firstTwo(b)))
}

// firstTwo returns the first two words of s: "hồ sơ", "tài khoản".
func firstTwo(s string) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(2, len(f))], " ")
}

// classBound reads a percent that bounds a class of units ("5 địa phương
// trên 20%", "13 địa phương từ 10- 20%", "2 địa phương dưới 5%", "17 tỉnh
// thành phố có tỷ trọng ... trên 10%") into the count target's
// ClassBound, and reports whether it did.
func (x *extractor) classBound(target int, text string, start int) bool {
	t := &x.claims[target]
	if t.Percent != "" || t.Noun == "" || !localityNoun(lower(strings.Fields(t.Noun)[0])) {
		return false
	}
	first, _, _ := strings.Cut(text, " ")
	switch {
	case x.word(start-1) == "dưới":
		text = "dưới " + text
	case first == "trên" || first == "hơn":
	case x.word(start-1) == "từ" && strings.ContainsAny(text, "-–"):
		text = "từ " + text
	default:
		return false
	}
	t.ClassBound = text
	return true
}

// partList is the parts after "trong đó" or "gồm".
type partList struct {
	totals  []int // indices in claims of the counts a part can be of, last printed last
	gom     bool
	colon   bool // "Trong đó:" opens an enumeration of the whole
	members []int
	of      []int // for each member, its total
}
