package region

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
)

func TestVietnam2024(t *testing.T) {
	h := Vietnam2024()
	if n := len(h.Level(LevelProvince)); n != 63 {
		t.Errorf("%d provinces before 2025, want 63", n)
	}
	cities := 0
	for _, i := range h.Level(LevelProvince) {
		if h.At(int(i)).Kind == KindCentralCity {
			cities++
		}
	}
	if cities != 6 { // Hà Nội, Hải Phòng, Huế, Đà Nẵng, Hồ Chí Minh, Cần Thơ
		t.Errorf("%d centrally-run cities, want 6", cities)
	}
	// The units the founding articles name, with their official codes.
	for _, tt := range []struct{ query, code, full string }{
		{"Lạng Sơn", "20", "tỉnh Lạng Sơn"},
		{"Cao Lộc", "183", "huyện Cao Lộc"},
		{"thị trấn Cao Lộc", "06187", "thị trấn Cao Lộc"},
		{"Đình Lập", "189", "huyện Đình Lập"},
		{"Bắc Xa", "06619", "xã Bắc Xa"},
		{"Bắc Ninh", "27", "tỉnh Bắc Ninh"},
		{"thị xã Quế Võ", "259", "thị xã Quế Võ"},
		{"phường Phố Mới", "09247", "phường Phố Mới"},
	} {
		got := h.Find(tt.query)
		if len(got) == 0 || got[0].Code.String() != tt.code || got[0].FullName() != tt.full {
			t.Errorf("Find(%q) = %v, want %s %s", tt.query, got, tt.code, tt.full)
		}
	}
	if diff := cmp.Diff([]string{"VN", "20", "183", "06187"}, codes(h.Path(MustParseCode("06187")))); diff != "" {
		t.Errorf("Path(06187): %s", diff)
	}
}

func TestVietnam2025(t *testing.T) {
	h := Vietnam2025()
	if n := len(h.Level(LevelProvince)); n != 34 {
		t.Errorf("%d provinces from 2025, want 34", n)
	}
	if u, _ := h.Unit(MustParseCode("24")); u.Name != "Bắc Ninh" {
		t.Errorf("unit 24 from 2025 is %v, want Bắc Ninh", u)
	}
}

func TestReorganisation2025(t *testing.T) {
	c := Reorganisation2025()
	if n := len(c.Links()); n != 63 {
		t.Errorf("%d links, want one per old province", n)
	}
	tests := []struct{ to, from string }{
		{"24", "24 27"},    // Bắc Giang and Bắc Ninh became Bắc Ninh
		{"20", "20"},       // Lạng Sơn unchanged
		{"25", "17 25 26"}, // Hoà Bình, Phú Thọ, Vĩnh Phúc
		{"79", "74 77 79"}, // Bình Dương, Bà Rịa - Vũng Tàu, Hồ Chí Minh
		{"92", "92 93 94"}, // Cần Thơ, Hậu Giang, Sóc Trăng
	}
	for _, tt := range tests {
		if diff := cmp.Diff(strings.Fields(tt.from), codesOf(c.Predecessors(MustParseCode(tt.to)))); diff != "" {
			t.Errorf("Predecessors(%s) (-want +got):\n%s", tt.to, diff)
		}
	}
	counts := map[Code]int64{}
	var total int64
	for i, idx := range Vietnam2024().Level(LevelProvince) {
		n := int64(1000 + i*37)
		counts[Vietnam2024().At(int(idx)).Code] = n
		total += n
	}
	out, err := c.ApplyCounts(counts)
	if err != nil {
		t.Fatal(err)
	}
	var sum int64
	for _, n := range out {
		sum += n
	}
	if sum != total || len(out) != 34 {
		t.Errorf("ApplyCounts: total %d over %d units, want %d over 34", sum, len(out), total)
	}
	if out[MustParseCode("24")] != counts[MustParseCode("24")]+counts[MustParseCode("27")] {
		t.Error("Bắc Ninh 2025 is not Bắc Giang + Bắc Ninh")
	}
}

func codesOf(cs []Code) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return out
}

func TestCrosswalkSplit(t *testing.T) {
	from := langSon(t)
	to, err := New([]Unit{u("20", "Lạng Sơn", KindProvince, ""), u("06001", "A", KindCommune, "20"), u("06002", "B", KindCommune, "20"), u("06003", "C", KindCommune, "20")})
	if err != nil {
		t.Fatal(err)
	}
	d := decimal.RequireFromString
	links := []Link{
		{MustParseCode("06187"), MustParseCode("06001"), d("0.5")},
		{MustParseCode("06187"), MustParseCode("06002"), d("0.5")},
		{MustParseCode("06184"), MustParseCode("06001"), d("1")},
		{MustParseCode("06190"), MustParseCode("06001"), d("0.3")},
		{MustParseCode("06190"), MustParseCode("06002"), d("0.3")},
		{MustParseCode("06190"), MustParseCode("06003"), d("0.4")},
		{MustParseCode("06619"), MustParseCode("06003"), d("1")},
	}
	c, err := NewCrosswalk(from, to, links)
	if err != nil {
		t.Fatal(err)
	}
	// 7 split 0.5/0.5: 3.5 each, the odd one to the smaller code. 10 split
	// 0.3/0.3/0.4: 3, 3, 4 exactly. 11 split: 3.3, 3.3, 4.4 → 3, 3, 4 and the
	// leftover 1 to the largest remainder (all .3/.4 → 4.4 has .4): 3, 3, 5.
	got, err := c.ApplyCounts(map[Code]int64{
		MustParseCode("06187"): 7,
		MustParseCode("06190"): 11,
		MustParseCode("06619"): 0,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[Code]int64{
		MustParseCode("06001"): 4 + 3,
		MustParseCode("06002"): 3 + 3,
		MustParseCode("06003"): 5 + 0,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ApplyCounts (-want +got):\n%s", diff)
	}
	if _, err := c.ApplyCounts(map[Code]int64{MustParseCode("20"): 1, MustParseCode("06187"): -1}); err == nil ||
		!strings.Contains(err.Error(), "unknown code 20") || !strings.Contains(err.Error(), "negative count -1 for 06187") {
		t.Errorf("ApplyCounts with bad input: %v", err)
	}
}

func TestNewCrosswalkErrors(t *testing.T) {
	from := langSon(t)
	to := from
	d := decimal.RequireFromString
	_, err := NewCrosswalk(from, to, []Link{
		{MustParseCode("06187"), MustParseCode("06187"), d("0.5")}, // sums to 0.5
		{MustParseCode("06184"), MustParseCode("06184"), d("1.5")}, // share above 1
		{MustParseCode("99"), MustParseCode("20"), d("1")},         // unknown old
		{MustParseCode("06190"), MustParseCode("06190"), d("1")},
		{MustParseCode("06190"), MustParseCode("06190"), d("1")}, // pair twice
	})
	if err == nil {
		t.Fatal("NewCrosswalk accepted bad links")
	}
	for _, want := range []string{
		"from 06187: shares of a unit do not sum to exactly 1 (they sum to 0.5)",
		"share 1.5 is not in (0, 1]",
		"unknown code 99 in the old hierarchy",
		"pair given twice",
		"old unit xã Bắc Xa (06619) is not mapped",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}
