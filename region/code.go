package region

import (
	"cmp"
	"errors"
	"fmt"
	"strconv"

	"github.com/chiso-vn/chiso/internal/errlist"
)

// Code is the official code of an administrative unit, as the General
// Statistics Office publishes it: 2 digits for a province ("20"), 3 for a
// district ("183"), 5 for a commune ("06187"), and "VN" for the nation.
//
// Code is a comparable value, usable as a map key. Its zero value is not a
// valid code ([Code.IsValid] reports false).
type Code struct {
	// v packs the number of digits (1 for the nation, which no code has)
	// in the top byte and the numeric value below it; 0 is the zero Code.
	// One word keeps map look-ups by code on Go's fast 32-bit path.
	v uint32
}

// Nation is the code of the country as a whole, the root of a hierarchy.
var Nation = Code{v: 1 << 24}

// ErrInvalidCode is wrapped by the errors of [ParseCode].
var ErrInvalidCode = errors.New("invalid code")

// ParseCode parses "VN", or a code of 2, 3 or 5 decimal digits. Leading zeros
// are significant: "06187" is a commune, "6187" is an error.
func ParseCode(s string) (Code, error) {
	if s == "VN" {
		return Nation, nil
	}
	switch len(s) {
	case 2, 3, 5:
	default:
		return Code{}, &codeError{s, "want 2 (province), 3 (district) or 5 (commune) digits, or VN"}
	}
	var n uint32
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return Code{}, &codeError{s, fmt.Sprintf("%q at offset %d is not a digit", c, i)}
		}
		n = n*10 + uint32(c-'0')
	}
	return Code{v: uint32(len(s))<<24 | n}, nil
}

// MustParseCode is like [ParseCode] but panics on an invalid code. It is for
// tests and package-level values built from literals.
func MustParseCode(s string) Code {
	c, err := ParseCode(s)
	if err != nil {
		panic(err)
	}
	return c
}

type codeError struct{ in, why string }

func (e *codeError) Error() string {
	return "region.ParseCode(" + strconv.Quote(errlist.Excerpt(e.in)) + "): " + e.why
}

func (e *codeError) Unwrap() error { return ErrInvalidCode }

// IsValid reports whether c is a parsed code rather than the zero value.
func (c Code) IsValid() bool { return c.v != 0 }

func (c Code) digits() int { return int(c.v >> 24) }

// Number returns the numeric value of the code (187 for "06187"), and 0 for
// the nation and the zero Code.
func (c Code) Number() int { return int(c.v & 0xffffff) }

// Level is the level a code of this length belongs to: [LevelNation] for
// "VN", [LevelProvince] for 2 digits, [LevelDistrict] for 3 and
// [LevelCommune] for 5. The zero Code has [LevelNone].
func (c Code) Level() Level {
	switch c.digits() {
	case 0:
		return LevelNone
	case 1:
		return LevelNation
	case 2:
		return LevelProvince
	case 3:
		return LevelDistrict
	default:
		return LevelCommune
	}
}

// String returns the code as published, with its leading zeros ("06187"),
// "VN" for the nation, and "" for the zero Code.
func (c Code) String() string {
	if !c.IsValid() {
		return ""
	}
	return string(c.AppendTo(nil))
}

// AppendTo appends the text form of c to b.
func (c Code) AppendTo(b []byte) []byte {
	d := c.digits()
	switch d {
	case 0:
		return b
	case 1:
		return append(b, "VN"...)
	}
	var buf [5]byte
	n := c.Number()
	for i := d - 1; i >= 0; i-- {
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, buf[:d]...)
}

// MarshalText implements encoding.TextMarshaler; the zero Code marshals as "".
func (c Code) MarshalText() ([]byte, error) { return c.AppendTo(nil), nil }

// UnmarshalText implements encoding.TextUnmarshaler; "" gives the zero Code.
func (c *Code) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = Code{}
		return nil
	}
	p, err := ParseCode(string(b))
	if err != nil {
		return err
	}
	*c = p
	return nil
}

// Compare returns -1, 0 or +1 as c sorts before, with or after d: the zero
// Code first, then the nation, then by level, then by number.
func (c Code) Compare(d Code) int {
	return cmp.Compare(c.v, d.v)
}

// Less reports whether c sorts before d (see [Code.Compare]).
func (c Code) Less(d Code) bool { return c.Compare(d) < 0 }
