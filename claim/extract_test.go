package claim

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/internal/golden"
	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/numeral"
)

// figures returns every figure a claim carries, as printed.
func figures(c Claim) []string {
	out := []string{c.Count, c.Percent, c.Figure, c.Rest, c.Change, c.Before}
	return append(out, c.Ratio...)
}

// TestExtractArticles: every figure of testdata/articles.csv is extracted
// from its article, as many times as it is printed.
func TestExtractArticles(t *testing.T) {
	rows := seeds.MustLoad(t)
	if _, err := os.Stat(seeds.SeedsDir()); err != nil {
		t.Skipf("the founding articles are not here (%v); users' clones do not have them", err)
	}
	claims := map[string][]Claim{}
	found := 0
	for _, r := range rows {
		if r.Number == "" {
			continue
		}
		if claims[r.Article] == nil {
			b, err := os.ReadFile(filepath.Join(seeds.SeedsDir(), r.Article))
			if err != nil {
				t.Fatal(err)
			}
			claims[r.Article] = Extract(string(b))
		}
		n := 0
		for _, c := range claims[r.Article] {
			if !strings.Contains(c.Fragment, r.Fragment) && !strings.Contains(r.Fragment, c.Fragment) {
				continue
			}
			for _, f := range figures(c) {
				v, err := figure.Parse(f)
				if f != "" && (strings.Contains(f, r.Number) || err == nil && v.Value != nil && v.Value.RatString() == strings.ReplaceAll(r.Number, ".", "")) {
					n++
					break
				}
			}
		}
		if n < r.Occurrence {
			t.Errorf("line %d: %q in %q found %d times, want %d", r.Line, r.Number, r.Fragment, n, r.Occurrence)
		} else {
			found++
		}
	}
	if found != 32 {
		t.Errorf("found %d figures, want the 32 rows with a number", found)
	}
}

// TestCheckTextArticles: Check gives, on the Lạng Sơn article, the
// findings examples/langson printed from hand-written claims: the
// malformed "217.00" once, four implied plans, the parts that add up and
// the overall percent that does not.
func TestCheckTextArticles(t *testing.T) {
	if _, err := os.Stat(seeds.SeedsDir()); err != nil {
		t.Skipf("the founding articles are not here (%v)", err)
	}
	b, err := os.ReadFile(filepath.Join(seeds.SeedsDir(), seeds.LangSon))
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, f := range Check(string(b)) {
		if f.Kind == Repeated && f.Holds {
			continue // figures printed twice alike: read since, no verdict
		}
		kinds = append(kinds, f.Kind.String()+map[bool]string{true: "", false: "!"}[f.Holds])
	}
	want := "số viết sai! kế hoạch suy ra kế hoạch suy ra kế hoạch suy ra kế hoạch suy ra kế hoạch suy ra kế hoạch suy ra tổng các phần tỷ lệ chung!"
	if got := strings.Join(kinds, " "); got != want {
		t.Errorf("findings\n got %s\nwant %s", got, want)
	}
}

// doctored are copies of the authored texts with one number changed, and
// the kind of finding that must catch each.
var doctored = []struct {
	file, from, to string
	want           FindingKind
}{
	{"thainguyen.txt", "(chiếm 62,20%)", "(chiếm 52,20%)", Share},
	{"thainguyen.txt", "tăng 8,6%", "tăng 9,6%", GrowthPercent},
	{"thainguyen.txt", "199 xã", "189 xã", Localities},
	{"thainguyen.txt", "(120.600/201.000 hộ)", "(90.600/201.000 hộ)", RatioPercent},
	{"thainguyen.txt", "chiếm 50% dân số", "chiếm 55% dân số", SameBase},
	{"quangninh.txt", "3.610 thành viên", "3.710 thành viên", PartsSum},
	{"quangninh.txt", "ứng dụng số, đạt 150%", "ứng dụng số, đạt 160%", OverallPercent},
	{"quangninh.txt", "nông thôn có 402.500", "nông thôn có 1.002.500", PartsSum},
	{"quangninh.txt", "450.000 tài khoản", "45.000 tài khoản", PartsSum},
	{"hatinh.txt", "gấp 3 lần", "gấp 4 lần", Growth},
	{"hatinh.txt", "5 huyện còn lại", "4 huyện còn lại", Localities},
	{"hatinh.txt", "đạt khoảng 1,5 tỷ", "đạt khoảng 1,5.0 tỷ", Malformed},
}

