package report

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
)

// Claim is one printed statement to check: a count, and optionally the
// percent of plan (or of a base) printed with it.
type Claim struct {
	Fragment string // the text as printed, to name the claim in findings
	Key      string // what the count measures, e.g. "cong_dan_so@20"; equal keys must agree
	Count    string // the count as printed: "hơn 217.000"
	Percent  string // the percent of plan printed with it, or "": "144%"
	PartOf   string // the Key of the total this count is a part of, or ""
}

// FindingKind says what a finding is about.
type FindingKind uint8

// The kinds of finding.
const (
	Malformed      FindingKind = iota + 1 // a number that cannot be read
	Repeated                              // one figure printed twice with different values
	ImpliedPlan                           // the plan (or base) a count and its percent imply
	PartsSum                              // parts against their printed total
	OverallPercent                        // the total's percent against the one its parts give
	Growth                                // a change between two dates against the one printed
	Localities                            // "19/218 ... 199 còn lại": a fraction against its rest
	Base                                  // which base a percent can be of
	RankClaim                             // a printed rank against the rank the data gives
)

var kindNames = [...]string{"", "số viết sai", "số liệu nhắc lại khác nhau", "kế hoạch suy ra", "tổng các phần", "tỷ lệ chung",
	"tăng trưởng", "số địa phương", "cơ sở của tỷ lệ", "thứ hạng"}

// String returns the Vietnamese name of the kind.
func (k FindingKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("FindingKind(%d)", k)
}

// Finding is the outcome of one check.
type Finding struct {
	Kind   FindingKind
	Claims []string // the fragments involved, as printed
	Range  Interval // the range implied (plan, sum or percent), when there is one
	Holds  bool     // whether the claims can all be true together
	Why    string   // a sentence, in English, saying what was found
}

