package sheet

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// This file reads an XLSX workbook as a stream: the zip's headers are
// checked against Limits before any part is inflated, every part is read
// through a counting reader, and a sheet's rows come one at a time with
// each cell's type, so that memory stays proportional to one row (and to
// the shared strings, which every row may refer to).

// Errors of the workbook's container.
var (
	ErrEncrypted = errors.New("the workbook is encrypted (or an old .xls): save it unprotected as .xlsx")
	ErrNotXLSX   = errors.New("not an XLSX workbook")
	ErrFormula   = errors.New("a formula without a cached value: open the workbook in a spreadsheet program and save it, so that the value is stored")
	ErrCellError = errors.New("a cell holding a spreadsheet error")
)

// workbook is an open XLSX workbook.
type workbook struct {
	name     string
	z        *zip.Reader
	lim      Limits
	sheets   []sheetRef
	shared   []string
	date1904 bool
	inflated int64           // bytes inflated so far, against lim.Uncompressed
	opened   map[string]bool // parts opened once (a second read is not counted again)
}

type sheetRef struct{ name, part string }

// cellKind is what a cell holds.
type cellKind uint8

const (
	cellBlank cellKind = iota
	cellNumber
	cellText
	cellBool
	cellFormula // a formula without a cached value
	cellError   // #DIV/0!, #N/A, ...
)

// xcell is one cell as read.
type xcell struct {
	text string
	kind cellKind
}

// openWorkbook opens the workbook r, reading at most lim.Bytes.
func openWorkbook(r io.Reader, name string, lim Limits) (*workbook, error) {
	ra, size, err := readerAt(r, lim)
	if err != nil {
		return nil, err
	}
	var magic [4]byte
	if n, _ := ra.ReadAt(magic[:], 0); n < 4 || string(magic[:]) != "PK\x03\x04" {
		if string(magic[:n]) == "\xd0\xcf\x11\xe0" {
			return nil, ErrEncrypted
		}
		return nil, ErrNotXLSX
	}
	z, err := zip.NewReader(ra, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotXLSX, err)
	}
	wb := &workbook{name: name, z: z, lim: lim, opened: map[string]bool{}}
	var total uint64
	for _, f := range z.File {
		if f.UncompressedSize64 > uint64(lim.Part) {
			return nil, &LimitError{Limit: "Part", Max: lim.Part, What: fmt.Sprintf("%s inflates to %d bytes", f.Name, f.UncompressedSize64)}
		}
		total += f.UncompressedSize64
		if total > uint64(lim.Uncompressed) {
			return nil, &LimitError{Limit: "Uncompressed", Max: lim.Uncompressed, What: fmt.Sprintf("the workbook's parts inflate to more than %d bytes", total)}
		}
		if f.Name == "EncryptionInfo" || f.Name == "EncryptedPackage" {
			return nil, ErrEncrypted
		}
	}
	if err := wb.readBook(); err != nil {
		return nil, err
	}
	return wb, nil
}

// readerAt returns r as an io.ReaderAt: a regular file as it is, anything
// else read into memory up to lim.Bytes.
func readerAt(r io.Reader, lim Limits) (io.ReaderAt, int64, error) {
	if f, ok := r.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			if st.Size() > lim.Bytes {
				return nil, 0, &LimitError{Limit: "Bytes", Max: lim.Bytes, What: fmt.Sprintf("the file has %d bytes", st.Size())}
			}
			return f, st.Size(), nil
		}
	}
	// Look at the first bytes before reading more: /dev/zero is not a
	// workbook, and need not be read to 256 MB to say so.
	br := bufio.NewReader(r)
	head, _ := br.Peek(4)
	if string(head) != "PK\x03\x04" {
		return bytes.NewReader(head), int64(len(head)), nil
	}
	b, err := io.ReadAll(io.LimitReader(br, lim.Bytes+1))
	if err != nil {
		return nil, 0, err
	}
	if int64(len(b)) > lim.Bytes {
		return nil, 0, &LimitError{Limit: "Bytes", Max: lim.Bytes, What: "the input has more bytes"}
	}
	return bytes.NewReader(b), int64(len(b)), nil
}

