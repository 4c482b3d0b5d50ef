// Command coinr runs COINr's default pipeline on COINr's own ASEM example
// (51 countries, 49 indicators: testdata/coinr-asem) — denominate, impute
// by group mean, screen, treat outliers, min-max, arithmetic means — and
// prints the index, both sub-indices and the ranks, the indicators treated
// for outliers, and how far the top ranks depend on the normalisation and
// the weights. The results equal COINr's (the package's tests check every
// value against COINr 1.1.14).
package main

import (
	"cmp"
	"fmt"
	"io"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite/pipeline"
	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/numeral"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "coinr:", err)
		os.Exit(1)
	}
}

func open(name string) (*os.File, error) {
	return os.Open(filepath.Join(seeds.Root(), "testdata", "coinr-asem", name))
}

func run(w io.Writer) error {
	mf, err := open("ASEM_iMeta.csv")
	if err != nil {
		return err
	}
	defer mf.Close()
	f, err := pipeline.ReadFramework(mf, "ASEM_iMeta.csv")
	if err != nil {
		return err
	}
	df, err := open("ASEM_iData.csv")
	if err != nil {
		return err
	}
	defer df.Close()
	d, err := pipeline.ReadData(df, "ASEM_iData.csv", f)
	if err != nil {
		return err
	}
	steps := pipeline.COINrDefault("EurAsia_group")
	res, err := pipeline.Run(f, d, steps...)
	if err != nil {
		return err
	}
	// Ranked units by rank, then the unranked ones, each in the data's order.
	units := res.Units()
	rank := func(u pipeline.DataUnit) int {
		if r := res.Rank("Index", u.Code); r > 0 {
			return r
		}
		return len(units) + 1
	}
	slices.SortStableFunc(units, func(a, b pipeline.DataUnit) int { return cmp.Compare(rank(a), rank(b)) })
	fmt.Fprintf(w, "# Chỉ số ví dụ ASEM của COINr: %d quốc gia\n\n", len(units))
	fmt.Fprintf(w, "Các bước: %s.\n\n", strings.Join(res.Steps, "; "))
	fmt.Fprintln(w, "| Hạng | Quốc gia | Sustainable Connectivity | Connectivity | Sustainability |")
	fmt.Fprintln(w, "|---:|---|---:|---:|---:|")
	two := func(node, unit string) string {
		v, ok := res.Value(node, unit)
		if !ok {
			return "-"
		}
		return twoDecimals(v)
	}
	for _, u := range units {
		fmt.Fprintf(w, "| %d | %s | %s | %s | %s |\n", res.Rank("Index", u.Code), u.Name, two("Index", u.Code), two("Conn", u.Code), two("Sust", u.Code))
	}
	fmt.Fprintf(w, "\n## Xử lý giá trị ngoại lai (%d chỉ tiêu)\n\n", len(res.Treated))
	for _, t := range res.Treated {
		how := fmt.Sprintf("cắt %d giá trị (%s)", len(t.Winsorised), strings.Join(t.Winsorised, ", "))
		if t.Log {
			how = "lấy logarit"
		}
		fmt.Fprintf(w, "- %s: độ lệch %s, độ nhọn %s → %s\n", t.Indicator, fixed(t.Skew), fixed(t.Kurt), how)
	}
	spread, err := pipeline.Sensitivity(f, d, steps, pipeline.Variation{
		Normalisers: []pipeline.Normalise{{Method: pipeline.NormMinMax}, {Method: pipeline.NormZScore}, {Method: pipeline.NormRank}},
		Weights:     0.25, Samples: 100, Seed: 2025,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n## Thứ hạng vững đến đâu: 100 kịch bản (chuẩn hóa min-max, z-score hoặc thứ hạng; trọng số ±25%%)\n\n")
	for _, s := range spread[:10] {
		fmt.Fprintf(w, "- %s: %s\n", s.Unit.Name, s.Spread)
	}
	return nil
}

// twoDecimals writes an exact value with 2 decimals, half up, the
// Vietnamese way.
func twoDecimals(v *big.Rat) string {
	return numeral.FormatFixed(indicator.Round(v, 2, indicator.HalfUp), 2, numeral.Vietnamese)
}

// fixed writes a float statistic (a skewness, a kurtosis) like twoDecimals.
func fixed(x float64) string { return twoDecimals(new(big.Rat).SetFloat64(x)) }
