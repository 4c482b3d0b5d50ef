// Package synth generates deterministic national-scale data for chiso's
// benchmarks and tests: daily counts and plans for every commune of a real
// hierarchy, such as region.Vietnam2024 (10,047 communes) or
// region.Vietnam2025 (3,321), with the lines in the orders files come in.
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

// Order is the order of the lines of an observations file. Every order
// holds the same lines: the same count for each commune, indicator and day.
type Order uint8

// The orders of [ObservationsCSVOrder].
const (
	// ByUnit lists commune after commune, each indicator of a commune,
	// then each day: a file exported unit by unit.
	ByUnit Order = iota
	// ByDay lists day after day, each commune of a day, then each
	// indicator: daily exports appended one after the other.
	ByDay
	// Shuffled lists the lines in a random order fixed by the seed.
	Shuffled
)

// String returns the order's name, as benchmarks print it.
func (o Order) String() string {
	switch o {
	case ByUnit:
		return "by-unit"
	case ByDay:
		return "by-day"
	case Shuffled:
		return "shuffled"
	}
	return fmt.Sprintf("Order(%d)", uint8(o))
}

// ObservationsCSV returns daily counts for every commune of h and every
// indicator id, over Days days from 2025-01-01, as "commune,indicator,day,n"
// lines unit by unit: 9,645,120 lines (about 340 MB) for the 10,047
// communes of region.Vietnam2024 and 8 indicators.
func ObservationsCSV(h *region.Hierarchy, ids []string, seed uint64) []byte {
	return ObservationsCSVOrder(h, ids, seed, ByUnit)
}

// ObservationsCSVOrder is [ObservationsCSV] with the lines in order: the
// same lines, with the same counts, whatever the order.
func ObservationsCSVOrder(h *region.Hierarchy, ids []string, seed uint64, order Order) []byte {
	r := rand.New(rand.NewPCG(seed, 2))
	var dates [Days]string
	for d := range dates {
		dates[d] = time.Date(2025, 1, 1+d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	communes := h.Level(region.LevelCommune)
	codes := make([]string, len(communes))
	for c, i := range communes {
		codes[c] = h.At(int(i)).Code.String()
	}
	// The counts, drawn unit by unit whatever the order: line l of the
	// by-unit file is commune l/(K·Days), indicator l/Days%K, day l%Days.
	nk := len(ids)
	n := len(communes) * nk * Days
	counts := make([]uint8, n)
	for l := range counts {
		counts[l] = uint8(r.IntN(40))
	}
	b := make([]byte, 0, n*36+64)
	b = append(b, "commune,indicator,day,n\n"...)
	line := func(l int) {
		c, k, d := l/(nk*Days), l/Days%nk, l%Days
		b = append(b, codes[c]...)
		b = append(b, ',')
		b = append(b, ids[k]...)
		b = append(b, ',')
		b = append(b, dates[d]...)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(counts[l]), 10)
		b = append(b, '\n')
	}
	switch order {
	case ByDay:
		for d := range Days {
			for c := range communes {
				for k := range nk {
					line((c*nk+k)*Days + d)
				}
			}
		}
	case Shuffled:
		perm := make([]int32, n)
		for l := range perm {
			perm[l] = int32(l)
		}
		rand.New(rand.NewPCG(seed, 4)).Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		for _, l := range perm {
			line(int(l))
		}
	default:
		for l := range n {
			line(l)
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
