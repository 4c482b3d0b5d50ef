package region_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/chiso-vn/chiso/region"
)

func ExampleParseCode() {
	c, err := region.ParseCode("06187")
	fmt.Println(c, c.Level(), c.Number(), err)
	_, err = region.ParseCode("6187")
	fmt.Println(err)
	// Output:
	// 06187 xã 6187 <nil>
	// region.ParseCode("6187"): want 2 (province), 3 (district) or 5 (commune) digits, or VN
}

func ExampleUnit_FullName() {
	u, _ := region.Vietnam2024().Unit(region.MustParseCode("259"))
	fmt.Println(u.FullName())
	// Output: thị xã Quế Võ
}

func ExampleHierarchy_Find() {
	h := region.Vietnam2024()
	for _, q := range []string{"que vo", "Thị xã Quế Võ", "huyện Quế Võ", "CAO LOC"} {
		fmt.Printf("%q: %v\n", q, h.Find(q))
	}
	// Output:
	// "que vo": [thị xã Quế Võ (259)]
	// "Thị xã Quế Võ": [thị xã Quế Võ (259)]
	// "huyện Quế Võ": []
	// "CAO LOC": [huyện Cao Lộc (183) thị trấn Cao Lộc (06187)]
}

func ExampleHierarchy_Path() {
	for _, u := range region.Vietnam2024().Path(region.MustParseCode("06619")) {
		fmt.Println(u.FullName())
	}
	// Output:
	// Việt Nam
	// tỉnh Lạng Sơn
	// huyện Đình Lập
	// xã Bắc Xa
}

func ExampleNew() {
	_, err := region.New([]region.Unit{
		{Code: region.MustParseCode("20"), Name: "Lạng Sơn", Kind: region.KindProvince},
		{Code: region.MustParseCode("189"), Name: "Đình Lập", Kind: region.KindCommune, Parent: region.MustParseCode("20")},
		{Code: region.MustParseCode("06619"), Name: "Bắc Xa", Kind: region.KindCommune, Parent: region.MustParseCode("188")},
	})
	fmt.Println(err)
	// Output:
	// region: unit 189 (Đình Lập): kind does not fit the level of the code: xã is a xã-level kind, code 189 is huyện level
	// region: unit 06619 (Bắc Xa): unknown parent 188
}

func ExampleReadCSV() {
	const list = `Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
Tỉnh Bắc Ninh,27,Thị xã Quế Võ,259,Phường Phố Mới,09247,Phường
Tỉnh Bắc Ninh,27,Thị xã Quế Võ,259,Phường Việt Hùng,09283,Phường
`
	h, err := region.ReadCSV(strings.NewReader(list), "danhmuc.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range h.PostOrder() {
		fmt.Println(u)
	}
	// Output:
	// phường Phố Mới (09247)
	// phường Việt Hùng (09283)
	// thị xã Quế Võ (259)
	// tỉnh Bắc Ninh (27)
	// Việt Nam (VN)
}

func ExampleCrosswalk_Carry() {
	// Accounts counted on three old communes of quận Phú Nhuận. Phường 15
	// was split between two new wards; its share is not published.
	m := region.MustParseCode
	counts := map[region.Code]int64{
		m("27058"): 100, m("27061"): 200, m("27052"): 300, // Phường 1, 2, 7
		m("27064"): 10, m("27070"): 20, m("27073"): 30, m("27085"): 40, // Phường 8, 10, 11, 13
		m("27076"): 1000, // Phường 15
	}
	c := region.Reorganisation2025()
	after, err := c.Carry(counts, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, code := range []string{"27058", "27073"} {
		u, _ := c.To().Unit(m(code))
		fmt.Println(u.OfficialName(), after[u.Code])
	}
	// Output:
	// Phường Cầu Kiệu [600, 1600]
	// Phường Phú Nhuận [100, 1100]
}

func ExampleCrosswalk_Successors() {
	c := region.Reorganisation2025()
	for _, q := range []string{"xã Bắc Xa", "thị trấn Cao Lộc", "Phường 15, Phú Nhuận"} {
		old := c.From().Find(q)[0]
		for _, l := range c.Successors(old.Code) {
			u, _ := c.To().Unit(l.To)
			fmt.Printf("%s → %s (%s)\n", old.OfficialName(), u.OfficialName(), l.Kind)
		}
	}
	// Output:
	// Xã Bắc Xa → Xã Kiên Mộc (toàn bộ)
	// Thị trấn Cao Lộc → Phường Kỳ Lừa (toàn bộ)
	// Phường 15 → Phường Cầu Kiệu (một phần)
	// Phường 15 → Phường Phú Nhuận (một phần)
}

func ExampleAt() {
	h, _ := region.At(time.Date(2025, 3, 23, 0, 0, 0, 0, time.UTC))
	fmt.Println(h.Find("Phố Mới, Quế Võ"))
	h, _ = region.At(time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(h.Find("Quế Võ"))
	// Output:
	// [phường Phố Mới (09247)]
	// [phường Quế Võ (09247)]
}

// Example_readme is the snippet shown in README.md.
func Example_readme() {
	h := region.Vietnam2024()
	for _, u := range h.Find("thị trấn Cao Lộc, huyện Cao Lộc") {
		fmt.Println(u.FullName(), u.Code) // thị trấn Cao Lộc 06187
	}
	// Where it went on 2025-07-01, and a count carried across the change.
	c := region.Reorganisation2025()
	for _, l := range c.Successors(region.MustParseCode("06187")) {
		u, _ := c.To().Unit(l.To)
		fmt.Println(u.OfficialName(), l.Kind) // Phường Kỳ Lừa toàn bộ
	}
	after, err := c.Carry(map[region.Code]int64{ // quận Tân Bình, Thành phố Hồ Chí Minh
		region.MustParseCode("26974"): 400,  // Phường 13, all into Phường Tân Bình
		region.MustParseCode("27004"): 200,  // Phường 14, likewise
		region.MustParseCode("27007"): 1000, // Phường 15, split with Phường Tân Sơn: share not published
	}, nil)
	fmt.Println(after[region.MustParseCode("27004")], after[region.MustParseCode("27007")], err) // [600, 1600] [0, 1000] <nil>
	// Output:
	// thị trấn Cao Lộc 06187
	// Phường Kỳ Lừa toàn bộ
	// [600, 1600] [0, 1000] <nil>
}
