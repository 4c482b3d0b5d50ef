package region

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func u(code, name string, kind Kind, parent string) Unit {
	var p Code
	if parent != "" {
		p = MustParseCode(parent)
	}
	return Unit{Code: MustParseCode(code), Name: name, Kind: kind, Parent: p}
}

// langSon is a small hierarchy with the units the Lạng Sơn article names.
func langSon(t testing.TB) *Hierarchy {
	h, err := New([]Unit{
		u("06619", "Bắc Xa", KindCommune, "189"),
		u("20", "Lạng Sơn", KindProvince, ""),
		u("189", "Đình Lập", KindDistrict, "20"),
		u("183", "Cao Lộc", KindDistrict, "20"),
		u("06187", "Cao Lộc", KindTown, "183"),
		u("06184", "Đồng Đăng", KindTown, "183"),
		u("06190", "Bảo Lâm", KindCommune, "183"),
		u("178", "Lạng Sơn", KindProvincialCity, "20"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func codes(us []Unit) []string {
	var out []string
	for _, u := range us {
		out = append(out, u.Code.String())
	}
	return out
}

func TestHierarchyNavigation(t *testing.T) {
	h := langSon(t)
	if h.Len() != 8 {
		t.Fatalf("Len = %d", h.Len())
	}
	// Vietnamese collation: Bảo Lâm < Cao Lộc < Đồng Đăng (đ after d), and
	// Cao Lộc < Đình Lập < Lạng Sơn.
	if diff := cmp.Diff([]string{"06190", "06187", "06184"}, codes(h.Children(MustParseCode("183")))); diff != "" {
		t.Errorf("Children(183) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"183", "189", "178"}, codes(h.Children(MustParseCode("20")))); diff != "" {
		t.Errorf("Children(20) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"20", "189", "06619"}, codes(h.Path(MustParseCode("06619")))); diff != "" {
		t.Errorf("Path (-want +got):\n%s", diff)
	}
	var pre, post []string
	for i, u := range h.All() {
		if p := h.ParentIndex(i); p >= i {
			t.Errorf("parent index %d of %d is not smaller", p, i)
		}
		if j, _ := h.Index(u.Code); j != i || h.At(i) != u {
			t.Errorf("Index/At disagree at %d", i)
		}
		pre = append(pre, u.Code.String())
	}
	for _, u := range h.PostOrder() {
		post = append(post, u.Code.String())
	}
	if diff := cmp.Diff(strings.Fields("20 183 06190 06187 06184 189 06619 178"), pre); diff != "" {
		t.Errorf("All (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(strings.Fields("06190 06187 06184 183 06619 189 178 20"), post); diff != "" {
		t.Errorf("PostOrder (-want +got):\n%s", diff)
	}
	i, _ := h.Index(MustParseCode("183"))
	if s, e := h.Subtree(i); e-s != 4 {
		t.Errorf("Subtree(183) = [%d,%d)", s, e)
	}
	if got := len(h.Level(LevelCommune)); got != 4 {
		t.Errorf("Level(commune) has %d units", got)
	}
	if h.Children(MustParseCode("99")) != nil || h.Path(MustParseCode("99")) != nil {
		t.Error("unknown code gave children or path")
	}
	if _, ok := h.Unit(MustParseCode("99")); ok {
		t.Error("Unit(99) found")
	}
	if p, ok := h.Parent(MustParseCode("06619")); !ok || p.Code != MustParseCode("189") {
		t.Errorf("Parent(06619) = %v, %v", p, ok)
	}
	if _, ok := h.Parent(MustParseCode("20")); ok {
		t.Error("a root has a parent")
	}
	if diff := cmp.Diff([]string{"20"}, codes(h.Roots())); diff != "" {
		t.Errorf("Roots: %s", diff)
	}
	// NameRank orders the two units named Cao Lộc by code: 183 before 06187.
	a, _ := h.Index(MustParseCode("183"))
	b, _ := h.Index(MustParseCode("06187"))
	if h.NameRank(a) > h.NameRank(b) {
		t.Error("NameRank does not break the tie by code")
	}
}

func TestPostOrderStops(t *testing.T) {
	h := langSon(t)
	n := 0
	for range h.PostOrder() {
		n++
		if n == 3 {
			break
		}
	}
	for range h.All() {
		break
	}
}

func TestFind(t *testing.T) {
	h := langSon(t)
	tests := []struct {
		q    string
		want []string
	}{
		{"cao loc", []string{"183", "06187"}},
		{"Cao Lộc", []string{"183", "06187"}},
		{"huyện Cao Lộc", []string{"183"}},
		{"THỊ TRẤN CAO LỘC", []string{"06187"}},
		{"tt. Cao Lộc", []string{"06187"}},
		{"dong dang", []string{"06184"}},
		{"Đồng   Đăng", []string{"06184"}},
		{"DINH LAP", []string{"189"}},
		{"Lạng Sơn", []string{"20", "178"}},
		{"tỉnh Lạng Sơn", []string{"20"}},
		{"thành phố Lạng Sơn", []string{"178"}},
		{"xã Cao Lộc", nil},
		{"Hà Nội", nil},
		{"", nil},
		{"xã", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, codes(h.Find(tt.q))); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.q, diff)
		}
	}
}

func TestFindNameLikeKindWord(t *testing.T) {
	h, err := New([]Unit{u("01", "X", KindProvince, ""), u("001", "Y", KindDistrict, "01"), u("00001", "Xa Lý", KindCommune, "001")})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Xa Lý", "xã Xa Lý"} {
		if got := codes(h.Find(q)); len(got) != 1 || got[0] != "00001" {
			t.Errorf("Find(%q) = %v", q, got)
		}
	}
}

func TestNewReportsEveryProblem(t *testing.T) {
	units := []Unit{
		u("20", "Lạng Sơn", KindProvince, ""),
		u("20", "Lạng Sơn bis", KindProvince, ""), // duplicate
		u("183", "", KindDistrict, "20"),          // empty name
		u("189", "Đình Lập", KindCommune, "20"),   // kind at the wrong level
		u("06619", "Bắc Xa", KindCommune, "188"),  // unknown parent
		u("27", "Bắc Ninh", KindProvince, "259"),  // parent below it, and a cycle
		u("259", "Quế Võ", KindTownship, "27"),    // cycle
		{Name: "no code", Kind: KindCommune},      // invalid code
		u("06187", "Cao Lộc", KindTown, "06187"),  // its own parent
	}
	_, err := New(units)
	if err == nil {
		t.Fatal("New accepted bad units")
	}
	for _, want := range []struct {
		sentinel error
		code     string
	}{
		{ErrDuplicateCode, "20"},
		{ErrEmptyName, "183"},
		{ErrKindLevel, "189"},
		{ErrUnknownParent, "06619"},
		{ErrParentLevel, "27"},
		{ErrCycle, "27"},
		{ErrCycle, "06187"},
		{ErrInvalidCode, ""},
	} {
		found := false
		for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
			var ue *UnitError
			if errors.As(e, &ue) && errors.Is(e, want.sentinel) && ue.Code.String() == want.code {
				found = true
			}
		}
		if !found {
			t.Errorf("no %v for %q in:\n%v", want.sentinel, want.code, err)
		}
	}
	if !strings.Contains(err.Error(), "region: unit 20 (Lạng Sơn bis): duplicate code") {
		t.Errorf("error text does not name the unit:\n%v", err)
	}
}

func TestFindWithAncestors(t *testing.T) {
	h := langSon(t)
	tests := []struct {
		q    string
		want []string
	}{
		{"thị trấn Cao Lộc, huyện Cao Lộc", []string{"06187"}},
		{"Cao Lộc, Lạng Sơn", []string{"183", "06187"}},
		{"Cao Lộc, huyện Đình Lập", nil},
		{"xã Bắc Xa, huyện Đình Lập, tỉnh Lạng Sơn", []string{"06619"}},
		{"Bắc Xa, tỉnh Lạng Sơn, huyện Đình Lập", []string{"06619"}},
		{"Bắc Xa,", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, codes(h.Find(tt.q))); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.q, diff)
		}
	}
}

// fold's table gives what Unicode decomposition gives, for every rune of
// its blocks, for every name of both lists, and for text in NFD.
func TestFoldTable(t *testing.T) {
	for r := rune(0); r < 0x2000; r++ {
		s := "A" + string(r) + "b"
		if got, want := fold(s), foldSlow(s); got != want {
			t.Errorf("fold(%q) = %q, foldSlow gives %q", s, got, want)
		}
	}
	for _, h := range []*Hierarchy{Vietnam2024(), Vietnam2025()} {
		for _, u := range h.All() {
			for _, s := range []string{u.OfficialName(), norm.NFD.String(u.OfficialName())} {
				if got, want := fold(s), foldSlow(s); got != want {
					t.Errorf("fold(%q) = %q, foldSlow gives %q", s, got, want)
				}
			}
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Thị xã Quế Võ", "ĐÌNH LẬP", "\xff", "Bà Rịa - Vũng Tàu", "e\u0302\u0301", "Ǆ ø Ð"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := fold(s), foldSlow(s); got != want {
			t.Fatalf("fold(%q) = %q, foldSlow gives %q", s, got, want)
		}
	})
}
