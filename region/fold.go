package region

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces text to the form names are compared in: lower case,
// without diacritics (đ is d), runs of spaces and punctuation as one space:
// "Mã  đơn vị" and "MA DON VI" both fold to "ma don vi". It is how readers
// of chiso match Vietnamese headers as well as names.
func Fold(s string) string { return fold(s) }

// fold reduces a name to the form [Hierarchy.Find] compares: lower case,
// without diacritics (đ and Đ become d, which no decomposition does), with
// runs of spaces and punctuation collapsed to one space. Text in Latin
// script, precomposed (NFC) or not (NFD), is folded through a table; other
// text goes through Unicode decomposition, with the same result.
func fold(s string) string {
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		var f rune
		switch {
		case r < 0x80:
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				f = r
			case 'A' <= r && r <= 'Z':
				f = r + 'a' - 'A'
			}
		case r >= 0x300 && r < 0x370: // combining diacritical marks
			continue
		case r >= latinA && r < latinA+rune(len(foldLatin[0])):
			f = foldLatin[0][r-latinA]
		case r >= latinB && r < latinB+rune(len(foldLatin[1])):
			f = foldLatin[1][r-latinB]
		default:
			return foldSlow(s)
		}
		if f == 0 {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, f)
	}
	return string(b)
}

// The Latin blocks fold handles by table: Latin-1 Supplement to Latin
// Extended-B, and Latin Extended Additional (Vietnamese: ạ ả ấ ... ỹ).
const (
	latinA = 0xC0
	latinB = 0x1E00
)

// foldLatin maps each rune of the two blocks to what foldSlow makes of it
// (a single letter), or 0 for a separator.
var foldLatin = func() (t [2][]rune) {
	t[0], t[1] = make([]rune, 0x250-latinA), make([]rune, 0x100)
	for k, start := range []rune{latinA, latinB} {
		for n := range t[k] {
			r := []rune(foldSlow(string(start + rune(n))))
			if len(r) == 1 {
				t[k][n] = r[0]
			}
		}
	}
	return t
}()

// foldSlow is fold through Unicode decomposition, for any text.
func foldSlow(s string) string {
	s = norm.NFD.String(strings.ToValidUTF8(s, " "))
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
	{"thanh pho", []Kind{KindCentralCity, KindProvincialCity, KindCityOfCentralCity}},
	{"thi tran", []Kind{KindTown}},
	{"dac khu", []Kind{KindSpecialZone}},
	{"phuong", []Kind{KindWard}},
	{"thi xa", []Kind{KindTownship}},
	{"huyen", []Kind{KindDistrict}},
	{"quan", []Kind{KindUrbanDistrict}},
	{"tinh", []Kind{KindProvince}},
	{"tp", []Kind{KindCentralCity, KindProvincialCity, KindCityOfCentralCity}},
	{"tx", []Kind{KindTownship}},
	{"tt", []Kind{KindTown}},
	{"xa", []Kind{KindCommune}},
}

// splitKind splits a folded name into the kinds its leading word names and
// the rest. It returns nil kinds when no kind word leads or nothing follows.
func splitKind(f string) ([]Kind, string) {
	if k := kindPrefix(f); k >= 0 {
		return kindPrefixes[k].kinds, f[len(kindPrefixes[k].word)+1:]
	}
	return nil, f
}

// kindPrefix returns the index in kindPrefixes of the kind word that begins
// the folded name f and is followed by more of it, or -1.
func kindPrefix(f string) int {
	for k, p := range kindPrefixes {
		if len(f) > len(p.word)+1 && strings.HasPrefix(f, p.word) && f[len(p.word)] == ' ' {
			return k
		}
	}
	return -1
}