func readText(t testing.TB, file string) string {
	b, err := os.ReadFile(filepath.Join("testdata", "texts", file))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCheckTextAuthored: no finding fails on the consistent texts, and each
// doctored copy is caught by the check meant for it.
func TestCheckTextAuthored(t *testing.T) {
	for _, file := range []string{"thainguyen.txt", "quangninh.txt", "hatinh.txt"} {
		for _, f := range Check(readText(t, file)) {
			if !f.Holds {
				t.Errorf("%s: false alarm: %s", file, f)
			}
		}
	}
	for _, d := range doctored {
		text := readText(t, d.file)
		if strings.Count(text, d.from) != 1 {
			t.Fatalf("%s: %q is not printed exactly once", d.file, d.from)
		}
		caught := false
		var all []string
		for _, f := range Check(strings.Replace(text, d.from, d.to, 1)) {
			caught = caught || f.Kind == d.want && !f.Holds
			all = append(all, f.String())
		}
		if !caught {
			t.Errorf("%s with %q: no failing %s finding:\n%s", d.file, d.to, d.want, strings.Join(all, "\n"))
		}
	}
}

// TestCheckTextGolden pins the findings on the authored texts in both
// languages and as JSON.
func TestCheckTextGolden(t *testing.T) {
	var text, js bytes.Buffer
	for _, file := range []string{"thainguyen.txt", "quangninh.txt", "hatinh.txt"} {
		fs := Check(readText(t, file))
		for _, lang := range []numeral.Language{numeral.Vietnamese, numeral.English} {
			text.WriteString("# " + file + "\n")
			for _, f := range fs {
				text.WriteString(f.Text(lang) + "\n")
			}
		}
		if err := WriteFindingsJSON(&js, fs, numeral.English); err != nil {
			t.Fatal(err)
		}
	}
	golden.Check(t, "testdata/findings.golden", text.Bytes())
	golden.Check(t, "testdata/findings.json", js.Bytes())
}

// TestExtractQuirks covers text as it comes from the web and PDFs, and
// readings that must not be confused.
func TestExtractQuirks(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string // What and the main figure of each claim
	}{
		{"đạt hơn\u00a0741.000 tài khoản", "count:hơn 741.000"},
		{"e\u0301", ""},
		{"7/12 huyện đã xong; 5 huyện còn lại", "fraction:7/12+5"},
		{"tính đến hết ngày 23/3, đã cấp 60.827 chữ ký số", "date:23/3 count:60.827"},
		{"đứng thứ ba", ""},
		{"thị xã Quế Võ", ""},
		{"Nghị quyết số 52-NQ/TU", "label:52"},
		{"TP.HCM có 1.000 tổ", "count:1.000"},
		{"đạt 50–60% tùy nơi", "percent:50–60%"},
		{"từ 0,5 đến gần 0,6", "count:từ 0,5 đến gần 0,6"},
		{"1.000 người, tăng 10% so với cùng kỳ", "count:1.000~10%"},
		{"1.000 người (chiếm 25%)", "count:1.000"},
	} {
		var got []string
		for _, c := range Extract(tt.text) {
			s := c.What.String() + ":" + c.Count + c.Figure
			if c.Rest != "" {
				s += "+" + c.Rest
			}
			if c.Change != "" {
				s += "~" + c.Change
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Extract(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestFindingsEnglish: findings in English write numbers the English way.
func TestFindingsEnglish(t *testing.T) {
	fs := Check("Cả tỉnh có 4.431 tài khoản, đạt 62,2% kế hoạch.")
	if len(fs) != 1 {
		t.Fatalf("findings: %v", fs)
	}
	// The figures are quoted as printed; what chiso computed is written
	// the English way.
	if got := fs[0].Text(numeral.English); got != "holds [implied plan]: 4.431 being 62,2% of «kế hoạch» implies «kế hoạch» in (≈7,118; ≈7,130] («Cả tỉnh có 4.431 tài khoản, đạt 62,2% kế hoạch»)" {
		t.Errorf("English: %s", got)
	}
	if got := fs[0].Text(numeral.Vietnamese); !strings.Contains(got, "(≈7.118; ≈7.130]") {
		t.Errorf("Vietnamese: %s", got)
	}
}

func FuzzExtract(f *testing.F) {
	for _, file := range []string{"thainguyen.txt", "quangninh.txt", "hatinh.txt"} {
		f.Add(readText(f, file))
	}
	for _, d := range doctored {
		f.Add(d.to)
	}
	f.Add("từ 1 lên 2, tăng 100%; gấp 2 lần; 1/0 xã; 3 xã còn lại")
	f.Add("hơn 1.000 tài khoản, trong đó 3 xã còn lại; gồm 2 xã (chiếm 50%) 19/218 xã 5 xã còn lại.")
	f.Add("tăng từ 0 lên 0, gấp 0 lần; đạt 0% (0/0 hộ); vượt chỉ tiêu; 120/200 hộ")
	f.Fuzz(func(t *testing.T, text string) {
		a := Extract(text)
		b := Extract(text)
		if len(a) != len(b) {
			t.Fatal("Extract is not deterministic")
		}
		clean := numeral.CleanText(text)
		for _, c := range a {
			if c.Offset < 0 || c.Offset > len(clean) {
				t.Fatalf("offset %d outside the text", c.Offset)
			}
		}
		fa, fb := CheckClaims(a), CheckClaims(b)
		if len(fa) != len(fb) {
			t.Fatal("Check is not deterministic")
		}
		for i := range fa {
			if fa[i].String() != fb[i].String() {
				t.Fatalf("finding %d differs: %s / %s", i, fa[i], fb[i])
			}
		}
	})
}

// benchArticle is an article of at least 5.000 words with the density of
// figures of the founding articles (about 3 per 100 words): each authored
// text followed by two paragraphs of prose without figures.
func benchArticle(b testing.TB) string {
	var sb strings.Builder
	prose := readText(b, "prose.txt")
	for words := 0; words < 5000; {
		for _, file := range []string{"thainguyen.txt", "quangninh.txt", "hatinh.txt"} {
			s := readText(b, file) + "\n" + prose + "\n" + prose + "\n"
			sb.WriteString(s)
			words += len(strings.Fields(s))
		}
	}
	return sb.String()
}

// BenchmarkCheckText checks a 5.000-word article (aim: 2 ms).
func BenchmarkCheckText(b *testing.B) {
	text := benchArticle(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Check(text)
	}
}

// BenchmarkExtract reads the figures of the same article.
func BenchmarkExtract(b *testing.B) {
	text := benchArticle(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text)
	}
}
