package claim

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
)

// Extract reads Vietnamese press text and returns every figure it prints,
// as claims in the order printed, ready for [Check]:
//   - counts with their qualifier ("hơn 741.000", "trên 504.000", "hàng chục",
//     "1,5 tỷ đồng", "ba trụ cột") and the noun they count;
//   - the percent printed with a count and what it is of: the plan ("kế
//     hoạch", "chỉ tiêu", or no base printed; "vượt chỉ tiêu" reads as more
//     than 100%), a population the text names ("dân số", "người trưởng
//     thành", "hộ": percents of one such base in one paragraph share a
//     BaseKey), or, after "chiếm", a share of the count printed before it;
//   - a ratio printed beside a percent ("đạt 60% (120/200 hộ)"), each
//     denominator a candidate base;
//   - parts of a total: the counts after "trong đó" or "gồm" (in the same
//     sentence, or the next when it opens with them) are parts of the count
//     printed before; they are exhaustive only when there are at least two
//     and each names the total's noun, or when the total says "tổng";
//   - changes: "tăng 8.221 tài khoản", "tăng 8,6% so với năm 2023", "giảm
//     5%", "gấp 3 lần", with the earlier count when printed as "từ A lên B";
//   - fractions of localities ("19/218 địa phương") with their rest ("199
//     địa phương còn lại"), dates (deadlines after "đến ngày", "trước
//     ngày"), years ("năm 2025"), ranks ("đứng thứ 3") and numbers that name
//     things ("Nghị quyết số 52-NQ/TU", "định danh mức 2").
//
// A claim's Key joins the dates printed earlier in its sentence, the words
// before the figure in its clause (without connectives such as "đến nay",
// "trong đó" and verbs such as "là", "đạt"), and its noun: the same
// statement printed twice gets one key. Fragment is the clause (up to ";"
// or the sentence's end) as printed.
//
// Text is read as Unicode NFC with every space but a line break read as a
// plain space, as web pages and PDFs need; Offset counts bytes of that
// text, the input itself when it is NFC with plain spaces. A line break
// ends a sentence and a paragraph. Extract never fails: a malformed number
// ("217.00") is returned as printed, for Check to
func Extract(text string) []Claim {
	text = numeral.CleanText(text)
	x := extractor{text: text, toks: tokenize(text), lastCount: -1, lastFraction: -1}
	start, para := 0, 0
	for i, t := range x.toks {
		if t.kind != tPunct || !endsSentence(text, t) {
			continue
		}
		x.sentence(start, i, para)
		if t.s == "\n" {
			para++
		}
		start = i + 1
	}
	x.sentence(start, len(x.toks), para)
	return x.claims
}

// Check extracts the claims of text and checks them: [Check] of
// [Extract].
func Check(text string) []Finding { return CheckClaims(Extract(text)) }

type tokKind uint8

const (
	tWord  tokKind = iota
	tNum           // digits with separators inside: "60.827", "1,5", "23/3", "50–60"
	tLabel         // digits run into letters: "52-NQ/TU", "4G"
	tPunct
)

type tok struct {
	kind tokKind
	s    string // as printed
	low  string // a word in lower case
	at   int    // byte offset in the text
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// tokenize cuts text into words, numbers and punctuation; spaces separate
// and are dropped, a line break is punctuation.
func tokenize(s string) []tok {
	out := make([]tok, 0, len(s)/5)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case isDigit(c):
			j := i + 1
			for j < len(s) {
				if isDigit(s[j]) {
					j++
				} else if (s[j] == '.' || s[j] == ',' || s[j] == '/' || s[j] == '-') && j+1 < len(s) && isDigit(s[j+1]) {
					j += 2
				} else if strings.HasPrefix(s[j:], "–") && j+3 < len(s) && isDigit(s[j+3]) {
					j += 4
				} else {
					break
				}
			}
			kind := tNum
			if j < len(s) && (s[j] == '-' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z') {
				kind = tLabel
				for j < len(s) {
					r, n := utf8.DecodeRuneInString(s[j:])
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '/' {
						break
					}
					j += n
				}
			}
			out = append(out, tok{kind: kind, s: s[i:j], at: i})
			i = j
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				out = append(out, tok{kind: tPunct, s: s[i : i+n], at: i})
				i += n
				continue
			}
			j := i + n
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
					break
				}
				j += n
			}
			out = append(out, tok{kind: tWord, s: s[i:j], low: lower(s[i:j]), at: i})
			i = j
		}
	}
	return out
}

