// Package jsonpos reads a JSON array of flat objects, as chiso's JSON
// readers take them, in one pass and in linear time, naming the line and
// column of every element, key and value. It is strict where
// encoding/json is lenient: a key given twice, a key that differs from a
// known one only in case, invalid UTF-8, a truncated array and anything
// after the array are errors.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/region"
)

// Value is where one scalar value of an object stands: its place in the
// data, and its line and column. It holds no pointer, so that filling an
// object costs no more than copying numbers.
type Value struct {
	start, end   int32 // data[start:end] is its JSON text; end is 0 when absent
	escaped      bool  // a string with escapes
	Line, Column int
}

// Object is one element of the array: where it starts, and its values by
// the index of their key in the keys given to [Each] (absent ones have a
// zero Value).
type Object struct {
	Line, Column int
	Values       []Value
	data         []byte
}

// Has reports whether the object gave key number k.
func (o *Object) Has(k int) bool { return o.Values[k].end > 0 }

// Raw returns the JSON text of value k as written.
func (o *Object) Raw(k int) []byte { v := o.Values[k]; return o.data[v.start:v.end] }

// String decodes value k as a JSON string.
func (o *Object) String(k int) (string, error) {
	b, err := o.Text(k)
	return string(b), err
}

// Text decodes value k as a JSON string; without escapes, the bytes are the
// data's own (no copy), so that readers can look them up without
// allocating.
func (o *Object) Text(k int) ([]byte, error) {
	raw := o.Raw(k)
	if len(raw) < 2 || raw[0] != '"' {
		return nil, fmt.Errorf("value %s is %w: want a string", errlist.Excerpt(string(raw)), region.ErrMalformed)
	}
	return unquote(raw, o.Values[k].escaped)
}

// Int64 decodes value k as a JSON integer that fits int64.
func (o *Object) Int64(k int) (int64, error) {
	raw := o.Raw(k)
	if n, ok := plainInt(raw); ok {
		return n, nil
	}
	n, err := strconv.ParseInt(string(raw), 10, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, fmt.Errorf("%s %w", errlist.Excerpt(string(raw)), region.ErrOverflow)
		}
		return 0, fmt.Errorf("value %s is %w: want a whole number", errlist.Excerpt(string(raw)), region.ErrMalformed)
	}
	return n, nil
}

// plainInt parses -?[0-9]{1,18}, which always fits int64; anything else is
// left to strconv.
func plainInt(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// ReadAll reads r whole, into a buffer of the right size when r tells its
// length (bytes and strings readers, files), so that a large input is not
// copied as it grows.
func ReadAll(r io.Reader) ([]byte, error) {
	n := -1
	switch r := r.(type) {
	case interface{ Len() int }:
		n = r.Len()
	case interface{ Stat() (os.FileInfo, error) }:
		if fi, err := r.Stat(); err == nil && fi.Mode().IsRegular() {
			n = int(fi.Size())
		}
	}
	if n < 0 {
		return io.ReadAll(r)
	}
	b := make([]byte, n+1) // one more, to see the end of the input
	k, err := io.ReadFull(r, b)
	switch err {
	case io.EOF, io.ErrUnexpectedEOF:
		return b[:k], nil
	case nil: // longer than it said
		rest, err := io.ReadAll(r)
		return append(b, rest...), err
	}
	return b[:k], err
}

// maxDepth bounds the nesting of values that are skipped.
const maxDepth = 256

// Sink receives the elements of one part of the array, and the problems
// of single elements.
type Sink struct {
	Object  func(*Object)
	Problem func(error)
}

// Each reads data, a JSON array of objects whose keys are among keys (an
// optional UTF-8 byte-order mark first), and calls f with each object (which f must not keep: it is reused). An
// element with a problem of its own (not an object, a key unknown, given
// twice or differing from a known key only in case, a value that is an
// object or an array) is given to problem, as a *region.ParseError naming
// name, line and column, and skipped. Malformed JSON, a truncated array and
// data after the array stop the reading: Each returns that error.
func Each(data []byte, name string, keys []string, f func(*Object), problem func(error)) error {
	s := &scanner{data: data, name: name, line: 1}
	if len(data) > math.MaxInt32 {
		return s.fail("larger than 2 GiB")
	}
	if len(data) >= 3 && string(data[:3]) == "\ufeff" {
		s.pos, s.lineStart = 3, 3
	}
	s.ws()
	if !s.eat('[') {
		return s.fail("the data is not a JSON array")
	}
	st, err := s.items(afterOpen, keys, Sink{f, problem})
	switch {
	case err != nil:
		return err
	case st != closed:
		return s.fail("truncated: the array is not closed")
	}
	return nil
}

// EachPart is [Each] on parts of data scanned at once, one per core: the
// array is cut at line ends (a line end is never inside a JSON string), and
// each part goes to a Sink of its own, which runs in a goroutine of its
// own. sinks(n) is asked for the n sinks; the caller merges what they
// received in part order, which is the order Each would have given. When
// the parts do not join into one well-formed array (any error at all),
// EachPart calls sinks(1) again and reads the whole data with Each, so
// errors, their places and their order are exactly Each's.
func EachPart(data []byte, name string, keys []string, sinks func(n int) []Sink) error {
	cuts := cutLines(data, runtime.GOMAXPROCS(0))
	if len(cuts) > 2 && len(data) <= math.MaxInt32 {
		n := len(cuts) - 1
		ss := sinks(n)
		parts := make([]part, n)
		var wg sync.WaitGroup
		for k := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				parts[k] = scanPart(data, name, cuts[k], cuts[k+1], k == 0, keys, ss[k])
			}()
		}
		wg.Wait()
		if joined(parts) {
			return nil
		}
	}
	s := sinks(1)[0]
	return Each(data, name, keys, s.Object, s.Problem)
}

