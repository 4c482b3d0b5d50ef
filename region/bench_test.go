package region_test

import (
	"testing"

	"github.com/chiso-vn/chiso/internal/synth"
	"github.com/chiso-vn/chiso/region"
)

// BenchmarkNew builds a hierarchy of Vietnam's size before 2025: 63
// provinces, 705 districts, 10,599 communes.
func BenchmarkNew(b *testing.B) {
	units := synth.Units(1)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := region.New(units); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFind(b *testing.B) {
	h, err := region.New(synth.Units(1))
	if err != nil {
		b.Fatal(err)
	}
	queries := []string{"Quế Võ", "thị trấn Cao Lộc", "dinh lap", "Xã Bắc Xa", "Phú Thanh"}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range queries {
			h.Find(q)
		}
	}
}
