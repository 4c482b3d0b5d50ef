package indicator

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"iter"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/chiso-vn/chiso/internal/csvin"
	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// ReadCSV reads observations into a [Dataset]. The first line is a header
// naming four columns, in any order: the unit ("unit" or "commune"), the
// indicator ("indicator"), the date ("date" or "day", YYYY-MM-DD) and the
// value ("value" or "n", plain digits); other columns are ignored:
//
//	commune,indicator,day,n
//	06619,thanh_toan_dt,2023-06-01,12
//
// Fields are not quoted (codes, ids, dates and counts never need it); a
// quote, a wrong number of fields, an unknown unit or indicator, a
// malformed date, a negative or malformed count, a line longer than 1 MiB
// and an observation given twice (the same unit, indicator and date, with
// the same value or not: see [Builder.Build]) are errors naming the line
// and column. Every problem is reported (the first [region.MaxErrors], then
// a count of the rest); nothing is dropped silently.
//
// ReadCSV is built for national files (10 million lines), in whatever
// order their lines come: unit by unit, day by day, or shuffled. It reads
// the input in chunks of a megabyte cut at record ends and parses them on
// every core (runtime.GOMAXPROCS), merging the results in file order, so
// its errors and their order are those of a line-by-line read; the
// Dataset is then built on every core too ([Builder.Build]). It keeps
// about 4 to 6 bytes per observation while reading and 8 in the Dataset
// (12 for counts past 32 bits): under 200 MB in all for 9.6 million
// observations, whatever the number of cores.
func ReadCSV(r io.Reader, name string, h *region.Hierarchy, cat *Catalogue) (*Dataset, error) {
	return ReadCSVWith(r, name, h, cat, CSVOptions{})
}

// CSVOptions are the conventions a CSV file may follow besides the strict
// one (the type every reader of chiso shares).
type CSVOptions = csvin.Options

// ReadCSVWith is [ReadCSV] for CSV written by spreadsheet tools: fields
// separated by opt.Comma, and with opt.Spreadsheet, quoted fields as
// encoding/csv reads them (RFC 4180: "" for a quote inside, line ends
// inside, as in a column of notes; a quote anywhere else is an error),
// dates as dd/mm/yyyy and counts with "." grouping thousands ("1.611").
// Headers may name the columns in Vietnamese too ("Mã xã", "Nền tảng",
// "Ngày", "Thực hiện"). It is the same parser, as fast, with the same
// errors; a record whose quoted field holds line ends is named by the
// line it starts on, and counts against the 1 MiB limit as a whole.
func ReadCSVWith(r io.Reader, name string, h *region.Hierarchy, cat *Catalogue, opt CSVOptions) (*Dataset, error) {
	comma, err := opt.Separator()
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	b := NewBuilder(h, cat, name)
	p := newCSVParser(name, b, comma, opt.Spreadsheet)
	// The header is a record too: a quoted field may hold a line end.
	var header []byte
	for {
		line, err := br.ReadSlice('\n')
		header = append(header, line...)
		if len(header) > 64<<10 {
			err = fmt.Errorf("header is %w: longer than 64 KiB", region.ErrMalformed)
		}
		if err != nil && (err != io.EOF || len(header) == 0) {
			return nil, &ParseError{File: name, Line: 1, Column: 1, Err: fmt.Errorf("reading the header: %w", err)}
		}
		if err != nil || p.record(header, nil).complete {
			break
		}
	}
	if p.cols, p.nf, err = p.header(header); err != nil {
		return nil, err
	}
	p.plain = p.cols == [4]int{0, 1, 2, 3} && p.nf == 4 && quickLines
	p.first = 2 + int32(bytes.Count(header, []byte{'\n'})) - 1
	for c := range p.chunks(br) {
		if c.err != nil {
			b.errs.Add(&ParseError{File: name, Line: int(c.line), Err: c.err})
			return nil, b.errs.err()
		}
		c.merge(b)
		if c.fatal {
			return nil, b.errs.err()
		}
	}
	return b.Build()
}

// chunkSize is how many bytes of input a worker parses at once.
var chunkSize = 1 << 20

