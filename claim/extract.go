package claim

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
)

// Extract reads Vietnamese press text and returns every figure it prints,
// as claims in the order printed, ready for [Check]. It reads figures the
// way the press prints them (each rule has test sentences under
// testdata/rules):
//   - counts with their qualifier ("hơn 741.000", "trên 504.000", "hàng chục",
//     "1,5 tỷ đồng", "318,9 ngàn tỷ", "ba trụ cột") and the noun they count;
//     a count below ten with a leading zero ("07 người", "09 xã"); a
//     measure with its unit ("92,51Mbps");
//   - numbers that are not counts: days and months with "/", "-" or "."
//     ("23/3", "22-3", "19.11", "29-6-2023", "tháng 8.2022"), a year
//     printed without a thousands separator ("2023", "2020-2022"), numbers
//     that name ("Đề án 06", "Chỉ tiêu 1", "Quyết định số 205/QĐ-UBND",
//     "mức độ 4", "lần thứ 3"), classes, periods and steps ("3 sao", "6
//     tháng", "tăng 3 bậc");
//   - the percent printed with a count and what it is of: the plan ("kế
//     hoạch", "chỉ tiêu"; "vượt chỉ tiêu" reads as more than 100%), with
//     the plan when the sentence prints it ("kế hoạch giao 700 tài
//     khoản"); a population the text names ("dân số", "người trưởng
//     thành", "hộ": percents of one such base in one paragraph share a
//     BaseKey); after "chiếm", or for a rate ("đạt tỷ lệ") with no plan
//     printed, a share of the count printed before it with the same noun;
//     a bound of a class of units ("5 địa phương trên 20%");
//   - a ratio beside a percent, before it ("3.857/45.600 tài khoản, đạt tỷ
//     lệ 8%") or in brackets after it ("đạt 60% (120/200 hộ)");
//   - parts of a total: the counts and shares after "trong đó" or "gồm"
//     (in the same sentence, or the next when it opens with them) are parts
//     of the count printed before with the same noun ("chưa bao gồm"
//     excludes); a percent of GDP is a quantity its parts add up to; a
//     rate's parts are its blocks' rates;
//   - changes: "tăng 8.221 tài khoản", "tăng 8,6% so với năm 2023 (0,7326)",
//     "giảm 15,4% ... với mức giảm 4 triệu", "gấp 3 lần", with the earlier
//     count when printed as "từ A lên B" or in brackets;
//   - comparisons ("cao hơn 0,28% so với ... (đạt 89,61%)", "vượt mục tiêu
//     50%"), series ("lần lượt là") and their means ("bình quân"), places
//     in a ranking ("dẫn đầu", "đứng thứ 2", "tiếp đó là A (42,13%)"),
//     the names listed after a count ("10 địa phương gồm: ...");
//   - fractions of localities ("19/218 địa phương") with their rest ("199
//     địa phương còn lại"), classes of units ("trong số 63 tỉnh ..."),
//     dates (deadlines after "đến ngày", "trước ngày"), ranks.
//
// A claim's Key joins the dates printed earlier in its sentence, the words
// before the figure in its clause (without connectives such as "đến nay",
// "trong đó" and verbs such as "là", "đạt"), and its noun: the same
// statement printed twice gets one key. Fragment is the clause (up to ";"
// or the sentence's end) as printed, cut to at most 240 bytes either side
// of the figure (marked "…").
//
// Text is read as Unicode NFC with every space but a line break read as a
// plain space and the characters that hide in figures removed (numeral.CleanText),
// as web pages and PDFs need; Offset counts bytes of that text, the input
// itself when it needs no cleaning ([Check] maps its spans back to the
// input). A line break ends a sentence and a paragraph. Extract never
// fails: a malformed number ("217.00") is returned as printed, for Check
// to report.
func Extract(text string) []Claim { return extract(numeral.CleanText(text)).claims }

// extract reads the claims of a cleaned text.
func extract(text string) *extractor {
	x := &extractor{text: text, toks: tokenize(text), lastCount: -1, lastFraction: -1}
	n := 16 // about one claim per number: room for them all at once
	for _, t := range x.toks {
		if t.kind == tNum || t.kind == tLabel {
			n++
		}
	}
	x.claims = make([]Claim, 0, n)
	start, para := 0, 0
	for i, t := range x.toks {
		if t.kind != tPunct || !endsSentence(text, t) {
			continue
		}
		x.sentence(start, i, para)
		if t.s == "\n" {
			para++
			x.endPara()
		}
		start = i + 1
	}
	x.sentence(start, len(x.toks), para)
	x.endPara()
	return x
}

