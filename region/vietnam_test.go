package region

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
)

// The counts of data/README.md, as the statistics office's lists give them.
func TestBuiltinCounts(t *testing.T) {
	for _, tt := range []struct {
		name string
		h    *Hierarchy
		want [LevelCommune + 1]int
		kind map[Kind]int
	}{
		{"Vietnam2024", Vietnam2024(), [...]int{0, 1, 63, 696, 10047}, map[Kind]int{
			KindProvince: 57, KindCentralCity: 6, KindDistrict: 508, KindUrbanDistrict: 49,
			KindTownship: 52, KindProvincialCity: 85, KindCityOfCentralCity: 2,
			KindCommune: 7704, KindWard: 1726, KindTown: 617, // with the correction of data/README.md
		}},
		{"Vietnam2025", Vietnam2025(), [...]int{0, 1, 34, 0, 3321}, map[Kind]int{
			KindProvince: 28, KindCentralCity: 6, KindCommune: 2621, KindWard: 687, KindSpecialZone: 13,
		}},
	} {
		var got [LevelCommune + 1]int
		kinds := map[Kind]int{}
		for _, u := range tt.h.All() {
			got[u.Code.Level()]++
			if u.Kind != KindNation {
				kinds[u.Kind]++
			}
		}
		if got != tt.want {
			t.Errorf("%s: units per level %v, want %v", tt.name, got, tt.want)
		}
		if diff := cmp.Diff(tt.kind, kinds); diff != "" {
			t.Errorf("%s: units per kind (-want +got):\n%s", tt.name, diff)
		}
	}
}

// The units of the founding articles, and where they went on 2025-07-01.
func TestArticleUnitsReorganised(t *testing.T) {
	old, now, c := Vietnam2024(), Vietnam2025(), Reorganisation2025()
	for _, tt := range []struct {
		query, code, official string
		successors            []string // new code, kind and official name
	}{
		{"thị xã Quế Võ", "259", "Thị xã Quế Võ", nil},
		{"phường Phố Mới, Quế Võ", "09247", "Phường Phố Mới", []string{"09247 toàn bộ Phường Quế Võ"}},
		{"Bắc Xa", "06619", "Xã Bắc Xa", []string{"06625 toàn bộ Xã Kiên Mộc"}},
		{"thị trấn Cao Lộc, huyện Cao Lộc, Lạng Sơn", "06187", "Thị trấn Cao Lộc", []string{"06187 toàn bộ Phường Kỳ Lừa"}},
		{"huyện Đình Lập", "189", "Huyện Đình Lập", nil},
		{"Phường 15, Phú Nhuận", "27076", "Phường 15", []string{"27058 một phần Phường Cầu Kiệu", "27073 một phần Phường Phú Nhuận"}},
		{"tỉnh Bắc Ninh", "27", "Tỉnh Bắc Ninh", []string{"24 toàn bộ Tỉnh Bắc Ninh"}},
	} {
		found := old.Find(tt.query)
		if len(found) != 1 || found[0].Code.String() != tt.code || found[0].OfficialName() != tt.official {
			t.Errorf("Find(%q) = %v, want %s %s", tt.query, found, tt.code, tt.official)
			continue
		}
		var got []string
		for _, l := range c.Successors(found[0].Code) {
			u, _ := now.Unit(l.To)
			got = append(got, l.To.String()+" "+l.Kind.String()+" "+u.OfficialName())
		}
		if diff := cmp.Diff(tt.successors, got); diff != "" {
			t.Errorf("Successors(%s) (-want +got):\n%s", tt.code, diff)
		}
	}
}

// Every old commune (and island district without communes) has a
// successor, and every new unit a predecessor.
func TestReorganisationComplete(t *testing.T) {
	c := Reorganisation2025()
	old, now := c.From(), c.To()
	var partial, split int
	for i, u := range old.All() {
		s := c.Successors(u.Code)
		leaf := old.end[i] == int32(i+1)
		switch {
		case u.Code.Level() == LevelDistrict && !leaf:
			if len(s) != 0 {
				t.Errorf("district %v has successors %v", u, s)
			}
		case u.Kind != KindNation && len(s) == 0:
			t.Errorf("old unit %v has no successor", u)
		}
		if len(s) > 1 {
			split++
		}
		for _, l := range s {
			if l.Kind == Partial {
				partial++
			}
		}
	}
	if partial != 1012 || split != 460 {
		t.Errorf("%d partial links over %d split units, want 1012 over 460", partial, split)
	}
	for _, u := range now.All() {
		if u.Kind != KindNation && len(c.Predecessors(u.Code)) == 0 {
			t.Errorf("new unit %v has no predecessor", u)
		}
	}
	if n := len(c.Links()); n != 63+10604 {
		t.Errorf("%d links, want 63 + 10,604", n)
	}
	// Provinces: Bắc Giang (24) and Bắc Ninh (27) became Bắc Ninh (24).
	if diff := cmp.Diff([]Link{{MustParseCode("24"), MustParseCode("24"), Full}, {MustParseCode("27"), MustParseCode("24"), Full}},
		c.Predecessors(MustParseCode("24")), cmp.Comparer(func(a, b Code) bool { return a == b })); diff != "" {
		t.Errorf("Predecessors(24) (-want +got):\n%s", diff)
	}
}