// String writes the finding on one line.
func (f Finding) String() string {
	verdict := "holds"
	if !f.Holds {
		verdict = "FAILS"
	}
	return fmt.Sprintf("%s [%s]: %s (%s)", verdict, f.Kind, f.Why, strings.Join(quoteAll(f.Claims), ", "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

type parsed struct {
	Claim
	count, pct Figure
	hasPct     bool
	plan       Interval // count / (pct/100), when hasPct
}

// Check checks claims against each other by interval arithmetic and returns
// every finding, in a deterministic order: malformed numbers, repeats, the
// plan each count and percent imply, then for each total the sum of its parts
// and the overall percent they give. A claim that cannot be read is reported
// and left out of the other checks; nothing else is dropped, and Check never
// passes silently: every claim with a percent yields at least an ImpliedPlan
// finding.
func Check(claims []Claim) []Finding {
	var out []Finding
	var ok []parsed
	var malformed []Claim
	for _, c := range claims {
		p := parsed{Claim: c}
		var err error
		if p.count, err = ParseFigure(c.Count); err == nil && p.count.Kind != Count {
			err = fmt.Errorf("%q is not a count", c.Count)
		}
		if err == nil && c.Percent != "" {
			if p.pct, err = ParseFigure(c.Percent); err == nil && p.pct.Kind != Percent {
				err = fmt.Errorf("%q is not a percent", c.Percent)
			}
			p.hasPct = err == nil
		}
		if err != nil {
			out = append(out, Finding{Kind: Malformed, Claims: []string{c.Fragment}, Why: err.Error()})
			malformed = append(malformed, c)
			continue
		}
		if p.hasPct {
			share := Interval{Lo: new(big.Rat).Quo(p.pct.Range.Lo, big.NewRat(100, 1)), LoOpen: p.pct.Range.LoOpen}
			if p.pct.Range.Hi != nil {
				share.Hi, share.HiOpen = new(big.Rat).Quo(p.pct.Range.Hi, big.NewRat(100, 1)), p.pct.Range.HiOpen
			}
			p.plan = p.count.Range.Div(share)
		}
		ok = append(ok, p)
	}
	// The same key printed with different values.
	byKey := map[string][]parsed{}
	var keys []string
	for _, p := range ok {
		if _, seen := byKey[p.Key]; !seen {
			keys = append(keys, p.Key)
		}
		byKey[p.Key] = append(byKey[p.Key], p)
	}
	for _, k := range keys {
		ps := byKey[k]
		for _, q := range ps[1:] {
			if q.count.Text != ps[0].count.Text || q.Percent != ps[0].Percent {
				both := ps[0].count.Range.Intersect(q.count.Range)
				out = append(out, Finding{Kind: Repeated, Claims: []string{ps[0].Fragment, q.Fragment}, Range: both,
					Why: fmt.Sprintf("%s is printed as %q and as %q", k, ps[0].Count+" "+ps[0].Percent, q.Count+" "+q.Percent)})
			}
		}
	}
	for _, c := range malformed {
		if ps := byKey[c.Key]; len(ps) > 0 && ps[0].Count != c.Count {
			out = append(out, Finding{Kind: Repeated, Claims: []string{ps[0].Fragment, c.Fragment},
				Why: fmt.Sprintf("%s is printed as %q and as %q", c.Key, ps[0].Count, c.Count)})
		}
	}
	// Implied plans, one per key.
	first := map[string]parsed{}
	for _, k := range keys {
		p := byKey[k][0]
		first[k] = p
		if p.hasPct {
			out = append(out, Finding{Kind: ImpliedPlan, Claims: []string{p.Fragment}, Range: p.plan, Holds: !p.plan.IsEmpty(),
				Why: fmt.Sprintf("%s of plan for %s implies a plan in %s", p.Percent, p.Count, p.plan.Format(0))})
		}
	}
	// Totals and their parts.
	parts := map[string][]parsed{}
	var totals []string
	for _, k := range keys {
		p := first[k]
		if p.PartOf == "" {
			continue
		}
		if _, seen := parts[p.PartOf]; !seen {
			totals = append(totals, p.PartOf)
		}
		parts[p.PartOf] = append(parts[p.PartOf], p)
	}
	sort.Strings(totals)
	for _, tk := range totals {
		total, known := first[tk]
		if !known {
			continue
		}
		ps := parts[tk]
		sum := ps[0].count.Range
		names := []string{total.Fragment}
		for i, p := range ps {
			if i > 0 {
				sum = sum.Add(p.count.Range)
			}
			names = append(names, p.Fragment)
		}
		meet := sum.Intersect(total.count.Range)
		out = append(out, Finding{Kind: PartsSum, Claims: names, Range: sum, Holds: !meet.IsEmpty(),
			Why: fmt.Sprintf("the parts sum to %s, the total %q allows %s", sum.Format(0), total.Count, total.count.Range.Format(0))})
		if !total.hasPct {
			continue
		}
		plans := ps[0].plan
		all := true
		for i, p := range ps {
			all = all && p.hasPct
			if i > 0 {
				plans = plans.Add(p.plan)
			}
		}
		if !all {
			continue
		}
		overall := sum.Div(plans)
		pct := Interval{Lo: new(big.Rat).Mul(overall.Lo, big.NewRat(100, 1)), LoOpen: overall.LoOpen}
		if overall.Hi != nil {
			pct.Hi, pct.HiOpen = new(big.Rat).Mul(overall.Hi, big.NewRat(100, 1)), overall.HiOpen
		}
		meet = pct.Intersect(total.pct.Range)
		out = append(out, Finding{Kind: OverallPercent, Claims: names, Range: pct, Holds: !meet.IsEmpty(),
			Why: fmt.Sprintf("the parts give %s%% of their plans (plans sum to %s), the total prints %s, i.e. %s%%",
				pct.Format(1), plans.Format(0), total.Percent, total.pct.Range.Format(1))})
	}
	return out
}
