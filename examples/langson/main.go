// Command langson checks the Lạng Sơn article on community
// digital-technology teams (../shared/seeds/004_a534b6aa34f1c7b9.txt) as
// printed: it reads every figure of the article's sentences with
// claim.Extract, names the platform and the unit each is about, prints the
// plan each count and percent imply, and every finding of claim.CheckClaims, in
// Vietnamese (or English with -lang en). No figure is typed in by hand and
// none is invented: a plan is printed as the range of whole numbers the
// article allows.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chiso-vn/chiso/claim"
	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// article holds the article's sentences that print figures, as printed,
// errors included ("217.00" in the second paragraph); chiso check reads
// the same file.
//
//go:embed article.txt
var article string

// subjects names, by the words before a count, the platform it measures and
// the unit it is about (the article's subject: the province, or the
// commune of the person quoted).
var subjects = []struct{ words, indicator, unit string }{
	{"ứng dụng công dân số xứ lạng", "cong_dan_so", "20"},
	{"ứng dụng thanh toán điện tử", "thanh_toan_dt", "20"},
	{"tài khoản mua trên sàn thương mại điện tử", "tmdt", "20"},
	{"cả tỉnh đã cài đặt được", "ung_dung_so", "20"},
	{"chúng tôi đã phát triển được", "ung_dung_so", "06619"},
	{"hỗ trợ người dân cài đặt", "vneid_l2", "20"},
	{"toàn tỉnh hiện có", "to_cnscd", "20"},
	{"kỹ năng số cho", "tap_huan", "20"},
}

func main() {
	lang := flag.String("lang", "vi", "language of the findings: vi or en")
	flag.Parse()
	l := numeral.Vietnamese
	if *lang == "en" {
		l = numeral.English
	}
	if err := write(os.Stdout, l); err != nil {
		fmt.Fprintln(os.Stderr, "langson:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error { return write(w, numeral.Vietnamese) }

func write(w io.Writer, lang numeral.Language) error {
	h := region.Vietnam2024()
	cat := indicator.Standard()
	claims := claim.Extract(article)
	findings := claim.CheckClaims(claims)

	fmt.Fprintln(w, "# Lạng Sơn: tài khoản, ứng dụng số (Báo Lạng Sơn)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| Đơn vị | Nền tảng | In trên báo | Kế hoạch suy ra (số nguyên) |")
	fmt.Fprintln(w, "|---|---|---|---|")
	for _, f := range findings {
		if f.Kind != claim.ImpliedPlan {
			continue
		}
		c := claimOf(claims, f.Claims[0])
		sub, ok := subjectOf(c)
		if !ok {
			return fmt.Errorf("no platform for %q", c.Fragment)
		}
		u, ok := h.Unit(region.MustParseCode(sub.unit))
		if !ok {
			return fmt.Errorf("no unit %s", sub.unit)
		}
		ind, ok := cat.Lookup(sub.indicator)
		if !ok {
			return fmt.Errorf("no indicator %s", sub.indicator)
		}
		plan := "không có số nguyên nào"
		if lo, hi, ok := f.Range.Whole(); ok && f.Range.Lo.Sign() > 0 {
			plan = numeral.FormatInt(lo, numeral.Vietnamese) + "–" + numeral.FormatInt(hi, numeral.Vietnamese)
		} else if ok {
			plan = "dưới " + numeral.FormatInt(hi+1, numeral.Vietnamese) // "vượt chỉ tiêu": only an upper bound
		}
		fmt.Fprintf(w, "| %s | %s | %s (%s) | %s |\n", u.FullName(), ind.Name, c.Count, c.Percent, plan)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "## Kiểm tra các số liệu đã in")
	fmt.Fprintln(w)
	for _, f := range findings {
		fmt.Fprintf(w, "- %s\n", f.Text(lang))
	}
	return nil
}

func claimOf(claims []claim.Claim, fragment string) claim.Claim {
	for _, c := range claims {
		if c.Fragment == fragment && c.Percent != "" {
			return c
		}
	}
	return claim.Claim{}
}

func subjectOf(c claim.Claim) (s struct{ words, indicator, unit string }, ok bool) {
	for _, s := range subjects {
		if strings.Contains(strings.ToLower(c.Fragment), s.words) {
			return s, true
		}
	}
	return s, false
}
