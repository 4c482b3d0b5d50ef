package claim

import "strings"

// Reading comparisons: "A, cao hơn D so với B", for the check "other".

// comparison reads "A, cao hơn D so với B" from the word at token i
// ("cao", "thấp" or "vượt"): A is the figure printed last before it (in
// the sentence, or else the one before, as in "con số này vẫn thấp hơn
// ..."), D the difference printed right after "hơn", if any, and B the
// next figure within a few words ("so với Vĩnh Phúc ở vị trí thứ 2 (đạt
// 89,61%)", "mức 8,5% của năm 2022", "trung bình thế giới (80,12Mbps)"),
// or, when none is printed, the figure an earlier comparison printed
// against the same words ("so với mức điểm bình quân của cả nước").
func (x *extractor) comparison(i int) int {
	kind := Increase
	if x.word(i) == "thấp" {
		kind = Decrease
	}
	k := i + 1
	if x.word(i) != "vượt" {
		k = i + 2
	}
	if x.word(k) == "nhiều" {
		k++
	}
	x.places = nil // a place before a comparison is not the compared figure's
	a := x.lastValue(x.sentFirst)
	if a < 0 {
		a = x.lastValue(x.prevFirst)
	}
	if a < 0 {
		return k - 1
	}
	c := Claim{What: Comparison, Figure: valueText(x.claims[a]), ChangeKind: kind}
	if k < x.to && x.toks[k].kind == tNum && x.word(i) != "vượt" {
		end := x.suffix(k)
		c.Change = x.span(k, end)
		k = end + 1
	}
	if x.word(k) == "so" && x.word(k+1) == "với" {
		var words []string
		for j := k + 2; j < x.to && j < k+12 && x.toks[j].kind == tWord; j++ {
			words = append(words, x.toks[j].low)
		}
		c.Since = strings.Join(words, " ")
	}
	x.add(c, i, i)
	x.compare, x.compareEnd = len(x.claims)-1, min(x.to-1, k+14)
	return k - 1
}

// lastValue returns the index of the last count or percent claim from
// claims[from:], skipping changes, or -1.
func (x *extractor) lastValue(from int) int {
	for k := len(x.claims) - 1; k >= from && k >= len(x.claims)-8; k-- {
		c := x.claims[k]
		if (c.What == Count || c.What == Percent && c.ChangeKind == NoChange) && valueText(c) != "" {
			return k // a count printed with its change is still a value
		}
	}
	return -1
}

// valueText is the figure a count or percent claim prints.
func valueText(c Claim) string {
	if c.What == Count {
		return c.Count
	}
	return c.Percent
}

// pending gives a waiting comparison the figure just added at claims[idx]
// as its B.
func (x *extractor) pending(idx int) {
	if x.compare < 0 || idx <= x.compare || idx >= len(x.claims) {
		return
	}
	c := x.claims[idx]
	if c.What != Count && c.What != Percent || c.ChangeKind != NoChange || c.Offset > x.toks[x.compareEnd].at {
		if c.Offset > x.toks[x.compareEnd].at {
			x.compare = -1
		}
		return
	}
	cmp := &x.claims[x.compare]
	cmp.Before = valueText(c)
	x.claims[idx].compared = true
	if cmp.Since != "" {
		if x.compared == nil {
			x.compared = map[string]string{}
		}
		if len(x.compared) < 64 {
			x.compared[cmp.Since] = cmp.Before
		}
	}
	x.compare = -1
}
