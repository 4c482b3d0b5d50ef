package claim

import (
	"errors"
	"math/big"
	"slices"
	"strconv"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
)

// Claim is one printed statement to check: a count, and optionally the
// percent printed with it. A hand-written claim needs only the first five
// fields; [Extract] fills the others from text.
type Claim struct {
	Fragment string // the text as printed, to name the claim in findings
	Key      string // what the count measures, e.g. "cong_dan_so@20"; equal keys must agree
	Count    string // the count as printed: "hơn 217.000"
	Percent  string // the percent printed with it, or "": "144%"
	PartOf   string // the Key of the total this count is a part of, or ""

	What       Kind      // what the claim states; the zero value is a count
	Figure     string    // the figure as printed when it is not Count: "23/3", "19/218", "2025", "ba"
	Noun       string    // what is counted, as printed: "tài khoản", "người"
	Of         PercentOf // what figure.Percent is of
	BaseName   string    // the words naming the base, as printed: "kế hoạch", "dân số"; "" when not printed
	BaseKey    string    // claims whose percents are of one population share it; their bases must meet
	Exhaustive bool      // with PartOf: the parts printed together make up the whole total
	Ratio      []string  // counts printed beside figure.Percent as a ratio, numerator first: "120", "200"
	RatioNames []string  // the noun after each of Ratio, or "": the name of each candidate base
	Rest       string    // with a Fraction: the rest printed, "199" in "199 địa phương còn lại"
	Change     string    // a change printed with the count: "8,6%", "8.221", "3" (with Multiple)
	ChangeKind Change    // what Change is
	Before     string    // the earlier count the change is from, when printed ("từ 110.000 lên 120.000")
	Since      string    // what the change is measured against, as printed: "năm 2023", "cùng kỳ"
	Deadline   bool      // with a figure.Date or Year: a date by which something is to be done
	Offset     int       // with Extract: the byte offset of the figure in the text
	Plan       bool      // a count printed as a plan: "kế hoạch giao 700 tài khoản", "Chỉ tiêu 3 đặt ra 66.000 hồ sơ"
	PlanCount  string    // with a percent of plan: the plan printed for the count in its sentence, as printed
	Names      []string  // with a count: the names listed after it ("10 địa phương gồm: A, B, ..."), as printed
	Series     int       // figures printed as one series ("lần lượt là 12,66%, 12,87% và 13,17%") share a number > 0
	MeanOf     int       // a figure printed as the mean ("trung bình", "bình quân") of the series with that number
	Detail     string    // the words after the noun that narrow it: "trực tuyến" in "hồ sơ trực tuyến"
	Points     bool      // Count is a percent read as a quantity in points: "12,67%" of GDP, with its parts "7,77%" and "4,91%"
	NamesWhole bool      // Names is the whole list: in brackets or after a colon
	By         string    // with a percent Change: the change as a count, printed with it ("với mức tăng 8,12 triệu thuê bao")
	Ranking    int       // values of one ranking (paragraphs with "dẫn đầu", "đứng thứ 2", ...) share a number > 0
	RankPos    int       // with Ranking: the place printed for the value, or 0
	RankText   string    // the place as printed: "đứng thứ 6", "dẫn đầu"
	Bottom     int       // values listed after "đứng cuối ... là" in one sentence share a number > 0
	Class      bool      // a bound of a class ("trên 20%", "dưới 5%"), not a value
	ClassBound string    // a count of units in a class: its bound, "trên 20%", "từ 10- 20%", "dưới 5%"
	ClassTotal bool      // the units the classes after it make up: "trong số 63 tỉnh, thành phố có ..."
	Rate       bool      // a percent total that is a rate ("tỷ lệ ... đạt 39,98%, trong đó khối bộ đạt 54,46%"): its parts are its blocks' rates

	sent int // with Extract: the sentence, counted from 1
}

// Kind is what a claim states.
type Kind uint8

