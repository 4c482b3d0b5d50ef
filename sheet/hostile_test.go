package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/region"
)

// rawPart is one part of a hand-made workbook: its name and content, and
// what its zip header should claim (zero: the truth).
type rawPart struct {
	name     string
	content  func(w io.Writer)
	declared uint64 // the uncompressed size the header claims
}

// rawBook writes a minimal workbook of one sheet, "Xã", whose XML the
// caller writes, with extra parts; each part deflated, its header as
// rawPart says.
func rawBook(t testing.TB, w io.Writer, sheet func(w io.Writer), extra ...rawPart) {
	t.Helper()
	parts := []rawPart{
		{name: "[Content_Types].xml", content: text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`)},
		{name: "xl/workbook.xml", content: text(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Xã" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{name: "xl/_rels/workbook.xml.rels", content: text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)},
		{name: "xl/worksheets/sheet1.xml", content: sheet},
	}
	for _, e := range extra {
		if i := slices.IndexFunc(parts, func(p rawPart) bool { return p.name == e.name }); i >= 0 {
			parts[i] = e // a base part, replaced
		} else {
			parts = append(parts, e)
		}
	}
	z := zip.NewWriter(w)
	for _, p := range parts {
		var raw bytes.Buffer
		fw, _ := flate.NewWriter(&raw, flate.BestSpeed)
		crc := crc32.NewIEEE()
		n := &countWriter{}
		p.content(io.MultiWriter(fw, crc, n))
		fw.Close()
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc.Sum32(), CompressedSize64: uint64(raw.Len()), UncompressedSize64: n.n}
		if p.declared > 0 {
			h.UncompressedSize64 = p.declared
		}
		pw, err := z.CreateRaw(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := pw.Write(raw.Bytes()); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
}

type countWriter struct{ n uint64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += uint64(len(p)); return len(p), nil }

func text(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }

// sheetXML writes a sheet: the header (Mã xã, Ngày, tmdt), then rows rows
// of data, each commune of the 2024 list in turn on one day after
// another, then merges one-row merged ranges.
func sheetXML(rows, merges int) func(io.Writer) {
	return func(w io.Writer) {
		communes := region.Vietnam2024().Level(region.LevelCommune)
		h := region.Vietnam2024()
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã xã</t></is></c><c r="B1" t="inlineStr"><is><t>Ngày</t></is></c><c r="C1" t="inlineStr"><is><t>tmdt</t></is></c></row>`)
		for i := range rows {
			u := h.At(int(communes[i%len(communes)]))
			fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d"><v>%d</v></c><c r="C%d"><v>%d</v></c></row>`, i+2, i+2, u.Code, i+2, 45000+i/len(communes), i+2, i)
		}
		io.WriteString(w, `</sheetData>`)
		if merges > 0 {
			fmt.Fprintf(w, `<mergeCells count="%d">`, merges)
			for i := range merges {
				fmt.Fprintf(w, `<mergeCell ref="E%d:F%d"/>`, i+1, i+1)
			}
			io.WriteString(w, `</mergeCells>`)
		}
		io.WriteString(w, `</worksheet>`)
	}
}