// lower returns w in lower case, without allocating when it already is.
func lower(w string) string {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return strings.ToLower(w)
		}
	}
	return w
}

// endsSentence reports whether punctuation t ends a sentence: a line
// break, "!", "?", "…", "■", or a full stop followed by a space, a line
// break, a quote or the end.
func endsSentence(text string, t tok) bool {
	switch t.s {
	case "\n", "!", "?", "…", "■":
		return true
	case ".":
		end := t.at + 1
		return end >= len(text) || strings.ContainsRune(" \n\"”'", rune(text[end]))
	}
	return false
}

// clauseBreak reports whether t separates clauses for keys and percents.
func clauseBreak(t tok) bool {
	return t.kind == tPunct && strings.Contains(",;:()\"“”", t.s)
}

type extractor struct {
	text   string
	toks   []tok
	claims []Claim

	lastCount    int // index in claims of the last count, or -1
	lastFraction int // index in claims of the last fraction, or -1

	// Per sentence.
	from, to   int    // the sentence's tokens
	sentFirst  int    // index in claims of the sentence's first claim
	clauseFrom int    // index in claims of the first claim after the last ";"
	when       string // dates and years printed so far in the sentence, for keys
	para       int
	parts      *partList
	before     string // "từ A lên B": A, waiting for B
}

// partList is the parts after "trong đó" or "gồm".
type partList struct {
	total   int // index in claims
	gom     bool
	members []int
}

func (x *extractor) word(i int) string {
	if i < x.from || i >= x.to || x.toks[i].kind != tWord {
		return ""
	}
	return x.toks[i].low
}

func (x *extractor) punct(i int, s string) bool {
	return i >= x.from && i < x.to && x.toks[i].kind == tPunct && x.toks[i].s == s
}

func (x *extractor) sentence(from, to, para int) {
	if from >= to {
		return
	}
	x.from, x.to, x.para = from, to, para
	x.sentFirst, x.clauseFrom = len(x.claims), len(x.claims)
	x.when, x.parts, x.before = "", nil, ""
	for i := from; i < to; i++ {
		t := x.toks[i]
		switch t.kind {
		case tPunct:
			if t.s == ";" {
				x.clauseFrom = len(x.claims)
			}
		case tLabel:
			d := t.s[:strings.IndexFunc(t.s, func(r rune) bool { return r < '0' || r > '9' })]
			x.add(Claim{What: Label, Figure: d}, i, i)
		case tNum:
			i = x.number(i)
		case tWord:
			i = x.wordAt(i)
		}
	}
	x.endParts()
}

