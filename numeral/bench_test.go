package numeral

import "testing"

func BenchmarkFormatInt(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		FormatInt(741220, Vietnamese)
	}
}
