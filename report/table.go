package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math/big"
	"strconv"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
)

var columns = [5]numeral.Words{{Vi: "Hạng", En: "Rank"}, {Vi: "Đơn vị", En: "Unit"}, {Vi: "Thực hiện", En: "Actual"},
	{Vi: "Kế hoạch", En: "Plan"}, {Vi: "Tỷ lệ đạt", En: "Attainment"}}

// ColumnNames returns the column names of a ranked table in lang: rank,
// unit, actual, plan, attainment ("Hạng", "Đơn vị", "Thực hiện", "Kế
// hoạch", "Tỷ lệ đạt"), for writers of other formats.
func ColumnNames(lang numeral.Language) [5]string {
	var out [5]string
	for i, w := range columns {
		out[i] = w.In(lang)
	}
	return out
}

// Table is a ranked table of units for one indicator. Its Markdown and
// HTML write numbers in the table's Language ("4.431" in Vietnamese,
// "4,431" in English); CSV and JSON write plain numbers for machines.
type Table struct {
	Title    string
	Rows     []indicator.Row // in the order to print, usually Result.Ranked
	Language numeral.Language
}

func (t Table) cells(r indicator.Row) [5]string {
	return rollupRow(r).cells(t.Language)
}

// WriteMarkdown writes the table as GitHub-flavoured Markdown, numbers
// right-aligned.
func (t Table) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "### %s\n\n", EscapeMarkdown(t.Title))
	}
	h := ColumnNames(t.Language)
	fmt.Fprintf(&b, "| %s |\n|---:|---|---:|---:|---:|\n", strings.Join(h[:], " | "))
	for _, r := range t.Rows {
		c := t.cells(r)
		c[1] = EscapeMarkdown(c[1])
		fmt.Fprintf(&b, "| %s |\n", strings.Join(c[:], " | "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// csvColumns are the columns CSV adds to ColumnNames: the code, and the
// attainment in percent and exact.
var csvColumns = [3]numeral.Words{{Vi: "Mã", En: "Code"}, {Vi: "Tỷ lệ đạt (%)", En: "Attainment (%)"}, {Vi: "Tỷ lệ đạt (chính xác)", En: "Attainment (exact)"}}

// WriteCSV writes the table as CSV, headers in the table's language: plain
// numbers (no grouping), the attainment in percent with 2 decimals and
// the language's decimal mark ("182,82" in Vietnamese, "182.82" in
// English), and exact as num/den. A text cell a spreadsheet would read as
// a formula (=, +, -, @ first) gets a leading apostrophe.
func (t Table) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	h := ColumnNames(t.Language)
	cw.Write([]string{h[0], csvColumns[0].In(t.Language), h[1], h[2], h[3], csvColumns[1].In(t.Language), csvColumns[2].In(t.Language)})
	for _, r := range t.Rows {
		exact, _ := r.Attainment.MarshalText()
		rank := ""
		if r.Rank > 0 {
			rank = strconv.Itoa(r.Rank)
		}
		pct := ""
		if r.Attainment.IsValid() {
			pct = numeral.Localize(r.Attainment.Percent(2, indicator.HalfUp).String(), t.Language)
		}
		cw.Write([]string{rank, r.Unit.Code.String(), CSVSafe(r.Unit.FullName()), optInt(r.Actual, r.HasActual), optInt(r.Plan, r.HasPlan),
			pct, string(exact)})
	}
	cw.Flush()
	return cw.Error()
}

func optInt(n int64, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatInt(n, 10)
}

type jsonRow struct {
	Rank       int    `json:"rank,omitempty"`
	Code       string `json:"code"`
	Unit       string `json:"unit"`
	Actual     *int64 `json:"actual"`
	Plan       *int64 `json:"plan"`
	Attainment string `json:"attainment"`
	Exact      string `json:"attainment_exact,omitempty"`
	Percent    string `json:"percent"`
}

// WriteJSON writes the table as a JSON array; a missing actual or plan is
// null; the attainment is a decimal string, exact when it has a finite
// decimal form ("1.82818…" is not: then it is rounded half up to 10
// decimals and "attainment_exact" holds the exact ratio actual/plan,
// "2011/1100"),
// and "percent" the percent with 2 decimals.
func (t Table) WriteJSON(w io.Writer) error {
	out := make([]jsonRow, 0, len(t.Rows))
	for _, r := range t.Rows {
		j := jsonRow{Rank: r.Rank, Code: r.Unit.Code.String(), Unit: r.Unit.FullName()}
		if r.HasActual {
			j.Actual = &r.Actual
		}
		if r.HasPlan {
			j.Plan = &r.Plan
		}
		if r.Attainment.IsValid() {
			j.Attainment, j.Exact = decimalText(big.NewRat(r.Attainment.Num(), r.Attainment.Den()))
			if j.Exact != "" {
				b, _ := r.Attainment.MarshalText() // actual/plan, as CSV and XLSX write it
				j.Exact = string(b)
			}
			j.Percent = r.Attainment.Percent(2, indicator.HalfUp).String()
		}
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// jsonDecimals is how many decimals a value without a finite decimal form
// is given in JSON, beside its exact fraction.
const jsonDecimals = 10

// decimalText writes x for programs: its exact decimal and "" when it has
// a finite decimal form; else x rounded half up to 10 decimals and the
// exact fraction. Both are "" for nil.
func decimalText(x *big.Rat) (dec, exact string) {
	if x == nil {
		return "", ""
	}
	if _, ok := numeral.FiniteDecimals(x); ok {
		return numeral.ExactString(x), ""
	}
	return indicator.Round(x, jsonDecimals, indicator.HalfUp).String(), x.RatString()
}

// WriteHTML writes a self-contained HTML page with the table.
func (t Table) WriteHTML(w io.Writer) error {
	var b strings.Builder
	lang := "vi"
	if t.Language == numeral.English {
		lang = "en"
	}
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=%q>\n<head>\n<meta charset=\"utf-8\">\n<title>%s</title>\n", lang, html.EscapeString(t.Title))
	b.WriteString("<style>body{font-family:sans-serif}table{border-collapse:collapse}th,td{padding:.2em .6em;border-bottom:1px solid #ccc}td.n{text-align:right}</style>\n</head>\n<body>\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n<table>\n<tr>", html.EscapeString(t.Title))
	for _, h := range ColumnNames(t.Language) {
		fmt.Fprintf(&b, "<th>%s</th>", html.EscapeString(h))
	}
	b.WriteString("</tr>\n")
	for _, r := range t.Rows {
		c := t.cells(r)
		fmt.Fprintf(&b, "<tr><td class=\"n\">%s</td><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
			html.EscapeString(c[0]), html.EscapeString(c[1]), c[2], c[3], c[4])
	}
	b.WriteString("</table>\n</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Sentence writes one row in the press's style: "ứng dụng thanh toán điện
// tử 256.620 tài khoản, đạt 171% kế hoạch". A row without a plan ends after
// the count; a row without an actual says so.
func Sentence(ind indicator.Indicator, r indicator.Row) string {
	if !r.HasActual {
		return fmt.Sprintf("%s: chưa có số liệu", ind.Name)
	}
	s := fmt.Sprintf("%s %s %s", ind.Name, numeral.FormatInt(r.Actual, numeral.Vietnamese), ind.Unit)
	if r.Attainment.IsValid() {
		s += ", đạt " + FormatPercent(r.Attainment, 0, indicator.HalfUp) + " kế hoạch"
	}
	return s
}

// EscapeMarkdown makes text safe inside a Markdown table cell: "|" is
// escaped, raw HTML is written as text ("<script>" as "&lt;script&gt;"),
// and line breaks become spaces, so that a unit's or a criterion's name
// can neither end a cell nor become markup.
func EscapeMarkdown(s string) string {
	return mdEscaper.Replace(s)
}

var mdEscaper = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "\r\n", " ", "\n", " ", "\r", " ")

// CSVSafe neutralises a CSV cell that a spreadsheet program would read as
// a formula, as OWASP advises for CSV injection: a cell starting with =,
// +, -, @, a tab or a carriage return gets a leading apostrophe. Numbers
// chiso writes never start so (counts and ratios are not negative).
func CSVSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
