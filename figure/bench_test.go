package figure

import (
	"math/big"
	"testing"
)

func BenchmarkParseFigure(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range []string{"hơn 741.000", "256.620", "164%", "60,5%"} {
			if _, err := Parse(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkIntervalString writes the ranges a claim check prints: exact
// bounds, and one without a finite decimal form.
func BenchmarkIntervalString(b *testing.B) {
	var ivs []Interval
	for _, s := range []string{"hơn 741.000", "164%", "60,5%"} {
		f, err := Parse(s)
		if err != nil {
			b.Fatal(err)
		}
		ivs = append(ivs, f.Range)
	}
	ivs = append(ivs, Point(big.NewRat(19, 218)))
	b.ReportAllocs()
	for b.Loop() {
		for _, iv := range ivs {
			_ = iv.String()
		}
	}
}
