package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/numeral"
)

// ScoreTable is a table of composite scores: rank, unit, the index and the
// value of each pillar that has criteria, all on one scale (a share of the
// maximum, from 0 to 1) and with 4 decimals rounded half up, as the DTI is
// published.
type ScoreTable struct {
	Title    string
	Scores   []composite.UnitScore // in the order to print, usually Scorecard.Ranking
	Language numeral.Language
}

var pillarEnglish = map[indicator.Pillar]string{
	indicator.DigitalGov: "digital government", indicator.DigitalEconomy: "digital economy", indicator.DigitalSociety: "digital society",
}

var scoreColumns = [2]numeral.Words{{Vi: "Chỉ số", En: "Index"}, {Vi: "Còn thiếu", En: "Missing"}}

// pillars returns the pillars that any score of the table has.
func (t ScoreTable) pillars() []indicator.Pillar {
	var out []indicator.Pillar
	for _, p := range []indicator.Pillar{indicator.DigitalGov, indicator.DigitalEconomy, indicator.DigitalSociety} {
		for _, s := range t.Scores {
			if _, ok := s.PillarValue[p]; ok {
				out = append(out, p)
				break
			}
		}
	}
	return out
}

// header returns the column names: rank, unit, index, pillars, missing.
func (t ScoreTable) header(ps []indicator.Pillar) []string {
	names := ColumnNames(t.Language)
	h := []string{names[0], names[1], scoreColumns[0].In(t.Language)}
	for _, p := range ps {
		name := p.String()
		if t.Language == numeral.English {
			name = pillarEnglish[p]
		}
		r, n := utf8.DecodeRuneInString(name)
		h = append(h, string(unicode.ToUpper(r))+name[n:])
	}
	return append(h, scoreColumns[1].In(t.Language))
}

// FormatIndex writes a composite score as the DTI publishes it: 4
// decimals, rounded half up, the Vietnamese way (67/80 → "0,8375"); "-"
// for an unknown score (nil).
func FormatIndex(x *big.Rat) string { return formatIndex(x, numeral.Vietnamese) }

func formatIndex(x *big.Rat, lang numeral.Language) string {
	return Row{Value: x, Scale: Index}.Text(lang)
}

func (t ScoreTable) cells(s composite.UnitScore, ps []indicator.Pillar) []string {
	rank := ""
	if s.Rank > 0 {
		rank = strconv.Itoa(s.Rank)
	}
	c := []string{rank, s.Unit.FullName(), formatIndex(s.Index, t.Language)}
	for _, p := range ps {
		c = append(c, formatIndex(s.PillarValue[p], t.Language))
	}
	return append(c, strings.Join(s.Missing, ", "))
}

