package report

import (
	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
)

// FormatPercent writes r as a Vietnamese percent rounded to digits decimals
// with mode, dropping trailing zeros as the press does: "164%", "60,5%",
// "100%"; "-" for an invalid ratio.
func FormatPercent(r indicator.Ratio, digits int32, mode indicator.RoundingMode) string {
	if !r.IsValid() {
		return "-"
	}
	return numeral.FormatDecimal(r.Percent(digits, mode), numeral.Vietnamese) + "%"
}