// maxLine is the longest line (or record, when a quoted field spans
// lines) ReadCSV reads.
const maxLine = 1 << 20

// chunk is a run of whole records of the input and what a worker made of
// it.
type chunk struct {
	data  []byte
	line  int32 // the line number of its first line
	err   error // a read error after its lines
	done  chan struct{}
	blks  []*block
	errs  errlist.List
	fatal bool // a line too long: nothing after it is read
}

// bad records a problem of the chunk at a place.
func (c *chunk) bad(name string, line, column int, err error) {
	c.errs.Add(&ParseError{File: name, Line: line, Column: column, Err: err})
}

// merge adds what the chunk found to b, after what came before it.
func (c *chunk) merge(b *Builder) {
	b.errs.Merge(&c.errs)
	b.blocks = append(b.blocks, c.blks...)
}

// chunks reads br in chunks of whole records, parses them on GOMAXPROCS
// workers, and yields them in input order. Buffers are reused: at most two
// chunks per worker are read ahead.
func (p *csvParser) chunks(br *bufio.Reader) iter.Seq[*chunk] {
	return func(yield func(*chunk) bool) {
		workers := runtime.GOMAXPROCS(0)
		jobs := make(chan *chunk, workers)
		order := make(chan *chunk, 2*workers)
		free := make(chan []byte, 2*workers+2)
		for range cap(free) {
			free <- nil // a buffer to be made on first use
		}
		var stop atomic.Bool
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				enc := newEncoder(p.series)
				for c := range jobs {
					p.parse(c, enc)
					free <- c.data[:0]
					c.data = nil
					close(c.done)
				}
			})
		}
		go func() {
			defer close(order)
			defer close(jobs)
			line := p.first
			var carry []byte
			for !stop.Load() {
				buf := <-free
				if cap(buf) < max(chunkSize, 2*len(carry)) {
					buf = make([]byte, 0, max(chunkSize, 2*len(carry)))
				}
				buf = append(buf[:0], carry...)
				// Fill, then cut after the last whole record; a record longer
				// than the buffer makes it grow, up to what parse rejects.
				var err error
				cut := -1
				for {
					var n int
					n, err = io.ReadFull(br, buf[len(buf):cap(buf)])
					buf = buf[:len(buf)+n]
					if err != nil {
						break
					}
					if cut = p.lastRecordEnd(buf); cut >= 0 || len(buf) > maxLine {
						break
					}
					buf = append(buf, 0)[:len(buf)] // grow
				}
				eof := err == io.EOF || err == io.ErrUnexpectedEOF
				if eof || err != nil || cut < 0 {
					cut = len(buf) - 1
				}
				carry = append(carry[:0], buf[cut+1:]...)
				c := &chunk{data: buf[:cut+1], line: line, done: make(chan struct{})}
				line += int32(bytes.Count(c.data, []byte{'\n'}))
				if err != nil && !eof {
					c.err = err
				}
				order <- c
				jobs <- c
				if err != nil {
					return
				}
			}
		}()
		defer func() {
			stop.Store(true)
			for c := range order { // let the reader and the workers finish
				<-c.done
			}
			wg.Wait()
		}()
		for c := range order {
			<-c.done
			if !yield(c) {
				return
			}
		}
	}
}

// lastRecordEnd returns the index of the line end that ends the last whole
// record of buf, or -1. Records are lines, except that with the
// spreadsheet conventions a quoted field may hold line ends: then the
// records from the first line with a quote on are found by [csvParser.record]
// itself, so that the chunks and the parser agree where records end.
func (p *csvParser) lastRecordEnd(buf []byte) int {
	q := -1
	if p.sheet {
		q = bytes.IndexByte(buf, '"')
	}
	if q < 0 {
		return bytes.LastIndexByte(buf, '\n')
	}
	i := bytes.LastIndexByte(buf[:q], '\n') + 1
	for i < len(buf) {
		r := p.record(buf[i:], nil)
		if !r.complete {
			break
		}
		i += r.size
	}
	return i - 1
}

