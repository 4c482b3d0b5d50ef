package composite

import (
	"errors"
	"strings"
	"testing"

	"github.com/chiso-vn/chiso/region"
)

// The forms a reported value may take: a decimal comma read by
// numeral.Parse (so a point before it groups thousands), or a machine
// decimal point; nothing else, and nothing past the bounds.
func TestParseValue(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		err      error
	}{
		{"0,9581", "0.9581", nil},
		{"0.9581", "0.9581", nil},
		{"1.234,5", "1234.5", nil}, // Vietnamese: the point groups thousands
		{"60.5", "60.5", nil},      // machine format
		{"90", "90", nil},
		{"-0", "0", nil},
		{"-0,5", "", region.ErrNegative},
		{"-1", "", region.ErrNegative},
		{"0,1234567", "", region.ErrMalformed},    // 7 decimals
		{"0.1234567", "", region.ErrMalformed},    // likewise
		{"1000000000,5", "", region.ErrMalformed}, // above 10^9
		{"217.00,1", "", region.ErrMalformed},     // a thousands group of two digits
		{"1,2,3", "", region.ErrMalformed},
		{"1e-9000", "", region.ErrMalformed},
		{"1e400", "", region.ErrMalformed},
		{"--1", "", region.ErrMalformed},
		{"-", "", region.ErrMalformed},
		{"", "", region.ErrMalformed},
		{strings.Repeat("9", 400), "", region.ErrMalformed},
	} {
		v, err := parseValue(tt.in)
		switch {
		case tt.err != nil && !errors.Is(err, tt.err):
			t.Errorf("parseValue(%q) = %v, %v; want %v", tt.in, v, err, tt.err)
		case tt.err == nil && (err != nil || v.String() != tt.want):
			t.Errorf("parseValue(%q) = %v, %v; want %s", tt.in, v, err, tt.want)
		case err != nil && len(err.Error()) > 200:
			t.Errorf("parseValue(%q): an error of %d bytes", tt.in[:10], len(err.Error()))
		}
	}
}