// A count carried across a real split, by hand: Phường 15 of quận Phú Nhuận
// (27076) went in part to Phường Cầu Kiệu (27058, with Phường 1, 2 and 7
// whole) and in part to Phường Phú Nhuận (27073, with Phường 8, 10, 11 and
// 13 whole).
func TestCarryPartial(t *testing.T) {
	c := Reorganisation2025()
	m := MustParseCode
	counts := map[Code]int64{
		m("27058"): 100, m("27061"): 200, m("27052"): 300, // Phường 1, 2, 7
		m("27064"): 10, m("27070"): 20, m("27073"): 30, m("27085"): 40, // Phường 8, 10, 11, 13
		m("27076"): 1000, // Phường 15, split
	}
	got, err := c.Carry(counts, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[Code]Bounds{
		m("27058"): {600, 1600}, // surely 100+200+300; at most all of Phường 15 too
		m("27073"): {100, 1100},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b Code) bool { return a == b })); diff != "" {
		t.Errorf("Carry without shares (-want +got):\n%s", diff)
	}

	// With fractions: exact.
	s, err := c.Shares([]Part{{m("27076"), m("27058"), decimal.RequireFromString("0.25")}, {m("27076"), m("27073"), decimal.RequireFromString("0.75")}})
	if err != nil {
		t.Fatal(err)
	}
	got, err = c.Carry(counts, s)
	if err != nil {
		t.Fatal(err)
	}
	if want := (map[Code]Bounds{m("27058"): {850, 850}, m("27073"): {850, 850}}); !cmp.Equal(want, got, cmp.Comparer(func(a, b Code) bool { return a == b })) {
		t.Errorf("Carry with shares 1/4, 3/4 = %v, want %v", got, want)
	}
	// With populations 3,000 and 6,000: 1000/3 and 2000/3 are 333,3 and
	// 666,7; the leftover count goes to the larger remainder.
	s, err = c.Weights([]Part{{m("27076"), m("27058"), decimal.NewFromInt(3000)}, {m("27076"), m("27073"), decimal.NewFromInt(6000)}})
	if err != nil {
		t.Fatal(err)
	}
	got, err = c.Carry(counts, s)
	if err != nil {
		t.Fatal(err)
	}
	if want := (map[Code]Bounds{m("27058"): {933, 933}, m("27073"): {767, 767}}); !cmp.Equal(want, got, cmp.Comparer(func(a, b Code) bool { return a == b })) {
		t.Errorf("Carry with weights 3000, 6000 = %v, want %v", got, want)
	}

	// Back again: the old units' history from the new units' counts. Phường
	// 15 may hold anything from nothing to both new wards' counts.
	back, err := c.Reverse().Carry(map[Code]int64{m("27058"): 1600, m("27073"): 1100}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if b := back[m("27076")]; b != (Bounds{0, 2700}) {
		t.Errorf("Reverse: Phường 15 = %v, want [0, 2700]", b)
	}
	if b := back[m("27058")]; b != (Bounds{0, 1600}) {
		t.Errorf("Reverse: Phường 1 = %v, want [0, 1600]", b)
	}
	// Xã Ia Chia (Gia Lai) is the only predecessor of the new Xã Ia Chia:
	// exact both ways.
	back, err = c.Reverse().Carry(map[Code]int64{m("23788"): 42}, nil)
	if err != nil || len(back) != 1 || back[m("23788")] != (Bounds{42, 42}) {
		t.Errorf("Reverse: Ia Chia = %v, %v; want 42", back, err)
	}
	// Phường Kỳ Lừa was formed from thị trấn Cao Lộc and parts of others:
	// each may hold anything up to its count.
	back, err = c.Reverse().Carry(map[Code]int64{m("06187"): 42}, nil)
	if err != nil || len(back) != 5 || back[m("06187")] != (Bounds{0, 42}) {
		t.Errorf("Reverse: Kỳ Lừa = %v, %v; want five old units in [0, 42]", back, err)
	}
	if c.Reverse().Reverse() != c {
		t.Error("Reverse().Reverse() is not the crosswalk")
	}
}