// The kinds of claim. Only counts, percents, fractions and changes are
// checked against each other; the others are read so that nothing printed
// is dropped, and can be checked against data ([CheckRank]).
const (
	Count      Kind = iota // a count, maybe with a percent: "hơn 217.000 tài khoản, đạt 144% kế hoạch"
	Percent                // a percent printed with no count: "đạt tỷ lệ 100% cài đặt chữ ký số"
	Fraction               // localities: "19/218 địa phương", with Rest
	Date                   // "23/3", "28/9/2021"; Deadline when something is due by it
	Year                   // "năm 2025"
	Rank                   // "đứng thứ 3 toàn quốc"
	Label                  // a number naming a thing: "Nghị quyết số 52-NQ/TU", "định danh mức 2"
	Comparison             // "A, cao hơn D so với B": Figure is A, Before B, Change D (or ""), ChangeKind Increase or Decrease
)

var claimKindNames = [...]string{"count", "percent", "fraction", "date", "year", "rank", "label", "comparison"}

// String returns the claim kind's English name, for programs and tests.
func (k Kind) String() string {
	if int(k) < len(claimKindNames) {
		return claimKindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// PercentOf is what a printed percent is of.
type PercentOf uint8

// The bases. The zero value, OfPlan, is how a bare "đạt 60%" reads in
// reports on plans.
const (
	OfPlan       PercentOf = iota // the plan: "kế hoạch", "chỉ tiêu", or no base printed
	OfPopulation                  // a population the text names: "dân số", "người trưởng thành", "hộ"
	OfTotal                       // "chiếm 62,20%": a share of the total the claim is PartOf
)

// Change is what a printed change measures.
type Change uint8

// The changes.
const (
	NoChange Change = iota
	Increase        // "tăng 8.221 tài khoản", "tăng 8,6% so với năm 2023"
	Decrease        // "giảm 5%"
	Multiple        // "gấp 3 lần so với năm 2023"
)

// parsed is a claim with its figures read.
type parsed struct {
	*Claim
	count, pct figure.Figure
	rest       figure.Figure   // with Rest
	before     figure.Figure   // with Before
	change     figure.Figure   // with Change
	fraction   figure.Figure   // with a Fraction
	ratio      []figure.Figure // with Ratio
	hasCount   bool
	hasPct     bool
	base       figure.Interval // count / (pct/100), when hasPct
}

var (
	hundred = big.NewRat(100, 1)
	one     = big.NewRat(1, 1)
)

// Check checks claims against each other by interval arithmetic and returns
// every finding, in a deterministic order (the order of the claims within
// each kind of finding):
//   - numbers that cannot be read (the claim is then left out of every
//     other check, and reported once);
//   - a key printed twice with different figures;
//   - the plan (or population) each count and percent imply, once per key;
//   - percents of one population (same BaseKey): the bases they imply
//     must meet;
//   - a percent printed with a ratio ("đạt 60% (120/200 hộ)"): the bases
//     it can be of;
//   - for each total, its parts: exhaustive parts must add up to it and
//     give its percent of plan; other parts must not exceed it; a share
//     ("chiếm 62,20%") must fit it;
//   - changes ("tăng 8,6% so với năm 2023"), against the earlier count
//     when it is printed, else the earlier count they imply;
//   - fractions of localities against their rest.
//
// Check never passes silently: every checkable claim yields a finding.
func CheckClaims(claims []Claim) []Finding {
	var out []Finding
	var ok []*parsed
	cache := figureCache{}
	for i := range claims {
		p, bad := parseClaim(&claims[i], cache)
		if bad != nil {
			out = append(out, *bad)
			continue
		}
		ok = append(ok, p)
	}
	// Claims by key, in the order first printed.
	byKey := map[string][]*parsed{}
	var keys []string
	for _, p := range ok {
		if !p.hasCount || p.Key == "" {
			continue
		}
		if _, seen := byKey[p.Key]; !seen {
			keys = append(keys, p.Key)
		}
		byKey[p.Key] = append(byKey[p.Key], p)
	}
	out = append(out, repeats(ok, keys, byKey)...)
	// Implied plans and populations: once per key and base.
	type keyBase struct {
		key  string
		of   PercentOf
		name string
	}
	done := map[keyBase]bool{}
	for _, p := range ok {
		if !p.hasPct || !p.hasCount || p.Of == OfTotal || len(p.Ratio) > 0 || p.count.Kind != figure.Count {
			continue
		}
		kb := keyBase{p.Key, p.Of, p.BaseName}
		if p.Key != "" && done[kb] {
			continue
		}
		done[kb] = true
		out = append(out, impliedBase(p))
	}
	out = append(out, sameBases(ok)...)
	for _, p := range ok {
		if len(p.Ratio) > 0 && p.hasPct {
			out = append(out, ratioBases(p))
		}
	}
	out = append(out, totals(ok, byKey)...)
	for _, p := range ok {
		if p.ChangeKind != NoChange && p.hasCount {
			out = append(out, change(p))
		}
		if p.What == Fraction && p.Rest != "" {
			out = append(out, localities(p))
		}
		if len(p.Names) > 0 && p.hasCount {
			out = append(out, names(p))
		}
	}
	out = append(out, sameDenominators(ok)...)
	for _, p := range ok {
		if p.What == Comparison {
			if f, ok := compare(p, cache); ok {
				out = append(out, f)
			}
		}
	}
	out = append(out, means(ok)...)
	out = append(out, orders(ok)...)
	out = append(out, classes(ok)...)
	out = append(out, breakdowns(ok, byKey)...)
	return out
}

// parseClaim reads a claim's figures, or returns the finding that one of
// them is malformed.
func parseClaim(c *Claim, cache figureCache) (*parsed, *Finding) {
	p := &parsed{Claim: c}
	var err error
	var failed string // the figure that could not be read
	read := func(text string, kinds ...figure.Kind) figure.Figure {
		if err != nil || text == "" {
			return figure.Figure{}
		}
		var f figure.Figure
		f, err = cache.parse(text)
		if err == nil && !slices.Contains(kinds, f.Kind) {
			err = &figure.Error{Input: text, Reason: numeral.Words{Vi: "không phải " + kindWords[kinds[0]].Vi, En: "not a " + kindWords[kinds[0]].En}}
		}
		if err != nil {
			failed = text
		}
		return f
	}
	bad := func() *Finding {
		text := failed
		var fe *figure.Error
		vi, en := err.Error(), err.Error()
		if errors.As(err, &fe) {
			vi = "số " + quote(fe.Input) + " viết sai: " + fe.Reason.Vi
			en = "the number " + quote(fe.Input) + " is malformed: " + fe.Reason.En
		}
		f := newFinding(Malformed, false, figure.Interval{}, []string{c.Fragment}, []string{text}, "%s", "%s", both{Vi: vi, En: en})
		return &f
	}
	switch c.What {
	case Comparison:
		return p, nil // read by its check, whose figures may be of either kind
	case Count:
		if c.Points {
			p.count = read(c.Count, figure.Percent)
		} else {
			p.count = read(c.Count, figure.Count)
		}
		p.hasCount = err == nil && c.Count != ""
	case Percent:
		p.pct = read(c.Percent, figure.Percent)
		p.hasPct = err == nil && c.Percent != ""
	case Fraction:
		if p.fraction, err = figure.ParseFraction(c.Figure); err != nil {
			failed = c.Figure
			return nil, bad()
		}
	}
	if err != nil {
		return nil, bad()
	}
	if c.Percent != "" && c.What == Count {
		p.pct = read(c.Percent, figure.Percent)
		p.hasPct = err == nil
		if err != nil {
			return nil, bad()
		}
	}
	p.rest, p.before, p.change = read(c.Rest, figure.Count), read(c.Before, figure.Count), read(c.Change, figure.Count, figure.Percent)
	if c.By != "" {
		read(c.By, figure.Count)
	}
	for _, s := range c.Ratio {
		p.ratio = append(p.ratio, read(s, figure.Count))
	}
	if err != nil {
		return nil, bad()
	}
	if p.hasPct {
		p.base = p.count.Range.Div(p.pct.Range.Scale(big.NewRat(1, 100)))
	}
	return p, nil
}

func quote(s string) string { return "«" + s + "»" }

// kindWords name the kinds of figure in English and Vietnamese, for the
// finding that a figure is not of the kind its place needs.
var kindWords = [...]numeral.Words{
	figure.Count: {Vi: "số đếm", En: "count"}, figure.Percent: {Vi: "tỷ lệ phần trăm", En: "percent"},
	figure.Date: {Vi: "ngày", En: "date"}, figure.Fraction: {Vi: "phân số", En: "fraction"},
}

// baseWords names a claim's base in each language.
func baseWords(p *parsed) both {
	switch {
	case p.BaseName != "":
		return both{Vi: p.BaseName, En: "«" + p.BaseName + "»"}
	case p.Of == OfPlan:
		return both{Vi: "kế hoạch", En: "the plan"}
	}
	return both{Vi: "cơ sở", En: "the base"}
}

func impliedBase(p *parsed) Finding {
	base := baseWords(p)
	kind := ImpliedPlan
	if p.Of == OfPopulation {
		kind = ImpliedBase
	}
	if p.PlanCount != "" {
		// The plan is printed: the one implied must hold it.
		if plan, err := figure.Parse(p.PlanCount); err == nil && plan.Kind == figure.Count {
			return newFinding(kind, p.base.Meets(plan.Range), p.base, []string{p.Fragment}, []string{p.count.Text, p.pct.Text, plan.Text},
				"%s là %s %s nên %s nằm trong %s; bài in %s %s", "%s being %s of %s implies %s in %s; printed %s %s",
				p.count.Text, p.pct.Text, base, base, span{p.base, 0}, base, plan.Text).at(p)
		}
	}
	return newFinding(kind, !p.base.IsEmpty(), p.base, []string{p.Fragment}, []string{p.count.Text, p.pct.Text},
		"%s là %s %s nên %s nằm trong %s", "%s being %s of %s implies %s in %s",
		p.count.Text, p.pct.Text, base, base, span{p.base, 0}).at(p)
}

// sameBases checks that percents of one population imply bases that meet.
func sameBases(ps []*parsed) []Finding {
	groups := map[string][]*parsed{}
	var order []string
	for _, p := range ps {
		if !p.hasPct || !p.hasCount || p.BaseKey == "" || len(p.Ratio) > 0 {
			continue
		}
		if _, seen := groups[p.BaseKey]; !seen {
			order = append(order, p.BaseKey)
		}
		groups[p.BaseKey] = append(groups[p.BaseKey], p)
	}
	var out []Finding
	for _, k := range order {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		meet := g[0].base
		var claims, figures []string
		for _, p := range g {
			meet = meet.Intersect(p.base)
			claims = append(claims, p.Fragment)
			figures = append(figures, p.count.Text, p.pct.Text)
		}
		base := baseWords(g[0])
		out = append(out, newFinding(SameBase, !meet.IsEmpty(), meet, claims, figures,
			"%d số liệu cùng tính theo %s: %s chung của chúng nằm trong %s", "%d figures are percents of one %s: the %s they share lies in %s",
			len(g), base, base, span{meet, 0}))
	}
	return out
}

// ratioBases checks a percent printed with a ratio ("60% (120/200 hộ)",
// "5% (109 tài khoản/2.180 chỉ tiêu/6.000 dân)"): it holds when the
// numerator over at least one of the denominators rounds to the percent.
func ratioBases(p *parsed) Finding {
	num := p.ratio[0]
	var fits int
	var each []Finding
	var fit figure.Interval
	for i, d := range p.Ratio[1:] {
		den := p.ratio[i+1]
		share := num.Range.Div(den.Range).Scale(hundred)
		name := d
		if n := p.RatioNames[i+1]; n != "" {
			name = d + " " + n
		}
		if share.Meets(p.pct.Range) {
			fits++
			if fit.IsEmpty() {
				fit = share
			}
		}
		each = append(each, newFinding(RatioPercent, true, share, nil, nil, "%s/%s là %s%%", "%s/%s is %s%%", p.Ratio[0], name, span{share, 2}))
	}
	return newFinding(RatioPercent, fits > 0, fit, []string{p.Fragment}, append([]string{p.pct.Text}, p.Ratio...),
		"bài in %s; %s", "printed %s; %s", p.pct.Text, each)
}

// totals checks each total against its parts and shares.
func totals(ps []*parsed, byKey map[string][]*parsed) []Finding {
	parts := map[string][]*parsed{}
	var order []string
	seen := map[string]bool{}
	for _, p := range ps {
		if p.PartOf == "" || !p.hasCount && !(p.What == Percent && p.hasPct) || seen[p.Key] && p.Key != "" {
			continue
		}
		seen[p.Key] = true
		if _, ok := parts[p.PartOf]; !ok {
			order = append(order, p.PartOf)
		}
		parts[p.PartOf] = append(parts[p.PartOf], p)
	}
	var out []Finding
	for _, tk := range order {
		if len(byKey[tk]) == 0 {
			continue
		}
		total := byKey[tk][0]
		if total.Rate {
			out = append(out, between(total, parts[tk])...)
			continue
		}
		var listed, shares []*parsed
		for _, p := range parts[tk] {
			if p.Of == OfTotal && p.hasPct && p.hasCount {
				out = append(out, share(p, total))
				shares = append(shares, p)
			}
			if p.What == Percent || !(p.Of == OfTotal && p.hasPct) || p.count.Kind == figure.Percent {
				listed = append(listed, p)
			}
		}
		if len(listed) > 0 {
			out = append(out, partsSum(total, listed)...)
		}
		if len(shares) >= 2 {
			out = append(out, sharesSum(total, shares))
		}
	}
	return out
}

func share(p, total *parsed) Finding {
	s := p.count.Range.Div(total.count.Range).Scale(hundred)
	return newFinding(Share, s.Meets(p.pct.Range), s, []string{total.Fragment, p.Fragment}, []string{total.count.Text, p.count.Text, p.pct.Text},
		"%s trên tổng %s là %s%%; bài in %s", "%s of the total %s is %s%%; printed %s",
		p.count.Text, total.count.Text, span{s, 2}, p.pct.Text)
}

// sharesSum checks that the shares of one total ("chiếm 61,29%", "chiếm
// 38,71%") add up to at most 100%.
func sharesSum(total *parsed, ps []*parsed) Finding {
	sum := ps[0].pct.Range
	claims, figures := []string{total.Fragment}, []string{total.count.Text}
	for i, p := range ps {
		if i > 0 {
			sum = sum.Add(p.pct.Range)
		}
		claims, figures = append(claims, p.Fragment), append(figures, p.pct.Text)
	}
	return newFinding(PartsSum, atMost(sum, figure.Point(hundred)), sum, claims, figures,
		"các tỷ trọng cộng lại %s%%, không được vượt 100%%", "the shares add up to %s%%, at most 100%%", span{sum, 2})
}

// atMost reports whether the least value of a can be at most the greatest
// of b.
func atMost(a, b figure.Interval) bool {
	if a.IsEmpty() || b.IsEmpty() || b.Hi == nil {
		return true
	}
	c := a.Lo.Cmp(b.Hi)
	return c < 0 || c == 0 && !a.LoOpen && !b.HiOpen
}

// partValue is what a part adds to its total: its count, or its share of
// the total ("67,3% sản phẩm 3 sao").
func partValue(p, total *parsed) (figure.Interval, string) {
	if p.What == Percent {
		return p.pct.Range.Scale(big.NewRat(1, 100)).Mul(total.count.Range), p.pct.Text
	}
	return p.count.Range, p.count.Text
}

func partsSum(total *parsed, ps []*parsed) []Finding {
	claims := []string{total.Fragment}
	figures := []string{total.count.Text}
	exhaustive := true
	var vals []figure.Interval
	for _, p := range ps {
		v, text := partValue(p, total)
		vals = append(vals, v)
		claims, figures = append(claims, p.Fragment), append(figures, text)
		exhaustive = exhaustive && p.Exhaustive
	}
	if !exhaustive {
		// Parts that need not be all of the total may overlap: each must
		// not exceed it, and the finding says what they add up to.
		sum := vals[0]
		for i, v := range vals {
			if i > 0 {
				sum = sum.Add(v)
			}
			if !atMost(v, total.count.Range) {
				return []Finding{newFinding(PartsSum, false, v, []string{total.Fragment, ps[i].Fragment}, []string{total.count.Text, figures[i+1]},
					"một phần %s lớn hơn tổng %s", "a part, %s, exceeds the total %s", figures[i+1], total.count.Text)}
			}
		}
		return []Finding{newFinding(PartsSum, true, sum, claims, figures,
			"các phần cộng lại ít nhất %s; mỗi phần không vượt tổng %s (%s)", "the parts add up to at least %s; none exceeds the total %s (%s)",
			span{sum, 0}, total.count.Text, span{total.count.Range, 0})}
	}
	// Exhaustive parts add up to the total; when a first few of them do,
	// those are the breakdown and the rest another ("12.516 trực tuyến;
	// 38.613 trực tiếp; 4.910 chuyển sang; 48.249 đã giải quyết ...").
	sum := vals[0]
	for n := 1; n <= len(vals); n++ {
		if n > 1 {
			sum = sum.Add(vals[n-1])
		}
		if n >= 2 && n < len(vals) && sum.Meets(total.count.Range) {
			return []Finding{newFinding(PartsSum, true, sum, claims[:n+1], figures[:n+1],
				"%d phần đầu cộng lại được %s, đúng tổng %s", "the first %d parts sum to %s, the total %s",
				whole(n), span{sum, 0}, total.count.Text)}
		}
	}
	out := []Finding{newFinding(PartsSum, sum.Meets(total.count.Range), sum, claims, figures,
		"các phần cộng lại được %s, tổng %s cho phép %s", "the parts sum to %s, the total %s allows %s",
		span{sum, 0}, total.count.Text, span{total.count.Range, 0})}
	if !total.hasPct || total.Of != OfPlan {
		return out
	}
	plans := figure.Interval{}
	for i, p := range ps {
		if !p.hasPct || p.Of != OfPlan || p.What != Count {
			return out
		}
		if i == 0 {
			plans = p.base
		} else {
			plans = plans.Add(p.base)
		}
	}
	pct := sum.Div(plans).Scale(hundred)
	return append(out, newFinding(OverallPercent, pct.Meets(total.pct.Range), pct, claims, append(figures, total.pct.Text),
		"các phần cộng lại đạt %s%% kế hoạch (các kế hoạch cộng lại %s), nhưng bài in %s, tức %s%%",
		"the parts give %s%% of their plans (the plans sum to %s), but the total prints %s, i.e. %s%%",
		span{pct, 1}, span{plans, 0}, total.pct.Text, span{total.pct.Range, 1}))
}

// between checks an overall rate against its blocks' rates ("tỷ lệ ...
// đạt 39,98%, trong đó khối bộ đạt 54,46%, khối tỉnh 16,94%"): a rate of
// the whole is a weighted mean of the blocks' rates, so it lies between
// the least and the greatest of them.
func between(total *parsed, ps []*parsed) []Finding {
	if len(ps) < 2 {
		return nil
	}
	lo, hi := ps[0].count.Range, ps[0].count.Range
	figures := []string{total.count.Text}
	claims := []string{total.Fragment}
	for _, p := range ps {
		if p.count.Range.Lo.Cmp(lo.Lo) < 0 {
			lo = p.count.Range
		}
		if p.count.Range.Hi != nil && hi.Hi != nil && p.count.Range.Hi.Cmp(hi.Hi) > 0 {
			hi = p.count.Range
		}
		figures, claims = append(figures, p.count.Text), append(claims, p.Fragment)
	}
	r := figure.Interval{Lo: lo.Lo, LoOpen: lo.LoOpen, Hi: hi.Hi, HiOpen: hi.HiOpen}
	return []Finding{newFinding(Between, r.Meets(total.count.Range), r, claims, figures,
		"tỷ lệ chung %s phải nằm giữa tỷ lệ các khối, %s", "the overall rate %s must lie between the blocks' rates, %s",
		total.count.Text, span{r, 2})}
}

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
// print more than once; the figures are only read, never changed.
type figureCache map[string]figure.Figure

func (m figureCache) parse(text string) (figure.Figure, error) {
	if f, ok := m[text]; ok {
		return f, nil
	}
	f, err := figure.Parse(text)
	if err == nil {
		m[text] = f
	}
	return f, err
}
