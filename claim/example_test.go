package claim_test

import (
	"fmt"

	"github.com/chiso-vn/chiso/claim"
	"github.com/chiso-vn/chiso/numeral"
)

func ExampleCheckClaims() {
	findings := claim.CheckClaims([]claim.Claim{
		{Fragment: "tổng", Key: "total", Count: "1.000", Percent: "100%"},
		{Fragment: "A", Key: "a", Count: "600", Percent: "150%", PartOf: "total", Exhaustive: true},
		{Fragment: "B", Key: "b", Count: "400", Percent: "50%", PartOf: "total", Exhaustive: true},
	})
	for _, f := range findings {
		fmt.Println(f.Kind, f.Holds, f.Range.Format(1))
	}
	// Output:
	// kế hoạch suy ra true (995; 1.005]
	// kế hoạch suy ra true (398,7; 401,3]
	// kế hoạch suy ra true (792,1; 808,1]
	// tổng các phần true [1.000; 1.000]
	// tỷ lệ chung false [82,7; 84)
}

// Example_readme is the claim-checking snippet shown in README.md.
func Example_readme() {
	text := `Đến nay cả tỉnh đã cài đặt được hơn 741.000 tài khoản, ứng dụng số (đạt 164% kế hoạch).
Trong đó: ứng dụng Công dân số Xứ Lạng hơn 217.000 tài khoản, đạt 144% kế hoạch; ứng dụng thanh toán điện tử 256.620 tài khoản, đạt 171% kế hoạch; tài khoản mua trên sàn thương mại điện tử 267.600 tài khoản, đạt 194% kế hoạch.`
	for _, f := range claim.Check(text) {
		if !f.Holds {
			fmt.Println(f.Message(numeral.Vietnamese))
		}
	}
	// Output:
	// các phần cộng lại đạt (≈168,1; ≈169,7)% kế hoạch (các kế hoạch cộng lại (≈437.389; ≈440.722)), nhưng bài in 164%, tức [163,5; 164,5)%
}

// Check reads the figures of a text and checks them; English findings
// write what chiso computed the English way and quote the article as
// printed.
func ExampleCheck() {
	text := "Đến nay, 19/218 địa phương hoàn thành; 189 địa phương còn lại đang triển khai."
	for _, f := range claim.Check(text) {
		fmt.Println(f.Text(numeral.English))
		fmt.Println(f.Text(numeral.Vietnamese))
	}
	// Output:
	// FAILS [localities]: 19/218 leaves 199; printed 189 («Đến nay, 19/218 địa phương hoàn thành; 189 địa phương còn lại đang triển khai»)
	// KHÔNG KHỚP [số địa phương]: 19/218 còn lại 199; bài in 189 («Đến nay, 19/218 địa phương hoàn thành; 189 địa phương còn lại đang triển khai»)
}

// Extract lists what a text prints, each figure with what it is of.
func ExampleExtract() {
	text := "Toàn tỉnh có 1.160.000 tài khoản, đạt 116% kế hoạch và bằng 90% dân số trưởng thành."
	for _, c := range claim.Extract(text) {
		fmt.Printf("%s %q %q of %q\n", c.What, c.Count, c.Percent, c.BaseName)
	}
	// Output:
	// count "1.160.000" "116%" of "kế hoạch"
	// count "1.160.000" "90%" of "dân số trưởng thành"
}

// CheckSummary gives the line a reader wants first; FailingFirst puts the
// findings that fail before those that hold, and each finding says where
// its figures stand.
func ExampleCheckSummary() {
	text := "Năm nay tỉnh có 1.250 sản phẩm, trong đó 50 sản phẩm 5 sao, 400 sản phẩm 4 sao và 805 sản phẩm 3 sao."
	findings, sum := claim.CheckSummary(text)
	fmt.Println(sum.Text(numeral.Vietnamese))
	fmt.Println(sum.Text(numeral.English))
	for _, f := range claim.FailingFirst(findings) {
		fmt.Println(f.Text(numeral.English))
		for i, sp := range f.Spans {
			fmt.Printf("  %s at %d:%d (bytes %d-%d)\n", f.Figures[i], sp.Line, sp.Column, sp.Start, sp.End)
		}
	}
	// Output:
	// Đọc được 7 số liệu, kiểm tra 1 quan hệ, 1 không khớp.
	// Read 7 figures, checked 1 relation, 1 fails.
	// FAILS [sum of the parts]: the parts sum to 1,255, the total 1.250 allows 1,250 («Năm nay tỉnh có 1.250 sản phẩm, trong đó 50 sản phẩm 5 sao, 400 sản phẩm 4 sao và 805 sản phẩm 3 sao»)
	//   1.250 at 1:17 (bytes 20-25)
	//   50 at 1:42 (bytes 51-53)
	//   400 at 1:61 (bytes 74-77)
	//   805 at 1:83 (bytes 101-104)
}