func TestCarryErrors(t *testing.T) {
	c := Reorganisation2025()
	m := MustParseCode
	_, err := c.Carry(map[Code]int64{
		m("27076"): 5,  // Phường 15 alone: both its new wards lack predecessors
		m("259"):   1,  // a district: the level was abolished
		m("06187"): -1, // negative
	}, nil)
	for _, want := range []error{ErrIncomplete, ErrUnknownUnit, ErrNegative} {
		if !errors.Is(err, want) {
			t.Errorf("error does not wrap %v: %v", want, err)
		}
	}
	for _, want := range []string{
		"unknown unit 259: no successor",
		"negative count -1 for 06187",
		"new unit phường Cầu Kiệu (27058): a predecessor has no count: [27052 27058 27061]",
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	_, err = c.Carry(map[Code]int64{m("06187"): 1 << 62, m("06184"): 1 << 62, m("06190"): 1 << 62}, nil)
	if !errors.Is(err, ErrOverflow) {
		t.Errorf("overflow: %v", err)
	}
}

func TestSharesErrors(t *testing.T) {
	c := Reorganisation2025()
	m := MustParseCode
	d := decimal.RequireFromString
	for _, tt := range []struct {
		name  string
		parts []Part
		want  string
	}{
		{"not summing to 1", []Part{{m("27076"), m("27058"), d("0.3")}, {m("27076"), m("27073"), d("0.3")}}, "shares of phường 15 (27076): invalid share: they sum to 0.600000, not exactly 1"},
		{"missing link", []Part{{m("27076"), m("27058"), d("1")}}, "1 of its 2 links have none"},
		{"full link", []Part{{m("06187"), m("06187"), d("1")}}, "a full link carries the whole unit"},
		{"no such link", []Part{{m("27076"), m("06187"), d("1")}}, "share 27076→06187: no such link"},
		{"above 1", []Part{{m("27076"), m("27058"), d("1.5")}, {m("27076"), m("27073"), d("-0.5")}}, "1.5 is above 1"},
		{"zero", []Part{{m("27076"), m("27058"), d("0")}, {m("27076"), m("27073"), d("1")}}, "0 is not positive"},
		{"twice", []Part{{m("27076"), m("27058"), d("0.5")}, {m("27076"), m("27058"), d("0.5")}, {m("27076"), m("27073"), d("0.5")}}, "given twice"},
		{"unknown unit", []Part{{m("99999"), m("27058"), d("1")}}, "unknown unit 99999"},
	} {
		_, err := c.Shares(tt.parts)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Shares error %v, want %q", tt.name, err, tt.want)
		}
	}
	// Weights need not sum to 1, but must be positive.
	if _, err := c.Weights([]Part{{m("27076"), m("27058"), d("2")}, {m("27076"), m("27073"), d("0")}}); err == nil || !errors.Is(err, ErrShare) {
		t.Errorf("Weights with a zero weight: %v", err)
	}
	other, _ := NewCrosswalk(c.From(), c.To(), c.Links())
	s, _ := other.Weights(nil)
	if _, err := c.Carry(map[Code]int64{}, s); err == nil {
		t.Error("Carry took shares of another crosswalk")
	}
}

func TestAt(t *testing.T) {
	hcm := time.FixedZone("ICT", 7*3600)
	for _, tt := range []struct {
		t    time.Time
		want *Hierarchy
	}{
		{time.Date(2025, 3, 23, 0, 0, 0, 0, hcm), Vietnam2024()},
		{time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Vietnam2024()},
		{time.Date(2025, 6, 30, 23, 59, 0, 0, hcm), Vietnam2024()},
		{time.Date(2025, 7, 1, 0, 0, 0, 0, hcm), Vietnam2025()}, // the calendar date where it was said
		{time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Vietnam2025()},
	} {
		if got, err := At(tt.t); err != nil || got != tt.want {
			t.Errorf("At(%v) = %p, %v", tt.t, got, err)
		}
	}
	if _, err := At(time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)); !errors.Is(err, ErrNoList) {
		t.Errorf("At(2024-12-31): %v, want ErrNoList", err)
	}
}

