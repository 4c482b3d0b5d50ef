package region_test

import (
	"io"
	"math/rand/v2"
	"testing"

	"github.com/chiso-vn/chiso/region"
)

func units(h *region.Hierarchy) []region.Unit {
	var out []region.Unit
	for _, u := range h.All() {
		out = append(out, u)
	}
	return out
}

// BenchmarkNew validates and indexes the 10,807 units of Vietnam2024.
func BenchmarkNew(b *testing.B) {
	us := units(region.Vietnam2024())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := region.New(us); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCSV2024 and BenchmarkReadCSV2025 build the built-in lists
// from their embedded files, as Vietnam2024 and Vietnam2025 do once.
func BenchmarkReadCSV2024(b *testing.B) { benchRead(b, "units-2025-03-01.csv") }
func BenchmarkReadCSV2025(b *testing.B) { benchRead(b, "units-2025-07-01.csv") }

func benchRead(b *testing.B, name string) {
	data, err := io.ReadAll(region.OpenData(name))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := region.ReadCSV(region.OpenData(name), name); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFind looks up names as the press prints them, each found once.
func BenchmarkFind(b *testing.B) {
	h := region.Vietnam2024()
	queries := []string{"Quế Võ", "thị trấn Cao Lộc, huyện Cao Lộc, Lạng Sơn", "dinh lap", "Xã Bắc Xa", "TP HCM"}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range queries {
			if len(h.Find(q)) == 0 {
				b.Fatal(q)
			}
		}
	}
}

// BenchmarkFindAmbiguous looks up names shared by dozens of units.
func BenchmarkFindAmbiguous(b *testing.B) {
	h := region.Vietnam2024()
	queries := []string{"Phường 1", "Xã Tân Thành", "Tân Lập"}
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range queries {
			if len(h.Find(q)) < 20 {
				b.Fatal(q)
			}
		}
	}
}

// BenchmarkCarryNational carries 8 indicators' counts of all 10,047 old
// communes onto the 3,321 new ones.
func BenchmarkCarryNational(b *testing.B) {
	c := region.Reorganisation2025()
	old := c.From()
	r := rand.New(rand.NewPCG(1, 2))
	series := make([]map[region.Code]int64, 8)
	for k := range series {
		series[k] = map[region.Code]int64{}
		for _, i := range old.Level(region.LevelCommune) {
			series[k][old.At(int(i)).Code] = r.Int64N(5000)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range series {
			out, err := c.Carry(s, nil)
			if err != nil {
				b.Fatal(err)
			}
			if len(out) != 3316 { // the 13 đặc khu include 5 island districts, not communes
				b.Fatalf("%d new units", len(out))
			}
		}
	}
}
