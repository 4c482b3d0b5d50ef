package numeral

import (
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

func TestFormat(t *testing.T) {
	vi, en := message.NewPrinter(Vietnamese.Tag()), message.NewPrinter(English.Tag())
	for _, n := range []int64{0, 7, 730, 1676, 60827, 256620, 741220, 504000, -1500, 1 << 62} {
		// The separators agree with golang.org/x/text's CLDR data for "vi".
		if got, want := FormatInt(n, Vietnamese), vi.Sprint(number.Decimal(n)); got != want {
			t.Errorf("FormatInt(%d) = %q, x/text gives %q", n, got, want)
		}
		if got, want := FormatInt(n, English), en.Sprint(number.Decimal(n)); got != want {
			t.Errorf("FormatInt(%d, English) = %q, x/text gives %q", n, got, want)
		}
	}
	for in, want := range map[string]string{"1.5": "1,5", "741220": "741.220", "1234.05": "1.234,05", "-0.5": "-0,5"} {
		if got := FormatDecimal(decimal.RequireFromString(in), Vietnamese); got != want {
			t.Errorf("FormatDecimal(%s) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"0.837": "0,8370", "0.79545": "0,7955", "1234.5": "1.234,5000", "-0.00005": "-0,0001"} {
		if got := FormatFixed(decimal.RequireFromString(in), 4, Vietnamese); got != want {
			t.Errorf("FormatFixed(%s, 4) = %q, want %q", in, got, want)
		}
	}
}

// TestLanguage: the codes read and write back, and a value no constant
// names reads as Vietnamese.
func TestLanguage(t *testing.T) {
	for in, want := range map[string]Language{"": Vietnamese, "vi": Vietnamese, "vi-VN": Vietnamese, "EN": English, "en-GB": English} {
		if got, err := ParseLanguage(in); err != nil || got != want {
			t.Errorf("ParseLanguage(%q) = %v, %v, want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"fr", "x!"} {
		if _, err := ParseLanguage(in); err == nil {
			t.Errorf("ParseLanguage(%q) accepted", in)
		}
	}
	w := Words{Vi: "tỷ lệ", En: "rate"}
	if w.In(Vietnamese) != "tỷ lệ" || w.In(English) != "rate" || w.In(Language(9)) != "tỷ lệ" || Language(9).String() != "vi" {
		t.Error("Words.In or String of an unknown Language")
	}
}