// wordNumbers are the numerals the press writes as words before a noun;
// "một" (also "a") and "năm" (also "year") are left out.
var wordNumbers = map[string]int{"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}

func (x *extractor) wordAt(i int) int {
	t := x.toks[i]
	next := x.word(i + 1)
	switch {
	case t.low == "trong" && next == "đó", t.low == "gồm", t.low == "bao" && next == "gồm":
		x.endParts()
		total := x.lastCount
		if total >= 0 {
			x.parts = &partList{total: total, gom: t.low != "trong"}
		}
		if next == "đó" || next == "gồm" {
			return i + 1
		}
	case t.low == "hàng" && isMagnitude("hàng "+next):
		return x.count(i, i+1, "", i+2)
	case t.low == "vượt" && (next == "chỉ" && x.word(i+2) == "tiêu" || next == "kế" && x.word(i+2) == "hoạch"):
		// "trên 340.000 tài khoản ..., vượt chỉ tiêu": more than the plan.
		if c := x.lastCountInClause(); c >= 0 && x.claims[c].Percent == "" {
			x.claims[c].Percent, x.claims[c].BaseName = "vượt 100%", x.toks[i+1].s+" "+x.toks[i+2].s
			x.claims[c].Fragment = x.fragment(x.claims[c].Offset)
		}
		return i + 2
	case t.low == "còn" && next == "lại":
		// "199 địa phương còn lại": the count just before is a rest.
		if c := len(x.claims) - 1; c >= x.sentFirst && x.claims[c].What == Count && x.lastFraction >= 0 && x.claims[x.lastFraction].Rest == "" &&
			x.claims[c].Offset >= x.toks[max(i-4, x.from)].at {
			fr := &x.claims[x.lastFraction]
			fr.Rest = x.claims[c].Count
			if rest := x.claims[c].Fragment; rest != fr.Fragment {
				fr.Fragment += "; " + rest
			}
			x.claims = x.claims[:c]
			x.lastCount = -1
			if p := x.parts; p != nil {
				p.members = slices.DeleteFunc(p.members, func(m int) bool { return m >= c })
				if p.total >= c {
					x.parts = nil
				}
			}
		}
		return i + 1
	}
	if n, ok := wordNumbers[t.s]; ok && x.word(i-1) != "thứ" && x.word(i+1) != "" && x.word(i+1) != "và" {
		c := Claim{What: Count, Count: strconv.Itoa(n), Figure: t.s}
		return x.countClaim(c, i, i, i+1)
	}
	return i
}

// number reads the figure starting at number token i and returns the
// index of its last token.
func (x *extractor) number(i int) int {
	t := x.toks[i]
	p1, p2 := x.word(i-1), x.word(i-2)
	slashes := strings.Count(t.s, "/")
	switch {
	case slashes == 2:
		return x.date(i)
	case slashes == 1:
		if p1 == "ngày" || p1 == "đến" || p1 == "hết" || p1 == "trước" || p1 == "sau" {
			return x.date(i)
		}
		if f, err := figure.Parse(t.s); err == nil && f.Kind == figure.Date && !localityNoun(x.word(i+1)) {
			return x.date(i)
		}
		noun, _ := x.noun(i + 1)
		c := Claim{What: Fraction, Figure: t.s, Noun: noun}
		x.add(c, i, i)
		x.lastFraction = len(x.claims) - 1
		return i
	case p1 == "năm" && len(t.s) == 4 && t.s >= "1900" && t.s <= "2100":
		x.add(Claim{What: Year, Figure: t.s, Deadline: p2 == "đến" && x.word(i-3) != "từ" || p2 == "trước"}, i, i)
		x.when += " " + t.s
		return i
	case p1 == "tháng" && len(t.s) <= 2:
		x.add(Claim{What: Date, Figure: x.span(i-1, i), Deadline: p2 == "đến" && x.word(i-3) != "tính" || p2 == "trước"}, i-1, i)
		x.when += " " + x.span(i-1, i)
		return i
	case p1 == "thứ" || p1 == "hạng":
		start := i - 1
		if p2 == "đứng" || p2 == "xếp" {
			start = i - 2
		}
		x.add(Claim{What: Rank, Figure: x.span(start, i)}, start, i)
		return i
	case p1 == "mức" || p1 == "số" && (p2 == "quyết" || p2 == "định" || p2 == "thị" || p2 == "luật"):
		x.add(Claim{What: Label, Figure: t.s}, i, i)
		return i
	}
	return x.figure(i)
}

func (x *extractor) date(i int) int {
	p1, p2, p3 := x.word(i-1), x.word(i-2), x.word(i-3)
	deadline := p1 == "trước" || p2 == "trước" || p1 == "ngày" && p2 == "đến" && p3 != "tính" || p1 == "đến" && p2 != "tính"
	x.add(Claim{What: Date, Figure: x.toks[i].s, Deadline: deadline}, i, i)
	x.when += " " + x.toks[i].s
	return i
}

// figure reads a count or a percent at token i, with its qualifier before
// and its scale word, percent sign, range end or "lần" after.
func (x *extractor) figure(i int) int {
	start := i
	p1 := x.word(i - 1)
	if _, ok := figure.ParseQualifier(p1); ok && p1 != "là" && p1 != "đạt" && p1 != "chiếm" {
		start = i - 1
	}
	end := x.suffix(i)
	// "từ 0,5 đến gần 0,6": a range, when "đến" is followed by a number.
	if p1 == "từ" && x.word(end+1) == "đến" {
		j := end + 2
		if _, ok := figure.ParseQualifier(x.word(j)); ok {
			j++
		}
		if j < x.to && x.toks[j].kind == tNum {
			start, end = i-1, x.suffix(j)
		}
	}
	// "từ 110.000 lên 120.000": the first is the count the change is from.
	if p1 == "từ" && x.word(end+1) == "lên" {
		x.before = x.span(i, end)
		return end
	}
	text := x.span(start, end)
	verb := p1
	if start < i {
		verb = x.word(start - 1)
	}
	switch verb {
	case "tăng", "giảm", "gấp":
		return x.changeAt(text, verb, start, end)
	}
	if x.toks[end].s == "%" {
		return x.percent(text, start, end)
	}
	return x.count(start, end, text, end+1)
}

// suffix returns the last token of the number at i: its scale word or
// percent sign, if any.
func (x *extractor) suffix(i int) int {
	switch x.word(i + 1) {
	case "nghìn", "ngàn", "triệu", "tỷ", "tỉ":
		i++
	}
	if x.punct(i+1, "%") {
		i++
	}
	return i
}

// span returns the text from token a to token b, as printed.
func (x *extractor) span(a, b int) string {
	return x.text[x.toks[a].at : x.toks[b].at+len(x.toks[b].s)]
}

// count adds the count printed from token start to end (text, or the
// tokens' own text when ""), whose noun begins at token n.
func (x *extractor) count(start, end int, text string, n int) int {
	if text == "" {
		text = x.span(start, end)
	}
	return x.countClaim(Claim{What: Count, Count: text}, start, end, n)
}

func (x *extractor) countClaim(c Claim, start, end, n int) int {
	noun, last := x.noun(n)
	if x.word(n) == "lần" {
		last = n
	}
	c.Noun = noun
	if x.before != "" && x.word(start-1) == "lên" {
		c.Before, x.before = x.before, ""
	}
	x.add(c, start, end)
	idx := len(x.claims) - 1
	if p := x.parts; p != nil && idx != p.total {
		total := &x.claims[p.total]
		x.claims[idx].PartOf = total.Key
		if x.claims[idx].Noun == "" {
			x.claims[idx].Key += total.Noun
		}
		p.members = append(p.members, idx)
	}
	x.lastCount = idx
	return max(end, last)
}

// nounPhrases are the nouns the press counts, longest first where one
// begins another.
var nounPhrases = [][]string{
	{"chữ", "ký", "số"}, {"tài", "khoản"}, {"lượt", "người"}, {"lượt", "truy", "cập"}, {"người", "dân"}, {"người", "trưởng", "thành"},
	{"hộ", "gia", "đình"}, {"hộ", "kinh", "doanh"}, {"doanh", "nghiệp"}, {"hồ", "sơ"}, {"giao", "dịch"}, {"đoàn", "viên"},
	{"thành", "viên"}, {"địa", "phương"}, {"ứng", "dụng"}, {"thuê", "bao"}, {"công", "dân"}, {"khu", "dân", "cư"},
	{"đơn", "vị"}, {"dịch", "vụ"}, {"thủ", "tục"}, {"thiết", "bị"}, {"học", "sinh"}, {"cán", "bộ"}, {"thị", "trấn"},
	{"sản", "phẩm"}, {"cơ", "sở"}, {"trụ", "cột"}, {"tỷ", "đồng"}, {"triệu", "đồng"},
	{"người"}, {"lượt"}, {"thẻ"}, {"tổ"}, {"xã"}, {"phường"}, {"huyện"}, {"tỉnh"}, {"hộ"}, {"thôn"}, {"bản"}, {"đồng"},
	{"điểm"}, {"trường"}, {"camera"}, {"trạm"}, {"máy"}, {"dân"},
}

// noun returns the noun beginning at token i, as printed, and its last
// token: a known noun phrase, or else the next word.
func (x *extractor) noun(i int) (string, int) {
	if last, ok := x.phrase(i, nounPhrases); ok {
		return x.span(i, last), last
	}
	if w := x.word(i); w != "" && !stopWord(w) {
		return x.toks[i].s, i
	}
	return "", i - 1
}

func localityNoun(w string) bool {
	switch w {
	case "địa", "xã", "phường", "huyện", "tỉnh", "thôn", "bản", "đơn", "thị", "tổ", "cơ", "trường", "sở":
		return true
	}
	return false
}

// stopWord reports function words that never name what a count counts.
func stopWord(w string) bool {
	switch w {
	case "và", "với", "của", "là", "đạt", "so", "trong", "đến", "từ", "lên", "tăng", "giảm", "trên", "hơn", "gần", "khoảng", "được", "đã", "có", "cho", "tại", "ở", "năm":
		return true
	}
	return false
}

// bases are the words a percent is of: plans, then populations.
var (
	planBases       = [][]string{{"chỉ", "tiêu", "kế", "hoạch"}, {"kế", "hoạch"}, {"chỉ", "tiêu"}, {"mục", "tiêu"}}
	populationBases = [][]string{{"dân", "số", "trưởng", "thành"}, {"dân", "số"}, {"người", "trưởng", "thành"}, {"người", "dân"}, {"số", "dân"},
		{"công", "dân"}, {"hộ", "gia", "đình"}, {"số", "hộ"}, {"hộ"}, {"người"}, {"dân"}}
)

// phrase returns the last token of the first of phrases at token i.
func (x *extractor) phrase(i int, phrases [][]string) (int, bool) {
	for _, ph := range phrases {
		ok := true
		for k, w := range ph {
			if x.word(i+k) != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(ph) - 1, true
		}
	}
	return 0, false
}

func (x *extractor) percent(text string, start, end int) int {
	c := Claim{Percent: text}
	j := end + 1
	if x.word(j) == "so" && x.word(j+1) == "với" {
		j += 2
	}
	if x.word(j) == "của" {
		j++
	}
	chiem := x.word(start-1) == "chiếm" || x.word(start-2) == "chiếm" && x.word(start-1) == "tỷ"
	if last, ok := x.phrase(j, planBases); ok {
		c.Of, c.BaseName, end = OfPlan, x.span(j, last), last
	} else if last, ok := x.phrase(j, populationBases); ok {
		c.Of, c.BaseName, end = OfPopulation, x.span(j, last), last
		c.BaseKey = lower(c.BaseName) + "@" + strconv.Itoa(x.para)
	} else if x.word(end+1) == "so" {
		// "bằng 120% so với năm 2023": a percent of an earlier figure, not
		// of a plan; read, not checked.
		x.add(Claim{What: Percent, Figure: text}, start, end)
		return end
	} else if chiem {
		c.Of = OfTotal
	}
	// A ratio in brackets after the percent: "(120/200 hộ)".
	if x.punct(end+1, "(") {
		if ratio, names, last := x.ratio(end + 2); len(ratio) >= 2 {
			c.Ratio, c.RatioNames, end = ratio, names, last
		}
	}
	target := x.lastCountInClause()
	if target < 0 {
		c.What, c.Figure = Percent, text
		x.add(c, start, end)
		return end
	}
	t := &x.claims[target]
	if t.Percent != "" {
		// A second percent of the same count ("120% kế hoạch và 30% dân
		// số"): a claim of its own with the same count and key.
		d := *t
		d.Percent, d.Of, d.BaseName, d.BaseKey, d.Ratio, d.RatioNames = "", 0, "", "", nil, nil
		d.Change, d.ChangeKind, d.Before, d.Since, d.PartOf = "", NoChange, "", "", ""
		x.claims = append(x.claims, d)
		target = len(x.claims) - 1
		t = &x.claims[target]
	}
	t.Percent, t.Of, t.BaseName, t.BaseKey, t.Ratio, t.RatioNames = c.Percent, c.Of, c.BaseName, c.BaseKey, c.Ratio, c.RatioNames
	if c.Of == OfTotal && t.PartOf == "" {
		// A share of the count printed before it.
		for k := target - 1; k >= 0; k-- {
			if x.claims[k].What == Count && x.claims[k].Count != "" {
				t.PartOf = x.claims[k].Key
				break
			}
		}
	}
	t.Fragment = x.fragment(t.Offset)
	return end
}

// ratio reads "120/200 hộ)" or "109 tài khoản/2.180 chỉ tiêu/6.000 dân)"
// from token i, up to the closing bracket.
func (x *extractor) ratio(i int) (nums, names []string, last int) {
	for ; i < x.to && !x.punct(i, ")"); i++ {
		t := x.toks[i]
		switch {
		case t.kind == tNum:
			for _, n := range strings.Split(t.s, "/") {
				nums, names = append(nums, n), append(names, "")
			}
		case t.kind == tWord && len(names) > 0:
			if names[len(names)-1] != "" {
				names[len(names)-1] += " "
			}
			names[len(names)-1] += t.s
		case t.kind == tPunct && t.s == "/":
		default:
			return nil, nil, 0
		}
	}
	if i >= x.to {
		return nil, nil, 0
	}
	return nums, names, i
}

// changeAt attaches a change ("tăng 8,6% so với năm 2023") to the count it
// follows in the clause.
func (x *extractor) changeAt(text, verb string, start, end int) int {
	kind := map[string]Change{"tăng": Increase, "giảm": Decrease, "gấp": Multiple}[verb]
	if kind == Multiple {
		if x.word(end+1) != "lần" {
			return x.count(start, end, text, end+1)
		}
		end++
	}
	j := end + 1
	for x.word(j) != "" && x.word(j) != "so" && j < end+4 {
		j++ // "tăng 8.221 tài khoản so với ..."
	}
	since := ""
	if x.word(j) == "so" && x.word(j+1) == "với" {
		k := j + 2
		for k < x.to && x.toks[k].kind != tPunct {
			k++
		}
		if k > j+2 {
			since = x.span(j+2, k-1)
		}
	}
	change := strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(text, "lần")), " ")
	target := x.lastCountInClause()
	if target < 0 || x.claims[target].ChangeKind != NoChange {
		x.add(Claim{What: Percent, Figure: text, Change: change, ChangeKind: kind, Since: since}, start, end)
		return end
	}
	t := &x.claims[target]
	t.Change, t.ChangeKind, t.Since = change, kind, since
	t.Fragment = x.fragment(t.Offset)
	return end
}

