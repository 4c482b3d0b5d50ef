// Package synth generates deterministic national-scale data for chiso's
// benchmarks and tests: daily counts and plans for every commune of a real
// hierarchy, such as region.Vietnam2024 (10,047 communes) or
// region.Vietnam2025 (3,321).
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/chiso-vn/chiso/region"
)

// Days is the number of days of daily counts in [ObservationsCSV].
const Days = 120

// ObservationsCSV returns daily counts for every commune of h and every
// indicator id, over Days days from 2025-01-01, as "commune,indicator,day,n"
// lines: 9,645,120 lines (about 330 MB) for the 10,047 communes of
// region.Vietnam2024 and 8 indicators.
func ObservationsCSV(h *region.Hierarchy, ids []string, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 2))
	var dates [Days]string
	for d := range dates {
		dates[d] = time.Date(2025, 1, 1+d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	b := make([]byte, 0, 360<<20)
	b = append(b, "commune,indicator,day,n\n"...)
	for _, i := range h.Level(region.LevelCommune) {
		code := h.At(int(i)).Code.String()
		for _, id := range ids {
			for d := range dates {
				b = append(b, code...)
				b = append(b, ',')
				b = append(b, id...)
				b = append(b, ',')
				b = append(b, dates[d]...)
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(r.IntN(40)), 10)
				b = append(b, '\n')
			}
		}
	}
	return b
}

// PlansCSV returns one plan per commune of h and indicator id,
// "unit,indicator,plan".
func PlansCSV(h *region.Hierarchy, ids []string, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 3))
	b := []byte("unit,indicator,plan\n")
	for _, i := range h.Level(region.LevelCommune) {
		for _, id := range ids {
			b = fmt.Appendf(b, "%s,%s,%d\n", h.At(int(i)).Code, id, 1500+r.IntN(3000))
		}
	}
	return b
}
