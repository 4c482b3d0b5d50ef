package numeral_test

import (
	"fmt"

	"github.com/chiso-vn/chiso/numeral"
)

func ExampleFormatInt() {
	fmt.Println(numeral.FormatInt(60827, numeral.Vietnamese), numeral.FormatInt(60827, numeral.English))
	// Output: 60.827 60,827
}

func ExampleParse() {
	for _, s := range []string{"60.827", "1,5", "1.000", "60.5", "217.00"} {
		v, decimals, err := numeral.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, "=", v.FloatString(decimals))
	}
	// Output:
	// 60.827 = 60827
	// 1,5 = 1.5
	// 1.000 = 1000
	// numeral "60.5": malformed: a thousands group has three digits, "5" has 1
	// numeral "217.00": malformed: a thousands group has three digits, "00" has 2
}
