// Command dti2025 scores the communes of thị xã Quế Võ on chiso's
// commune-level 2025 criteria set twice, with and without the share of adult
// residents holding a public digital signature (the criterion Bắc Ninh
// considers adding for 2025), and prints both rankings, who moved, and
// (with -svg FILE) a bar chart of the index.
//
// The units, their kinds and codes are those of the official list; the counts are
// illustrative, generated from a fixed seed, not published figures.
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/target"
)

func main() {
	svgPath := flag.String("svg", "", "write the bar chart of the index to this SVG file")
	flag.Parse()
	var svg io.Writer
	if *svgPath != "" {
		f, err := os.Create(*svgPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "dti2025:", err)
			os.Exit(1)
		}
		defer f.Close()
		svg = f
	}
	if err := run(os.Stdout, svg); err != nil {
		fmt.Fprintln(os.Stderr, "dti2025:", err)
		os.Exit(1)
	}
}

// data returns the roll-up of illustrative counts for the communes of h.
func data(h *region.Hierarchy) (*indicator.Result, error) {
	cat := indicator.Standard()
	b := indicator.NewBuilder(h, cat, "illustrative")
	r := rand.New(rand.NewPCG(2025, 4))
	day := time.Date(2025, 3, 23, 0, 0, 0, 0, time.UTC)
	var plans []target.Target
	for _, i := range h.Level(region.LevelCommune) {
		u := h.At(int(i))
		adults := 4000 + r.Int64N(8000)
		// add records a share of the adults between lo and lo+span per mille.
		add := func(id string, lo, span int64) {
			n := adults * (lo + r.Int64N(span+1)) / 1000
			b.Add(indicator.Observation{Indicator: id, Unit: u.Code, Date: day, Value: n})
		}
		add("dan_so_truong_thanh", 1000, 0)
		add("vneid_l2", 550, 350)
		add("chu_ky_so", 150, 600)
		add("bhyt_vneid", 400, 400)
		add("cong_dan_so", 200, 500)
		add("tap_huan", 200, 400)
		for _, id := range []string{"thanh_toan_dt", "tmdt"} {
			add(id, 200, 300)
			plans = append(plans, target.Target{Indicator: id, Unit: u.Code, Value: target.Count(adults / 3)})
		}
		b.Add(indicator.Observation{Indicator: "to_cnscd", Unit: u.Code, Date: day, Value: int64(r.IntN(3))})
	}
	ds, err := b.Build()
	if err != nil {
		return nil, err
	}
	ps, err := target.NewSet(h, plans)
	if err != nil {
		return nil, err
	}
	return ds.Rollup(day, ps)
}

func run(w, svg io.Writer) error {
	// Thị xã Quế Võ with its communes and wards, as the official list of
	// 2025-03-01 gives them.
	h, ok := region.Vietnam2024().Sub(region.MustParseCode("259"))
	if !ok {
		return fmt.Errorf("no thị xã Quế Võ in the built-in list")
	}
	res, err := data(h)
	if err != nil {
		return err
	}
	with, err := composite.Reference(composite.Commune2025)
	if err != nil {
		return err
	}
	without, err := with.Without("cqs_chu_ky_so")
	if err != nil {
		return err
	}
	a, err := with.Score(res, nil)
	if err != nil {
		return err
	}
	b, err := without.Score(res, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "# %s, thị xã Quế Võ (số liệu minh họa)\n\n", with.Name())
	for _, t := range []struct {
		title string
		sc    *composite.Scorecard
	}{{"Có tiêu chí chữ ký số", a}, {"Không có tiêu chí chữ ký số", b}} {
		title := fmt.Sprintf("%s (tối đa %s điểm)", t.title, t.sc.Criteria().Points())
		if err := (report.ScoreTable{Title: title, Scores: t.sc.Ranking()}).WriteMarkdown(w); err != nil {
			return err
		}
		fmt.Fprintln(w)
	}
	moves, err := composite.Diff(b, a)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "### Thêm tiêu chí chữ ký số thì ai đổi hạng\n\n")
	if len(moves) == 0 {
		fmt.Fprintln(w, "Không đơn vị nào đổi hạng.")
	}
	for _, m := range moves {
		fmt.Fprintf(w, "- %s: hạng %d → %d (chỉ số %s → %s)\n", m.Unit.FullName(), m.Before, m.After,
			report.FormatIndex(m.IndexBefore), report.FormatIndex(m.IndexAfter))
	}
	// How robust is each rank? 1.000 scenarios with every criterion's
	// points within ±20%.
	spread, err := a.Sensitivity(composite.SensitivityOptions{Samples: 1000, Seed: 2025, Weights: 0.2})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n### Thứ hạng vững đến đâu: 1.000 kịch bản, điểm mỗi tiêu chí thay đổi trong ±20%%\n\n")
	for _, s := range spread {
		fmt.Fprintf(w, "- %s: %s\n", s.Unit.FullName(), s)
	}
	if svg == nil {
		return nil
	}
	return report.WriteScoreSVG(svg, "Chỉ số chuyển đổi số cấp xã 2025 (có chữ ký số)", a.Ranking())
}