// open opens a part through a reader that counts what it inflates.
func (wb *workbook) open(name string) (io.ReadCloser, error) {
	for _, f := range wb.z.File {
		if f.Name == name {
			defer func() { wb.opened[name] = true }()
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			return &counted{rc: rc, wb: wb, part: name, left: wb.lim.Part, total: !wb.opened[name]}, nil
		}
	}
	return nil, nil
}

// counted counts the bytes a part inflates to, and fails past the limits
// whatever its header said.
type counted struct {
	rc    io.ReadCloser
	wb    *workbook
	part  string
	left  int64
	total bool // counted in the workbook's total
}

func (c *counted) Read(p []byte) (int, error) {
	n, err := c.rc.Read(p)
	c.left -= int64(n)
	if c.total {
		c.wb.inflated += int64(n)
	}
	switch {
	case c.left < 0:
		return n, &LimitError{Limit: "Part", Max: c.wb.lim.Part, What: c.part + " inflates to more bytes"}
	case c.wb.inflated > c.wb.lim.Uncompressed:
		return n, &LimitError{Limit: "Uncompressed", Max: c.wb.lim.Uncompressed, What: "the workbook's parts inflate to more bytes"}
	case errors.Is(err, zip.ErrChecksum):
		return n, fmt.Errorf("%s: %w (the file is damaged)", c.part, err)
	}
	return n, err
}

func (c *counted) Close() error { return c.rc.Close() }

// decode reads a whole small part into v.
func (wb *workbook) decode(name string, v any) (bool, error) {
	rc, err := wb.open(name)
	if err != nil || rc == nil {
		return false, err
	}
	defer rc.Close()
	if err := xml.NewDecoder(rc).Decode(v); err != nil {
		return true, fmt.Errorf("%s: %w", name, err)
	}
	return true, nil
}

// readBook reads the sheets' names and parts, the date system and the
// shared strings.
func (wb *workbook) readBook() error {
	var book struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	ok, err := wb.decode("xl/workbook.xml", &book)
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%w: no xl/workbook.xml", ErrNotXLSX)
	}
	wb.date1904 = book.Pr.Date1904 == "1" || book.Pr.Date1904 == "true"
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if _, err := wb.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return err
	}
	target := map[string]string{}
	shared := ""
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
		if strings.HasSuffix(r.Type, "/sharedStrings") {
			shared = t
		}
	}
	for _, s := range book.Sheets {
		p, ok := target[s.ID]
		if !ok {
			return fmt.Errorf("%w: sheet %q has no part", ErrNotXLSX, s.Name)
		}
		wb.sheets = append(wb.sheets, sheetRef{name: s.Name, part: p})
	}
	if shared != "" {
		return wb.readShared(shared)
	}
	return nil
}

// readShared reads the shared strings table, each string the text of its
// runs (phonetic runs aside).
func (wb *workbook) readShared(name string) error {
	rc, err := wb.open(name)
	if err != nil || rc == nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var b strings.Builder
	in, inT, skip := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in = true
				b.Reset()
			case "t":
				inT = true
			case "rPh":
				skip++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				in = false
				wb.shared = append(wb.shared, b.String())
			case "t":
				inT = false
			case "rPh":
				skip--
			}
		case xml.CharData:
			if in && inT && skip == 0 {
				if b.Len()+len(t) > wb.lim.CellBytes {
					return &LimitError{Limit: "CellBytes", Max: int64(wb.lim.CellBytes), What: fmt.Sprintf("shared string %d has more bytes", len(wb.shared))}
				}
				b.Write(t)
			}
		}
	}
}

// mergeRange is a merged range, 1-based and inclusive.
type mergeRange struct{ r1, c1, r2, c2 int }

