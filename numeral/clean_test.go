package numeral

import (
	"strings"
	"testing"
	"unicode"
)

// TestCleanTextMap: every byte of the cleaned text maps back to the
// character it came from, through hidden characters, odd spaces and
// normalisation.
func TestCleanTextMap(t *testing.T) {
	in := "a\u200b1.000\u00a0tài\u202ekhoản e\u0301 x\nhơn 7"
	clean, at := CleanTextMap(in)
	if clean != CleanText(in) || len(at) != len(clean)+1 || at[len(clean)] != len(in) {
		t.Fatalf("CleanTextMap(%q) = %q, %v", in, clean, at)
	}
	for _, w := range []string{"1.000", "khoản", "hơn 7", "x"} {
		i := strings.Index(clean, w)
		if got := in[at[i] : at[i+len(w)-1]+1]; !strings.HasPrefix(got, w[:len(w)-1]) {
			t.Errorf("%q maps to %q", w, got)
		}
	}
	if c, at := CleanTextMap("plain 1.000"); c != "plain 1.000" || at != nil {
		t.Errorf("plain text: %q %v", c, at)
	}
}

// TestCleanEverySpace: every Unicode space but ' ' and every hidden
// character is found by the fast scan, alone and inside text.
func TestCleanEverySpace(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if !Hidden(r) && (r == ' ' || !unicode.IsSpace(r)) {
			continue
		}
		s := "Lạng Sơn 741" + string(r) + "000 tài khoản"
		if got := Clean(s); strings.ContainsRune(got, r) {
			t.Errorf("Clean kept U+%04X", r)
		}
	}
}