// Names as the press writes them, in both lists.
func TestFindPress(t *testing.T) {
	old, now := Vietnam2024(), Vietnam2025()
	for _, tt := range []struct {
		h     *Hierarchy
		query string
		want  []string
	}{
		{old, "Bắc Xa", []string{"06619"}},
		{old, "xa bac xa", []string{"06619"}},
		{now, "Phường Kỳ Lừa", []string{"06187"}},
		{old, "thị trấn Cao Lộc, huyện Cao Lộc, Lạng Sơn", []string{"06187"}},
		{old, "Thừa Thiên Huế", []string{"46"}},
		{old, "tỉnh Thừa Thiên Huế", []string{"46"}},
		{now, "Thừa Thiên - Huế", []string{"46"}},
		{old, "TP HCM", []string{"79"}},
		{old, "TP.HCM", []string{"79"}},
		{now, "HCM", []string{"79"}},
		{old, "Sài Gòn", []string{"79"}},
		{now, "Sài Gòn", []string{"79", "26740"}}, // and the new ward
		{old, "tỉnh Hoà Bình", []string{"17"}},
		{old, "TP Hòa Bình", []string{"148"}},
		{old, "Thuỷ Nguyên", []string{"311"}},
		{old, "thành phố Thủy Nguyên", []string{"311"}},
		{old, "Đắc Lắc", []string{"66"}},
		{old, norm.NFD.String("Quế Võ"), []string{"259"}}, // NFD, as copied from a PDF
		{now, "Đặc khu Phú Quốc", []string{"31078"}},
	} {
		var got []string
		for _, u := range tt.h.Find(tt.query) {
			got = append(got, u.Code.String())
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.query, diff)
		}
	}
	// An ambiguous name gives every unit of that name.
	if n := len(old.Find("Xã Tân Lập")); n != 22 {
		t.Errorf("Find(Xã Tân Lập) gives %d units, want 22", n)
	}
}

func TestBuiltinConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if len(Reorganisation2025().Successors(MustParseCode("06619"))) != 1 || len(Vietnam2025().Find("Kiên Mộc")) == 0 {
				t.Error("concurrent use gives a different answer")
			}
		}()
	}
	wg.Wait()
}