// merges reads a sheet's merged ranges with a plain scan of its bytes for
// <mergeCell ref="..."> (they follow the rows, which it does not parse),
// so that they are known before the first row is read.
func (wb *workbook) merges(s sheetRef) ([]mergeRange, error) {
	rc, err := wb.open(s.part)
	if err != nil {
		return nil, err
	}
	if rc == nil {
		return nil, fmt.Errorf("%w: no part %s", ErrNotXLSX, s.part)
	}
	defer rc.Close()
	var out []mergeRange
	key := []byte("mergeCell ")
	buf := make([]byte, 0, 64<<10)
	chunk := make([]byte, 32<<10)
	for {
		n, rerr := rc.Read(chunk)
		buf = append(buf, chunk[:n]...)
		i := 0
		for {
			j := bytes.Index(buf[i:], key)
			if j < 0 {
				i = max(i, len(buf)-len(key))
				break
			}
			start := i + j
			k := bytes.IndexByte(buf[start:], '>')
			if k < 0 {
				i = start
				if len(buf)-start > 4096 {
					return nil, fmt.Errorf("%s: %w: an unterminated mergeCell", s.part, ErrNotXLSX)
				}
				break
			}
			i = start + k
			if !isElementStart(buf[:start]) {
				continue
			}
			m, ok := parseRef(buf[start : start+k])
			if !ok {
				return nil, fmt.Errorf("%s: %w: a mergeCell without a valid ref", s.part, ErrNotXLSX)
			}
			if len(out) >= wb.lim.Merges {
				return nil, &LimitError{Limit: "Merges", Max: int64(wb.lim.Merges), What: fmt.Sprintf("sheet %q has more merged ranges", s.name)}
			}
			out = append(out, m)
		}
		buf = append(buf[:0], buf[i:]...)
		if rerr == io.EOF {
			return out, nil
		}
		if rerr != nil {
			return nil, rerr
		}
	}
}

// isElementStart reports whether the text before a name ends with "<" or
// "<prefix:", so that the name begins an element, not text.
func isElementStart(before []byte) bool {
	i := len(before)
	if i > 0 && before[i-1] == ':' {
		i--
		for i > 0 && before[i-1] != '<' && before[i-1] != ' ' && before[i-1] != '>' {
			i--
		}
	}
	return i > 0 && before[i-1] == '<'
}

// parseRef reads the ref attribute of a mergeCell element.
func parseRef(el []byte) (mergeRange, bool) {
	_, v, ok := bytes.Cut(el, []byte(`ref=`))
	if !ok || len(v) < 2 {
		return mergeRange{}, false
	}
	q := v[0]
	v, _, ok = bytes.Cut(v[1:], []byte{q})
	if !ok {
		return mergeRange{}, false
	}
	a, b, _ := strings.Cut(string(v), ":")
	if b == "" {
		b = a
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil || r2 < r1 || c2 < c1 {
		return mergeRange{}, false
	}
	return mergeRange{r1, c1, r2, c2}, true
}

// rowReader reads a sheet's rows one at a time.
type rowReader struct {
	wb    *workbook
	s     sheetRef
	rc    io.ReadCloser
	d     *xml.Decoder
	row   int     // the current row's number, 1-based
	cells []xcell // the current row's cells, by column
	err   error
}

func (wb *workbook) rows(s sheetRef) (*rowReader, error) {
	rc, err := wb.open(s.part)
	if err != nil {
		return nil, err
	}
	if rc == nil {
		return nil, fmt.Errorf("%w: no part %s", ErrNotXLSX, s.part)
	}
	return &rowReader{wb: wb, s: s, rc: rc, d: xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))}, nil
}

func (r *rowReader) Close() error { return r.rc.Close() }

// Err is the error that stopped Next.
func (r *rowReader) Err() error { return r.err }

func (r *rowReader) fail(format string, args ...any) bool {
	r.err = fmt.Errorf("%s: "+format, append([]any{r.s.part}, args...)...)
	return false
}