// WriteMarkdown writes the table as GitHub-flavoured Markdown, numbers
// right-aligned. Units without any value (no score, and 0 or nothing for
// every criterion) are not given a row each: they
// are named in one line under the table.
func (t ScoreTable) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "### %s\n\n", EscapeMarkdown(t.Title))
	}
	ps := t.pillars()
	h := t.header(ps)
	fmt.Fprintf(&b, "| %s |\n|---:|---|%s---|\n", strings.Join(h, " | "), strings.Repeat("---:|", len(ps)+1))
	var empty []string
	for _, s := range t.Scores {
		if s.Index == nil && !hasValue(s) {
			empty = append(empty, s.Unit.FullName())
			continue
		}
		c := t.cells(s, ps)
		for i := range c {
			c[i] = EscapeMarkdown(c[i])
		}
		fmt.Fprintf(&b, "| %s |\n", strings.Join(c, " | "))
	}
	if len(empty) > 0 {
		none := numeral.Words{Vi: "\n%s đơn vị không có số liệu: %s.\n", En: "\n%s units without values: %s.\n"}
		fmt.Fprintf(&b, none.In(t.Language), numeral.FormatInt(int64(len(empty)), t.Language), EscapeMarkdown(strings.Join(empty, ", ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// hasValue reports whether a unit has a value other than 0 for some
// criterion (a criterion worth 0 points gives every unit 0).
func hasValue(s composite.UnitScore) bool {
	for _, p := range s.Points {
		if p != nil && p.Sign() != 0 {
			return true
		}
	}
	return false
}

// csvScoreColumns are the columns CSV adds: the code and the exact
// scores.
var csvScoreColumns = [3]numeral.Words{{Vi: "Mã", En: "Code"}, {Vi: "Chỉ số (chính xác)", En: "Index (exact)"}, {Vi: "Tổng điểm (chính xác)", En: "Total (exact)"}}

// WriteCSV writes the table as CSV for machines, headers in the table's
// language: the code, and every score exact, as num/den, after the
// rounded ones; a text cell that would read as a formula gets a leading
// apostrophe.
func (t ScoreTable) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	ps := t.pillars()
	h := t.header(ps)
	cw.Write(append(append([]string{h[0], csvScoreColumns[0].In(t.Language)}, h[1:]...), csvScoreColumns[1].In(t.Language), csvScoreColumns[2].In(t.Language)))
	for _, s := range t.Scores {
		c := t.cells(s, ps)
		exact := func(x *big.Rat) string {
			if x == nil {
				return ""
			}
			return x.RatString()
		}
		c[1], c[len(c)-1] = CSVSafe(c[1]), CSVSafe(c[len(c)-1])
		cw.Write(append(append([]string{c[0], s.Unit.Code.String()}, c[1:]...), exact(s.Index), exact(s.Total)))
	}
	cw.Flush()
	return cw.Error()
}

// jsonScore is one unit of a score table for programs.
type jsonScore struct {
	Code         string            `json:"code"`
	Name         string            `json:"name"`
	Total        string            `json:"total"`
	TotalExact   string            `json:"total_exact,omitempty"`
	Index        string            `json:"index"`
	IndexExact   string            `json:"index_exact,omitempty"`
	Rank         int               `json:"rank"`
	Pillars      map[string]string `json:"pillars"`
	PillarsExact map[string]string `json:"pillars_exact,omitempty"`
	Missing      []string          `json:"missing"`
}

// WriteJSON writes the table as a JSON array for programs, one object per
// unit in order: code, name (the full name), total points, index, rank (0
// when unranked), pillars (the pillar's name in the table's language →
// its value) and the criteria missing. Every number is a decimal string,
// exact when it has a finite decimal form, else rounded half up to 10
// decimals with the exact fraction beside it (total_exact, index_exact,
// pillars_exact); "" when unknown.
func (t ScoreTable) WriteJSON(w io.Writer) error {
	out := make([]jsonScore, len(t.Scores))
	for i, s := range t.Scores {
		j := jsonScore{Code: s.Unit.Code.String(), Name: s.Unit.FullName(), Rank: s.Rank, Pillars: map[string]string{}, Missing: s.Missing}
		j.Total, j.TotalExact = decimalText(s.Total)
		j.Index, j.IndexExact = decimalText(s.Index)
		if j.Missing == nil {
			j.Missing = []string{}
		}
		for p, v := range s.PillarValue {
			name := p.String()
			if t.Language == numeral.English {
				name = pillarEnglish[p]
			}
			var exact string
			j.Pillars[name], exact = decimalText(v)
			if exact != "" {
				if j.PillarsExact == nil {
					j.PillarsExact = map[string]string{}
				}
				j.PillarsExact[name] = exact
			}
		}
		out[i] = j
	}
	e := json.NewEncoder(w)
	e.SetEscapeHTML(false)
	e.SetIndent("", "  ")
	return e.Encode(out)
}

// WriteScoreSVG draws a horizontal bar chart of the index by unit on its
// own scale, 0 to 1, each bar labelled with the index to 4 decimals as
// published; a unit without an index gets no bar and "-".
func WriteScoreSVG(w io.Writer, title string, scores []composite.UnitScore) error {
	return WriteChart(w, title, ScoreRows(scores))
}
