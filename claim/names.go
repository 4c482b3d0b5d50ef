package claim

import (
	"math/big"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/figure"
)

// listCount reads the names listed after the count claim idx, from token
// n: "10 địa phương gồm: Bắc Giang, Lạng Sơn ... và Thái Nguyên", "4 doanh
// nghiệp (Viettel, VNPT, MobiFone, FPT)", "2 sàn Vỏ sò và Postmart", "3
// địa phương ... là Cao Bằng, Quảng Trị và Hưng Yên". The list opens with
// "gồm", ":", "là", "thuộc về" or "(" within a few words of the noun, or
// with a capitalised name right after it; its names are separated by
// commas, ";" and "và", and it ends with the sentence, the closing bracket,
// or an item that is not a name. When the count names kinds of units ("06
// xã, phường"), only the names of those kinds count ("xã Liêm Phong",
// not "huyện Thanh Liêm"). The names are kept, as printed, in Names; an
// item of the form "A và B" is kept whole, since "Bộ Tài nguyên và Môi
// trường" is one name and "Hải Phòng và Thái Nguyên" two.
func (x *extractor) listCount(idx, first, n int) {
	c := &x.claims[idx]
	// The kinds of units the count names: "xã, phường".
	var kinds []string
	for k := first + 1; k < n+3 && k < x.to; k++ {
		if w := x.word(k); unitKind(w) {
			kinds = append(kinds, w)
		}
	}
	start, bracket, colon := -1, false, false
	for k := n; k < x.to && k < n+14; k++ {
		t := x.toks[k]
		if t.kind == tNum || x.punct(k, ";") || x.punct(k, ".") {
			return
		}
		switch {
		case x.punct(k, ":"):
			start, colon = k+1, true
		case x.punct(k, "("):
			start, bracket = k+1, true
		case t.low == "gồm" || t.low == "là" || t.low == "về" && x.word(k-1) == "thuộc":
			start = k + 1
			if x.punct(k+1, ":") {
				start, colon = k+2, true
			}
		case k <= n+4 && k > n && t.kind == tWord && upper(t.s):
			start = k
		default:
			continue
		}
		break
	}
	if start < 0 || start >= x.to || x.toks[start].kind != tWord || !colon && !x.nameStart(start) {
		return
	}
	var names, heads []string
	item := -1 // first token of the current item
	depth := 0
	flush := func(end int) bool {
		if item < 0 || item >= end {
			return false
		}
		name := x.span(item, end-1)
		first := x.toks[item]
		if first.kind != tWord || !colon && !x.nameStart(item) {
			item = -1
			return true // not a name: the list has ended
		}
		item = -1
		names, heads = append(names, name), append(heads, first.low)
		return false
	}
	k := start
	stop := min(x.to, start+200) // a list is read within a bounded window
	closed := false              // the list ends where it must: its bracket, or its sentence
	for ; k < stop; k++ {
		t := x.toks[k]
		switch {
		case x.punct(k, "("):
			depth++
			continue
		case x.punct(k, ")"):
			if depth == 0 {
				if bracket {
					flush(k)
					k, closed = x.to, true
				}
				continue
			}
			depth--
			continue
		case depth > 0:
			continue
		case t.kind == tPunct && (t.s == "," || t.s == ";"):
			if t.s == ";" && len(kinds) == 0 {
				flush(k)
				k = x.to
				continue
			}
			if flush(k) {
				k = x.to
			}
			continue
		case len(kinds) > 0 && t.low == "và":
			flush(k)
			continue
		case t.kind == tNum || t.kind == tPunct:
			flush(k)
			k = x.to
			continue
		}
		if item < 0 {
			item = k
		}
	}
	if item >= 0 && k == stop {
		flush(stop)
	}
	if k == stop && stop == x.to && !bracket {
		closed = true // the list runs to the end of its sentence
	}
	// When names begin with the kinds the count names ("xã An Bình, huyện
	// Phú Giáo, phường Tân Định"), only those count.
	if len(kinds) > 0 && slices.ContainsFunc(heads, func(h string) bool { return containsWord(kinds, h) }) {
		var kept []string
		for i, n := range names {
			if containsWord(kinds, heads[i]) {
				kept = append(kept, n)
			}
		}
		names = kept
	}
	if len(names) >= 2 {
		c.Names, c.NamesWhole = names, (bracket || colon) && closed
	}
}

// nameStart reports whether a name begins at token k: a capitalised word,
// or a kind of unit before one ("xã An Bình", "thành phố Phủ Lý").
func (x *extractor) nameStart(k int) bool {
	if upper(x.toks[k].s) {
		return true
	}
	for j := k; j < min(k+3, x.to); j++ {
		w := x.word(j)
		if j > k && upper(x.toks[j].s) {
			return true
		}
		if !unitKind(w) && w != "thành" && w != "phố" && w != "thị" {
			return false
		}
	}
	return false
}

func unitKind(w string) bool {
	switch w {
	case "xã", "phường", "huyện", "tỉnh", "quận", "thôn", "bản", "trấn":
		return true
	}
	return false
}

func containsWord(ws []string, w string) bool {
	for _, v := range ws {
		if v == w {
			return true
		}
	}
	return false
}

// upper reports whether s begins with a capital letter.
func upper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// A list cut short ("(Viettel, VNPT, ...)", a number inside it) is not
// whole: the count may name more than it prints.

// nameCounts returns how many names a list can hold: each item of the
// form "A và B" is one name or two. The last item runs to the end of the
// list, so a "và" in the prose after it only widens the range.
func nameCounts(names []string) (lo, hi int) {
	for _, n := range names {
		lo++
		hi += 1 + strings.Count(" "+n+" ", " và ")
	}
	return lo, hi
}

// names is the check "other" for a count and the names listed after it:
// the count must be a number of names the list can hold. It fails only
// when the list is whole (in brackets or after a colon) and no reading of
// its "và" gives the count; an open list may go on in prose.
func names(p *parsed) Finding {
	lo, hi := nameCounts(p.Names)
	n := p.count
	v := n.Value
	holds := v != nil && v.IsInt() && v.Num().IsInt64() && int64(lo) <= v.Num().Int64() && v.Num().Int64() <= int64(hi)
	if !p.NamesWhole {
		holds = holds || v == nil || !v.IsInt() || v.Num().Int64() > int64(hi)
	}
	r := figure.Interval{Lo: big.NewRat(int64(lo), 1), Hi: big.NewRat(int64(hi), 1)}
	return newFinding(Other, holds, r, []string{p.Fragment}, []string{n.Text},
		"%s %s, danh sách kể %s tên: %s", "%s %s, the list names %s: %s",
		n.Text, p.Noun, span{r, 0}, strings.Join(p.Names, "; ")).at(p)
}
