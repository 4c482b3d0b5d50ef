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
	MinPer     string    // a minimum per unit of the count: "07" in "3.766 tổ, mỗi tổ tối thiểu 07 người"
	MinNoun    string    // what the minimum counts: "người"
	PerHundred bool      // Percent was printed as a rate per hundred people: "22,15 thuê bao/100 dân"
	Rate       bool      // a percent total that is a rate ("tỷ lệ ... đạt 39,98%, trong đó khối bộ đạt 54,46%"): its parts are its blocks' rates

	sent     int  // with Extract: the sentence, counted from 1
	tong     bool // printed as a total: "tổng số 1.000", "tổng cộng 1.000"
	compared bool // the figure a comparison is against ("cao hơn mức 8,5%"): no total, no part
	partial  bool // with Exhaustive: only their nouns say the parts are all of the total ("gồm", "trong đó:", "tổng" would)
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

// CheckClaims checks claims against each other by interval arithmetic
// and returns every finding, in a deterministic order (the order of the
// claims within each kind of finding). Each check has its file and its
// JSON id, the kind of relation of the press corpus it tests:
//   - malformed: numbers that cannot be read (the claim is then left out
//     of every other check, and reported once);
//   - repeat (repeat.go): a key printed twice with different counts fails;
//     figures that can be one value are reported as agreeing;
//   - implied-plan (implied.go): the plan (or population) each count and
//     percent imply, once per key, against the plan printed;
//   - same-base (samebase.go): percents of one population (same BaseKey)
//     imply bases that must meet;
//   - ratio-percent (ratio.go): a percent printed with a ratio;
//   - parts-sum, share, overall-percent (parts.go): for each total, its
//     parts: exhaustive parts must add up to it (or a first few of them
//     must) and give its percent of plan; other parts must each not
//     exceed it; a share ("chiếm 62,20%", "đạt tỷ lệ 20,3%") must fit it;
//     shares of one total add up to at most 100%;
//   - between (between.go): an overall rate lies between its blocks' rates;
//   - growth, growth-percent (growth.go): changes ("tăng 8,6% so với năm
//     2023 (0,7326)"), against the earlier count when it is printed, else
//     the earlier count they imply;
//   - localities (localities.go, classes.go): fractions of units against
//     their rest, fractions of one set of units, classes of units against
//     their count;
//   - other (names.go, compare.go): a count against the names listed
//     after it; "cao hơn D so với B"; a mean against its series;
//   - order (order.go): a printed place against the values of its
//     ranking, values in the order of their places;
//   - overall-percent (breakdown.go): a share broken down by levels.
//
// Only an alarm where every plausible reading fails: where the text
// allows several readings (a rate of a plan or of a total, parts that may
// overlap, a list that may go on), a finding holds when one of them does.
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
	out = append(out, minimums(ok)...)
	for _, p := range ok {
		if p.What == Rank && p.ChangeKind != NoChange && p.Before != "" {
			if f, ok := rankChange(p); ok {
				out = append(out, f)
			}
		}
	}
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
	case Comparison, Rank:
		return p, nil // read by its check
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
