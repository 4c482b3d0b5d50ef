package claim

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
)

// FindingKind says what a finding is about.
type FindingKind uint8

// The kinds of finding. Each is one check, with its own file and doc;
// its JSON id (MarshalText) is the name the press corpus gives the kind
// of relation it tests.
const (
	Malformed      FindingKind = iota + 1 // a number that cannot be read ("217.00")
	Repeated                              // one figure printed more than once must agree
	ImpliedPlan                           // the plan a count and its percent imply, against the plan printed
	PartsSum                              // parts against their printed total; shares of one whole
	OverallPercent                        // the total's percent against the one its parts' percents give
	Growth                                // a change in a count ("tăng 8.221") against the counts printed
	Localities                            // "19/218 ... 199 còn lại": a fraction of units against its rest
	RatioPercent                          // a percent against the ratio printed beside it ("74,7% (445.103/595.855)")
	RankData                              // a printed rank against the rank the data gives
	ImpliedBase                           // the population a count and its percent of it imply
	Share                                 // "chiếm 62,20%", "đạt tỷ lệ 20,3%": a share against the total it is of
	SameBase                              // percents of one base: the bases they imply must meet
	GrowthPercent                         // "tăng 8,6% so với năm 2023 (0,7326)": a percent change against the values printed
	Between                               // an overall rate must lie between its blocks' rates
	RankChange                            // "tăng 2 bậc (từ 8 lên 6)": a change of rank against both ranks
	Order                                 // a listed ranking's values in order; a printed rank against them
	Minimum                               // a count times a per-unit minimum against the total printed
	Other                                 // a count against the names listed after it; a mean against its series
)

var kindNames = [...]numeral.Words{
	{},
	{Vi: "số viết sai", En: "malformed number"},
	{Vi: "số liệu nhắc lại", En: "figure repeated"},
	{Vi: "kế hoạch suy ra", En: "implied plan"},
	{Vi: "tổng các phần", En: "sum of the parts"},
	{Vi: "tỷ lệ chung", En: "overall percent"},
	{Vi: "tăng trưởng", En: "growth"},
	{Vi: "số địa phương", En: "localities"},
	{Vi: "tỷ lệ và phân số", En: "ratio and percent"},
	{Vi: "thứ hạng", En: "rank"},
	{Vi: "cơ sở suy ra", En: "implied base"},
	{Vi: "tỷ trọng", En: "share of a total"},
	{Vi: "cùng một cơ sở", En: "one base, two counts"},
	{Vi: "tăng trưởng phần trăm", En: "percent growth"},
	{Vi: "nằm giữa", En: "between"},
	{Vi: "thay đổi thứ hạng", En: "rank change"},
	{Vi: "thứ tự", En: "order"},
	{Vi: "mức tối thiểu", En: "minimum"},
	{Vi: "khác", En: "other"},
}

// kindIDs name the kinds for programs (JSON): the kinds of relation of
// the press corpus (../shared/data/press/README.md) where one applies.
var kindIDs = [...]string{"", "malformed", "repeat", "implied-plan", "parts-sum", "overall-percent", "growth",
	"localities", "ratio-percent", "rank-data", "implied-base", "share", "same-base", "growth-percent", "between",
	"rank-change", "order", "minimum", "other"}

// String returns the Vietnamese name of the kind.
func (k FindingKind) String() string { return k.Text(numeral.Vietnamese) }

// Text returns the name of the kind in lang.
func (k FindingKind) Text(lang numeral.Language) string {
	if k >= Malformed && int(k) < len(kindNames) {
		return kindNames[k].In(lang)
	}
	return fmt.Sprintf("FindingKind(%d)", k)
}

// MarshalText implements encoding.TextMarshaler with a stable identifier
// for programs: "implied-plan", "parts-sum", ...
func (k FindingKind) MarshalText() ([]byte, error) {
	if k >= Malformed && int(k) < len(kindIDs) {
		return []byte(kindIDs[k]), nil
	}
	return nil, fmt.Errorf("claim: no FindingKind %d", k)
}

// Span is where a printed figure stands in the text given to [Check], so
// that a page or an editor can point at it. A figure not printed as such
// ("vượt 100%" read from "vượt chỉ tiêu") has the zero Span: Line 0.
type Span struct {
	Start, End   int // byte offsets in the text as given: text[Start:End] is the figure
	Line, Column int // 1-based line, and column in characters (runes), of Start
}

// Finding is the outcome of one check.
type Finding struct {
	Kind    FindingKind
	Claims  []string        // the fragments involved, as printed
	Figures []string        // the figures the check used, as printed
	Spans   []Span          // with Check: where each of Figures stands in the text, in the same order
	Range   figure.Interval // the range implied (plan, sum, percent, ...), when there is one
	Holds   bool            // whether the claims can all be true together

	msg  *sentence // what was found, written on demand in the language asked for
	near []int     // offsets of the claims used, for Spans
}

