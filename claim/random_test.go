package claim

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/chiso-vn/chiso/numeral"
)

// TestCheckTextRandom feeds Check texts drawn from the words its
// readers look for, in every order: no panic, and the same findings twice.
func TestCheckTextRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"hơn", "1.000", "tài", "khoản", "đạt", "50%", "kế", "hoạch", "trong", "đó", ",", ";", ".", "gồm", "từ", "lên",
		"đến", "tăng", "giảm", "gấp", "lần", "chiếm", "(", ")", "/", "3/4", "19/218", "còn", "lại", "xã", "năm", "2025", "hàng", "chục",
		"vượt", "chỉ", "tiêu", "dân", "số", "\n", "ba", "thứ", "2,5", "triệu", "so", "với", "120/200", "217.00", "0", "0%", "tổng", "ngày", "tháng", "9"}
	n := 200
	if testing.Short() {
		n = 20
	}
	for range n {
		var b strings.Builder
		for range 300 {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		text := b.String()
		a, c := Check(text), Check(text)
		if len(a) != len(c) {
			t.Fatalf("Check(%q) is not deterministic", text)
		}
		for i := range a {
			if a[i].String() != c[i].String() || a[i].Text(numeral.English) != c[i].Text(numeral.English) {
				t.Fatalf("Check(%q): finding %d differs", text, i)
			}
		}
	}
}
