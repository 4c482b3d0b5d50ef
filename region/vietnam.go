package region

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// The built-in lists. Codes are the General Statistics Office's (Danh mục
// các đơn vị hành chính Việt Nam), as mirrored in the public dataset
// github.com/ltv/vn-address for districts and communes:
//   - Lạng Sơn 20; huyện Cao Lộc 183, thị trấn Cao Lộc 06187; huyện Đình Lập
//     189, xã Bắc Xa 06619.
//   - Bắc Ninh 27; Quế Võ 259, a huyện until it became a thị xã on 2023-04-10
//     (Nghị quyết 721/NQ-UBTVQH15), when thị trấn Phố Mới 09247 became a
//     phường.
//
// The 34 provinces from 2025-07-01 and their codes follow Nghị quyết
// 202/2025/QH15 and Quyết định 19/2025/QĐ-TTg: a merged province keeps the
// code of one of its predecessors (the new Bắc Ninh has Bắc Giang's 24).
//
//go:embed data/*.csv
var data embed.FS

var (
	vn2024 = sync.OnceValue(func() *Hierarchy { return mustRead("data/units-2024.csv") })
	vn2025 = sync.OnceValue(func() *Hierarchy { return mustRead("data/units-2025.csv") })
	reorg  = sync.OnceValue(func() *Crosswalk {
		c, err := readMerges("data/reorganisation-2025.csv", vn2024(), vn2025())
		if err != nil {
			panic(err) // the embedded data is checked by the tests
		}
		return c
	})
)

// Vietnam2024 returns the units in force until 2025-06-30: the nation, its 63
// provinces and centrally-run cities, and the districts and communes that
// chiso's founding articles name (see the package source for the codes).
// Huế is listed as a centrally-run city, as it was from 2025-01-01.
func Vietnam2024() *Hierarchy { return vn2024() }

// Vietnam2025 returns the nation and its 34 provinces and centrally-run
// cities in force from 2025-07-01.
func Vietnam2025() *Hierarchy { return vn2025() }

// Reorganisation2025 returns the crosswalk from the 63 provinces of
// [Vietnam2024] to the 34 of [Vietnam2025]. Every old province went whole
// into one new province (share 1).
func Reorganisation2025() *Crosswalk { return reorg() }

func mustRead(name string) *Hierarchy {
	b, err := data.ReadFile(name)
	if err == nil {
		var h *Hierarchy
		h, err = ReadCSV(bytes.NewReader(b), name)
		if err == nil {
			return h
		}
	}
	panic(err) // the embedded data is checked by the tests
}

// readMerges reads "new,old" rows whose old column lists the codes merged
// whole into the new unit, separated by spaces.
func readMerges(name string, from, to *Hierarchy) (*Crosswalk, error) {
	b, err := data.ReadFile(name)
	if err != nil {
		return nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var links []Link
	for i, row := range rows[1:] {
		nc, err := ParseCode(row[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, i+2, err)
		}
		for _, o := range strings.Fields(row[1]) {
			oc, err := ParseCode(o)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, i+2, err)
			}
			links = append(links, Link{From: oc, To: nc, Share: decimal.NewFromInt(1)})
		}
	}
	return NewCrosswalk(from, to, links)
}