// sentence is a finding's sentence in each language before it is written:
// formats and the arguments they share.
type sentence struct {
	format numeral.Words
	args   []any
}

// Message returns the sentence saying what was found, in lang, its
// numbers written the way lang writes them.
func (f Finding) Message(lang numeral.Language) string {
	if f.msg == nil {
		return ""
	}
	local := make([]any, len(f.msg.args))
	for i, a := range f.msg.args {
		switch a := a.(type) {
		case span:
			local[i] = a.i.Outward(a.digits, lang)
		case whole:
			local[i] = numeral.Localize(strconv.FormatInt(int64(a), 10), lang)
		case both:
			local[i] = numeral.Words(a).In(lang)
		case []Finding:
			parts := make([]string, len(a))
			for k, f := range a {
				parts[k] = f.Message(lang)
			}
			local[i] = strings.Join(parts, ", ")
		default:
			local[i] = a
		}
	}
	return fmt.Sprintf(f.msg.format.In(lang), local...)
}

// String writes the finding on one line in Vietnamese: the verdict, the
// kind, the message and the fragments.
func (f Finding) String() string { return f.Text(numeral.Vietnamese) }

// Text writes the finding on one line in lang.
func (f Finding) Text(lang numeral.Language) string {
	verdict := numeral.Words{Vi: "KHÔNG KHỚP", En: "FAILS"}
	if f.Holds {
		verdict = numeral.Words{Vi: "khớp", En: "holds"}
	}
	return fmt.Sprintf("%s [%s]: %s (%s)", verdict.In(lang), f.Kind.Text(lang), f.Message(lang),
		strings.Join(quoteAll(f.Claims), ", "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = quote(s)
	}
	return out
}

// jsonFinding is the JSON form of a finding.
type jsonFinding struct {
	Kind    FindingKind `json:"kind"`
	Holds   bool        `json:"holds"`
	Figures []string    `json:"figures"`
	Claims  []string    `json:"claims"`
	Spans   []jsonSpan  `json:"spans,omitempty"`
	Range   *jsonRange  `json:"range,omitempty"`
	Message string      `json:"message"`
}

// jsonSpan is a Span for programs: byte offsets and 1-based line and
// column (in characters); a figure not found has all four 0.
type jsonSpan struct {
	Start  int `json:"start"`
	End    int `json:"end"`
	Line   int `json:"line"`
	Column int `json:"column"`
}

// jsonRange is an interval with exact bounds: decimal strings when they
// have a finite decimal form ("163.5"), fractions otherwise ("1000/7"); Hi
// is absent when there is no upper bound.
type jsonRange struct {
	Lo     string `json:"lo"`
	Hi     string `json:"hi,omitempty"`
	LoOpen bool   `json:"lo_open"`
	HiOpen bool   `json:"hi_open"`
}

// WriteFindingsJSON writes findings as a JSON array for programs: each
// with its kind ("implied-plan"), whether it holds, the figures and
// fragments as printed, where each figure stands ("spans": start, end,
// line, column; present with Check), the range as exact bounds, and the message in lang.
func WriteFindingsJSON(w io.Writer, findings []Finding, lang numeral.Language) error {
	out := make([]jsonFinding, len(findings))
	for i, f := range findings {
		out[i] = jsonFinding{Kind: f.Kind, Holds: f.Holds, Figures: f.Figures, Claims: f.Claims, Message: f.Message(lang)}
		if out[i].Figures == nil {
			out[i].Figures = []string{}
		}
		for _, sp := range f.Spans {
			out[i].Spans = append(out[i].Spans, jsonSpan(sp))
		}
		if !f.Range.IsEmpty() {
			r := &jsonRange{Lo: numeral.ExactString(f.Range.Lo), LoOpen: f.Range.LoOpen, HiOpen: f.Range.HiOpen}
			if f.Range.Hi != nil {
				r.Hi = numeral.ExactString(f.Range.Hi)
			}
			out[i].Range = r
		}
	}
	e := json.NewEncoder(w)
	e.SetEscapeHTML(false)
	e.SetIndent("", "  ")
	return e.Encode(out)
}

// The arguments of a finding's message that are written per language.
type (
	// span is an interval written with digits decimals; a bound that
	// needs more is rounded outward and marked "≈", so that the interval
	// printed holds the one computed.
	span struct {
		i      figure.Interval
		digits int32
	}
	// whole is a count.
	whole int64
	// both is a word in each language.
	both numeral.Words
)

// newFinding returns a finding whose message is vi and en formatted with
// the same args, each written the way its language writes numbers when
// the message is asked for (a both gives a word in each language, a
// []Finding their messages joined).
func newFinding(kind FindingKind, holds bool, r figure.Interval, claims, figures []string, vi, en string, args ...any) Finding {
	return Finding{Kind: kind, Holds: holds, Range: r, Claims: slices.Compact(claims), Figures: figures,
		msg: &sentence{format: numeral.Words{Vi: vi, En: en}, args: args}}
}