// csvParser parses the records of a chunk; it is shared by the workers
// and only read.
type csvParser struct {
	name    string
	cols    [4]int
	nf      int
	codes   *codeTable
	ids     *idTable
	n       int32 // units in the hierarchy
	series  int   // indicators × units
	comma   byte  // the field separator
	sheet   bool  // spreadsheet conventions: quotes, dd/mm/yyyy, "1.611"
	special [256]bool
	first   int32 // the line after the header
	plain   bool  // the header is unit, indicator, date, value: lines may be read by quick
}

func newCSVParser(name string, b *Builder, comma byte, sheet bool) *csvParser {
	p := &csvParser{name: name, codes: newCodeTable(b.h), n: int32(b.h.Len()), series: b.series(),
		ids: newIDTable(b.cat), comma: comma, sheet: sheet}
	for _, c := range []byte{comma, '"', '\n', '\r'} {
		p.special[c] = true
	}
	return p
}

// record is what [csvParser.record] found at the start of some data.
type record struct {
	size     int  // bytes, its line end included
	lines    int  // line ends in it
	n        int  // fields
	complete bool // it ends with a line end (or a problem's line end)
	col      int  // where a problem is: an offset into the data
	err      error
}

// record splits the record at the start of data: its fields' bounds go in
// bounds (start, end, start, end, …; fields past those are only counted).
// Fields are separated by p.comma and end at a line end (LF or CRLF);
// with the spreadsheet conventions a field may be quoted as RFC 4180 and
// encoding/csv have it ("" for a quote inside, line ends inside), and a
// quote anywhere else is an error, as encoding/csv's; without them a
// quote is an error. A carriage return that does not end a line is an
// error outside quotes. After a problem the record ends at the end of its
// line, where a line-by-line reader would resume.
func (p *csvParser) record(data []byte, bounds []int) (r record) {
	i, n := 0, 0
	special := &p.special // the separator, quote, line feed and carriage return
	comma, kept := p.comma, len(bounds)/2
	for {
		start := i
		quoted := i < len(data) && data[i] == '"' && p.sheet
		if quoted {
			for i++; ; i++ {
				k := bytes.IndexByte(data[i:], '"')
				if k < 0 {
					r.lines += bytes.Count(data[i:], []byte{'\n'})
					r.size, r.col, r.n = len(data), start, n+1
					r.err = fmt.Errorf("line is %w: a quote is not closed", region.ErrMalformed)
					return r
				}
				r.lines += bytes.Count(data[i:i+k], []byte{'\n'})
				i += k + 1
				if i == len(data) || data[i] != '"' {
					break // the closing quote
				}
			}
		} else {
			for i < len(data) && !special[data[i]] {
				i++
			}
		}
		if n < kept {
			bounds[2*n], bounds[2*n+1] = start, i
		}
		n++
		switch {
		case i == len(data):
			r.size, r.n = i, n
			return r
		case data[i] == comma:
			i++
		case data[i] == '\n':
			r.size, r.complete, r.n = i+1, true, n
			r.lines++
			return r
		case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
			r.size, r.complete, r.n = i+2, true, n
			r.lines++
			return r
		case data[i] == '\r' && i+1 == len(data):
			r.size, r.n = i+1, n // a CR at the end of the input, as CRLF
			return r
		case data[i] == '\r':
			return r.fail(data, i, fmt.Errorf("line is %w: a carriage return inside it (save the file with LF or CRLF line ends)", region.ErrMalformed))
		case !p.sheet:
			return r.fail(data, i, fmt.Errorf("line is %w: quoted fields are not supported in observation files (read spreadsheet exports with the Spreadsheet option)", region.ErrMalformed))
		case quoted:
			return r.fail(data, i, fmt.Errorf("line is %w: %q after the closing quote of a field (double a quote inside a quoted field)", region.ErrMalformed, data[i]))
		default:
			return r.fail(data, i, fmt.Errorf("line is %w: a quote inside a field that does not start with one (quote the whole field, doubling the quote)", region.ErrMalformed))
		}
	}
}

