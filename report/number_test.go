package report

import (
	"testing"

	"github.com/chiso-vn/chiso/indicator"
)

func TestFormatPercent(t *testing.T) {
	for _, tt := range []struct {
		n, d   int64
		digits int32
		want   string
	}{{164, 100, 0, "164%"}, {605, 1000, 1, "60,5%"}, {1, 1, 1, "100%"}, {327, 200, 0, "164%"}} {
		if got := FormatPercent(indicator.MustRatio(tt.n, tt.d), tt.digits, indicator.HalfUp); got != tt.want {
			t.Errorf("FormatPercent(%d/%d) = %q, want %q", tt.n, tt.d, got, tt.want)
		}
	}
}