// The states of the array: what the next token may be.
const (
	afterOpen  = iota // an element or ]
	afterComma        // an element
	afterElem         // , or ]
	closed            // nothing but white space
)

// items reads the array's tokens from state st until the data ends,
// giving elements to sink, and returns the state it ended in.
func (s *scanner) items(st int, keys []string, sink Sink) (int, error) {
	obj := Object{Values: make([]Value, len(keys)), data: s.data}
	for {
		s.ws()
		if s.pos >= len(s.data) {
			return st, nil
		}
		c := s.data[s.pos]
		switch {
		case st == closed:
			return st, s.fail("data after the array")
		case st == afterElem && c == ',':
			s.pos++
			st = afterComma
		case st != afterComma && c == ']':
			s.pos++
			st = closed
		case st == afterElem:
			return st, s.fail(fmt.Sprintf("want , or ] after an element, not %s", s.next()))
		default:
			if err := s.element(keys, &obj, sink.Object, sink.Problem); err != nil {
				return st, err
			}
			st = afterElem
		}
	}
}

// part is what scanning one part of the data found: the state it had to
// start in (from its first token), the state it ended in, and whether it
// was well formed; an empty part passes the state through.
type part struct {
	empty      bool
	lead       byte // the first byte of a later part: ',', ']' or an element's
	start, end int
	ok         bool
}

// cutLines returns the offsets [0, c1, ..., len(data)] that cut data into
// about n parts, each cut just after a line end.
func cutLines(data []byte, n int) []int {
	cuts := []int{0}
	for k := 1; k < n; k++ {
		at := len(data) * k / n
		if at <= cuts[len(cuts)-1] {
			continue
		}
		nl := bytes.IndexByte(data[at:], '\n')
		if nl < 0 {
			break
		}
		if c := at + nl + 1; c < len(data) {
			cuts = append(cuts, c)
		}
	}
	return append(cuts, len(data))
}

// scanPart scans data[lo:hi]. The first part starts at the array's [; a
// later part starts in the state its first token implies.
func scanPart(data []byte, name string, lo, hi int, first bool, keys []string, sink Sink) part {
	s := &scanner{data: data[:hi], name: name, pos: lo, lineStart: lo, line: 1 + bytes.Count(data[:lo], []byte{'\n'})}
	p := part{start: afterOpen}
	if first {
		if hi >= 3 && string(data[:3]) == "\ufeff" {
			s.pos, s.lineStart = 3, 3
		}
		s.ws()
		if !s.eat('[') {
			return p
		}
	} else {
		s.ws()
		switch {
		case s.pos >= hi:
			return part{empty: true, ok: true}
		case data[s.pos] == ',' || data[s.pos] == ']':
			p.start = afterElem // ']' reads the same after [ as after an element
		default:
			p.start = afterComma // an element reads the same after [ as after ,
		}
		p.lead = data[s.pos]
	}
	end, err := s.items(p.start, keys, sink)
	p.end, p.ok = end, err == nil
	return p
}

