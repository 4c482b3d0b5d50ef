package claim

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/numeral"
)

// TestSpans: each finding has one span per figure, and the span covers
// the figure in the text as given, through characters cleaning removes
// (zero-width, bidi), odd spaces and decomposed letters before it.
func TestSpans(t *testing.T) {
	plain := "Tiêu đề\nCả tỉnh có 1.000 tài khoản, trong đó 400 tài khoản ở xã và 700 tài khoản ở phường."
	for _, text := range []string{
		plain,
		strings.Replace(plain, "1.000", "1.\u200b000", 1),
		strings.Replace(plain, "Cả tỉnh", "C\u0309a\u0309 ti\u0309nh\u00a0\u202e", 1),
		"\ufeff" + strings.ReplaceAll(plain, " ", "\u00a0"),
	} {
		fs := Check(text)
		var sum *Finding
		for i := range fs {
			if fs[i].Kind == PartsSum {
				sum = &fs[i]
			}
		}
		if sum == nil {
			t.Fatalf("%q: no parts-sum finding: %v", text, fs)
		}
		if len(sum.Spans) != len(sum.Figures) {
			t.Fatalf("%d spans for %d figures", len(sum.Spans), len(sum.Figures))
		}
		for k, sp := range sum.Spans {
			got := numeral.CleanText(text[sp.Start:sp.End])
			if got != sum.Figures[k] {
				t.Errorf("%q: span %d is %q, want %q", text, k, text[sp.Start:sp.End], sum.Figures[k])
			}
			line := strings.Count(text[:sp.Start], "\n") + 1
			col := utf8.RuneCountInString(text[strings.LastIndexByte(text[:sp.Start], '\n')+1:sp.Start]) + 1
			if sp.Line != line || sp.Column != col {
				t.Errorf("%q: span %d at %d:%d, want %d:%d", text, k, sp.Line, sp.Column, line, col)
			}
		}
	}
}

// FuzzCheck: Check never panics, is deterministic, and every span lies in
// the text, on character boundaries, around its figure.
func FuzzCheck(f *testing.F) {
	for _, file := range []string{"thainguyen.txt", "quangninh.txt", "hatinh.txt"} {
		f.Add(readText(f, file))
	}
	for _, h := range hostile {
		f.Add(strings.Repeat(h.unit, 8))
	}
	f.Add("Cả tỉnh có 1.\u200b000 tài khoản, trong đó 400\u202e tài khoản ở xã và 700 tài khoản.")
	f.Add("Tỉnh A dẫn đầu với 61,5%. Tỉnh B đứng thứ 2 với 48,2%; tiếp đó là C (40,1%). Cả nước có 15 tỉnh trên 10%. Chia theo nhóm, có 4 tỉnh trên 20%; 10 tỉnh từ 10- 20%.")
	f.Fuzz(func(t *testing.T, text string) {
		a, b := Check(text), Check(text)
		if len(a) != len(b) {
			t.Fatal("Check is not deterministic")
		}
		for i, fd := range a {
			if fd.String() != b[i].String() {
				t.Fatalf("finding %d differs", i)
			}
			if len(fd.Spans) != len(fd.Figures) {
				t.Fatalf("%d spans for %d figures", len(fd.Spans), len(fd.Figures))
			}
			for _, sp := range fd.Spans {
				if sp == (Span{}) {
					continue
				}
				offChar := utf8.ValidString(text) && (!utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End]))
				if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End || offChar {
					t.Fatalf("span %+v outside %d bytes or off a character", sp, len(text))
				}
				if sp.Line < 1 || sp.Column < 1 {
					t.Fatalf("span %+v has no line", sp)
				}
			}
		}
	})
}
