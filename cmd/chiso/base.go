package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/target"
)

// baseInputs are rollup's flags for the bases of share targets.
type baseInputs struct {
	file *string
	asOf *string
}

// baseFlags adds --base and --base-as-of to fs.
func baseFlags(fs *flag.FlagSet) *baseInputs {
	return &baseInputs{
		file: fs.String("base", "", "bases of share plans (\"50%\"): observations of dan_so_truong_thanh, dan_so_15_tuoi or ho_gia_dinh by unit, CSV, JSON or XLSX; default those in --actuals"),
		asOf: fs.String("base-as-of", "", "read every base as of this date (YYYY-MM-DD) instead of each plan's due date: a base of another date, used because you say so"),
	}
}

// rollup rolls ds up on date against plans, reading bases as the flags
// say; b may be nil (a command without the flags).
func (b *baseInputs) rollup(e *env, ds *indicator.Dataset, date time.Time, plans *target.Set, h *region.Hierarchy, cat *indicator.Catalogue, in inputs) (*indicator.Result, error) {
	var opt indicator.RollupOptions
	if b != nil && *b.asOf != "" {
		d, err := parseDate("base-as-of", *b.asOf)
		if err != nil {
			return nil, err
		}
		opt.BaseDate = d
	}
	if b != nil && *b.file != "" {
		bases, _, bh, err := e.readActuals(*b.file, cat, in, date)
		if err != nil {
			return nil, err
		}
		if bh != h {
			w := numeral.Words{Vi: "%s: cơ sở đọc trên danh sách đơn vị khác với số liệu thực hiện: chọn danh sách bằng --list", En: "%s: the bases are read on another list of units than the actuals: choose one with --list"}
			return nil, usagef(w.In(e.lang), *b.file)
		}
		opt.Bases = bases
	}
	return ds.RollupWith(date, plans, opt)
}

// shareWords are the words of the coverage table.
var shareWords = struct {
	title, note                                                  numeral.Words
	rank, unit, actual, base, coverage, share, attainment, aRank numeral.Words
}{
	title:      numeral.Words{Vi: "%s so với %s, %s", En: "%s against %s, %s"},
	note:       numeral.Words{Vi: "Bao phủ = thực hiện / cơ sở; chỉ tiêu = Σ (tỷ lệ kế hoạch × cơ sở) / Σ cơ sở; tỷ lệ đạt = thực hiện / Σ (tỷ lệ × cơ sở), chính xác; kế hoạch in thành số người được làm tròn lên.", En: "Coverage = actual / base; target = Σ (planned share × base) / Σ base; attainment = actual / Σ (share × base), exact; a plan printed as a count is rounded up."},
	rank:       numeral.Words{Vi: "Hạng bao phủ", En: "Coverage rank"},
	unit:       numeral.Words{Vi: "Đơn vị", En: "Unit"},
	actual:     numeral.Words{Vi: "Thực hiện", En: "Actual"},
	base:       numeral.Words{Vi: "Cơ sở", En: "Base"},
	coverage:   numeral.Words{Vi: "Bao phủ", En: "Coverage"},
	share:      numeral.Words{Vi: "Chỉ tiêu", En: "Target"},
	attainment: numeral.Words{Vi: "Tỷ lệ đạt", En: "Attainment"},
	aRank:      numeral.Words{Vi: "Hạng đạt", En: "Attainment rank"},
}

// writeCoverage writes, after the attainment tables, a table of coverage
// for each of ids whose plans are shares: the rows ranked (by attainment)
// ranked again by coverage, with the base, the target share and the
// attainment beside it. Percents have one decimal, half up.
func writeCoverage(w io.Writer, e *env, res *indicator.Result, ids []string, ranked func(string) []indicator.Row) error {
	cat := res.Catalogue()
	pct := func(r indicator.Ratio) string {
		if !r.IsValid() {
			return "-"
		}
		return numeral.FormatDecimal(r.Percent(1, indicator.HalfUp), e.lang) + "%"
	}
	num := func(n int64, ok bool) string {
		if !ok {
			return "-"
		}
		return numeral.FormatInt(n, e.lang)
	}
	for _, id := range ids {
		rows := ranked(id)
		byUnit := map[region.Code]indicator.Row{}
		var entries []indicator.Entry
		for _, row := range rows {
			if row.SharePlan && row.Coverage().IsValid() {
				byUnit[row.Unit.Code] = row
				entries = append(entries, indicator.Entry{Unit: row.Unit.Code, Value: row.Coverage()})
			}
		}
		if len(entries) == 0 {
			continue
		}
		ranks, err := indicator.Rank(res.Hierarchy(), entries, indicator.Competition)
		if err != nil {
			return err
		}
		ind, _ := cat.Lookup(id)
		base, _ := cat.BaseOf(id)
		l := e.lang
		fmt.Fprintf(w, "\n### "+shareWords.title.In(l)+"\n\n", ind.Name, base.Name, res.AsOf().Format("02/01/2006"))
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s | %s |\n|---:|---|---:|---:|---:|---:|---:|---:|\n",
			shareWords.rank.In(l), shareWords.unit.In(l), shareWords.actual.In(l), shareWords.base.In(l),
			shareWords.coverage.In(l), shareWords.share.In(l), shareWords.attainment.In(l), shareWords.aRank.In(l))
		for _, rk := range ranks {
			row := byUnit[rk.Unit]
			fmt.Fprintf(w, "| %d | %s | %s | %s | %s | %s | %s | %d |\n", rk.Rank, row.Unit.FullName(),
				num(row.Actual, row.HasActual), num(row.Base, row.HasBase), pct(row.Coverage()),
				pct(row.TargetShare()), pct(row.Attainment), row.Rank)
		}
		fmt.Fprintf(w, "\n%s\n", shareWords.note.In(l))
	}
	return nil
}
