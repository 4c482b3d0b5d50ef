// Package jsonpos reads a JSON array of flat objects, as chiso's JSON
// readers take them, in one pass and in linear time, naming the line and
// column of every element, key and value. It is strict where
// encoding/json is lenient: a key given twice, a key that differs from a
// known one only in case, invalid UTF-8, a truncated array and anything
// after the array are errors.
package jsonpos

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/region"
)

// Value is the JSON text of one scalar value and where it starts.
type Value struct {
	Raw          []byte
	Line, Column int
}

// Object is one element of the array: where it starts, and its values by
// the index of their key in the keys given to [Each] (a zero Value for a
// key the object lacks).
type Object struct {
	Line, Column int
	Values       []Value
}

// Has reports whether the object gave key number k.
func (o Object) Has(k int) bool { return o.Values[k].Raw != nil }

// String decodes v as a JSON string.
func (v Value) String() (string, error) {
	if len(v.Raw) < 2 || v.Raw[0] != '"' {
		return "", fmt.Errorf("value %s is %w: want a string", errlist.Excerpt(string(v.Raw)), region.ErrMalformed)
	}
	inner := v.Raw[1 : len(v.Raw)-1]
	if !strings.ContainsRune(string(inner), '\\') {
		return string(inner), nil
	}
	var s string
	err := json.Unmarshal(v.Raw, &s)
	return s, err
}

// Int64 decodes v as a JSON integer that fits int64.
func (v Value) Int64() (int64, error) {
	n, err := strconv.ParseInt(string(v.Raw), 10, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("%s %w", errlist.Excerpt(string(v.Raw)), region.ErrOverflow)
		}
		return 0, fmt.Errorf("value %s is %w: want a whole number", errlist.Excerpt(string(v.Raw)), region.ErrMalformed)
	}
	return n, nil
}

// maxDepth bounds the nesting of values that are skipped.
const maxDepth = 256

// Each reads data, a JSON array of objects whose keys are among keys (an
// optional UTF-8 byte-order mark first), and calls f with each object. An
// element with a problem of its own (not an object, a key unknown, given
// twice or differing from a known key only in case, a value that is an
// object or an array) is given to problem, as a *region.ParseError naming
// name, line and column, and skipped. Malformed JSON, a truncated array and
// data after the array stop the reading: Each returns that error.
func Each(data []byte, name string, keys []string, f func(Object), problem func(error)) error {
	s := &scanner{data: data, name: name, line: 1}
	if len(data) >= 3 && string(data[:3]) == "\ufeff" {
		s.pos, s.lineStart = 3, 3
	}
	s.ws()
	if !s.eat('[') {
		return s.fail("the data is not a JSON array")
	}
	s.ws()
	if s.eat(']') {
		return s.end()
	}
	obj := Object{Values: make([]Value, len(keys))}
	for {
		if err := s.element(keys, &obj, f, problem); err != nil {
			return err
		}
		s.ws()
		switch {
		case s.eat(','):
			s.ws()
		case s.eat(']'):
			return s.end()
		case s.pos >= len(s.data):
			return s.fail("truncated: the array is not closed")
		default:
			return s.fail(fmt.Sprintf("want , or ] after an element, not %s", s.next()))
		}
	}
}

type scanner struct {
	data            []byte
	name            string
	pos             int
	line, lineStart int // the line of pos and the offset where it starts
}

func (s *scanner) here() (int, int) { return s.line, s.pos - s.lineStart + 1 }

func (s *scanner) errAt(line, col int, err error) error {
	return &region.ParseError{File: s.name, Line: line, Column: col, Err: err}
}

func (s *scanner) fail(why string) error {
	line, col := s.here()
	return s.errAt(line, col, fmt.Errorf("JSON is %w: %s", region.ErrMalformed, why))
}

// next describes the byte at pos for messages.
func (s *scanner) next() string {
	if s.pos >= len(s.data) {
		return "the end of the data"
	}
	r, _ := utf8.DecodeRune(s.data[s.pos:])
	return strconv.QuoteRune(r)
}

func (s *scanner) ws() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case '\n':
			s.line++
			s.lineStart = s.pos + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		s.pos++
	}
}

func (s *scanner) eat(c byte) bool {
	if s.pos < len(s.data) && s.data[s.pos] == c {
		s.pos++
		return true
	}
	return false
}

func (s *scanner) end() error {
	s.ws()
	if s.pos < len(s.data) {
		return s.fail("data after the array")
	}
	return nil
}