// Check extracts the claims of text and checks them: [CheckClaims] of
// [Extract], with each finding's Spans saying where its figures stand in
// text as given (byte offsets, and line and column), whatever cleaning
// the text needed.
func Check(text string) []Finding {
	fs, _ := check(text)
	return fs
}

type extractor struct {
	text   string
	toks   []tok
	claims []Claim

	lastCount    int // index in claims of the last count, or -1
	lastFraction int // index in claims of the last fraction, or -1

	// Per sentence.
	from, to   int               // the sentence's tokens
	sentFirst  int               // index in claims of the sentence's first claim
	prevFirst  int               // index in claims of the sentence before's first claim
	nsent      int               // sentences read
	series     int               // series printed so far ("lần lượt là ...")
	seriesAt   int               // the sentence of the last series
	meanFor    int               // a series whose mean the next figure is ("trung bình", "bình quân"), or 0
	inSeries   bool              // the figures now read belong to the last series
	compare    int               // index in claims of a comparison waiting for its B, or -1
	compareEnd int               // the last token where its B may stand
	compared   map[string]string // "mức điểm bình quân của cả nước" → "0,4014": what a comparison was against

	// Rankings: a paragraph with a place word ("dẫn đầu", "đứng thứ 2",
	// "tiếp đó là") belongs to a ranking, which goes on while the next
	// paragraphs have one.
	ranking    int         // rankings so far
	paraRank   bool        // this paragraph has a place word
	prevRank   bool        // the paragraph before had one
	paraFirst  int         // index in claims of the paragraph's first claim
	places     []rankPlace // places printed in the clause, waiting for their values
	lastRank   int         // the last place given to a value
	chain      int         // the next place of a chain ("tiếp đó là"), or 0
	chainAt    int         // the sentence of the chain
	bottom     int         // the sentence of a list of the last ("đứng cuối ... là"), or 0
	paraSents  int         // sentences in the paragraph so far
	paraPlan   bool        // the paragraph so far names a plan ("kế hoạch", "chỉ tiêu", "mục tiêu")
	clauseFrom int         // index in claims of the first claim after the last ";"
	when       string      // dates and years printed so far in the sentence, for keys
	para       int
	parts      *partList
	before     string // "từ A lên B": A, waiting for B
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
	x.prevFirst = x.sentFirst
	x.nsent++
	x.paraSents++
	x.sentFirst, x.clauseFrom = len(x.claims), len(x.claims)
	x.when, x.parts, x.before = "", nil, ""
	x.inSeries, x.meanFor, x.compare = false, 0, -1
	for i := from; i < to; i++ {
		t := x.toks[i]
		switch t.kind {
		case tPunct:
			if t.s == ";" {
				x.clauseFrom = len(x.claims)
			}
			if t.s == "," || t.s == ";" || t.s == ":" {
				x.places = nil
				x.compare = -1 // the figure compared with stands in the comparison's clause
			}
		case tLabel:
			d := t.s[:strings.IndexFunc(t.s, func(r rune) bool { return r < '0' || r > '9' })]
			if num, unit, ok := measure(t.s); ok {
				// "92,51Mbps": a measure, printed with its unit.
				x.add(Claim{What: Count, Count: num, Noun: unit}, i, i)
				x.lastCount = len(x.claims) - 1
				continue
			}
			x.add(Claim{What: Label, Figure: d}, i, i)
		case tNum:
			i = x.number(i)
		case tWord:
			i = x.wordAt(i)
		}
	}
	x.endParts()
	if x.compare >= 0 {
		c := &x.claims[x.compare]
		if b, ok := x.compared[c.Since]; ok && c.Before == "" {
			c.Before = b
		}
		x.compare = -1
	}
}