// Next reads the next row that has cells; rows may skip numbers.
func (r *rowReader) Next() bool {
	if r.err != nil {
		return false
	}
	for {
		tok, err := r.d.RawToken()
		if err == io.EOF {
			return false
		}
		if err != nil {
			r.err = fmt.Errorf("%s: %w", r.s.part, err)
			return false
		}
		st, ok := tok.(xml.StartElement)
		if !ok || st.Name.Local != "row" {
			continue
		}
		n := r.row + 1
		if v := attr(st, "r"); v != "" {
			if n, err = strconv.Atoi(v); err != nil || n <= r.row {
				return r.fail("%w: row number %q out of order", ErrNotXLSX, v)
			}
		}
		if n > r.wb.lim.Rows {
			r.err = &LimitError{Limit: "Rows", Max: int64(r.wb.lim.Rows), What: fmt.Sprintf("sheet %q has row %d", r.s.name, n)}
			return false
		}
		r.row = n
		if !r.readCells() {
			return false
		}
		return true
	}
}

func attr(st xml.StartElement, name string) string {
	for _, a := range st.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// readCells reads the cells of the row just begun, up to </row>.
func (r *rowReader) readCells() bool {
	r.cells = r.cells[:0]
	col := 0
	var (
		c        xcell
		typ      string
		hasF     bool
		hasV     bool
		inV, inT bool
		inIS     bool
		text     strings.Builder
	)
	for {
		tok, err := r.d.RawToken()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			r.err = fmt.Errorf("%s: %w", r.s.part, err)
			return false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				col++
				if ref := attr(t, "r"); ref != "" {
					cn, _, err := excelize.CellNameToCoordinates(ref)
					if err != nil || cn < col {
						return r.fail("%w: cell %q out of order", ErrNotXLSX, ref)
					}
					col = cn
				}
				if col > r.wb.lim.Columns {
					r.err = &LimitError{Limit: "Columns", Max: int64(r.wb.lim.Columns), What: fmt.Sprintf("sheet %q has column %d in row %d", r.s.name, col, r.row)}
					return false
				}
				typ, hasF, hasV = attr(t, "t"), false, false
				text.Reset()
				c = xcell{}
			case "f":
				hasF = true
			case "v":
				inV, hasV = true, true
			case "is":
				inIS, hasV = true, true
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "is":
				inIS = false
			case "t":
				inT = false
			case "c":
				v := text.String()
				switch {
				case hasF && (!hasV || v == "" && typ != "str"):
					c = xcell{kind: cellFormula}
				case !hasV || v == "" && typ != "str" && typ != "inlineStr":
					c = xcell{}
				case typ == "s":
					i, err := strconv.Atoi(v)
					if err != nil || i < 0 || i >= len(r.wb.shared) {
						return r.fail("%w: shared string %q out of range in row %d", ErrNotXLSX, v, r.row)
					}
					c = xcell{text: r.wb.shared[i], kind: cellText}
				case typ == "str" || typ == "inlineStr":
					c = xcell{text: v, kind: cellText}
				case typ == "b":
					c = xcell{text: v, kind: cellBool}
				case typ == "e":
					c = xcell{text: v, kind: cellError}
				default: // n, d and none
					c = xcell{text: v, kind: cellNumber}
				}
				if c.kind == cellText && strings.TrimSpace(c.text) == "" {
					c = xcell{}
				}
				for len(r.cells) < col-1 {
					r.cells = append(r.cells, xcell{})
				}
				r.cells = append(r.cells, c)
			case "row":
				return true
			}
		case xml.CharData:
			if inV || inIS && inT {
				if text.Len()+len(t) > r.wb.lim.CellBytes {
					r.err = &LimitError{Limit: "CellBytes", Max: int64(r.wb.lim.CellBytes), What: fmt.Sprintf("cell %s%d has more bytes", errlistColumn(col), r.row)}
					return false
				}
				text.Write(t)
			}
		}
	}
}

func errlistColumn(c int) string {
	s, _ := excelize.ColumnNumberToName(c)
	return s
}