// fail returns r with a problem at i, ending at the end of its line.
func (r record) fail(data []byte, i int, err error) record {
	r.col, r.err = i, err
	if k := bytes.IndexByte(data[i:], '\n'); k >= 0 {
		r.size, r.complete = i+k+1, true
		r.lines++
	} else {
		r.size = len(data)
	}
	return r
}

// place returns the line and column of offset i of a record that starts at
// line.
func place(rec []byte, line int32, i int) (int32, int) {
	return line + int32(bytes.Count(rec[:i], []byte{'\n'})), i - (bytes.LastIndexByte(rec[:i], '\n') + 1) + 1
}

// parse fills c's points and problems from its records.
func (p *csvParser) parse(c *chunk, enc *encoder) {
	defer func() { c.blks = enc.take() }()
	bounds := make([]int, 2*p.nf)
	fl := fields{codes: p.codes, ids: p.ids}
	data := c.data
	for line := c.line; len(data) > 0; {
		if p.plain {
			if s, d, v, size, ok := p.quick(data, &fl); ok {
				enc.add(s, d, v, line)
				data = data[size:]
				line++
				continue
			}
		}
		r := p.record(data, bounds)
		rec := data[:r.size]
		data = data[r.size:]
		at := line
		line += int32(r.lines)
		if n := r.size - btoi(r.complete); n > maxLine {
			what := "line"
			if bytes.IndexByte(rec[:n], '\n') >= 0 {
				what = "record (a quoted field holds line ends)"
			}
			c.bad(p.name, int(at), 1, fmt.Errorf("%s is %w: longer than 1 MiB", what, region.ErrMalformed))
			c.fatal = true
			return
		}
		if r.err != nil {
			p.bad(c, rec, at, r.col, r.err)
			continue
		}
		if r.n == 1 && bounds[1] == 0 {
			continue // a blank line, as at the end of a file
		}
		if r.n != p.nf {
			p.bad(c, rec, at, 0, fmt.Errorf("line is %w: %d fields, the header has %d columns", region.ErrMalformed, r.n, p.nf))
			continue
		}
		uf, ucol := field(rec, bounds, p.cols[0])
		ui, err := fl.unit(uf)
		if err != nil {
			p.bad(c, rec, at, ucol, err)
			continue
		}
		kf, kcol := field(rec, bounds, p.cols[1])
		k, err := fl.indicator(kf)
		if err != nil {
			p.bad(c, rec, at, kcol, err)
			continue
		}
		df, dcol := field(rec, bounds, p.cols[2])
		d, err := fl.date(df, p.sheet)
		if err != nil {
			p.bad(c, rec, at, dcol, err)
			continue
		}
		vf, vcol := field(rec, bounds, p.cols[3])
		v, ok := parseCount(vf)
		if !ok && p.sheet {
			n, err := numeral.ParseCount(string(vf), true)
			v, ok = n, err == nil
		}
		if !ok {
			if len(vf) > 0 && vf[0] == '-' {
				p.bad(c, rec, at, vcol, fmt.Errorf("%w: %q is negative", ErrNegative, excerpt(vf)))
				continue
			}
			p.bad(c, rec, at, vcol, fmt.Errorf("value %q is %w: not a count of plain digits", excerpt(vf), region.ErrMalformed))
			continue
		}
		enc.add(int32(k)*p.n+int32(ui), d, v, at)
	}
}

// quickLines lets parse read plain lines with quick; tests turn it off to
// compare the two paths.
var quickLines = true