// wordNumbers are the numerals the press writes as words before a noun;
// "một" (also "a") and "năm" (also "year") are left out.
var wordNumbers = map[string]int{"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}

func (x *extractor) wordAt(i int) int {
	t := x.toks[i]
	next := x.word(i + 1)
	switch {
	case t.low == "trong" && next == "đó", t.low == "gồm" && x.word(i-1) != "bao", t.low == "bao" && next == "gồm" && x.word(i-1) != "chưa" && x.word(i-1) != "không":
		x.endParts()
		// The totals: the counts of this sentence so far, and after "trong
		// đó" those of the sentence before when this one has none.
		p := &partList{gom: t.low != "trong", colon: x.punct(i+2, ":")}
		from := x.sentFirst
		if !p.gom && !x.hasCount(max(x.sentFirst, len(x.claims)-8), len(x.claims)) {
			from = x.prevFirst
		}
		for k := max(from, len(x.claims)-8); k < len(x.claims); k++ {
			if c := &x.claims[k]; c.compared {
				continue // "cao hơn mức 8,5% ...": the figure compared with is no total
			} else if c.What == Count && c.Count != "" {
				p.totals = append(p.totals, k)
			} else if c.What == Percent && !p.gom && c.ChangeKind == NoChange && c.BaseName == "" && c.Of == OfPlan {
				// "năm 2022 là 12,67%. Trong đó, ... 7,77%": a percent of
				// GDP is a quantity its parts add up to.
				c.What, c.Count, c.Percent, c.Figure, c.Points = Count, c.Percent, "", "", true
				c.Key = "|@" + strconv.Itoa(c.Offset) + "|"
				c.Rate = x.rateBefore(c.Offset)
				p.totals = append(p.totals, k)
			}
		}
		if len(p.totals) > 0 {
			x.parts = p
		}
		if next == "đó" || next == "gồm" {
			return i + 1
		}
	case (t.low == "cao" || t.low == "thấp") && next == "hơn", t.low == "vượt" && (next == "mục" || next == "mức"):
		return x.comparison(i)
	case next == "đầu" && (t.low == "dẫn" || t.low == "đứng" || t.low == "xếp" || t.low == "ngôi"):
		x.rankAt(i+1, "1", x.span(i, i+1))
		return i + 1
	case next == "cuối" && (t.low == "đứng" || t.low == "xếp"):
		x.rankWord()
		x.bottom = x.nsent
		return i + 1
	case (t.low == "tiếp" && (next == "đó" || next == "theo") || t.low == "xếp" && next == "sau" || t.low == "kế" && next == "đến") && x.lastRank > 0:
		// "tiếp đó là A (42,13%); B (29,48%)": the places after the last one.
		x.chain, x.chainAt = x.lastRank+1, x.nsent
		return i + 1
	case next == "hoạch" && t.low == "kế", next == "tiêu" && (t.low == "chỉ" || t.low == "mục"):
		x.paraPlan = true // a rate in this paragraph may be of a plan
		return i
	case t.low == "lần" && next == "lượt":
		x.series++
		x.seriesAt = x.nsent
		return i + 1
	case (t.low == "trung" && next == "bình" || t.low == "bình" && next == "quân") && x.series > 0 && x.seriesAt >= x.nsent-1 && x.word(i+2) != "mỗi":
		x.meanFor = x.series
		return i + 1
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
				for k := len(p.members) - 1; k >= 0; k-- {
					if p.members[k] >= c {
						p.members, p.of = slices.Delete(p.members, k, k+1), slices.Delete(p.of, k, k+1)
					}
				}
				p.totals = slices.DeleteFunc(p.totals, func(m int) bool { return m >= c })
				if len(p.totals) == 0 {
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
	next := x.word(i + 1)
	switch {
	case p1 == "thứ" || p1 == "hạng" || p1 == "top":
		// "đứng thứ 6/63", "thứ hạng 6 và 12", "top 10": a place, not a count.
		start := i - 1
		if p2 == "đứng" || p2 == "xếp" {
			start = i - 2
		}
		if p1 == "top" {
			// "top 10 tỉnh, thành phố gồm: ...": ten of them.
			return x.count(i, i, "", i+1)
		}
		if p2 == "lần" || p2 == "năm" {
			// "lần thứ 3", "năm thứ 2": an ordinal, not a place.
			x.add(Claim{What: Label, Figure: t.s}, i, i)
			return i
		}
		x.add(Claim{What: Rank, Figure: x.span(start, i)}, start, i)
		x.rankAt(i, x.toks[i].s, x.span(start, i))
		if x.word(i+1) == "và" && i+2 < x.to && x.toks[i+2].kind == tNum {
			// "thứ 6 và 7": two places.
			x.add(Claim{What: Rank, Figure: x.toks[i+2].s}, i+2, i+2)
			x.rankAt(i+2, x.toks[i+2].s, x.toks[i+2].s)
			return i + 2
		}
		return i
	case x.isDate(i):
		return x.date(i)
	case slashes == 1:
		a, b, _ := strings.Cut(t.s, "/")
		if strings.ContainsRune(a, ',') || strings.ContainsRune(b, ',') {
			// "0,834/1 điểm": a score out of its maximum.
			return x.count(i, i, a, i+1)
		}
		noun, _ := x.noun(i + 1)
		if localityNoun(next) || strings.HasPrefix(a, "0") && len(a) == 2 {
			c := Claim{What: Fraction, Figure: t.s, Noun: noun}
			x.add(c, i, i)
			x.lastFraction = len(x.claims) - 1
			return i
		}
		// "3.857/45.600 tài khoản": a ratio, whose percent may follow.
		c := Claim{What: Count, Count: a, Figure: t.s, Ratio: []string{a, b}, RatioNames: []string{"", noun}}
		return x.countClaim(c, i, i, i+1)
	case isYear(t.s) || yearRange(t.s):
		x.add(Claim{What: Year, Figure: t.s, Deadline: p1 == "năm" && (p2 == "đến" && x.word(i-3) != "từ" || p2 == "trước")}, i, i)
		x.addWhen(t.s)
		return i
	case p1 == "tháng" && len(t.s) <= 2:
		x.add(Claim{What: Date, Figure: x.span(i-1, i), Deadline: p2 == "đến" && x.word(i-3) != "tính" || p2 == "trước"}, i-1, i)
		x.addWhen(x.span(i-1, i))
		return i
	case (p1 == "mức" || p1 == "độ") && !x.punct(i+1, "%") && !strings.ContainsRune(t.s, ',') || p1 == "số" && (p2 == "quyết" || p2 == "định" || p2 == "thị" || p2 == "luật") ||
		namingNoun(p2, p1) && !strings.ContainsAny(t.s, ".,") && !x.punct(i+1, "%") && x.word(i+1) != "triệu" && x.word(i+1) != "tỷ":
		// "mức độ 4", "Đề án 06", "Chỉ tiêu 1 yêu cầu": a number that names.
		x.add(Claim{What: Label, Figure: t.s}, i, i)
		return i
	case (next == "bậc" || next == "hạng") && (p1 == "tăng" || p1 == "giảm"):
		return x.rankChange(i)
	case unitWord(next):
		// "3 sao", "6 tháng đầu năm", "tăng 3 bậc": a class, a period or a
		// step, not a count of things.
		x.add(Claim{What: Label, Figure: x.span(i, i+1)}, i, i+1)
		return i + 1
	}
	if (p1 == "thiểu" && p2 == "tối" || p1 == "nhất" && p2 == "ít") && x.word(i-4) == "mỗi" || x.word(i-3) == "mỗi" && (p1 == "thiểu" || p1 == "nhất") {
		// "3.766 tổ, mỗi tổ tối thiểu 07 người": a minimum per unit of the
		// count before it.
		if c := x.lastCountInClause(); c >= 0 {
			end := x.suffix(i)
			noun, last := x.noun(end + 1)
			x.claims[c].MinPer, x.claims[c].MinNoun = x.span(i, end), noun
			return max(end, last)
		}
	}
	return x.figure(i)
}

// addWhen records a date of the sentence for keys, keeping the last two so
// that a sentence of many dates stays cheap.
func (x *extractor) addWhen(s string) {
	if strings.Count(x.when, " ") >= 2 {
		x.when = x.when[strings.IndexByte(x.when[1:], ' ')+1:]
	}
	x.when += " " + s
}

func (x *extractor) date(i int) int {
	p1, p2, p3 := x.word(i-1), x.word(i-2), x.word(i-3)
	deadline := p1 == "trước" || p2 == "trước" || p1 == "ngày" && p2 == "đến" && p3 != "tính" || p1 == "đến" && p2 != "tính"
	x.add(Claim{What: Date, Figure: x.toks[i].s, Deadline: deadline}, i, i)
	x.addWhen(x.toks[i].s)
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
	// "từ 10- 20%": a range printed with a space after the dash.
	if x.punct(end+1, "-") && end+2 < x.to && x.toks[end+2].kind == tNum && x.toks[end+1].at == x.toks[end].at+len(x.toks[end].s) {
		end = x.suffix(end + 2)
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
	for range 2 { // "318,9 ngàn tỷ"
		switch x.word(i + 1) {
		case "nghìn", "ngàn", "triệu", "tỷ", "tỉ":
			i++
		}
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
	if x.punct(last+1, "/") && last+3 < x.to && x.toks[last+2].s == "100" && (x.word(last+3) == "dân" || x.word(last+3) == "người") && c.Percent == "" {
		// "22 triệu thuê bao (tương ứng với 22,15 thuê bao/100 dân)": a rate
		// per hundred residents is a percent of the population, of the count
		// before it with the same noun.
		for k := len(x.claims) - 1; k >= x.sentFirst && k >= len(x.claims)-8; k-- {
			if o := &x.claims[k]; o.What == Count && o.Percent == "" && sameNoun(o.Noun, noun) {
				o.Percent, o.Of, o.BaseName, o.PerHundred = c.Count+"%", OfPopulation, x.span(last+2, last+3), true
				o.BaseKey = "100 " + x.word(last+3) + "@" + strconv.Itoa(x.para)
				return last + 3
			}
		}
	}
	if x.before != "" && x.word(start-1) == "lên" {
		c.Before, x.before = x.before, ""
	}
	if x.planBefore(start) {
		c.Plan = true
	}
	if w := x.word(start - 1); w == "tổng" || x.word(start-2) == "tổng" && (w == "số" || w == "cộng" || w == "điểm") {
		c.tong = true
	}
	if x.word(start-1) == "số" && x.word(start-2) == "trong" {
		c.ClassTotal = true // "trong số 63 tỉnh, thành phố có 5 ...; 7 ...": the classes make up 63
	}
	x.add(c, start, end)
	idx := len(x.claims) - 1
	x.listCount(idx, start, max(end, last)+1)
	if c.tong && x.parts == nil {
		x.totalAfter(idx, start)
	}
	if p := x.parts; p != nil && !slices.Contains(p.totals, idx) && x.compare < 0 {
		if tot := x.totalFor(p, x.claims[idx].Noun); tot >= 0 {
			total := &x.claims[tot]
			x.claims[idx].PartOf = total.Key
			if x.claims[idx].Noun == "" {
				x.claims[idx].Key += total.Noun
			}
			p.members, p.of = append(p.members, idx), append(p.of, tot)
		}
	}
	x.lastCount = idx
	return max(end, last)
}

// planBefore reports whether the words just before token start in its
// clause print a plan: "kế hoạch giao 700", "Chỉ tiêu 3 đặt ra 66.000",
// "mục tiêu 1.000".
func (x *extractor) planBefore(start int) bool {
	for k := start - 1; k >= max(x.from, start-6); k-- {
		if clauseBreak(x.toks[k]) || x.toks[k].kind == tNum && k < start-1 && !isLabelTok(x, k) {
			return false
		}
		switch x.word(k) {
		case "giao", "ra":
			if x.word(k-1) == "đặt" || x.word(k) == "giao" {
				return true
			}
		case "hoạch", "tiêu":
			if x.word(k-1) == "kế" || x.word(k-1) == "chỉ" || x.word(k-1) == "mục" {
				return true
			}
		}
	}
	return false
}

// isLabelTok reports whether number token k was read as a label.
func isLabelTok(x *extractor, k int) bool {
	for c := len(x.claims) - 1; c >= 0 && c >= len(x.claims)-3; c-- {
		if x.claims[c].Offset == x.toks[k].at {
			return x.claims[c].What == Label
		}
	}
	return false
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
	if p := x.parts; p != nil && c.Of == OfPlan && !chiem && x.word(start-1) != "tỷ" && x.word(start-1) != "tỉ" {
		if noun, last := x.noun(end + 1); noun != "" && !unitWord(lower(noun)) {
			// "trong đó 67,3% sản phẩm 3 sao": a share of the total.
			if tot := x.totalFor(p, noun); tot >= 0 && !strings.HasSuffix(x.claims[tot].Count, "%") {
				x.add(Claim{What: Percent, Percent: text, Figure: text, Noun: noun, Of: OfTotal, PartOf: x.claims[tot].Key}, start, end)
				p.members, p.of = append(p.members, len(x.claims)-1), append(p.of, tot)
				return last
			}
		} else if tot := p.totals[len(p.totals)-1]; strings.HasSuffix(x.claims[tot].Count, "%") {
			// "Trong đó, ngành A đóng góp 7,77% (chiếm 61,29%)": a part in
			// points of the percent it is part of.
			return x.countClaim(Claim{What: Count, Count: text, Points: true}, start, end, end+1)
		}
	}
	// A ratio in brackets after the percent: "(120/200 hộ)".
	if x.punct(end+1, "(") {
		if ratio, names, last := x.ratio(end + 2); len(ratio) >= 2 {
			c.Ratio, c.RatioNames, end = ratio, names, last
		}
	}
	target := x.lastCountInClause()
	if target >= 0 && x.classBound(target, text, start) {
		return end
	}
	if x.punct(start-1, "(") && start >= 2 && x.toks[start-2].kind == tWord && upper(x.toks[start-2].s) {
		target = -1 // "Tây Ninh (5,78%)": the value of the name before it
	}
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
	t.Percent, t.Of, t.BaseName, t.BaseKey = c.Percent, c.Of, c.BaseName, c.BaseKey
	if len(c.Ratio) > 0 || len(t.Ratio) == 0 {
		t.Ratio, t.RatioNames = c.Ratio, c.RatioNames
	}
	if len(t.Ratio) > 0 {
		t.Of = OfPlan // "3.857/45.600 tài khoản, đạt tỷ lệ 8%": the ratio says what it is of
	}
	if c.Of == OfPlan && c.BaseName != "" {
		// "Chỉ tiêu 3 đặt ra 66.000 hồ sơ ...; ... 21.458 hồ sơ, đạt 33% chỉ
		// tiêu": the plan printed before in the sentence.
		for k := target - 1; k >= x.sentFirst && k >= target-8; k-- {
			if o := x.claims[k]; o.What == Count && o.Plan && sameNoun(o.Noun, t.Noun) {
				t.PlanCount = o.Count
				break
			}
		}
	}
	if c.Of == OfTotal && t.PartOf == "" && x.word(end+1) != "tổng" {
		// A share of the count printed before it in the sentence with the
		// same noun, or with none ("chiếm X% tổng số ..." names a total not
		// printed).
		for k := target - 1; k >= x.sentFirst && k >= target-8; k-- {
			if o := x.claims[k]; o.What == Count && o.Count != "" && (o.Noun == "" || t.Noun == "" || sameNoun(o.Noun, t.Noun)) {
				t.PartOf = o.Key
				break
			}
		}
	}
	if c.Of == OfPlan && c.BaseName == "" && t.PartOf == "" && len(t.Ratio) == 0 && x.tyLe(start) && !x.paraPlan {
		// "mới có 304.191 tài khoản đã kích hoạt, đạt tỉ lệ 20,3%": a rate
		// with no plan printed is of the count before it with the same
		// noun, in the sentence, or else in the one before.
		for k := target - 1; k >= x.prevFirst && k >= target-8; k-- {
			if o := x.claims[k]; o.What == Count && o.Count != "" && sameNoun(o.Noun, t.Noun) && t.Noun != "" {
				t.PartOf, t.Of = o.Key, OfTotal
				break
			}
		}
	}
	if c.Of == OfPlan && c.BaseName == "" && t.PartOf != "" && len(t.Ratio) == 0 && x.tyLe(start) && !x.paraPlan {
		t.Of = OfTotal // a part's rate is its share of the total
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
	since, before, by := "", "", ""
	if x.word(j) == "so" && x.word(j+1) == "với" {
		k := j + 2
		for k < x.to && x.toks[k].kind != tPunct && x.word(k) != "với" && k < j+12 {
			k++
		}
		if k > j+2 {
			since = x.span(j+2, k-1)
		}
		// "so với năm 2023 (0,7326)": the earlier value in brackets.
		if x.punct(k, "(") && k+2 < x.to && x.toks[k+1].kind == tNum && x.punct(k+2, ")") {
			before = x.toks[k+1].s
			end = k + 2
		}
		// "so với cùng kỳ với mức tăng 8,12 triệu thuê bao": the change as a count.
		if x.word(k) == "với" && x.word(k+1) == "mức" && (x.word(k+2) == "tăng" || x.word(k+2) == "giảm") && k+3 < x.to && x.toks[k+3].kind == tNum {
			by = x.span(k+3, x.suffix(k+3))
			end = x.suffix(k + 3)
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
	if before != "" && t.Before == "" {
		t.Before = before
	}
	t.By = by
	t.Fragment = x.fragment(t.Offset)
	return end
}

// tyLe reports whether "tỷ lệ" (or "tỉ lệ") is printed just before the
// percent at token start: "đạt tỷ lệ 22,33%".
func (x *extractor) tyLe(start int) bool {
	for k := start - 1; k >= max(x.from, start-3); k-- {
		if x.word(k) == "lệ" && (x.word(k-1) == "tỷ" || x.word(k-1) == "tỉ") {
			return true
		}
	}
	return false
}

// lastCountInClause returns the last count claim of the sentence after the
// last ";", or -1.
func (x *extractor) lastCountInClause() int {
	for k := len(x.claims) - 1; k >= x.clauseFrom && k >= len(x.claims)-16; k-- {
		if x.claims[k].What == Count {
			return k
		}
	}
	return -1
}

// add appends c, printed from token start to end, with its offset,
// fragment and key.
func (x *extractor) add(c Claim, start, end int) {
	defer x.placeValue(len(x.claims), start)
	defer x.pending(len(x.claims))
	c.Offset = x.toks[start].at
	c.sent = x.nsent
	if x.series > 0 && x.seriesAt == x.nsent && (c.What == Count || c.What == Percent) && c.ChangeKind == NoChange {
		c.Series = x.series
	}
	if x.meanFor > 0 && (c.What == Count || c.What == Percent) {
		c.MeanOf, c.Series, x.meanFor = x.meanFor, 0, 0
	}
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
	offset = min(max(offset, a), b)
	// The clause, within a bounded window around the figure.
	lo, hi := max(a, offset-fragmentBefore), min(b, offset+fragmentAfter)
	start, end := lo, hi
	cutStart, cutEnd := lo > a, hi < b
	if j := strings.LastIndexAny(x.text[lo:offset], ";:"); j >= 0 {
		start, cutStart = lo+j+1, false
	}
	if k := strings.IndexByte(x.text[offset:hi], ';'); k >= 0 {
		end, cutEnd = offset+k, false
	}
	if cutStart {
		if sp := strings.IndexByte(x.text[start:offset], ' '); sp >= 0 {
			start += sp + 1
		}
		for start < offset && !utf8.RuneStart(x.text[start]) {
			start++
		}
	}
	if cutEnd {
		if sp := strings.LastIndexByte(x.text[offset:end], ' '); sp > 0 {
			end = offset + sp
		}
		for end > offset && end < len(x.text) && !utf8.RuneStart(x.text[end]) {
			end--
		}
	}
	out := strings.TrimRight(strings.TrimSpace(x.text[start:end]), ".")
	if cutStart {
		out = "…" + out
	}
	if cutEnd {
		out += "…"
	}
	return out
}

// The window of text a fragment quotes around its figure, in bytes:
// findings quote a bounded excerpt, never a whole long sentence.
const (
	fragmentBefore = 240
	fragmentAfter  = 240
)

// connectives open a clause without saying what is counted.
var connectives = [][]string{{"trong", "đó"}, {"bao", "gồm"}, {"gồm"}, {"tính", "đến", "nay"}, {"đến", "nay"}, {"hiện", "nay"}, {"hiện"}, {"đồng", "thời"},
	{"ngoài", "ra"}, {"theo", "đó"}, {"cụ", "thể"}, {"bên", "cạnh", "đó"}}

// key is what the count at token start measures: the dates of the sentence
// so far, the clause's words before it, and its noun.
func (x *extractor) key(start int, noun string) string {
	a := start
	for a > x.from && a > start-12 && !clauseBreak(x.toks[a-1]) && !x.punct(a-1, ";") {
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

func isMagnitude(words string) bool { _, ok := figure.Magnitude(words); return ok }