// The embedded lists are those of ../shared/data/vn-units, but for the
// correction data/README.md documents.
func TestEmbeddedData(t *testing.T) {
	const dir = "../../shared/data/vn-units/"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/data/vn-units (users' clones do not have it): nothing to compare with")
	}
	for _, name := range []string{"units-2025-03-01.csv", "units-2025-07-01.csv", "provinces-2025-07-01.csv", "communes-2025-07-01.csv"} {
		want, err := os.ReadFile(dir + name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(open(name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "units-2025-03-01.csv" {
			for _, code := range []string{"27046,Phường 5,", "27076,Phường 15,"} {
				want = bytes.Replace(want, []byte(code+"Xã\r\n"), []byte(code+"Phường\r\n"), 1)
			}
		}
		if !bytes.Equal(got, want) {
			sc := bufio.NewScanner(bytes.NewReader(got))
			t.Errorf("data/%s.gz differs from %s%s beyond the documented correction (first line %q)", name, dir, name, func() string { sc.Scan(); return sc.Text() }())
		}
	}
}

func TestNewCrosswalkErrors(t *testing.T) {
	from := langSon(t)
	to, err := New([]Unit{u("20", "Lạng Sơn", KindProvince, ""), u("06001", "A", KindCommune, "20"), u("06002", "B", KindCommune, "20")})
	if err != nil {
		t.Fatal(err)
	}
	m := MustParseCode
	_, err = NewCrosswalk(from, to, []Link{
		{m("06187"), m("06001"), Partial}, // a partial link alone
		{m("06184"), m("06001"), Full},
		{m("06184"), m("06002"), Full}, // a full link beside another
		{m("99"), m("20"), Full},       // unknown old
		{m("06190"), m("06009"), Full}, // unknown new
		{m("178"), m("06002"), 7},      // no such kind
		{m("20"), m("20"), Full},
		{m("20"), m("20"), Full}, // pair twice
	})
	if err == nil {
		t.Fatal("NewCrosswalk accepted bad links")
	}
	for _, want := range []string{
		"crosswalk 06187→06001: link kind does not fit the unit's other links: một phần is linked 1 times",
		"crosswalk 06184→06001: link kind does not fit the unit's other links: toàn bộ is linked 2 times",
		"unknown unit 99 in the old hierarchy",
		"unknown unit 06009 in the new hierarchy",
		"crosswalk 178→06002: link kind does not fit the unit's other links: LinkKind(7)",
		"pair given twice",
		"old unit xã Bắc Xa (06619): unit has no link",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestReadCrosswalk(t *testing.T) {
	from := langSon(t)
	to, err := New([]Unit{u("20", "Lạng Sơn", KindProvince, ""), u("06187", "Kỳ Lừa", KindWard, "20"), u("06625", "Kiên Mộc", KindCommune, "20")})
	if err != nil {
		t.Fatal(err)
	}
	const good = "new_code,new_name,old_code,old_name,link\n" +
		"20,Tỉnh Lạng Sơn,20,Tỉnh Lạng Sơn,full\n" +
		"06187,Phường Kỳ Lừa,06187,Thị trấn Cao Lộc,full\n" +
		"06187,Phường Kỳ Lừa,06184,Thị trấn Đồng Đăng,full\n" +
		"06187,Phường Kỳ Lừa,06190,Xã Bảo Lâm,partial\n" +
		"06625,Xã Kiên Mộc,06190,Xã Bảo Lâm,partial\n" +
		"06625,Xã Kiên Mộc,06619,Xã Bắc Xa,full\n" +
		"06625,Xã Kiên Mộc,178,Thành phố Lạng Sơn,full\n"
	c, err := ReadCrosswalk(strings.NewReader(good), "links.csv", from, to)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Predecessors(MustParseCode("06625")); len(got) != 3 || got[1].From != MustParseCode("06190") || got[1].Kind != Partial {
		t.Errorf("Predecessors(06625) = %v", got)
	}
	bad := "new_code,new_name,old_code,old_name,link\n" +
		"06187,Phường Kỳ Lừa,06187,Xã Cao Lộc,full\n" + // the old unit is a thị trấn
		"06187,Phường Kỳ Lừa,0618,Thị trấn Đồng Đăng,full\n" +
		"06188,Phường Kỳ Lừa,06184,Thị trấn Đồng Đăng,full\n" +
		"06187,Phường Kỳ Lừa,06184,Thị trấn Đồng Đăng,most\n"
	_, err = ReadCrosswalk(strings.NewReader(bad), "links.csv", from, to)
	for _, want := range []string{
		`links.csv:2:34: name differs from the list's: 06187 is "Thị trấn Cao Lộc" in the old list, not "Xã Cao Lộc"`,
		`links.csv:3:28: region.ParseCode("0618")`,
		"links.csv:4:1: unknown unit 06188 in the new list",
		`links.csv:5:62: region: unknown link kind "most"`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := ReadCrosswalk(strings.NewReader("new_code\n20\n"), "links.csv", from, to); err == nil || !errors.Is(err, ErrMissingColumn) {
		t.Errorf("no old_code column: %v", err)
	}
}

func FuzzReadCrosswalk(f *testing.F) {
	f.Add("new_code,old_code,link\n06187,06187,full\n")
	f.Add("new_code,new_name,old_code,old_name,link\n06187,Phường Kỳ Lừa,06190,Xã Bảo Lâm,partial\n06625,Xã Kiên Mộc,06190,Xã Bảo Lâm,partial\n")
	f.Add("\ufeffmã mới,mã cũ\n20,20\n")
	from := langSon(f)
	to, err := New([]Unit{u("20", "Lạng Sơn", KindProvince, ""), u("06187", "Kỳ Lừa", KindWard, "20"), u("06625", "Kiên Mộc", KindCommune, "20")})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		c, err := ReadCrosswalk(strings.NewReader(in), "fuzz.csv", from, to)
		if err != nil {
			if c != nil {
				t.Fatal("crosswalk and error together")
			}
			return
		}
		// A valid crosswalk carries any counts without losing any: the
		// lower bounds never exceed the total, the upper bounds reach it.
		counts := map[Code]int64{}
		var total int64
		for _, u := range from.All() {
			if len(c.Successors(u.Code)) > 0 {
				counts[u.Code] = 7
				total += 7
			}
		}
		out, err := c.Carry(counts, nil)
		if err != nil {
			t.Fatal(err)
		}
		var lo, hi int64
		for _, b := range out {
			lo, hi = lo+b.Low, hi+b.High
		}
		if lo > total || hi < total {
			t.Fatalf("bounds sum to [%d, %d] around a total of %d", lo, hi, total)
		}
	})
}
