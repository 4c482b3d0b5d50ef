package claim

import (
	"strings"

	"github.com/chiso-vn/chiso/figure"
	"github.com/chiso-vn/chiso/numeral"
)

// How a number is read from the words around it: a day, a year, a
// number that names, a class or a period, a measure with its unit.

// isDate reports whether number token i is a day or a month as the press
// prints them: with two slashes or one slash after a date word ("ngày",
// "đến", "hết", "trước", "sau", "sáng", "chiều", ...); with "-" or "." when
// it cannot be read as a number or a range ("22-3", "19.11", "8.2022") or a
// date word comes before it.
func (x *extractor) isDate(i int) bool {
	s := x.toks[i].s
	if !strings.ContainsAny(s, "/-.") || x.punct(i+1, "%") {
		return false // "từ 5-10%" is a range of percents
	}
	d, ok := numeral.ParsePressDate(s)
	if !ok {
		return false
	}
	p1 := x.word(i - 1)
	if dateWord(p1) || d.Year != 0 {
		return true
	}
	if strings.Count(s, "/") == 1 {
		f, err := figure.Parse(s)
		return err == nil && f.Kind == figure.Date && !localityNoun(x.word(i+1))
	}
	if x.punct(i+1, "%") {
		return false
	}
	_, err := figure.Parse(s)
	return err != nil // "19.11" and "22-3" are no number and no range
}

// dateWord reports the words after which "22-3" or "23/3" is a day.
func dateWord(w string) bool {
	switch w {
	case "ngày", "đến", "hết", "trước", "sau", "sáng", "chiều", "tối", "trưa", "đêm", "hôm", "tháng", "từ", "tới":
		return true
	}
	return false
}

// isYear reports a year printed without a thousands separator: the press
// groups counts of a thousand and more ("2.120"), so a bare "2023" is a year.
func isYear(s string) bool {
	if len(s) != 4 || strings.TrimLeft(s, "0123456789") != "" {
		return false
	}
	return s >= "1900" && s <= "2100"
}

// yearRange reports "2020-2022", a period of years.
func yearRange(s string) bool {
	for _, dash := range []string{"-", "–"} {
		if a, b, ok := strings.Cut(s, dash); ok {
			return isYear(a) && isYear(b)
		}
	}
	return false
}

// namingNoun reports the nouns after which a small number names a thing
// rather than counting it: "Đề án 06", "Chỉ tiêu 1", "Nghị định 42", "giai
// đoạn 2", "quý 1", "khóa 5".
func namingNoun(w1, w2 string) bool {
	switch w1 + " " + w2 {
	case "đề án", "chỉ tiêu", "nghị định", "nghị quyết", "quyết định", "thông tư", "chương trình", "giai đoạn", "kế hoạch", "mục tiêu", "lần thứ", "chỉ thị", "công văn":
		return true
	}
	switch w2 {
	case "quý", "khóa", "khoá", "phiên", "kỳ", "vòng", "nhóm", "điều", "khoản", "mục", "phần":
		return true
	case "số": // "Quyết định số 205", "Thông tư số 01"; not "trong số 40 tỉnh"
		switch w1 {
		case "định", "quyết", "tư", "văn", "báo", "thị", "án", "luật", "bản":
			return true
		}
	}
	return false
}

// unitWord reports the words after a number that make it a class, a
// period or a step rather than a count to check: "3 sao", "6 tháng",
// "tăng 3 bậc", "gấp 3 lần" is read by changes before this.
func unitWord(w string) bool {
	switch w {
	case "sao", "tháng", "năm", "ngày", "quý", "tuần", "giờ", "phút", "bậc", "hạng", "tuổi", "kỳ":
		return true
	}
	return false
}

// measure splits "92,51Mbps" into its number and unit: a numeral followed
// by letters only.
func measure(s string) (num, unit string, ok bool) {
	k := strings.IndexFunc(s, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == ',') })
	if k <= 0 || strings.ContainsAny(s[k:], "-/0123456789") {
		return "", "", false
	}
	if _, err := figure.Parse(s[:k]); err != nil {
		return "", "", false
	}
	switch strings.ToLower(s[k:]) {
	case "mbps", "gbps", "kbps", "gb", "mb", "tb", "km", "kg", "ha", "mw", "kw", "kwh", "usd", "m", "m2", "cm":
		return s[:k], s[k:], true
	}
	return "", "", false
}

func localityNoun(w string) bool {
	switch w {
	case "địa", "xã", "phường", "huyện", "tỉnh", "thôn", "bản", "đơn", "thị", "tổ", "cơ", "trường", "sở":
		return true
	}
	return false
}

// stopWord reports function words that never name what a count counts.
func stopWord(w string) bool {
	switch w {
	case "và", "với", "của", "là", "đạt", "so", "trong", "đến", "từ", "lên", "tăng", "giảm", "trên", "hơn", "gần", "khoảng", "được", "đã", "có", "cho", "tại", "ở", "năm":
		return true
	}
	return false
}