// lastCountInClause returns the last count claim of the sentence after the
// last ";", or -1.
func (x *extractor) lastCountInClause() int {
	for k := len(x.claims) - 1; k >= x.clauseFrom; k-- {
		if x.claims[k].What == Count {
			return k
		}
	}
	return -1
}

// add appends c, printed from token start to end, with its offset,
// fragment and key.
func (x *extractor) add(c Claim, start, end int) {
	c.Offset = x.toks[start].at
	c.Fragment = x.fragment(c.Offset)
	if c.What == Count {
		c.Key = x.key(start, c.Noun)
	}
	x.claims = append(x.claims, c)
}

// fragment returns the clause around offset: from the last ";" or ":"
// before it in the sentence to the next ";" or the sentence's end.
func (x *extractor) fragment(offset int) string {
	a, b := x.toks[x.from].at, len(x.text)
	if x.to < len(x.toks) {
		b = x.toks[x.to].at
	}
	for i := x.from; i < x.to; i++ {
		t := x.toks[i]
		if t.kind != tPunct || t.s != ";" && t.s != ":" {
			continue
		}
		if t.at < offset {
			a = t.at + 1
		} else if t.s == ";" {
			b = t.at
			break
		}
	}
	return strings.TrimRight(strings.TrimSpace(x.text[a:b]), ".")
}

