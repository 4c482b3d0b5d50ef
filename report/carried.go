package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// CarriedTable is a table of figures carried across a reorganisation
// ([indicator.Result.Carry]): each new unit with its actual, plan and
// attainment, exact where it can be, a range where an old unit was split.
type CarriedTable struct {
	Title    string
	Rows     []indicator.Carried
	Language numeral.Language
}

// bounds writes a count that lies in b: "1.234", or "1.200–1.500".
func bounds(b region.Bounds, ok bool, lang numeral.Language) string {
	if !ok {
		return "-"
	}
	lo := numeral.Localize(strconv.FormatInt(b.Low, 10), lang)
	if b.Exact() {
		return lo
	}
	return lo + "–" + numeral.Localize(strconv.FormatInt(b.High, 10), lang)
}

// attainment writes the attainments a carried row allows as whole
// percents rounded outward, so that the range printed holds the true one:
// "80%–95%", or "80%" when exact (rounded half up, as the press does); "-"
// without a plan, and "≥ 80%" when the plan may be zero.
func attainment(c indicator.Carried, lang numeral.Language) string {
	least, most := c.Attainment()
	if !least.IsValid() {
		return "-"
	}
	if least == most {
		return numeral.Localize(least.Percent(0, indicator.HalfUp).String(), lang) + "%" // exact: as the press rounds
	}
	lo := numeral.Localize(least.Percent(0, indicator.Down).String(), lang) + "%"
	if !most.IsValid() {
		return "≥ " + lo
	}
	return lo + "–" + numeral.Localize(most.Percent(0, indicator.Up).String(), lang) + "%"
}

func (t CarriedTable) cells(c indicator.Carried) [5]string {
	return [5]string{c.Unit.Code.String(), c.Unit.FullName(), bounds(c.Actual, c.HasActual, t.Language),
		bounds(c.Plan, c.HasPlan, t.Language), attainment(c, t.Language)}
}

func (t CarriedTable) header() [5]string {
	names := ColumnNames(t.Language)
	code := numeral.Words{Vi: "Mã", En: "Code"}.In(t.Language)
	return [5]string{code, names[1], names[2], names[3], names[4]}
}

// WriteMarkdown writes the table as GitHub-flavoured Markdown.
func (t CarriedTable) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	if t.Title != "" {
		fmt.Fprintf(&b, "### %s\n\n", EscapeMarkdown(t.Title))
	}
	h := t.header()
	fmt.Fprintf(&b, "| %s |\n|---|---|---:|---:|---:|\n", strings.Join(h[:], " | "))
	for _, c := range t.Rows {
		cells := t.cells(c)
		cells[1] = EscapeMarkdown(cells[1])
		fmt.Fprintf(&b, "| %s |\n", strings.Join(cells[:], " | "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// carriedColumns are the CSV columns of the bounds.
var carriedColumns = [4]numeral.Words{{Vi: "Thực hiện (thấp nhất)", En: "Actual (low)"}, {Vi: "Thực hiện (cao nhất)", En: "Actual (high)"},
	{Vi: "Kế hoạch (thấp nhất)", En: "Plan (low)"}, {Vi: "Kế hoạch (cao nhất)", En: "Plan (high)"}}

// WriteCSV writes the table for machines, headers in the table's
// language: each bound in its own column, plain digits, empty when
// missing; a unit's name that would read as a formula gets a leading
// apostrophe.
func (t CarriedTable) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	h := t.header()
	head := []string{h[0], h[1]}
	for _, c := range carriedColumns {
		head = append(head, c.In(t.Language))
	}
	cw.Write(head)
	for _, c := range t.Rows {
		rec := []string{c.Unit.Code.String(), CSVSafe(c.Unit.FullName()), "", "", "", ""}
		if c.HasActual {
			rec[2], rec[3] = strconv.FormatInt(c.Actual.Low, 10), strconv.FormatInt(c.Actual.High, 10)
		}
		if c.HasPlan {
			rec[4], rec[5] = strconv.FormatInt(c.Plan.Low, 10), strconv.FormatInt(c.Plan.High, 10)
		}
		cw.Write(rec)
	}
	cw.Flush()
	return cw.Error()
}