// quick reads the line at the start of data when it has the plain form
// exports write, under a header of exactly unit, indicator, date and
// value: a unit code of digits, an indicator id, a YYYY-MM-DD date and a
// count of at most 18 digits, separated by p.comma and ended by LF, CRLF
// or the end of the data. It returns the point, the line's size and true;
// for any other line it returns false and parse reads the line field by
// field, with every check and error. quick accepts only lines that path
// accepts, with the same result: it exists because national files are
// ten million such lines, and reading each in one pass is several times
// faster than splitting it first.
func (p *csvParser) quick(data []byte, fl *fields) (series int32, d day, v int64, size int, ok bool) {
	comma := p.comma
	// The unit: 2, 3 or 5 digits.
	i, n := 0, 0
	for ; i < len(data) && i < 6; i++ {
		c := data[i] - '0'
		if c > 9 {
			break
		}
		n = n*10 + int(c)
	}
	if i >= len(data) || data[i] != comma {
		return 0, 0, 0, 0, false
	}
	u := int32(-1)
	switch i {
	case 2:
		u = p.codes.province[n]
	case 3:
		u = p.codes.district[n]
	case 5:
		u = p.codes.commune[n]
	}
	if u < 0 {
		return 0, 0, 0, 0, false
	}
	// The indicator: up to the next separator, with nothing special in it.
	i++
	j := i
	for j < len(data) && data[j] != comma {
		if p.special[data[j]] {
			return 0, 0, 0, 0, false
		}
		j++
	}
	k, found := p.ids.lookup(data[i:j])
	if !found || j+11 >= len(data) || data[j+11] != comma {
		return 0, 0, 0, 0, false
	}
	// The date.
	d, err := fl.date(data[j+1:j+11], false)
	if err != nil {
		return 0, 0, 0, 0, false
	}
	// The count, then the line end.
	i = j + 12
	j = i
	for ; j < len(data) && j-i <= 18; j++ {
		c := data[j] - '0'
		if c > 9 {
			break
		}
		v = v*10 + int64(c)
	}
	switch {
	case j == i || j-i > 18:
		return 0, 0, 0, 0, false
	case j == len(data):
		size = j
	case data[j] == '\n':
		size = j + 1
	case data[j] == '\r' && j+1 < len(data) && data[j+1] == '\n':
		size = j + 2
	default:
		return 0, 0, 0, 0, false
	}
	return int32(k)*p.n + u, d, v, size, true
}

// field returns field col of rec, split into bounds, without its quotes,
// and its offset in rec. A doubled quote inside stays, an error of the
// field.
func field(rec []byte, bounds []int, col int) ([]byte, int) {
	s, e := bounds[2*col], bounds[2*col+1]
	if f := rec[s:e]; len(f) >= 2 && f[0] == '"' {
		return f[1 : len(f)-1], s + 1
	}
	return rec[s:e], s
}

