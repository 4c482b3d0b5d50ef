package region_test

import (
	"fmt"
	"strings"

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
Tỉnh Bắc Ninh,27,Thị xã Quế Võ,259,Xã Việt Hùng,09283,Xã
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
	// xã Việt Hùng (09283)
	// thị xã Quế Võ (259)
	// tỉnh Bắc Ninh (27)
	// Việt Nam (VN)
}

func ExampleCrosswalk_ApplyCounts() {
	// Accounts counted on the provinces of 2024, re-aggregated onto 2025's.
	counts := map[region.Code]int64{
		region.MustParseCode("24"): 1200, // Bắc Giang
		region.MustParseCode("27"): 800,  // Bắc Ninh
		region.MustParseCode("20"): 500,  // Lạng Sơn
	}
	after, _ := region.Reorganisation2025().ApplyCounts(counts)
	h := region.Vietnam2025()
	for _, c := range []string{"24", "20"} {
		u, _ := h.Unit(region.MustParseCode(c))
		fmt.Println(u.FullName(), after[u.Code])
	}
	// Output:
	// tỉnh Bắc Ninh 2000
	// tỉnh Lạng Sơn 500
}

// Example_readme is the snippet shown in README.md.
func Example_readme() {
	h := region.Vietnam2024()
	for _, u := range h.Find("thị trấn Cao Lộc, huyện Cao Lộc") {
		fmt.Println(u.FullName(), u.Code) // thị trấn Cao Lộc 06187
	}
	// Output: thị trấn Cao Lộc 06187
}
