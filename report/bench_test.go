package report

import "testing"

func BenchmarkParseFigure(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range []string{"hơn 741.000", "256.620", "164%", "60,5%"} {
			if _, err := ParseFigure(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkFormatInt(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		FormatInt(741220)
	}
}
