package composite_test

import (
	"encoding/csv"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/indicator/composite"
	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/region"
)

// TestDTI2022Published scores the published main indicators of the first
// five provinces of DTI 2022 (testdata/dti2022.csv, from dti.gov.vn) with
// the 922/QĐ-BTTTT set, read as shares through ReadReported, and checks
// the published index, ranks and Quảng Ninh's pillar values. A published
// main indicator is rounded to 4 decimals, so an index recomputed from them
// may differ from the published one by less than 0,0001; Quảng Ninh's index
// and pillars round to exactly the published values.
func TestDTI2022Published(t *testing.T) {
	f, err := os.Open(filepath.Join(seeds.Root(), "testdata", "dti2022.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	c, err := composite.Reference(composite.DTI2022Province)
	if err != nil {
		t.Fatal(err)
	}
	var in strings.Builder
	in.WriteString("unit,criterion,value\n")
	for _, row := range rows[1:] {
		for k := 3; k <= 10; k++ {
			in.WriteString(row[2] + "," + head[k] + "," + row[k] + "\n")
		}
	}
	h := region.Vietnam2024()
	rep, err := composite.ReadReported(strings.NewReader(in.String()), "dti2022.csv", c, h, composite.ReportedOptions{Share: true})
	if err != nil {
		t.Fatal(err)
	}
	ds, _ := indicator.NewBuilder(h, indicator.Standard(), "none").Build()
	res, err := ds.Rollup(time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc, err := c.Score(res, rep)
	if err != nil {
		t.Fatal(err)
	}
	r4 := func(x *big.Rat) string { return indicator.Round(x, 4, indicator.HalfUp).String() }
	for _, row := range rows[1:] {
		us, ok := sc.Unit(region.MustParseCode(row[2]))
		if !ok || us.Index == nil {
			t.Fatalf("%s not scored: %+v", row[1], us)
		}
		published, _ := new(big.Rat).SetString(row[11])
		diff := new(big.Rat).Sub(us.Index, published)
		if diff.Abs(diff).Cmp(big.NewRat(1, 10000)) >= 0 {
			t.Errorf("%s: index %s, published %s", row[1], us.Index.FloatString(6), row[11])
		}
		if itoa(us.Rank) != row[0] {
			t.Errorf("%s: rank %d, published %s", row[1], us.Rank, row[0])
		}
		if row[12] == "" {
			continue
		}
		// Quảng Ninh: exact to the published 4 decimals.
		got := []string{r4(us.Index), r4(us.PillarValue[indicator.DigitalGov]), r4(us.PillarValue[indicator.DigitalEconomy]), r4(us.PillarValue[indicator.DigitalSociety])}
		want := []string{row[11], row[12], row[13], row[14]}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: index and pillars %v, published %v", row[1], got, want)
		}
	}
}
