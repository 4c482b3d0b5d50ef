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
// right-aligned.
func (t ScoreTable) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "### %s\n\n", t.Title)
	}
	ps := t.pillars()
	h := t.header(ps)
	fmt.Fprintf(&b, "| %s |\n|---:|---|%s---|\n", strings.Join(h, " | "), strings.Repeat("---:|", len(ps)+1))
	for _, s := range t.Scores {
		fmt.Fprintf(&b, "| %s |\n", strings.Join(t.cells(s, ps), " | "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteCSV writes the table as CSV for machines: the code, and every score
// exact, as num/den, after the rounded ones.
func (t ScoreTable) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	ps := t.pillars()
	h := t.header(ps)
	cw.Write(append(append([]string{h[0], "code"}, h[1:]...), "index_exact", "total_exact"))
	for _, s := range t.Scores {
		c := t.cells(s, ps)
		exact := func(x *big.Rat) string {
			if x == nil {
				return ""
			}
			return x.RatString()
		}
		cw.Write(append(append([]string{c[0], s.Unit.Code.String()}, c[1:]...), exact(s.Index), exact(s.Total)))
	}
	cw.Flush()
	return cw.Error()
}

// jsonScore is one unit of a score table for programs.
type jsonScore struct {
	Code    string            `json:"code"`
	Name    string            `json:"name"`
	Total   string            `json:"total"`
	Index   string            `json:"index"`
	Rank    int               `json:"rank"`
	Pillars map[string]string `json:"pillars"`
	Missing []string          `json:"missing"`
}

// WriteJSON writes the table as a JSON array for programs, one object per
// unit in order: code, name (the full name), total points, index, rank (0
// when unranked), pillars (the pillar's name in the table's language →
// its value) and the criteria missing; every number exact ([numeral.ExactString]), ""
// when unknown.
func (t ScoreTable) WriteJSON(w io.Writer) error {
	out := make([]jsonScore, len(t.Scores))
	for i, s := range t.Scores {
		j := jsonScore{Code: s.Unit.Code.String(), Name: s.Unit.FullName(), Total: numeral.ExactString(s.Total), Index: numeral.ExactString(s.Index),
			Rank: s.Rank, Pillars: map[string]string{}, Missing: s.Missing}
		if j.Missing == nil {
			j.Missing = []string{}
		}
		for p, v := range s.PillarValue {
			name := p.String()
			if t.Language == numeral.English {
				name = pillarEnglish[p]
			}
			j.Pillars[name] = numeral.ExactString(v)
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
