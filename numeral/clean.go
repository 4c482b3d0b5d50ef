package numeral

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean normalises a figure as it comes from web pages and PDFs: Unicode
// NFC, every Unicode space (a no-break space from &nbsp;, a line break) a
// plain space, and the invisible characters that hide inside figures
// removed: zero-width spaces and joiners (U+200B–U+200D), the word joiner
// (U+2060), the byte-order mark (U+FEFF), the soft hyphen (U+00AD) and the
// bidi marks and controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
func Clean(s string) string { return clean(s, false) }

// CleanText is [Clean] for whole texts: line breaks stay.
func CleanText(s string) string { return clean(s, true) }

// Hidden reports whether r is an invisible character that Clean removes.
func Hidden(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x2060 || r == 0xFEFF || r == 0x00AD
}

// clean allocates only when s changes.
func clean(s string, keepLines bool) string {
	if isASCII(s) && !strings.ContainsAny(s, "\t\n\v\f\r") {
		return s
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	odd := func(r rune) bool {
		return Hidden(r) || r != ' ' && (r != '\n' || !keepLines) && unicode.IsSpace(r)
	}
	if !hasOdd(s, odd) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case Hidden(r):
			return -1
		case odd(r):
			return ' '
		}
		return r
	}, s)
}

// hasOdd reports whether s holds a rune odd reports, looking only at the
// runes that can be: ASCII controls, and those whose UTF-8 begins with a
// byte of U+0080–U+00FF, U+1680, U+2000–U+206F, U+3000 or U+FEFF.
func hasOdd(s string, odd func(rune) bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c < ' ' && odd(rune(c)) {
				return true
			}
			i++
			continue
		case c == 0xC2 || i+1 < len(s) && (c == 0xE1 && s[i+1] == 0x9A || c == 0xE2 && s[i+1] <= 0x81 ||
			c == 0xE3 && s[i+1] == 0x80 || c == 0xEF && s[i+1] == 0xBB):
			// Only these lead bytes can begin such a rune; Vietnamese
			// letters (U+1EA0–U+1EF9, E1 BA/BB ..) are passed over unread.
			r, n := utf8.DecodeRuneInString(s[i:])
			if odd(r) {
				return true
			}
			i += n
			continue
		}
		i++
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// CleanTextMap is [CleanText] that also says where each byte of the
// cleaned text came from: at[i] is the byte offset in s of the character
// that gave byte i (a character that normalisation composed maps to the
// first of the characters it came from), and at[len(clean)] is len(s).
// at is nil when the text needs no cleaning: offsets are then the same.
func CleanTextMap(s string) (clean string, at []int) {
	if c := CleanText(s); c == s {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	var it norm.Iter
	it.InitString(norm.NFC, s)
	for !it.Done() {
		from := it.Pos()
		seg := it.Next()
		to := it.Pos()
		same := string(seg) == s[from:to]
		for k := 0; k < len(seg); {
			r, n := utf8.DecodeRune(seg[k:])
			src := from
			if same {
				src = from + k
			}
			switch {
			case r == utf8.RuneError && n == 1:
				// An invalid byte, as strings.Map in CleanText writes it.
				b.WriteString("\uFFFD")
				at = append(at, src, src, src)
			case Hidden(r):
			case r != ' ' && r != '\n' && unicode.IsSpace(r):
				b.WriteByte(' ')
				at = append(at, src)
			default:
				b.Write(seg[k : k+n])
				for range n {
					at = append(at, src)
				}
			}
			k += n
		}
	}
	return b.String(), append(at, len(s))
}
