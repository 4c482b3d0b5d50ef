package region

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold reduces a name to the form [Hierarchy.Find] compares: lower case,
// without diacritics (đ and Đ become d, which no decomposition does), with
// runs of spaces and punctuation collapsed to one space.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(strings.ToValidUTF8(s, " "))
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == 'đ' || r == 'Đ':
			r = 'd'
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// kindPrefixes are the folded words that may stand before a name, longest
// first so that "thanh pho truc thuoc trung uong" wins over "thanh pho".
var kindPrefixes = []struct {
	word  string
	kinds []Kind
}{
	{"thanh pho truc thuoc trung uong", []Kind{KindCentralCity}},
	{"thanh pho thuoc tinh", []Kind{KindProvincialCity}},
	{"thanh pho", []Kind{KindCentralCity, KindProvincialCity}},
	{"thi tran", []Kind{KindTown}},
	{"dac khu", []Kind{KindSpecialZone}},
	{"phuong", []Kind{KindWard}},
	{"thi xa", []Kind{KindTownship}},
	{"huyen", []Kind{KindDistrict}},
	{"quan", []Kind{KindUrbanDistrict}},
	{"tinh", []Kind{KindProvince}},
	{"tp", []Kind{KindCentralCity, KindProvincialCity}},
	{"tx", []Kind{KindTownship}},
	{"tt", []Kind{KindTown}},
	{"xa", []Kind{KindCommune}},
}

// splitKind splits a folded name into the kinds its leading word names and
// the rest. It returns nil kinds when no kind word leads or nothing follows.
func splitKind(f string) ([]Kind, string) {
	for _, p := range kindPrefixes {
		if len(f) > len(p.word)+1 && strings.HasPrefix(f, p.word) && f[len(p.word)] == ' ' {
			return p.kinds, f[len(p.word)+1:]
		}
	}
	return nil, f
}
