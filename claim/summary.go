package claim

import (
	"fmt"
	"slices"

	"github.com/chiso-vn/chiso/numeral"
)

// Summary says how much [CheckSummary] read and found: the line a reader
// wants first.
type Summary struct {
	Figures int // figures read from the text (counts, percents, dates, ranks, ...)
	Checked int // findings: relations among the figures checked
	Failing int // findings that fail
}

// CheckSummary is [Check] with its [Summary].
func CheckSummary(text string) ([]Finding, Summary) {
	fs, n := check(text)
	s := Summary{Figures: n, Checked: len(fs)}
	for _, f := range fs {
		if !f.Holds {
			s.Failing++
		}
	}
	return fs, s
}

// Text writes the summary on one line in lang: "Đọc được 12 số liệu,
// kiểm tra 8 quan hệ, 2 không khớp.", or, when the text prints no figure,
// a line that says so.
func (s Summary) Text(lang numeral.Language) string {
	if s.Figures == 0 {
		return numeral.Words{Vi: "Không tìm thấy số liệu nào trong bài.", En: "No figure found in the text."}.In(lang)
	}
	n := func(v int) string { return numeral.FormatInt(int64(v), lang) }
	if lang == numeral.English {
		plural := func(v int, word string) string {
			if v == 1 {
				return n(v) + " " + word
			}
			return n(v) + " " + word + "s"
		}
		verb := "fail"
		if s.Failing == 1 {
			verb = "fails"
		}
		return fmt.Sprintf("Read %s, checked %s, %s %s.", plural(s.Figures, "figure"), plural(s.Checked, "relation"), n(s.Failing), verb)
	}
	return fmt.Sprintf("Đọc được %s số liệu, kiểm tra %s quan hệ, %s không khớp.", n(s.Figures), n(s.Checked), n(s.Failing))
}

// FailingFirst returns findings with those that fail first, each group in
// its order.
func FailingFirst(findings []Finding) []Finding {
	out := slices.Clone(findings)
	slices.SortStableFunc(out, func(a, b Finding) int {
		switch {
		case a.Holds == b.Holds:
			return 0
		case !a.Holds:
			return -1
		}
		return 1
	})
	return out
}
