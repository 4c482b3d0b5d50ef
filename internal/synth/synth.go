// Package synth generates deterministic national-scale data for chiso's
// benchmarks and tests: a hierarchy shaped like Vietnam's before 2025 (63
// provinces, 705 districts, 10,599 communes) and daily counts.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/chiso-vn/chiso/region"
)

// Sizes of Vietnam's hierarchy before 2025-07-01.
const (
	Provinces = 63
	Districts = 705
	Communes  = 10599
)

var syllables = []string{
	"An", "Bình", "Cao", "Châu", "Đông", "Đình", "Gia", "Hà", "Hải", "Hòa",
	"Hưng", "Kim", "Lạc", "Lâm", "Long", "Mỹ", "Nam", "Ngọc", "Phú", "Phúc",
	"Quang", "Quế", "Sơn", "Tân", "Thái", "Thanh", "Thạch", "Tiên", "Trung", "Vĩnh",
	"Xuân", "Yên", "Bắc", "Lộc", "Đức", "Minh",
}

func name(r *rand.Rand) string {
	return syllables[r.IntN(len(syllables))] + " " + syllables[r.IntN(len(syllables))]
}

// Units returns the nation, 63 provinces, 705 districts and 10,599 communes
// with codes 01.., 001.., 00001.. and names drawn from seed. Names repeat, as
// they do in Vietnam.
func Units(seed uint64) []region.Unit {
	r := rand.New(rand.NewPCG(seed, 1))
	units := make([]region.Unit, 0, 1+Provinces+Districts+Communes)
	units = append(units, region.Unit{Code: region.Nation, Name: "Việt Nam", Kind: region.KindNation})
	for p := 0; p < Provinces; p++ {
		units = append(units, region.Unit{
			Code: region.MustParseCode(fmt.Sprintf("%02d", p+1)), Name: name(r),
			Kind: region.KindProvince, Parent: region.Nation,
		})
	}
	for d := 0; d < Districts; d++ {
		units = append(units, region.Unit{
			Code: region.MustParseCode(fmt.Sprintf("%03d", d+1)), Name: name(r),
			Kind: region.KindDistrict, Parent: units[1+d*Provinces/Districts].Code,
		})
	}
	for c := 0; c < Communes; c++ {
		units = append(units, region.Unit{
			Code: region.MustParseCode(fmt.Sprintf("%05d", c+1)), Name: name(r),
			Kind: region.KindCommune, Parent: units[1+Provinces+c*Districts/Communes].Code,
		})
	}
	return units
}

// Days is the number of days of daily counts in [ObservationsCSV].
const Days = 120

// ObservationsCSV returns daily counts for every commune of units and every
// indicator id, over Days days from 2025-01-01, as "commune,indicator,day,n"
// lines: 10,175,040 lines (about 350 MB) for Vietnam's 10,599 communes and 8
// indicators.
func ObservationsCSV(units []region.Unit, ids []string, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 2))
	var dates [Days]string
	for d := range dates {
		dates[d] = time.Date(2025, 1, 1+d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	b := make([]byte, 0, 360<<20)
	b = append(b, "commune,indicator,day,n\n"...)
	for _, u := range units {
		if u.Code.Level() != region.LevelCommune {
			continue
		}
		code := u.Code.String()
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

// PlansCSV returns one plan per commune and indicator id, "unit,indicator,plan".
func PlansCSV(units []region.Unit, ids []string, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 3))
	b := []byte("unit,indicator,plan\n")
	for _, u := range units {
		if u.Code.Level() != region.LevelCommune {
			continue
		}
		for _, id := range ids {
			b = fmt.Appendf(b, "%s,%s,%d\n", u.Code, id, 1500+r.IntN(3000))
		}
	}
	return b
}