func zeros(n int64) func(io.Writer) {
	return func(w io.Writer) { io.CopyN(w, zeroReader{}, n) }
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func readRaw(t *testing.T, b []byte, opt Options) (*Data, error) {
	t.Helper()
	if opt.Date.IsZero() {
		opt.Date = day(2024, 6, 30)
	}
	return Read(bytes.NewReader(b), "hostile.xlsx", opt)
}

// TestHostile: each workbook built to hurt is an error naming what is
// wrong, found before the harm: sizes from the zip headers before
// inflating, a part that inflates to more than its header says, a bad
// CRC, an encrypted file, endless zeros, rows and merges past the limits.
func TestHostile(t *testing.T) {
	var ok bytes.Buffer
	rawBook(t, &ok, sheetXML(3, 0))
	if d, err := readRaw(t, ok.Bytes(), Options{}); err != nil || len(d.Observations) != 3 {
		t.Fatalf("the hand-made workbook: %v %+v", err, d)
	}
	build := func(sheet func(io.Writer), extra ...rawPart) []byte {
		var b bytes.Buffer
		rawBook(t, &b, sheet, extra...)
		return b.Bytes()
	}
	var limit *LimitError
	for _, tt := range []struct {
		name  string
		book  []byte
		opt   Options
		want  error
		limit string
	}{
		{"a part over the limit", build(sheetXML(1, 0), rawPart{name: "xl/styles.xml", content: zeros(3 << 20)}), Options{Limits: Limits{Part: 1 << 20}}, ErrLimit, "Part"},
		{"the parts together over the limit", build(sheetXML(1, 0), rawPart{name: "xl/a.xml", content: zeros(3 << 19)}, rawPart{name: "xl/b.xml", content: zeros(3 << 19)}), Options{Limits: Limits{Uncompressed: 2 << 20}}, ErrLimit, "Uncompressed"},
		{"a header claiming 4.286.513.965 bytes", build(sheetXML(1, 0), rawPart{name: "xl/styles.xml", content: zeros(10), declared: 4286513965}), Options{}, ErrLimit, "Part"},
		{"a part larger than its header says", build(sheetXML(1, 0), rawPart{name: "xl/worksheets/sheet1.xml", content: sheetXML(1000, 0), declared: 200}), Options{}, nil, ""},
		{"a bad CRC", build(sheetXML(5, 0)), Options{}, zip.ErrChecksum, ""},
		{"rows past Excel's", build(sheetXML(20, 0)), Options{Limits: Limits{Rows: 10}}, ErrLimit, "Rows"},
		{"merges past the limit", build(sheetXML(1, 50)), Options{Limits: Limits{Merges: 20}}, ErrLimit, "Merges"},
		{"more bytes than read", ok.Bytes(), Options{Limits: Limits{Bytes: 100}}, ErrLimit, "Bytes"},
	} {
		book := tt.book
		if tt.name == "a bad CRC" {
			var b bytes.Buffer
			rawBook(t, &b, text(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã xã</t></is></c><c t="inlineStr"><is><t>tmdt</t></is></c></row></sheetData></worksheet>`))
			book = corruptSheet(t, b.Bytes())
		}
		start := time.Now()
		d, err := readRaw(t, book, tt.opt)
		if err == nil || d != nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
		if tt.limit != "" && (!errors.As(err, &limit) || limit.Limit != tt.limit || !strings.Contains(err.Error(), "sheet.Limits."+tt.limit)) {
			t.Errorf("%s: %v, want the limit %s named", tt.name, err, tt.limit)
		}
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("%s: %v to refuse", tt.name, el)
		}
	}
	// Not a workbook at all.
	for name, r := range map[string]io.Reader{
		"endless zeros":         zeroReader{},
		"an encrypted workbook": io.MultiReader(strings.NewReader("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), zeroReader{}),
	} {
		start := time.Now()
		_, err := Read(r, name, Options{})
		if err == nil || time.Since(start) > time.Second {
			t.Errorf("%s: %v in %v", name, err, time.Since(start))
		}
		if name == "an encrypted workbook" && !errors.Is(err, ErrEncrypted) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := Read(bytes.NewReader(build(sheetXML(1, 0), rawPart{name: "EncryptionInfo", content: zeros(10)})), "x.xlsx", Options{}); !errors.Is(err, ErrEncrypted) {
		t.Errorf("EncryptionInfo: %v", err)
	}
}

// corruptSheet flips a byte of the sheet's compressed data so that its CRC
// no longer holds, keeping the data inflatable: it rewrites the entry
// raw with a wrong CRC.
func corruptSheet(t testing.TB, b []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		h := f.FileHeader
		if strings.HasPrefix(f.Name, "xl/worksheets/") {
			h.CRC32 ^= 0xdeadbeef
		}
		raw, err := f.OpenRaw()
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateRaw(&h)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, raw)
	}
	zw.Close()
	return out.Bytes()
}

// TestNoTempFiles: no run leaves a file in the temp dir, rejected or not.
func TestNoTempFiles(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	var big bytes.Buffer
	rawBook(t, &big, sheetXML(1, 0), rawPart{name: "xl/styles.xml", content: zeros(20 << 20)})
	for _, opt := range []Options{{Limits: Limits{Part: 16 << 20}}, {}} {
		readRaw(t, big.Bytes(), opt)
	}
	readRaw(t, progressReport().bytes(t), Options{})
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 0 {
		t.Errorf("left in the temp dir: %v %v", entries, err)
	}
}

// TestManyMerges: merged ranges above the header cost linear time, not
// quadratic.
func TestManyMerges(t *testing.T) {
	var b bytes.Buffer
	rawBook(t, &b, sheetXML(1, 30000))
	start := time.Now()
	if _, err := readRaw(t, b.Bytes(), Options{}); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("30.000 merges: %v", el)
	}
}

// TestWriteHostileFiles writes the large hostile workbooks for measuring
// chiso rollup's memory with /usr/bin/time -v, when CHISO_HOSTILE_DIR
// names a directory: a sheet of 1.048.576 rows, a styles.xml that
// inflates to 3 GiB, 4 GiB of whitespace in sheetData, and 1 GiB of empty
// rows past Excel's limit.
func TestWriteHostileFiles(t *testing.T) {
	dir := os.Getenv("CHISO_HOSTILE_DIR")
	if dir == "" {
		t.Skip("set CHISO_HOSTILE_DIR to write the large hostile workbooks")
	}
	write := func(name string, sheet func(io.Writer), extra ...rawPart) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rawBook(t, f, sheet, extra...)
	}
	write("rows-1048576.xlsx", sheetXML(1<<20-1, 0))
	write("styles-3gib.xlsx", sheetXML(1, 0), rawPart{name: "xl/styles.xml", content: zeros(3 << 30)})
	write("whitespace-4gib.xlsx", func(w io.Writer) {
		io.WriteString(w, `<worksheet><sheetData>`)
		io.CopyN(w, strings.NewReader(strings.Repeat(" ", 1<<20)), 1<<20) // then the rest
		for range 4 << 10 {
			io.WriteString(w, strings.Repeat(" ", 1<<20))
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	})
	write("empty-rows-1gib.xlsx", func(w io.Writer) {
		io.WriteString(w, `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã xã</t></is></c><c t="inlineStr"><is><t>tmdt</t></is></c></row>`)
		chunk := strings.Repeat("<row></row>", 1<<16)
		for range (1 << 30) / len(chunk) {
			io.WriteString(w, chunk)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	})
}

// hostileSeeds are small workbooks of the hostile shapes, for FuzzRead:
// a part whose header claims 4 GB, a part larger than its header says, a
// bad CRC, a formula without a value, merges, a names-only sheet with a
// note and a signature.
func hostileSeeds(t testing.TB) [][]byte {
	build := func(sheet func(io.Writer), extra ...rawPart) []byte {
		var b bytes.Buffer
		rawBook(t, &b, sheet, extra...)
		return b.Bytes()
	}
	names := text(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>(Số liệu tính đến ngày 30/6/2024)</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>Tên đơn vị</t></is></c><c t="inlineStr"><is><t>VNeID mức 2</t></is></c></row>` +
		`<row r="3"><c t="inlineStr"><is><t>Xã Bắc Xa</t></is></c><c><v>5</v></c></row>` +
		`<row r="4"><c t="inlineStr"><is><t>Tổng cộng</t></is></c><c><f>SUM(B3)</f></c></row>` +
		`<row r="6"><c t="inlineStr"><is><t>Ghi chú: số liệu minh họa</t></is></c></row>` +
		`<row r="7"><c t="inlineStr"><is><t>NGƯỜI LẬP BIỂU</t></is></c></row></sheetData>` +
		`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`)
	formula := text(`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Mã xã</t></is></c><c t="inlineStr"><is><t>tmdt</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>06619</t></is></c><c><f>1+1</f></c></row></sheetData></worksheet>`)
	return [][]byte{
		build(sheetXML(2, 3)),
		build(sheetXML(1, 0), rawPart{name: "xl/styles.xml", content: zeros(10), declared: 4286513965}),
		build(sheetXML(1, 0), rawPart{name: "xl/worksheets/sheet1.xml", content: sheetXML(50, 0), declared: 200}),
		corruptSheet(t, build(sheetXML(2, 0))),
		build(formula),
		build(names),
	}
}
