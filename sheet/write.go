package sheet

import (
	"fmt"
	"io"
	"math/big"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
)

// WriteOptions says what [WriteRollup] writes.
type WriteOptions struct {
	Language   numeral.Language
	Indicators []string             // the indicators, in order; nil is every one of the result's catalogue
	Levels     []region.Level       // one sheet each; nil is province, district and commune
	Method     indicator.RankMethod // how equal attainments share ranks
}

var (
	sheetNames = [5]numeral.Words{{}, {Vi: "Quốc gia", En: "Nation"}, {Vi: "Tỉnh", En: "Provinces"}, {Vi: "Huyện", En: "Districts"}, {Vi: "Xã", En: "Communes"}}
	extraCols  = [3]numeral.Words{{Vi: "Nền tảng", En: "Indicator"}, {Vi: "Mã", En: "Code"}, {Vi: "Tỷ lệ đạt (chính xác)", En: "Attainment (exact)"}}
)

// WriteRollup writes the ranked rows of res as an XLSX workbook: one sheet
// per level (a level without rows gets no sheet), one row per indicator
// and unit that has an attainment, best first. The columns are the
// indicator, the rank, the code, the unit and report's columns for the
// actual, the plan and the attainment; counts are numbers with thousands
// grouped, the attainment the ratio itself: a formula =actual/plan, which
// the spreadsheet computes to its full precision, with its value stored
// as well (to Excel's 15 significant digits), so that a format with
// decimals shows 16590/17200 as 96,45%, not 96,00%; the cell's format
// shows a whole percent. The exact ratio is beside it as text
// ("256620/150000"), the header row frozen.
func WriteRollup(w io.Writer, res *indicator.Result, opt WriteOptions) error {
	lang := opt.Language
	f := excelize.NewFile()
	defer f.Close()
	count, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0
	if err != nil {
		return err
	}
	percent, err := f.NewStyle(&excelize.Style{NumFmt: 9}) // 0%
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	cat := res.Catalogue()
	ids := opt.Indicators
	if ids == nil {
		for _, ind := range cat.All() {
			ids = append(ids, ind.ID)
		}
	}
	levels := opt.Levels
	if levels == nil {
		levels = []region.Level{region.LevelProvince, region.LevelDistrict, region.LevelCommune}
	}
	names := report.ColumnNames(lang)
	header := []any{extraCols[0].In(lang), names[0], extraCols[1].In(lang), names[1], names[2], names[3], names[4], extraCols[2].In(lang)}
	first := true
	for _, l := range levels {
		var rows [][]any
		var ratios []string // the attainment as a formula: actual/plan
		for _, id := range ids {
			ind, ok := cat.Lookup(id)
			if !ok {
				return fmt.Errorf("sheet: %w %q", indicator.ErrUnknownIndicator, id)
			}
			for _, r := range res.Ranked(id, l, opt.Method) {
				exact, _ := r.Attainment.MarshalText()
				rows = append(rows, []any{ind.Name, r.Rank, r.Unit.Code.String(), r.Unit.FullName(), r.Actual, r.Plan, shown(r.Attainment), string(exact)})
				ratios = append(ratios, fmt.Sprintf("%d/%d", r.Attainment.Num(), r.Attainment.Den()))
			}
		}
		if len(rows) == 0 {
			continue
		}
		name := sheetNames[l].In(lang)
		if first {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
			first = false
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			return err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		for c, width := range []float64{36, 8, 10, 32, 14, 14, 12, 20} {
			if err := sw.SetColWidth(c+1, c+1, width); err != nil {
				return err
			}
		}
		hdr := make([]any, len(header))
		for i, h := range header {
			hdr[i] = excelize.Cell{Value: h, StyleID: bold}
		}
		if err := sw.SetRow("A1", hdr); err != nil {
			return err
		}
		for i, r := range rows {
			r[4] = excelize.Cell{Value: r[4], StyleID: count}
			r[5] = excelize.Cell{Value: r[5], StyleID: count}
			r[6] = excelize.Cell{Value: r[6], StyleID: percent, Formula: ratios[i]}
			if err := sw.SetRow("A"+strconv.Itoa(i+2), r); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	if first {
		return fmt.Errorf("sheet: no unit has an attainment at the levels asked for")
	}
	_, err = f.WriteTo(w)
	return err
}

// shown is the attainment as the percent cell holds it: the float64
// nearest the exact ratio.
func shown(r indicator.Ratio) float64 {
	f, _ := new(big.Rat).SetFrac64(r.Num(), r.Den()).Float64()
	return f
}