// connectives open a clause without saying what is counted.
var connectives = [][]string{{"trong", "đó"}, {"bao", "gồm"}, {"gồm"}, {"tính", "đến", "nay"}, {"đến", "nay"}, {"hiện", "nay"}, {"hiện"}, {"đồng", "thời"},
	{"ngoài", "ra"}, {"theo", "đó"}, {"cụ", "thể"}, {"bên", "cạnh", "đó"}}

// key is what the count at token start measures: the dates of the sentence
// so far, the clause's words before it, and its noun.
func (x *extractor) key(start int, noun string) string {
	a := start
	for a > x.from && !clauseBreak(x.toks[a-1]) && !x.punct(a-1, ";") {
		a--
	}
	b := start // the words before the figure, without trailing verbs
	for b > a && x.toks[b-1].kind == tWord && stopWord(x.toks[b-1].low) && x.toks[b-1].low != "năm" {
		b--
	}
	for {
		if last, ok := x.phrase(a, connectives); ok && last < b {
			a = last + 1
			continue
		}
		break
	}
	var k strings.Builder
	k.WriteString(strings.TrimSpace(x.when))
	k.WriteByte('|')
	for i := a; i < b; i++ {
		if i > a {
			k.WriteByte(' ')
		}
		if x.toks[i].kind == tWord {
			k.WriteString(x.toks[i].low)
		} else {
			k.WriteString(x.toks[i].s)
		}
	}
	if a == b {
		// Nothing names the count: only its place does.
		k.WriteString("@" + strconv.Itoa(x.toks[start].at))
	}
	k.WriteByte('|')
	k.WriteString(lower(noun))
	return k.String()
}

// endParts closes the list of parts: exhaustive when "gồm" introduced it
// or the total says "tổng", or when at least two parts each name the
// total's noun.
func (x *extractor) endParts() {
	p := x.parts
	x.parts = nil
	if p == nil || len(p.members) == 0 {
		return
	}
	total := x.claims[p.total]
	same := true
	for _, m := range p.members {
		c := x.claims[m]
		same = same && c.Of != OfTotal && c.Noun != "" && strings.EqualFold(c.Noun, total.Noun)
	}
	exhaustive := same && (len(p.members) >= 2 || p.gom) || strings.Contains(lower(total.Fragment), "tổng")
	for _, m := range p.members {
		x.claims[m].Exhaustive = exhaustive && x.claims[m].Of != OfTotal
	}
}

func isMagnitude(words string) bool { _, ok := figure.Magnitude(words); return ok }
