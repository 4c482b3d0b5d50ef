package numeral

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzParseCount: a grouped count reads as its digits, and only groups
// of three digits after the first are accepted.
func FuzzParseCount(f *testing.F) {
	for _, s := range []string{"1.611", "60.827", "1.000.000", "217.00", "0", "01.000", "1,611", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseCount(s, true)
		if err != nil {
			return
		}
		digits := strings.ReplaceAll(s, ".", "")
		if strconv.FormatInt(n, 10) != strings.TrimLeft(digits, "0") && !(n == 0 && strings.Trim(digits, "0") == "") {
			t.Fatalf("ParseCount(%q, true) = %d", s, n)
		}
		if strings.Contains(s, ".") && (n < 1000 || strings.HasPrefix(s, "0")) {
			t.Fatalf("ParseCount(%q, true) = %d accepts a bad grouping", s, n)
		}
	})
}

// FuzzParseDayFirst: an accepted date writes back as it was read.
func FuzzParseDayFirst(f *testing.F) {
	for _, s := range []string{"30/06/2024", "1/7/2024", "31/02/2024", "29/2/2023", "00/01/2024", "1/1/0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDayFirst(s)
		if err != nil {
			return
		}
		if d.Format("2/1/2006") != s && d.Format("02/01/2006") != s && d.Format("2/01/2006") != s && d.Format("02/1/2006") != s {
			t.Fatalf("ParseDayFirst(%q) = %v", s, d)
		}
	})
}

// TestCleanHidden: every invisible character that can hide inside a figure
// is removed, so "256.620" with one inside still reads as 256.620.
func TestCleanHidden(t *testing.T) {
	for _, r := range []rune{0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x00AD,
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069} {
		in := "256." + string(r) + "620"
		if got := Clean(in); got != "256.620" {
			t.Errorf("Clean(%q) = %q, want 256.620", in, got)
		}
		if got := CleanText("a\n" + in); got != "a\n256.620" {
			t.Errorf("CleanText(%q) = %q", in, got)
		}
	}
	if got := Clean("hơn\u00a0741.000\n"); got != "hơn 741.000 " {
		t.Errorf("Clean keeps odd spaces: %q", got)
	}
}
