package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cutting text into words, numbers and punctuation, and sentences.

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func asciiLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tokenize cuts text into words, numbers and punctuation; spaces separate
// and are dropped, a line break is punctuation.
func tokenize(s string) []tok {
	out := make([]tok, 0, len(s)/5)
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case isDigit(c):
			j := i + 1
			for j < len(s) {
				if isDigit(s[j]) {
					j++
				} else if (s[j] == '.' || s[j] == ',' || s[j] == '/' || s[j] == '-') && j+1 < len(s) && isDigit(s[j+1]) {
					j += 2
				} else if strings.HasPrefix(s[j:], "–") && j+3 < len(s) && isDigit(s[j+3]) {
					j += 4
				} else {
					break
				}
			}
			kind := tNum
			if j+1 < len(s) && s[j] == '/' && !isDigit(s[j+1]) && s[j+1] != ' ' {
				// "42/2022/NĐ-CP", "205/QĐ-UBND": a document number.
				j++
				if r, _ := utf8.DecodeRuneInString(s[j:]); !unicode.IsLetter(r) {
					j--
				}
			}
			dashWord := j+1 < len(s) && (s[j] == '-' || s[j] == '/') && s[j+1] != ' ' && s[j+1] != '\n'
			if j < len(s) && (dashWord || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= 'a' && s[j] <= 'z' || j > i && s[j-1] == '/') {
				kind = tLabel
				for j < len(s) {
					r, n := utf8.DecodeRuneInString(s[j:])
					if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '/' {
						break
					}
					j += n
				}
			}
			out = append(out, tok{kind: kind, s: s[i:j], at: i})
			i = j
		case c < utf8.RuneSelf && !asciiLetter(c):
			out = append(out, tok{kind: tPunct, s: s[i : i+1], at: i})
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				out = append(out, tok{kind: tPunct, s: s[i : i+n], at: i})
				i += n
				continue
			}
			j := i + n
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf {
					if !asciiLetter(c) && !isDigit(c) {
						break
					}
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
					break
				}
				j += n
			}
			out = append(out, tok{kind: tWord, s: s[i:j], low: lower(s[i:j]), at: i})
			i = j
		}
	}
	return out
}

// lower returns w in lower case, without allocating when it already is.
func lower(w string) string {
	for _, r := range w {
		if unicode.IsUpper(r) {
			return strings.ToLower(w)
		}
	}
	return w
}

// endsSentence reports whether punctuation t ends a sentence: a line
// break, "!", "?", "…", "■", or a full stop followed by a space, a line
// break, a quote or the end.
func endsSentence(text string, t tok) bool {
	switch t.s {
	case "\n", "!", "?", "…", "■":
		return true
	case ".":
		end := t.at + 1
		return end >= len(text) || strings.ContainsRune(" \n\"”'", rune(text[end]))
	}
	return false
}

// clauseBreak reports whether t separates clauses for keys and percents.
func clauseBreak(t tok) bool {
	return t.kind == tPunct && strings.Contains(",;:()\"“”", t.s)
}

type tokKind uint8

const (
	tWord  tokKind = iota
	tNum           // digits with separators inside: "60.827", "1,5", "23/3", "50–60"
	tLabel         // digits run into letters: "52-NQ/TU", "4G"
	tPunct
)

type tok struct {
	kind tokKind
	s    string // as printed
	low  string // a word in lower case
	at   int    // byte offset in the text
}
