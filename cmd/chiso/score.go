package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
)

// runScore scores units on a criteria set from reported values (and, when
// the set reads them, actuals and plans), and writes scores, pillars and
// ranks, with the ranks' sensitivity on request.
func runScore(e *env, args []string) error {
	fs, lang := flags(e)
	criteria := fs.String("criteria", "", "a criteria set: a JSON file, or the id of a reference set ("+composite.DTI2022Province+", "+composite.DTI2025Province+", "+composite.DTI2025National+", "+composite.Commune2025+")")
	values := fs.String("values", "", "reported values: CSV unit,criterion,value or JSON")
	share := fs.Bool("share", false, "values are shares (0–1) of each criterion's points, as DTI results are published")
	merge := fs.Bool("merge-2025", false, "score the units of 2025-07-01 from their predecessors, as the DTI 2024 did")
	samples := fs.Int("sensitivity", 0, "draw this many scenarios of perturbed weights and show how each rank moves")
	spread := fs.Float64("perturb", 0.25, "with --sensitivity: each criterion's points vary by up to this share")
	actuals := fs.String("actuals", "", "observations, when the set reads measures from data (CSV, JSON or XLSX)")
	plansFile := fs.String("plans", "", "plans, with --actuals")
	asOf := fs.String("as-of", "", "the date of the data (YYYY-MM-DD); default the latest observation")
	format := fs.String("format", "md", "md, csv, json or svg")
	out := fs.String("out", "", "write to this file instead of stdout")
	in := inputFlags(fs)
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *criteria == "" || *values == "" && *actuals == "" {
		return usagef("want --criteria FILE|ID and --values FILE (or --actuals)")
	}
	cat := indicator.Standard()
	c, err := e.readCriteria(*criteria, cat)
	if err != nil {
		return err
	}
	var date time.Time
	if *asOf != "" {
		if date, err = parseDate("as-of", *asOf); err != nil {
			return err
		}
	}
	res, err := e.result(cat, in, *actuals, *plansFile, date, false, false)
	if err != nil {
		return err
	}
	h := res.Hierarchy()
	var rep composite.Reported
	if *values != "" {
		f, err := e.open(*values)
		if err != nil {
			return err
		}
		defer f.Close()
		if rep, err = composite.ReadReported(f, *values, c, h, composite.ReportedOptions{Share: *share}); err != nil {
			return err
		}
	}
	sc, err := c.Score(res, rep)
	if err != nil {
		return err
	}
	if *merge {
		if h != region.Vietnam2024() {
			return usagef("--merge-2025 scores 2024 units onto 2025 ones: use --list 2024")
		}
		if sc, err = sc.Merge(region.Reorganisation2025(), region.Vietnam2025(), nil); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	t := report.ScoreTable{Title: c.Name(), Scores: sc.Ranking(), Language: e.lang}
	switch *format {
	case "md":
		err = t.WriteMarkdown(&buf)
	case "csv":
		err = t.WriteCSV(&buf)
	case "json":
		err = t.WriteJSON(&buf)
	case "svg":
		err = report.WriteScoreSVG(&buf, c.Name(), t.Scores)
	default:
		return usagef("--format %q: want md, csv, json or svg", *format)
	}
	if err != nil {
		return err
	}
	if *samples > 0 {
		if *format != "md" {
			return usagef("--sensitivity writes a Markdown table: use --format md")
		}
		spreads, err := sc.Sensitivity(composite.SensitivityOptions{Samples: *samples, Seed: 1, Weights: *spread})
		if err != nil {
			return usagef("%v", err)
		}
		writeSpreads(&buf, spreads, *samples, e.lang)
	}
	return e.writeOutput(*out, *format, buf.Bytes(), *criteria, *values, *actuals, *plansFile)
}

// readCriteria reads a criteria set from a file, or a reference set by id;
// a file is read with composite.ReadCriteria, within its limit of bytes.
func (e *env) readCriteria(name string, cat *indicator.Catalogue) (*composite.Criteria, error) {
	f, err := e.open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return composite.Reference(name)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return composite.ReadCriteria(f, name, cat)
}

// writeSpreads writes how each rank moves over the scenarios.
func writeSpreads(buf *bytes.Buffer, spreads []composite.RankSpread, samples int, lang numeral.Language) {
	title := numeral.Words{Vi: "Độ vững của thứ hạng (%d kịch bản trọng số)", En: "Robustness of the ranks (%d weight scenarios)"}
	head := numeral.Words{Vi: "| Hạng | Đơn vị | Trung vị | 5%–95% | Giữ hạng |", En: "| Rank | Unit | Median | 5%–95% | Kept |"}
	fmt.Fprintf(buf, "\n### "+title.In(lang)+"\n\n%s\n|---:|---|---:|---:|---:|\n", samples, head.In(lang))
	for _, s := range spreads {
		if s.Rank == 0 {
			continue
		}
		fmt.Fprintf(buf, "| %d | %s | %d | %d–%d | %d/%d |\n", s.Rank, s.Unit.FullName(), s.Median, s.Low, s.High, s.Kept, s.Ranked)
	}
}
