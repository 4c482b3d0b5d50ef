package numeral

import (
	"math/big"
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

// TestParsePressDate: the days and months the press prints with "-" and
// "." as well as "/", and what is not a date.
func TestParsePressDate(t *testing.T) {
	for in, want := range map[string]Date{
		"22-3": {22, 3, 0}, "29-6-2023": {29, 6, 2023}, "19.11": {19, 11, 0}, "1.3.2024": {1, 3, 2024},
		"23/3": {23, 3, 0}, "8.2022": {0, 8, 2022}, "6-2023": {0, 6, 2023}, "10/2023": {0, 10, 2023}, "01/07/2025": {1, 7, 2025},
	} {
		if got, ok := ParsePressDate(in); !ok || got != want {
			t.Errorf("ParsePressDate(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"217.00", "10-20", "32-1", "30-2", "1.2.3", "13.2022", "1-2/2023", "", "5", "1.000", "2020-2022", "12.5.22"} {
		if d, ok := ParsePressDate(in); ok {
			t.Errorf("ParsePressDate(%q) = %v, want no date", in, d)
		}
	}
}

// FuzzParsePressDate: a date read back in d/m/yyyy form reads the same.
func FuzzParsePressDate(f *testing.F) {
	for _, s := range []string{"22-3", "29-6-2023", "19.11", "8.2022", "217.00", "10-20", "31/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParsePressDate(s)
		if !ok {
			return
		}
		if d.Month < 1 || d.Month > 12 || d.Day < 0 || d.Day > 31 || d.Year != 0 && (d.Year < 1900 || d.Year > 2100) {
			t.Fatalf("%q: %v", s, d)
		}
	})
}

func TestParseWhole(t *testing.T) {
	for in, want := range map[string]int{"6": 6, "63": 63, "07": 7, "01": 1, "0": 0, "999999999": 999999999} {
		if got, err := ParseWhole(in); err != nil || got != want {
			t.Errorf("ParseWhole(%q) = %d, %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "+1", "-1", "1.000", "1,5", "1000000000", "a"} {
		if _, err := ParseWhole(in); err == nil {
			t.Errorf("ParseWhole(%q) accepted", in)
		}
	}
}

// TestRoundNegativeDigits: rounding to tens keeps the magnitude.
func TestRoundNegativeDigits(t *testing.T) {
	for _, tt := range []struct {
		x      *big.Rat
		digits int32
		want   string
	}{{big.NewRat(1234, 1), -1, "1230"}, {big.NewRat(1235, 1), -1, "1240"}, {big.NewRat(-1250, 1), -2, "-1300"}, {big.NewRat(1, 3), 2, "0.33"}} {
		if got := Round(tt.x, tt.digits, HalfUp).String(); got != tt.want {
			t.Errorf("Round(%v, %d) = %s, want %s", tt.x, tt.digits, got, tt.want)
		}
	}
}

// TestCleanTextMapInvalid: on invalid UTF-8 the map's text is CleanText's,
// and every byte of it points into the input.
func TestCleanTextMapInvalid(t *testing.T) {
	for _, s := range []string{"\u00a0\xb4", "a\xff b\u200b1.000", "\xe1\xbb"} {
		got, at := CleanTextMap(s)
		if got != CleanText(s) {
			t.Errorf("CleanTextMap(%q) = %q, CleanText gives %q", s, got, CleanText(s))
		}
		if at != nil && len(at) != len(got)+1 {
			t.Errorf("CleanTextMap(%q): %d offsets for %d bytes", s, len(at), len(got))
		}
	}
}
