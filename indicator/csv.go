package indicator

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"iter"
	"runtime"
	"slices"
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
// and a date given twice with different values are errors naming the line
// and column. Every problem is reported (the first [region.MaxErrors], then
// a count of the rest); nothing is dropped silently.
//
// ReadCSV is built for national files (10 million lines). It reads the
// input in chunks of a megabyte cut at line ends and parses them on
// every core (runtime.GOMAXPROCS), merging the results in file order, so
// its errors and their order are those of a line-by-line read. It keeps
// 12 bytes per observation while reading (lines are kept only where they
// jump) and 12 in the Dataset: about 240 MB in all for 9.6 million
// observations, whatever the number of cores.
func ReadCSV(r io.Reader, name string, h *region.Hierarchy, cat *Catalogue) (*Dataset, error) {
	return ReadCSVWith(r, name, h, cat, CSVOptions{})
}

// CSVOptions are the conventions a CSV file may follow besides the strict
// one (the type every reader of chiso shares).
type CSVOptions = csvin.Options

// ReadCSVWith is [ReadCSV] for CSV written by spreadsheet tools: fields
// separated by opt.Comma, and with opt.Spreadsheet, quoted fields, dates
// as dd/mm/yyyy and counts with "." grouping thousands ("1.611"). Headers
// may name the columns in Vietnamese too ("Mã xã", "Nền tảng", "Ngày",
// "Thực hiện"). It is the same parser, as fast, with the same errors.
func ReadCSVWith(r io.Reader, name string, h *region.Hierarchy, cat *Catalogue, opt CSVOptions) (*Dataset, error) {
	comma, err := opt.Separator()
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	b := NewBuilder(h, cat, name)
	header, err := br.ReadSlice('\n')
	if err != nil && (err != io.EOF || len(header) == 0) {
		if err == bufio.ErrBufferFull {
			err = fmt.Errorf("header is %w: longer than 64 KiB", region.ErrMalformed)
		}
		return nil, &ParseError{File: name, Line: 1, Column: 1, Err: fmt.Errorf("reading the header: %w", err)}
	}
	cols, nf, err := headerColumns(name, string(bytes.TrimRight(header, "\r\n")), opt)
	if err != nil {
		return nil, err
	}
	p := &csvParser{name: name, cols: cols, nf: nf, codes: newCodeTable(h), n: int32(h.Len()), ids: make(map[string]int, cat.Len()),
		comma: comma, sheet: opt.Spreadsheet}
	for i, ind := range b.cat.list {
		p.ids[ind.ID] = i
	}
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

// maxLine is the longest line ReadCSV reads.
const maxLine = 1 << 20

// chunk is a run of whole lines of the input and what a worker made of it.
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

// add adds a point to the chunk's last block, or to a new one.
func (c *chunk) add(series int32, d day, v int64, line int32) {
	if len(c.blks) == 0 || len(c.blks[len(c.blks)-1].pts) == cap(c.blks[len(c.blks)-1].pts) {
		c.blks = append(c.blks, &block{pts: make([]point, 0, blockSize)})
	}
	c.blks[len(c.blks)-1].add(series, d, v, line)
}

// merge adds what the chunk found to b, after what came before it.
func (c *chunk) merge(b *Builder) {
	b.errs.Merge(&c.errs)
	b.blocks = append(b.blocks, c.blks...)
}

// chunks reads br in chunks of whole lines, parses them on GOMAXPROCS
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
			wg.Add(1)
			go func() {
				defer wg.Done()
				for c := range jobs {
					p.parse(c)
					free <- c.data[:0]
					c.data = nil
					close(c.done)
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			line := int32(2)
			var carry []byte
			for !stop.Load() {
				buf := <-free
				if cap(buf) < max(chunkSize, 2*len(carry)) {
					buf = make([]byte, 0, max(chunkSize, 2*len(carry)))
				}
				buf = append(buf[:0], carry...)
				// Fill, then cut after the last line end; a line longer than
				// the buffer makes it grow, up to what parse rejects.
				var err error
				cut := -1
				for {
					var n int
					n, err = io.ReadFull(br, buf[len(buf):cap(buf)])
					buf = buf[:len(buf)+n]
					if err != nil {
						break
					}
					if cut = bytes.LastIndexByte(buf, '\n'); cut >= 0 || len(buf) > maxLine {
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

// csvParser parses the lines of a chunk; it is shared by the workers and
// only read.
type csvParser struct {
	name  string
	cols  [4]int
	nf    int
	codes *codeTable
	ids   map[string]int
	n     int32 // units in the hierarchy
	comma byte  // the field separator
	sheet bool  // spreadsheet conventions: quotes, dd/mm/yyyy, "1.611"
}

// parse fills c's points and problems from its lines.
func (p *csvParser) parse(c *chunk) {
	// One block for all the chunk's lines.
	c.blks = []*block{{pts: make([]point, 0, bytes.Count(c.data, []byte{'\n'})+1)}}
	bad := func(line int32, column int, err error) { c.bad(p.name, int(line), column, err) }
	starts := make([]int, p.nf)
	fl := fields{codes: p.codes, ids: p.ids}
	data := c.data
	for line := c.line; len(data) > 0; line++ {
		l := data
		if k := bytes.IndexByte(data, '\n'); k >= 0 {
			l, data = data[:k], data[k+1:]
		} else {
			data = nil
		}
		if len(l) > maxLine {
			bad(line, 1, fmt.Errorf("line is %w: longer than 1 MiB", region.ErrMalformed))
			c.fatal = true
			return
		}
		if n := len(l); n > 0 && l[n-1] == '\r' {
			l = l[:n-1]
		}
		if len(l) == 0 {
			continue // a blank line, as at the end of a file
		}
		if j := bytes.IndexByte(l, '\r'); j >= 0 {
			bad(line, j+1, fmt.Errorf("line is %w: a carriage return inside it (save the file with LF or CRLF line ends)", region.ErrMalformed))
			continue
		}
		// Split into fields in place.
		nfields := 1
		starts[0] = 0
		quoted := false
		for j, ch := range l {
			if ch == p.comma && !quoted {
				if nfields < len(starts) {
					starts[nfields] = j + 1
				}
				nfields++
			} else if ch == '"' {
				if !p.sheet {
					bad(line, j+1, fmt.Errorf("line is %w: quoted fields are not supported in observation files (read spreadsheet exports with the Spreadsheet option)", region.ErrMalformed))
					nfields = -1
					break
				}
				quoted = !quoted
			}
		}
		if quoted {
			bad(line, len(l), fmt.Errorf("line is %w: a quote is not closed", region.ErrMalformed))
			continue
		}
		if nfields < 0 {
			continue
		}
		if nfields != p.nf {
			bad(line, 1, fmt.Errorf("line is %w: %d fields, the header has %d columns", region.ErrMalformed, nfields, p.nf))
			continue
		}
		field := func(col int) ([]byte, int) {
			s := starts[col]
			e := len(l)
			if col+1 < nfields {
				e = starts[col+1] - 1
			}
			if f := l[s:e]; len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' && bytes.IndexByte(f[1:len(f)-1], '"') < 0 {
				return f[1 : len(f)-1], s + 2 // a quoted field; an inner quote stays and is an error of the field
			}
			return l[s:e], s + 1
		}
		uf, ucol := field(p.cols[0])
		ui, err := fl.unit(uf)
		if err != nil {
			bad(line, ucol, err)
			continue
		}
		kf, kcol := field(p.cols[1])
		k, err := fl.indicator(kf)
		if err != nil {
			bad(line, kcol, err)
			continue
		}
		df, dcol := field(p.cols[2])
		d, err := fl.date(df, p.sheet)
		if err != nil {
			bad(line, dcol, err)
			continue
		}
		vf, vcol := field(p.cols[3])
		v, ok := parseCount(vf)
		if !ok && p.sheet {
			n, err := numeral.ParseCount(string(vf), true)
			v, ok = n, err == nil
		}
		if !ok {
			if len(vf) > 0 && vf[0] == '-' {
				bad(line, vcol, fmt.Errorf("%w: %q is negative", ErrNegative, excerpt(vf)))
				continue
			}
			bad(line, vcol, fmt.Errorf("value %q is %w: not a count of plain digits", excerpt(vf), region.ErrMalformed))
			continue
		}
		c.add(int32(k)*p.n+int32(ui), d, v, line)
	}
}

// fields turns the text of an observation's unit, indicator and date into
// indexes and days. National files repeat a unit, an indicator and a month
// on many lines in a row, so the last of each is remembered rather than
// looked up again. Each worker has its own; the tables are shared.
type fields struct {
	codes                       *codeTable
	ids                         map[string]int
	lastUnit, lastID, lastMonth []byte
	unitIdx, idIdx              int
	monthStart                  day // the day before the 1st of lastMonth
	monthDays                   int
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
	if !bytes.Equal(b, f.lastID) || f.lastID == nil {
		k, ok := f.ids[string(b)]
		if !ok {
			return 0, fmt.Errorf("%w %q", ErrUnknownIndicator, excerpt(b))
		}
		f.lastID, f.idIdx = append(f.lastID[:0], b...), k
	}
	return f.idIdx, nil
}

// date parses YYYY-MM-DD: a month is parsed once, then only its day;
// with dayFirst, dd/mm/yyyy too.
func (f *fields) date(b []byte, dayFirst bool) (day, error) {
	dd, ok := twoDigits(b, 8)
	if ok && len(b) == 10 && b[7] == '-' && bytes.Equal(b[:7], f.lastMonth) && 1 <= dd && dd <= f.monthDays {
		return f.monthStart + day(dd), nil
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
	f.lastMonth, f.monthStart, f.monthDays = append(f.lastMonth[:0], b[:7]...), d-day(dd), daysIn(y*100+yy, m)
	return d, nil
}

// excerpt returns a field as errors quote it (see errlist.Excerpt).
func excerpt(b []byte) string { return errlist.Excerpt(string(b)) }

// headerColumns returns the positions of unit, indicator, date and value,
// and the number of columns. A column named twice is an error: which one
// was meant cannot be known.
func headerColumns(name, h string, opt CSVOptions) ([4]int, int, error) {
	cols := [4]int{-1, -1, -1, -1}
	names := [4][]string{{"unit", "commune", "ma xa", "ma don vi", "ma"}, {"indicator", "nen tang"}, {"date", "day", "ngay"}, {"value", "n", "thuc hien", "ket qua"}}
	var errs errlist.List
	sep, _ := opt.Separator()
	fields := strings.Split(strings.TrimPrefix(h, "\ufeff"), string(sep))
	col := 1
	for i, f := range fields {
		f = strings.TrimSpace(f)
		if opt.Spreadsheet && len(f) >= 2 && f[0] == '"' && f[len(f)-1] == '"' {
			f = f[1 : len(f)-1]
		}
		f = region.Fold(f)
		for c, ns := range names {
			if !slices.Contains(ns, f) {
				continue
			}
			if cols[c] >= 0 {
				errs.Add(&ParseError{File: name, Line: 1, Column: col, Field: errlist.Excerpt(f),
					Err: fmt.Errorf("column %q %w (as column %d)", errlist.Excerpt(f), region.ErrDuplicate, cols[c]+1)})
			}
			cols[c] = i
		}
		col += len(fields[i]) + 1
	}
	for c, ns := range names {
		if cols[c] < 0 {
			errs.Add(&ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q in header %q", region.ErrMissingColumn, ns[0], errlist.Excerpt(h))})
		}
	}
	return cols, len(fields), errs.Err()
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
