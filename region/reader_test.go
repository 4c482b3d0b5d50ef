package region

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const gsoSample = "\ufeffTỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh\n" +
	"Tỉnh Lạng Sơn,20,Huyện Cao Lộc,183,Thị trấn Đồng Đăng,06184,Thị trấn,\n" +
	"Tỉnh Lạng Sơn,20,Huyện Cao Lộc,183,Thị trấn Cao Lộc,06187,Thị trấn,\n" +
	"Tỉnh Lạng Sơn,20,Huyện Đình Lập,189,Xã Bắc Xa,06619,Xã,\n" +
	"Tỉnh Lạng Sơn,20,Thành phố Lạng Sơn,178,,,,\n" +
	"Thành phố Hà Nội,01,Quận Ba Đình,001,Phường Phúc Xá,00001,Phường,\n"

func TestReadCSV(t *testing.T) {
	h, err := ReadCSV(strings.NewReader(gsoSample), "gso.csv")
	if err != nil {
		t.Fatal(err)
	}
	want := []Unit{
		{Nation, "Việt Nam", KindNation, Code{}},
		u("01", "Hà Nội", KindCentralCity, "VN"),
		u("001", "Ba Đình", KindUrbanDistrict, "01"),
		u("00001", "Phúc Xá", KindWard, "001"),
		u("20", "Lạng Sơn", KindProvince, "VN"),
		u("183", "Cao Lộc", KindDistrict, "20"),
		u("06187", "Cao Lộc", KindTown, "183"),
		u("06184", "Đồng Đăng", KindTown, "183"),
		u("189", "Đình Lập", KindDistrict, "20"),
		u("06619", "Bắc Xa", KindCommune, "189"),
		u("178", "Lạng Sơn", KindProvincialCity, "20"),
	}
	var got []Unit
	for _, u := range h.All() {
		got = append(got, u)
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b Code) bool { return a == b })); diff != "" {
		t.Errorf("ReadCSV (-want +got):\n%s", diff)
	}
}

func TestReadCSVErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // each must appear in the error
		sentinel error
	}{
		{"no province column", "Mã TP\n20\n", []string{`f.csv:1: missing column "tinh thanh pho"`}, ErrMissingColumn},
		{"empty", "", []string{"f.csv: missing column: the file is empty"}, ErrMissingColumn},
		{"bad code", "Tỉnh Thành Phố,Mã TP\nTỉnh Lạng Sơn,2O\n", []string{`f.csv:2:20: region.ParseCode("2O")`}, ErrInvalidCode},
		{"district code in province column", "Tỉnh Thành Phố,Mã TP\nTỉnh Lạng Sơn,183\n", []string{"f.csv:2:20:", "is a huyện code in the tỉnh column"}, ErrInvalidCode},
		{"unknown kind", "Tỉnh Thành Phố,Mã TP\nLàng Sơn,20\n", []string{`f.csv:2:1: unknown kind of unit in "Làng Sơn"`}, ErrUnknownKind},
		{"conflict", "Tỉnh Thành Phố,Mã TP\nTỉnh Lạng Sơn,20\nTỉnh Lạng Sơm,20\n", []string{"f.csv:3:20: unit given twice with different values"}, ErrConflict},
		{"every row", "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH\nTỉnh Lạng Sơn,20,Huyện Cao Lộc,18\nTỉnh X,2,,\n", []string{"f.csv:2:41:", "f.csv:3:10:"}, ErrInvalidCode},
		{"quote", "Tỉnh Thành Phố,Mã TP\n\"Tỉnh Lạng Sơn,20\n", []string{"f.csv:2:"}, nil},
		{"no province", "Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH\n,,Huyện Cao Lộc,183\n", []string{"f.csv:2: no province on this row"}, nil},
		{"unknown Cấp", "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\nTỉnh Lạng Sơn,20,Xã Bắc Xa,06619,Làng\n", []string{`f.csv:2:42: unknown kind of unit "Làng" at xã level`}, ErrUnknownKind},
		{"Cấp of another level", "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\nTỉnh Lạng Sơn,20,Xã Bắc Xa,06619,Huyện\n", []string{`f.csv:2:42: unknown kind of unit "Huyện" at xã level`}, ErrUnknownKind},
		{"Cấp against the name", "Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX,Cấp\nTỉnh Lạng Sơn,20,Xã Bắc Xa,06619,Phường\n", []string{`f.csv:2:42: kind column contradicts the name's kind word: "Xã Bắc Xa" is not a phường`}, ErrKindMismatch},
		{"province kind against the name", "province_code,province,province_kind\n20,Tỉnh Lạng Sơn,Thành phố Trung ương\n", []string{`f.csv:2:23: kind column contradicts the name's kind word: "Tỉnh Lạng Sơn" is not a thành phố trực thuộc trung ương`}, ErrKindMismatch},
		{"unit error names its line", "Tỉnh Thành Phố,Mã TP\nTỉnh Lạng Sơn,20\nTỉnh -,22\n", []string{"f.csv:3:10: region: unit 22 (-): name has no letters or digits"}, ErrEmptyName},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in), "f.csv")
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks %q:\n%v", w, err)
				}
			}
			if tt.sentinel != nil && !errors.Is(err, tt.sentinel) {
				t.Errorf("error does not wrap %v", tt.sentinel)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "f.csv" {
				t.Errorf("error is not a *ParseError naming the file: %v", err)
			}
		})
	}
}

