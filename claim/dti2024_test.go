package claim

import (
	"encoding/csv"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

type dtiRow struct{ source, fragment, unit, code, measure, value, rank string }

func loadDTI2024(t *testing.T) []dtiRow {
	f, err := os.Open(filepath.Join(seeds.Root(), "testdata", "dti2024.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []dtiRow
	for _, rec := range recs[1:] {
		out = append(out, dtiRow{rec[0], rec[1], rec[2], rec[3], rec[4], rec[5], rec[6]})
	}
	return out
}

// TestDTI2024Growth: 0,7326 to 0,7955 is a growth of 8,57% to 8,60% once
// both 4-decimal values are read as rounded, which the printed 8,6% allows.
func TestDTI2024Growth(t *testing.T) {
	v := map[string]string{}
	frag := ""
	for _, r := range loadDTI2024(t) {
		if r.code == "VN" {
			v[r.measure] = r.value
			if r.measure == "growth" {
				frag = r.fragment
			}
		}
	}
	f := CheckGrowth(frag, v["dti_2023"], v["dti"], v["growth"])
	if !f.Holds || f.Range.Format(2) != "(8,57; 8,6)" {
		t.Errorf("national growth: %v (range %s)", f, f.Range.Format(2))
	}
	// A misprint would be caught: 0,7955 is not 9,6% above 0,7326.
	if f := CheckGrowth(frag, v["dti_2023"], v["dti"], "9,6%"); f.Holds {
		t.Errorf("9,6%% accepted: %v", f)
	}
}

// TestDTI2024Ranks: the published values of the top four give the published
// ranks; each value parses with four decimals.
func TestDTI2024Ranks(t *testing.T) {
	h := region.Vietnam2025()
	var entries []indicator.Entry
	ranks := map[region.Code]int{}
	for _, r := range loadDTI2024(t) {
		if r.measure != "dti" || r.code == "VN" {
			continue
		}
		fig, err := figure.Parse(r.value)
		if err != nil {
			t.Fatal(err)
		}
		num := new(big.Rat).Mul(fig.Value, big.NewRat(10000, 1))
		code := region.MustParseCode(r.code)
		entries = append(entries, indicator.Entry{Unit: code, Value: indicator.MustRatio(num.Num().Int64(), 10000)})
		ranks[code] = int(r.rank[0] - '0')
	}
	if len(entries) != 4 {
		t.Fatalf("%d published values", len(entries))
	}
	for code, rank := range ranks {
		if f := CheckRank("DTI 2024", rank, code, h, entries); !f.Holds {
			t.Errorf("%v", f)
		}
	}
	// The bottom three lie "từ khoảng 0,5 đến gần 0,6": [0,45; 0,6).
	for _, r := range loadDTI2024(t) {
		if r.measure == "dti_bottom3_low" || r.measure == "dti_bottom3_high" {
			if _, err := figure.Parse(r.value); err != nil {
				t.Errorf("%s: %v", r.value, err)
			}
		}
	}
}

func TestOtherClaims(t *testing.T) {
	if f := CheckLocalities("19/218 địa phương hoàn thành ... 199 còn lại", "19/218", "199"); !f.Holds {
		t.Errorf("%v", f)
	}
	if f := CheckLocalities("19/218 ... 189 còn lại", "19/218", "189"); f.Holds {
		t.Errorf("189 accepted: %v", f)
	}
	if f := CheckGrowth("tăng 8.221 tài khoản", "248.399", "256.620", "8.221"); !f.Holds {
		t.Errorf("absolute growth: %v", f)
	}
	if f := CheckGrowth("x", "217.00", "1", "1%"); f.Kind != Malformed {
		t.Errorf("malformed growth: %v", f)
	}
	// Quế Võ's 60%: of a plan of 101.378 it holds; of 150.000 residents not.
	fs := CheckBases("60.827 chữ ký số, đạt tỷ lệ 60%", "60.827", "60%", []string{"kế hoạch", "dân số"},
		map[string]string{"kế hoạch": "101.378", "dân số": "150.000"})
	if len(fs) != 2 || !fs[0].Holds || fs[1].Holds {
		t.Errorf("bases: %v", fs)
	}
	h := region.Vietnam2024()
	entries := []indicator.Entry{
		{Unit: region.MustParseCode("20"), Value: indicator.MustRatio(340000, 1)},
		{Unit: region.MustParseCode("27"), Value: indicator.MustRatio(500000, 1)},
		{Unit: region.MustParseCode("01"), Value: indicator.MustRatio(900000, 1)},
		{Unit: region.MustParseCode("24"), Value: indicator.MustRatio(400000, 1)},
	}
	if f := CheckRank("đứng thứ 3 toàn quốc", 3, region.MustParseCode("20"), h, entries); f.Holds || f.Message(numeral.English) != "the data rank 20 4 of 4; printed 3" {
		t.Errorf("rank: %v", f)
	}
}