// element reads one element and gives it to f or problem.
func (s *scanner) element(keys []string, obj *Object, f func(Object), problem func(error)) error {
	obj.Line, obj.Column = s.here()
	for k := range obj.Values {
		obj.Values[k] = Value{}
	}
	if !s.eat('{') {
		if err := s.skip(0); err != nil {
			return err
		}
		problem(s.errAt(obj.Line, obj.Column, fmt.Errorf("element is %w: not an object", region.ErrMalformed)))
		return nil
	}
	var bad error // the object's first problem; the rest of it is still read
	s.ws()
	if !s.eat('}') {
		for {
			kl, kc := s.here()
			key, err := s.str()
			if err != nil {
				return err
			}
			s.ws()
			if !s.eat(':') {
				return s.fail("want : after a key")
			}
			s.ws()
			vl, vc := s.here()
			start := s.pos
			scalar := s.pos < len(s.data) && s.data[s.pos] != '{' && s.data[s.pos] != '['
			if err := s.skip(0); err != nil {
				return err
			}
			k := keyIndex(keys, key)
			switch {
			case bad != nil:
			case k < 0:
				bad = s.errAt(kl, kc, unknownKey(keys, key))
			case obj.Values[k].Raw != nil:
				v := obj.Values[k]
				bad = s.errAt(kl, kc, fmt.Errorf("key %q %w (first at %d:%d)", key, region.ErrDuplicate, v.Line, v.Column))
			case !scalar:
				bad = s.errAt(vl, vc, fmt.Errorf("value of %q is %w: an object or array", key, region.ErrMalformed))
			default:
				obj.Values[k] = Value{s.data[start:s.pos], vl, vc}
			}
			s.ws()
			if s.eat('}') {
				break
			}
			if !s.eat(',') {
				if s.pos >= len(s.data) {
					return s.fail("truncated: an object is not closed")
				}
				return s.fail(fmt.Sprintf("want , or } in an object, not %s", s.next()))
			}
			s.ws()
		}
	}
	if bad != nil {
		problem(bad)
		return nil
	}
	f(*obj)
	return nil
}

func keyIndex(keys []string, key string) int {
	for k, want := range keys {
		if key == want {
			return k
		}
	}
	return -1
}

// ErrUnknownKey is wrapped for a key the reader does not know.
var ErrUnknownKey = errors.New("unknown key")

func unknownKey(keys []string, key string) error {
	for _, want := range keys {
		if strings.EqualFold(key, want) {
			return fmt.Errorf("%w %q: keys are case-sensitive, want %q", ErrUnknownKey, errlist.Excerpt(key), want)
		}
	}
	return fmt.Errorf("%w %q (want one of %s)", ErrUnknownKey, errlist.Excerpt(key), strings.Join(keys, ", "))
}

// str reads a JSON string at pos and returns its text (decoded when it has
// escapes).
func (s *scanner) str() (string, error) {
	start := s.pos
	if !s.eat('"') {
		return "", s.fail(fmt.Sprintf("want a string, not %s", s.next()))
	}
	escaped := false
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			raw := s.data[start:s.pos]
			if !utf8.Valid(raw) {
				s.pos = start
				return "", s.fail("a string is not valid UTF-8")
			}
			if !escaped {
				return string(raw[1 : len(raw)-1]), nil
			}
			var out string
			if err := json.Unmarshal(raw, &out); err != nil {
				s.pos = start
				return "", s.fail(err.Error())
			}
			return out, nil
		case c == '\\':
			escaped = true
			if s.pos+1 >= len(s.data) {
				s.pos = len(s.data)
				return "", s.fail("truncated: a string is not closed")
			}
			switch s.data[s.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos += 2
			case 'u':
				if s.pos+6 > len(s.data) || !hex4(s.data[s.pos+2:s.pos+6]) {
					s.pos++
					return "", s.fail("bad \\u escape in a string")
				}
				s.pos += 6
			default:
				s.pos++
				return "", s.fail(fmt.Sprintf("bad escape \\%c in a string", s.data[s.pos]))
			}
		case c < 0x20:
			return "", s.fail("control character in a string")
		default:
			s.pos++
		}
	}
	return "", s.fail("truncated: a string is not closed")
}

func hex4(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// skip reads any JSON value at pos, checking its syntax.
func (s *scanner) skip(depth int) error {
	if depth > maxDepth {
		return s.fail("values nested too deep")
	}
	if s.pos >= len(s.data) {
		return s.fail("truncated: want a value")
	}
	switch c := s.data[s.pos]; {
	case c == '"':
		_, err := s.str()
		return err
	case c == '{' || c == '[':
		closer := byte('}')
		if c == '[' {
			closer = ']'
		}
		s.pos++
		s.ws()
		if s.eat(closer) {
			return nil
		}
		for {
			if c == '{' {
				if _, err := s.str(); err != nil {
					return err
				}
				s.ws()
				if !s.eat(':') {
					return s.fail("want : after a key")
				}
				s.ws()
			}
			if err := s.skip(depth + 1); err != nil {
				return err
			}
			s.ws()
			if s.eat(closer) {
				return nil
			}
			if !s.eat(',') {
				if s.pos >= len(s.data) {
					return s.fail("truncated: a value is not closed")
				}
				return s.fail(fmt.Sprintf("want , or %c, not %s", closer, s.next()))
			}
			s.ws()
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return s.number()
	}
	return s.fail(fmt.Sprintf("want a value, not %s", s.next()))
}

func (s *scanner) literal(word string) error {
	if !strings.HasPrefix(string(s.data[s.pos:min(len(s.data), s.pos+len(word))]), word) {
		return s.fail(fmt.Sprintf("want a value, not %s", s.next()))
	}
	s.pos += len(word)
	return nil
}

// number reads -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (s *scanner) number() error {
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && '0' <= s.data[s.pos] && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	s.eat('-')
	switch {
	case s.eat('0'):
	case digits() == 0:
		return s.fail("malformed number")
	}
	if s.eat('.') && digits() == 0 {
		return s.fail("malformed number")
	}
	if s.eat('e') || s.eat('E') {
		if !s.eat('+') {
			s.eat('-')
		}
		if digits() == 0 {
			return s.fail("malformed number")
		}
	}
	return nil
}