// TestReadCSVManyErrors: a file bad on every line reports MaxErrors
// problems and counts the rest, as every reader of chiso does.
func TestReadCSVManyErrors(t *testing.T) {
	var b strings.Builder
	b.WriteString("province_code,province\n")
	for range MaxErrors + 50 {
		b.WriteString("2x,Tỉnh Lạng Sơn\n")
	}
	_, err := ReadCSV(strings.NewReader(b.String()), "bad.csv")
	errs := err.(interface{ Unwrap() []error }).Unwrap()
	if len(errs) != MaxErrors+1 || errs[MaxErrors].Error() != "and 50 more problems" {
		t.Fatalf("got %d errors, last %v; want %d and a count of 50 more", len(errs), errs[len(errs)-1], MaxErrors+1)
	}
}

// The plain lists chiso ships, with kind columns, and the two cities of a
// centrally-run city.
func TestReadCSVPlain(t *testing.T) {
	const list = "province_code,province,province_kind,district_code,district,district_kind,commune_code,commune,commune_kind\n" +
		"79,Thành phố Hồ Chí Minh,Thành phố Trung ương,769,Thành phố Thủ Đức,Thành phố,26794,Phường Linh Xuân,Phường\n" +
		"20,Tỉnh Lạng Sơn,Tỉnh,178,Thành Phố Lạng Sơn,Thành phố,05971,Phường Hoàng Văn Thụ,Phường\n" +
		"31,Thành phố Hải Phòng,Thành phố Trung ương,318,Huyện Bạch Long Vĩ,Huyện,,,\n"
	h, err := ReadCSV(strings.NewReader(list), "plain.csv")
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]Kind{"79": KindCentralCity, "769": KindCityOfCentralCity, "178": KindProvincialCity, "318": KindDistrict, "26794": KindWard} {
		if u, _ := h.Unit(MustParseCode(code)); u.Kind != want {
			t.Errorf("%s is %v, want %v", code, u, want)
		}
	}
	if u, _ := h.Unit(MustParseCode("178")); u.OfficialName() != "Thành phố Lạng Sơn" {
		t.Errorf("OfficialName = %q", u.OfficialName())
	}
}

func FuzzReadCSV(f *testing.F) {
	f.Add(gsoSample)
	f.Add("Tỉnh / Thành phố,Mã TP\nThành phố Huế,46\n")
	f.Add("Tỉnh Thành Phố,Mã TP,Phường Xã,Mã PX\nTỉnh Bắc Ninh,24,Phường Kinh Bắc,09169\n")
	f.Fuzz(func(t *testing.T, in string) {
		h, err := ReadCSV(strings.NewReader(in), "fuzz.csv")
		if err != nil {
			if h != nil {
				t.Fatal("hierarchy and error together")
			}
			return
		}
		// Every unit is reachable by its code and its name.
		for i, u := range h.All() {
			if j, ok := h.Index(u.Code); !ok || j != i {
				t.Fatalf("unit %v not at its index", u)
			}
			if p := h.ParentIndex(i); p >= i {
				t.Fatalf("parent of %v after it", u)
			}
			found := false
			for _, v := range h.Find(u.FullName()) {
				found = found || v == u
			}
			if !found {
				t.Fatalf("Find(%q) misses %v", u.FullName(), u)
			}
		}
	})
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"que vo", "Thị xã Quế Võ", "ĐÌNH LẬP", "tt. Cao Lộc", "xã", "", "\xff", "  Bắc   Xa "} {
		f.Add(s)
	}
	h := Vietnam2024()
	f.Fuzz(func(t *testing.T, q string) {
		got := h.Find(q)
		// Folding is idempotent and Find depends only on the folded query.
		if fq := fold(q); fold(fq) != fq {
			t.Fatalf("fold(%q) = %q is not a fixed point", q, fq)
		}
		again := h.Find(strings.ToUpper(q))
		if len(got) != len(again) && !strings.ContainsAny(q, "ßſıİ") {
			t.Fatalf("Find(%q) = %v but upper case gives %v", q, got, again)
		}
	})
}

// TestReadCSVShared reads a statistics office list from ../shared when one is
// there; users' clones do not have it.
func TestReadCSVShared(t *testing.T) {
	matches, _ := filepath.Glob("../../shared/data/gso/*.csv")
	if len(matches) == 0 {
		t.Skip("no statistics office list under ../shared/data/gso (users' clones do not have one)")
	}
	for _, m := range matches {
		f, err := os.Open(m)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ReadCSV(f, m); err != nil {
			t.Errorf("%v", err)
		}
		f.Close()
	}
}
