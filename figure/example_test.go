package figure

import "fmt"

func ExampleParse() {
	for _, s := range []string{"hơn 741.000", "164%", "256.620", "217.00"} {
		f, err := Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(s, "→", f.Range.Format(1))
	}
	// Output:
	// hơn 741.000 → (741.000; 742.000)
	// 164% → [163,5; 164,5)
	// 256.620 → [256.620; 256.620]
	// figure.Parse("217.00"): malformed number: a thousands group has three digits, "00" has 2
}
