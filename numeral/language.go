package numeral

import (
	"fmt"
	"strings"

	"golang.org/x/text/language"

	"github.com/chiso-vn/chiso/internal/errlist"
)

// Language chooses the words and the number format of what chiso writes for
// people: column names, findings, "4.431" or "4,431". The zero value is
// Vietnamese, chiso's default.
type Language uint8

// The languages.
const (
	Vietnamese Language = iota
	English
)

// valid returns l, or Vietnamese for a value no constant names, so that an
// out-of-range Language never indexes past a table.
func (l Language) valid() Language {
	if l > English {
		return Vietnamese
	}
	return l
}

// Tag returns the BCP 47 tag of l, for golang.org/x/text and HTTP
// (Content-Language): vi or en.
func (l Language) Tag() language.Tag {
	if l.valid() == English {
		return language.English
	}
	return language.Vietnamese
}

// String returns the language's code: "vi" or "en".
func (l Language) String() string { return l.Tag().String() }

// MarshalText writes the language's code, "vi" or "en".
func (l Language) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText reads a language as [ParseLanguage] does.
func (l *Language) UnmarshalText(b []byte) error {
	v, err := ParseLanguage(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// ParseLanguage reads a language code or tag: "vi", "vi-VN", "en",
// "en-GB", "" (Vietnamese, the default); case does not matter. Any other
// language is an error: chiso writes only these two.
func ParseLanguage(s string) (Language, error) {
	if strings.TrimSpace(s) == "" {
		return Vietnamese, nil
	}
	t, err := language.Parse(strings.TrimSpace(s))
	if err != nil {
		return Vietnamese, fmt.Errorf("numeral: language %q: %w", errlist.Excerpt(s), err)
	}
	switch base, _ := t.Base(); base.String() {
	case "vi":
		return Vietnamese, nil
	case "en":
		return English, nil
	}
	return Vietnamese, fmt.Errorf("numeral: language %q is neither Vietnamese (vi) nor English (en)", errlist.Excerpt(s))
}

// Words is one text in each language, Vietnamese first: the one way chiso
// keeps its words for people, so that no table is indexed by a Language.
type Words struct{ Vi, En string }

// In returns the words in lang; an unknown Language reads as Vietnamese.
func (w Words) In(lang Language) string {
	if lang.valid() == English {
		return w.En
	}
	return w.Vi
}