// bad records a problem at offset i of the record rec that starts at line.
func (p *csvParser) bad(c *chunk, rec []byte, line int32, i int, err error) {
	l, col := place(rec, line, i)
	c.bad(p.name, int(l), col, err)
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// fields turns the text of an observation's unit, indicator and date into
// indexes and days. National files repeat a unit on many lines in a row,
// and a month on most, so the last unit and a few months are remembered
// rather than looked up again. Each worker has its own; the tables are
// shared.
type fields struct {
	codes    *codeTable
	ids      *idTable
	lastUnit []byte
	unitIdx  int
	months   [16]month
}

// month is a month of YYYY-MM-DD dates: its text and days.
type month struct {
	key   uint64 // "YYYY-MM" as a little-endian number; 0 for none
	start day    // the day before its 1st
	days  int
}

// unit returns the dense index of the unit whose code is b.
func (f *fields) unit(b []byte) (int, error) {
	if !bytes.Equal(b, f.lastUnit) || f.lastUnit == nil {
		i, ok := f.codes.lookup(b)
		if !ok {
			// Say why: not a code at all, or a code the hierarchy lacks.
			if _, err := region.ParseCode(string(b)); err != nil {
				if n := len(b); (n == 1 || n == 4) && len(bytes.Trim(b, "0123456789")) == 0 {
					return 0, fmt.Errorf("%w (a spreadsheet may have dropped its leading zeros: is it %0*s? format the column as text)", err, n+1, b)
				}
				return 0, err
			}
			return 0, fmt.Errorf("%w %q", ErrUnknownUnit, b)
		}
		f.lastUnit, f.unitIdx = append(f.lastUnit[:0], b...), i
	}
	return f.unitIdx, nil
}

// indicator returns the catalogue index of the indicator whose id is b.
func (f *fields) indicator(b []byte) (int, error) {
	k, ok := f.ids.lookup(b)
	if !ok {
		return 0, fmt.Errorf("%w %q", ErrUnknownIndicator, excerpt(b))
	}
	return k, nil
}

// date parses YYYY-MM-DD: a month is parsed once, then only its day;
// with dayFirst, dd/mm/yyyy too.
func (f *fields) date(b []byte, dayFirst bool) (day, error) {
	var key uint64
	var slot *month
	if len(b) == 10 && b[7] == '-' {
		key = binary.LittleEndian.Uint64(b) &^ (0xff << 56)
		slot = &f.months[(b[6]+b[5]*3+b[3]*7)&15]
		if dd, ok := twoDigits(b, 8); ok && slot.key == key && 1 <= dd && dd <= slot.days {
			return slot.start + day(dd), nil
		}
	}
	if dayFirst && bytes.IndexByte(b, '/') >= 0 {
		if t, err := numeral.ParseDayFirst(string(b)); err == nil {
			return dayOf(t), nil
		}
		return 0, fmt.Errorf("date %q is %w: want a valid dd/mm/yyyy or YYYY-MM-DD", excerpt(b), region.ErrMalformed)
	}
	d, ok := parseDate(b)
	if !ok {
		return 0, fmt.Errorf("date %q is %w: want a valid YYYY-MM-DD", excerpt(b), region.ErrMalformed)
	}
	y, _ := twoDigits(b, 0)
	yy, _ := twoDigits(b, 2)
	m, _ := twoDigits(b, 5)
	dd, _ := twoDigits(b, 8)
	*slot = month{key, d - day(dd), daysIn(y*100+yy, m)}
	return d, nil
}

// idTable finds the catalogue index of an indicator id, most often with
// one hash and one comparison: an open-addressing table of at least four
// slots an id, hashed on the id's first and last eight bytes and its
// length (ids that share a long prefix, "dich_vu_cong_1" … "_999", spread
// out). A slot keeps the id's first eight bytes as a number, so that most
// ids (eight bytes or fewer) compare as one number and a length, and longer
// ones compare only their tail as text.
type idTable struct {
	slots []idSlot
	shift uint // 64 - log2(len(slots))
}

type idSlot struct {
	id   string // "" for an empty slot
	head uint64 // id's first eight bytes, little-endian, zero-padded
	k    int
}

func newIDTable(cat *Catalogue) *idTable {
	n, shift := 16, uint(60)
	for n < 4*len(cat.list) {
		n, shift = 2*n, shift-1
	}
	t := &idTable{slots: make([]idSlot, n), shift: shift}
	for k, ind := range cat.list {
		if ind.ID == "" {
			continue
		}
		head := headOf([]byte(ind.ID))
		h := t.hash([]byte(ind.ID), head)
		for t.slots[h].id != "" {
			h = (h + 1) & (n - 1)
		}
		t.slots[h] = idSlot{ind.ID, head, k}
	}
	return t
}

// headOf returns the first eight bytes of b as a little-endian number,
// padded with zeros.
func headOf(b []byte) uint64 {
	if len(b) >= 8 {
		return binary.LittleEndian.Uint64(b)
	}
	var h uint64
	for i, c := range b {
		h |= uint64(c) << (8 * i)
	}
	return h
}

// hash mixes b's head, its last eight bytes (when it is longer) and its
// length.
func (t *idTable) hash(b []byte, head uint64) int {
	x := head + uint64(len(b))
	if len(b) > 8 {
		x ^= binary.LittleEndian.Uint64(b[len(b)-8:]) * 0xff51afd7ed558ccd
	}
	return int(x * 0x9e3779b97f4a7c15 >> t.shift)
}

func (t *idTable) lookup(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	head := headOf(b)
	for h := t.hash(b, head); ; h = (h + 1) & (len(t.slots) - 1) {
		s := &t.slots[h]
		if s.id == "" {
			return 0, false
		}
		if s.head == head && len(s.id) == len(b) && (len(b) <= 8 || s.id[8:] == string(b[8:])) {
			return s.k, true
		}
	}
}

// excerpt returns a field as errors quote it (see errlist.Excerpt).
func excerpt(b []byte) string { return errlist.Excerpt(string(b)) }

// header returns the positions of unit, indicator, date and value in
// the header line h, and the number of columns. Its fields are split as
// records are, after a UTF-8 byte-order mark. A column named twice is an
// error: which one was meant cannot be known.
func (p *csvParser) header(h []byte) ([4]int, int, error) {
	cols := [4]int{-1, -1, -1, -1}
	names := [4][]string{{"unit", "commune", "ma xa", "ma don vi", "ma"}, {"indicator", "nen tang"}, {"date", "day", "ngay"}, {"value", "n", "thuc hien", "ket qua"}}
	bom := 0
	if bytes.HasPrefix(h, []byte("\ufeff")) {
		bom = 3
	}
	text := h[bom:]
	r := p.record(text, nil)
	if r.err != nil {
		return cols, 0, &ParseError{File: p.name, Line: 1, Column: r.col + 1 + bom, Err: r.err}
	}
	bounds := make([]int, 2*r.n)
	p.record(text, bounds)
	cells := make([]string, r.n)
	for i := range cells {
		f := text[bounds[2*i]:bounds[2*i+1]]
		if len(f) >= 2 && f[0] == '"' {
			f = f[1 : len(f)-1]
		}
		cells[i] = strings.TrimSpace(string(f))
	}
	found, dups := csvin.Columns(cells, region.Fold, names[:])
	copy(cols[:], found)
	var errs errlist.List
	for _, d := range dups {
		errs.Add(&ParseError{File: p.name, Line: 1, Column: bounds[2*d.Cell] + 1 + bom, Field: errlist.Excerpt(d.Name),
			Err: fmt.Errorf("column %q %w (as column %d)", errlist.Excerpt(d.Name), region.ErrDuplicate, d.First+1)})
	}
	for c, ns := range names {
		if cols[c] < 0 {
			errs.Add(&ParseError{File: p.name, Line: 1, Err: fmt.Errorf("%w %q in header %q", region.ErrMissingColumn, ns[0],
				errlist.Excerpt(string(bytes.TrimRight(h, "\r\n"))))})
		}
	}
	return cols, r.n, errs.Err()
}

// twoDigits reads the two decimal digits of b at i.
func twoDigits(b []byte, i int) (int, bool) {
	if i+2 > len(b) || b[i] < '0' || b[i] > '9' || b[i+1] < '0' || b[i+1] > '9' {
		return 0, false
	}
	return int(b[i]-'0')*10 + int(b[i+1]-'0'), true
}

// parseDate parses YYYY-MM-DD and checks that the day exists.
func parseDate(b []byte) (day, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	n := func(s []byte) (int, bool) {
		v := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := n(b[:4])
	m, ok2 := n(b[5:7])
	d, ok3 := n(b[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, false
	}
	return civilDay(y, m, d), true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseCount parses plain decimal digits into a non-negative int64.
func parseCount(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 && !(len(b) == 19 && string(b) <= "9223372036854775807") {
		return 0, false
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// codeTable maps code text to dense indexes with array look-ups.
type codeTable struct {
	nation   int32
	province [100]int32
	district [1000]int32
	commune  []int32 // 100000 entries
}

func newCodeTable(h *region.Hierarchy) *codeTable {
	t := &codeTable{nation: -1, commune: make([]int32, 100000)}
	for i := range t.province {
		t.province[i] = -1
	}
	for i := range t.district {
		t.district[i] = -1
	}
	for i := range t.commune {
		t.commune[i] = -1
	}
	for i, u := range h.All() {
		switch u.Code.Level() {
		case region.LevelNation:
			t.nation = int32(i)
		case region.LevelProvince:
			t.province[u.Code.Number()] = int32(i)
		case region.LevelDistrict:
			t.district[u.Code.Number()] = int32(i)
		case region.LevelCommune:
			t.commune[u.Code.Number()] = int32(i)
		}
	}
	return t
}

func (t *codeTable) lookup(b []byte) (int, bool) {
	if string(b) == "VN" {
		return int(t.nation), t.nation >= 0
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	var i int32 = -1
	switch len(b) {
	case 2:
		i = t.province[n]
	case 3:
		i = t.district[n]
	case 5:
		i = t.commune[n]
	}
	return int(i), i >= 0
}