// joined reports whether the parts make one well-formed, closed array:
// each part's first token fits where the part before it ended.
func joined(parts []part) bool {
	st := -1
	for _, p := range parts {
		if !p.ok {
			return false
		}
		if p.empty {
			continue
		}
		if st >= 0 {
			fits := false
			switch p.lead {
			case ',':
				fits = st == afterElem
			case ']':
				fits = st == afterElem || st == afterOpen
			default:
				fits = st == afterComma || st == afterOpen
			}
			if !fits {
				return false
			}
		}
		st = p.end
	}
	return st == closed
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

// element reads one element and gives it to f or problem.
func (s *scanner) element(keys []string, obj *Object, f func(*Object), problem func(error)) error {
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
			raw, escaped, err := s.str()
			if err != nil {
				return err
			}
			key, err := unquote(raw, escaped)
			if err != nil {
				return s.errAt(kl, kc, fmt.Errorf("JSON is %w: %v", region.ErrMalformed, err))
			}
			s.ws()
			if !s.eat(':') {
				return s.fail("want : after a key")
			}
			s.ws()
			vl, vc := s.here()
			start := s.pos
			scalar := s.pos < len(s.data) && s.data[s.pos] != '{' && s.data[s.pos] != '['
			quoted := false // a string with escapes
			if s.pos < len(s.data) && s.data[s.pos] == '"' {
				if _, quoted, err = s.str(); err != nil {
					return err
				}
			} else if err := s.skip(0); err != nil {
				return err
			}
			k := keyIndex(keys, key)
			switch {
			case bad != nil:
			case k < 0:
				bad = s.errAt(kl, kc, unknownKey(keys, string(key)))
			case obj.Values[k].end > 0:
				v := obj.Values[k]
				bad = s.errAt(kl, kc, fmt.Errorf("key %q %w (first at %d:%d)", errlist.Excerpt(string(key)), region.ErrDuplicate, v.Line, v.Column))
			case !scalar:
				bad = s.errAt(vl, vc, fmt.Errorf("value of %q is %w: an object or array", errlist.Excerpt(string(key)), region.ErrMalformed))
			default:
				obj.Values[k] = Value{int32(start), int32(s.pos), quoted, vl, vc}
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
	f(obj)
	return nil
}

func keyIndex(keys []string, key []byte) int {
	for k, want := range keys {
		if string(key) == want {
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

// str reads a JSON string at pos and returns it as written, quotes
// included, and whether it has escapes.
func (s *scanner) str() (raw []byte, escaped bool, err error) {
	start := s.pos
	if !s.eat('"') {
		return nil, false, s.fail(fmt.Sprintf("want a string, not %s", s.next()))
	}
	ascii := true
	for s.pos < len(s.data) {
		// Skip the plain bytes in a tight loop, then look at the one that
		// stopped it.
		for s.pos < len(s.data) && plain[s.data[s.pos]] {
			s.pos++
		}
		if s.pos >= len(s.data) {
			break
		}
		c := s.data[s.pos]
		switch {
		case c == '"':
			s.pos++
			raw := s.data[start:s.pos]
			if !ascii && !utf8.Valid(raw) {
				s.pos = start
				return nil, false, s.fail("a string is not valid UTF-8")
			}
			return raw, escaped, nil
		case c == '\\':
			escaped = true
			if s.pos+1 >= len(s.data) {
				s.pos = len(s.data)
				return nil, false, s.fail("truncated: a string is not closed")
			}
			switch s.data[s.pos+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.pos += 2
			case 'u':
				if s.pos+6 > len(s.data) || !hex4(s.data[s.pos+2:s.pos+6]) {
					s.pos++
					return nil, false, s.fail("bad \\u escape in a string")
				}
				s.pos += 6
			default:
				s.pos++
				return nil, false, s.fail(fmt.Sprintf("bad escape \\%c in a string", s.data[s.pos]))
			}
		case c < 0x20:
			return nil, false, s.fail("control character in a string")
		default: // a byte of a multi-byte character, checked at the end
			ascii = false
			s.pos++
		}
	}
	return nil, false, s.fail("truncated: a string is not closed")
}

// plain marks the bytes a string may hold as they are: printable ASCII but
// the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// unquote returns the text of a JSON string as written (raw, quotes
// included): its inner bytes when it has no escapes, else the decoded text.
func unquote(raw []byte, escaped bool) ([]byte, error) {
	if !escaped {
		return raw[1 : len(raw)-1], nil
	}
	var out string
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, err
	}
	return []byte(out), nil
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
		_, _, err := s.str()
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
				if _, _, err := s.str(); err != nil {
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
