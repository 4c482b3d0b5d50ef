package numeral

import (
	"strings"
	"testing"
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
