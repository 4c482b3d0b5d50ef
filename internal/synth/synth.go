// Package synth generates deterministic national-scale data for chiso's
// benchmarks and tests: a hierarchy shaped like Vietnam's before 2025 (63
// provinces, 705 districts, 10,599 communes) and daily counts.
package synth

import (
	"fmt"
	"math/rand/v2"

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
