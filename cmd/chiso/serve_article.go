package main

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/claim"
	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
)

// checkView is an article as the page shows it: cut into runs of plain
// text and figures, with its findings and the counts of the summary.
type checkView struct {
	Figures, Checked, Failing int
	Runs                      []articleRun
	Findings                  []findingView
}

// articleRun is a piece of the article: plain text, or a figure (Mark).
type articleRun struct {
	Text string
	Mark *markView
}

// markView is a figure of the article: every finding that uses it, the
// first failing one (or the first) being the one its link opens.
type markView struct {
	ID       int
	Findings []int // ids of the findings that use the figure
	Open     int   // the finding its link opens; 0 when none uses it
	Fails    bool  // a failing finding uses it
	start    int
	end      int
}

// findingView is one finding in plain words, with the arithmetic step by
// step: the interval each printed figure stands for, then what they imply.
type findingView struct {
	ID       int
	Holds    bool
	Kind     string
	Message  string
	Claims   []string
	Steps    []stepView
	Marks    []int    // the ids of its figures' marks
	NotFound []string // figures it names that were not found in the text
}

// stepView is one printed figure and the values its print allows.
type stepView struct {
	Figure, Means string
	Malformed     bool // Means says why the figure cannot be read
}

// newCheckView checks text and lays out what the page shows.
func newCheckView(text string, lang numeral.Language) *checkView {
	all, _ := claim.CheckSummary(text)
	findings := claim.FailingFirst(all) // as chiso check lists them
	v := &checkView{Checked: len(findings)}
	marks := map[[2]int]*markView{}
	mark := func(start, end int) *markView {
		k := [2]int{start, end}
		if m, ok := marks[k]; ok {
			return m
		}
		m := &markView{start: start, end: end}
		marks[k] = m
		return m
	}
	for i, f := range findings {
		fv := findingView{ID: i + 1, Holds: f.Holds, Kind: f.Kind.Text(lang), Message: f.Message(lang), Claims: f.Claims}
		if !f.Holds {
			v.Failing++
		}
		for k, fig := range f.Figures {
			says, bad := means(fig, lang)
			fv.Steps = append(fv.Steps, stepView{Figure: fig, Means: says, Malformed: bad})
			if k >= len(f.Spans) || f.Spans[k].Line == 0 {
				fv.NotFound = append(fv.NotFound, f.Figures[k])
				continue
			}
			m := mark(f.Spans[k].Start, f.Spans[k].End)
			m.Findings = append(m.Findings, fv.ID)
			m.Fails = m.Fails || !f.Holds
		}
		v.Findings = append(v.Findings, fv)
	}
	// Every other figure chiso read, so that each is underlined.
	for _, c := range claim.Extract(text) {
		for _, s := range claimSpans(text, c) {
			mark(s[0], s[1])
		}
	}
	ordered := keep(marks)
	for i, m := range ordered {
		m.ID = i + 1
		slices.Sort(m.Findings)
		m.Findings = slices.Compact(m.Findings)
		for _, id := range m.Findings {
			if m.Open == 0 || !findings[id-1].Holds && findings[m.Open-1].Holds {
				m.Open = id
			}
		}
		for _, id := range m.Findings {
			v.Findings[id-1].Marks = append(v.Findings[id-1].Marks, m.ID)
		}
	}
	v.Figures = len(ordered)
	at := 0
	for _, m := range ordered {
		if m.start > at {
			v.Runs = append(v.Runs, articleRun{Text: text[at:m.start]})
		}
		v.Runs = append(v.Runs, articleRun{Text: text[m.start:m.end], Mark: m})
		at = m.end
	}
	if at < len(text) {
		v.Runs = append(v.Runs, articleRun{Text: text[at:]})
	}
	return v
}

// keep returns the marks in the order of the text, without those that
// overlap one before them (a mark is kept whole or not at all).
func keep(marks map[[2]int]*markView) []*markView {
	all := make([]*markView, 0, len(marks))
	for _, m := range marks {
		all = append(all, m)
	}
	slices.SortFunc(all, func(a, b *markView) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	out := all[:0]
	end := 0
	for _, m := range all {
		if m.start < end {
			continue
		}
		out = append(out, m)
		end = m.end
	}
	return out
}

// means writes what a printed figure lets a reader conclude: its interval,
// or why it cannot be read (malformed).
func means(s string, lang numeral.Language) (text string, malformed bool) {
	f, err := figure.Parse(s)
	var fe *figure.Error
	switch {
	case errors.As(err, &fe):
		return fe.Reason.In(lang), true
	case err != nil:
		return err.Error(), true
	case f.Range.IsEmpty():
		return "", false
	case f.Kind == figure.Percent:
		return f.Range.Outward(0, lang) + "%", false
	}
	return f.Range.Outward(0, lang), false
}

// spanAt returns the span of text[start:end] with its 1-based line and
// column (in runes).
func spanAt(text string, start, end int) claim.Span {
	before := text[:start]
	nl := strings.LastIndexByte(before, '\n')
	return claim.Span{Start: start, End: end, Line: 1 + strings.Count(before, "\n"),
		Column: 1 + utf8.RuneCountInString(before[nl+1:])}
}

// claimSpans returns the byte ranges of a claim's figures in text: its
// count (or other figure) at c.Offset when the text there is the figure as
// printed, and its percent, the first occurrence within the clause after it.
func claimSpans(text string, c claim.Claim) [][2]int {
	var out [][2]int
	fig := c.Count
	if fig == "" {
		fig = c.Figure
	}
	if fig != "" && c.Offset >= 0 && c.Offset+len(fig) <= len(text) && text[c.Offset:c.Offset+len(fig)] == fig {
		out = append(out, [2]int{c.Offset, c.Offset + len(fig)})
	}
	if c.Percent != "" && c.Offset >= 0 && c.Offset <= len(text) {
		window := text[c.Offset:min(len(text), c.Offset+len(c.Fragment))]
		if j := strings.Index(window, c.Percent); j >= 0 {
			out = append(out, [2]int{c.Offset + j, c.Offset + j + len(c.Percent)})
		}
	}
	return out
}
