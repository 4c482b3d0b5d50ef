package report

import (
	"fmt"
	"html"
	"io"
	"math/big"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
)

// WriteSVG draws a horizontal bar chart of attainment by unit: the chart
// of [WriteChart] for the rows of a roll-up.
func WriteSVG(w io.Writer, title string, rows []indicator.Row) error {
	return WriteChart(w, title, RollupRows(rows))
}

// WriteChart draws a horizontal bar chart of rows, one bar per row in
// order, each unit named and each bar labelled with its value as [Row.Text]
// writes it; a row without a value gets no bar and "-". Attainments are
// drawn on a scale from 0 to the larger of 100% and the highest one,
// rounded up to a multiple of 50%, with a dashed line at 100%; indices on
// their own scale, 0 to 1. Only widths go through float64, to place pixels.
func WriteChart(w io.Writer, title string, rows []Row) error {
	maxPct := int64(100)
	index := len(rows) > 0 && rows[0].Scale == Index
	bars := make([]bar, len(rows))
	for i, r := range rows {
		bars[i] = bar{label: r.Unit.FullName(), text: r.Text(numeral.Vietnamese)}
		if r.Value == nil {
			continue
		}
		bars[i].value, _ = r.Value.Float64()
		bars[i].ok = true
		if !index {
			bars[i].value *= 100
			maxPct = max(maxPct, indicator.Round(new(big.Rat).Mul(r.Value, hundred), 0, indicator.Up).IntPart())
		}
	}
	if index {
		return drawBars(w, title, bars, 1, 0, "")
	}
	maxPct = (maxPct + 49) / 50 * 50
	return drawBars(w, title, bars, float64(maxPct), 100, "100%")
}

// bar is one bar of a chart: a label, a value on the chart's scale (when
// ok) and the text printed at its end.
type bar struct {
	label, text string
	value       float64
	ok          bool
}

// drawBars draws bars on a scale from 0 to max, with a dashed reference
// line at ref labelled refText (none when refText is "").
func drawBars(w io.Writer, title string, bars []bar, max, ref float64, refText string) error {
	const (
		left, right, top, barH, gap, width = 200, 60, 40, 18, 6, 640
	)
	plot := float64(width - left - right)
	x := func(v float64) float64 { return left + plot*v/max }
	height := top + len(bars)*(barH+gap) + 20
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n", width, height, width, height)
	fmt.Fprintf(&b, `<title>%s</title>`+"\n", html.EscapeString(title))
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="14" font-weight="bold">%s</text>`+"\n", left, html.EscapeString(title))
	for i, r := range bars {
		y := top + i*(barH+gap)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`+"\n", left-6, y+barH-4, html.EscapeString(r.label))
		if r.ok {
			end := x(r.value)
			fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="#2b6cb0"/>`+"\n", left, y, end-left, barH)
			fmt.Fprintf(&b, `<text x="%.1f" y="%d">%s</text>`+"\n", end+4, y+barH-4, html.EscapeString(r.text))
			continue
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d">%s</text>`+"\n", left+4, y+barH-4, html.EscapeString(r.text))
	}
	if refText != "" {
		at := x(ref)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#c53030" stroke-dasharray="4 3"/>`+"\n", at, top-6, at, height-16)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="#c53030">%s</text>`+"\n", at, height-4, html.EscapeString(refText))
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
