package main

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
	"github.com/chiso-vn/chiso/report"
	"github.com/chiso-vn/chiso/sheet"
)

// upload is a file or a field of a form, read into memory.
type upload struct {
	name string // the file's name as the browser gave it; "" for a field
	data []byte
}

// readForm reads a form (multipart/form-data or urlencoded) into memory, at
// most limit bytes in all: nothing is written to disk, unlike
// Request.ParseMultipartForm.
func readForm(w http.ResponseWriter, r *http.Request, limit int64) (map[string]upload, error) {
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	body := &bodyLimit{r: http.MaxBytesReader(w, r.Body, limit)}
	r.Body = body
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	fields := map[string]upload{}
	switch mt {
	case "application/x-www-form-urlencoded":
		b, err := readBody(w, r, limit)
		if err != nil {
			return nil, err
		}
		v, err := url.ParseQuery(string(b))
		if err != nil {
			return nil, errorf(http.StatusBadRequest, "biểu mẫu không đọc được: %v", "cannot read the form: %v", err)
		}
		for k := range v {
			fields[k] = upload{data: []byte(v.Get(k))}
		}
		return fields, nil
	case "multipart/form-data":
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, errorf(http.StatusBadRequest, "biểu mẫu không đọc được: %v", "cannot read the form: %v", err)
		}
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return fields, nil
			}
			var b []byte
			if err == nil {
				b, err = io.ReadAll(p)
			}
			if body.over {
				return nil, tooLarge(limit) // multipart does not wrap the reader's error
			}
			if err != nil {
				return nil, errorf(http.StatusBadRequest, "biểu mẫu không đọc được: %v", "cannot read the form: %v", err)
			}
			if _, seen := fields[p.FormName()]; !seen {
				fields[p.FormName()] = upload{name: p.FileName(), data: b}
			}
		}
	}
	return nil, errorf(http.StatusUnsupportedMediaType, "Content-Type %q: gửi biểu mẫu multipart/form-data", "Content-Type %q: send a multipart/form-data form", r.Header.Get("Content-Type"))
}

// bodyLimit is a body bounded by http.MaxBytesReader that remembers whether
// the bound was met.
type bodyLimit struct {
	r    io.ReadCloser
	over bool
}

func (l *bodyLimit) Read(b []byte) (int, error) {
	n, err := l.r.Read(b)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		l.over = true
	}
	return n, err
}

func (l *bodyLimit) Close() error { return l.r.Close() }

// rollupRequest is what a roll-up is asked for: the files and the options
// of chiso rollup, by the same names.
type rollupRequest struct {
	actuals, plans upload
	list           string // 2024 or 2025
	level          string // tinh, huyen or xa; "" every level
	rank           string
	indicator      string
	sep            string
	spreadsheet    bool
	asOf           string
}

// newRollupRequest reads the request's options from fields, or the URL's
// query where a field is absent.
func newRollupRequest(fields map[string]upload, q url.Values) rollupRequest {
	get := func(k, def string) string { return formValue(fields, q, k, def) }
	return rollupRequest{actuals: fields["actuals"], plans: fields["plans"],
		list: get("list", "2024"), level: get("level", ""), rank: get("rank", "competition"),
		indicator: get("indicator", ""), sep: get("sep", ","), spreadsheet: get("spreadsheet", "") == "true" || get("spreadsheet", "") == "on",
		asOf: get("as-of", "")}
}

// rollup is a roll-up done for the page or the API.
type rollup struct {
	res     *indicator.Result
	repairs []sheet.Repair
	ids     []string // the indicators with rows, or the one asked for
	ranked  func(id string) []indicator.Row
	level   region.Level
	levelOn bool // a level was asked for
	method  indicator.RankMethod
}

// do reads the uploads and rolls them up as chiso rollup does, through
// the same env.result: plans from the plans file, or else the actuals'
// workbook. The files come from memory (env.files), never from disk.
func (q rollupRequest) do() (*rollup, error) {
	if len(q.actuals.data) == 0 {
		return nil, errorf(http.StatusBadRequest, "thiếu tệp số liệu thực hiện (actuals): .xlsx hoặc .csv", "missing the actuals file: .xlsx or .csv")
	}
	method, err := rankMethod(q.rank)
	if err != nil {
		return nil, err
	}
	var date time.Time
	if q.asOf != "" {
		if date, err = parseDate("as-of", q.asOf); err != nil {
			return nil, err
		}
	}
	out := &rollup{method: method, level: region.LevelProvince, levelOn: q.level != ""}
	if q.level != "" {
		if err := out.level.UnmarshalText([]byte(q.level)); err != nil {
			return nil, usagef("level %q: want tinh, huyen or xa", q.level)
		}
	}
	e := &env{stderr: io.Discard, files: map[string][]byte{}}
	actuals, plans := fileName(q.actuals, "actuals"), ""
	e.files[actuals] = q.actuals.data
	if len(q.plans.data) > 0 {
		if plans = fileName(q.plans, "plans"); plans == actuals {
			plans += " (plans)"
		}
		e.files[plans] = q.plans.data
	}
	for name, data := range e.files {
		if extension(name) == "xlsx" {
			if err := workbookFits(data, name); err != nil {
				return nil, err
			}
		}
	}
	empty := ""
	in := inputs{list: &q.list, sheet: &empty, sep: &q.sep, spreadsheet: &q.spreadsheet}
	cat := indicator.Standard()
	if out.res, err = e.result(cat, in, actuals, plans, date, true, false); err != nil {
		return nil, err
	}
	out.repairs = e.repairs
	out.ranked = func(id string) []indicator.Row { return out.res.Ranked(id, out.level, out.method) }
	for _, ind := range cat.All() {
		if (q.indicator == "" || ind.ID == q.indicator) && len(out.ranked(ind.ID)) > 0 {
			out.ids = append(out.ids, ind.ID)
		}
	}
	if q.indicator != "" {
		if _, ok := cat.Lookup(q.indicator); !ok {
			return nil, usagef("indicator: %v %q", indicator.ErrUnknownIndicator, q.indicator)
		}
	}
	if len(out.ids) == 0 {
		return nil, fmt.Errorf("no unit has both an actual and a plan on %s", out.res.AsOf().Format(time.DateOnly))
	}
	return out, nil
}

// The limits of a workbook once unzipped. excelize copies a sheet (or the
// shared strings) larger than maxSheetXML to a temporary file, and the
// server writes no file: such a workbook gets 413, as does one whose parts
// add up to more than maxUnzipped.
const (
	maxSheetXML = 16 << 20 // excelize.StreamChunkSize, its default UnzipXMLSizeLimit
	maxUnzipped = 256 << 20
)

// workbookFits refuses an XLSX upload that would not be read in memory
// within the limits. A file that is not a zip is left to sheet.Read, whose
// error says so.
func workbookFits(data []byte, name string) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 >= maxSheetXML || total > maxUnzipped {
			return errorf(http.StatusRequestEntityTooLarge, "%s: bảng quá lớn khi giải nén (%s); tách thành nhiều tệp nhỏ hơn",
				"%s: the workbook is too large once unzipped (%s); split it into smaller files", name, f.Name)
		}
	}
	return nil
}

// fileName is the name of an upload, or def for one sent without a name.
func fileName(u upload, def string) string {
	if u.name == "" {
		return def
	}
	return u.name
}

// write writes the roll-up in a format of chiso rollup (md, csv, json,
// html, svg, xlsx), through the command's own writer.
func (r *rollup) write(w io.Writer, format string, lang numeral.Language) error {
	return writeRollup(w, &env{lang: lang}, r.res, r.ids, r.ranked, format, r.level, r.levelOn, r.method)
}

// apiRollup answers POST /api/rollup: a multipart form with the file
// actuals (.xlsx or .csv) and optionally plans, or a raw workbook as the
// body (Content-Type of XLSX or text/csv), with the options of chiso rollup
// as fields or query parameters (level, indicator, rank, list, sep,
// spreadsheet, as-of, lang, format: json by default, or csv, md, xlsx).
func (s *server) apiRollup(w http.ResponseWriter, r *http.Request) {
	lang, err := language(r.URL.Query().Get("lang"))
	var fields map[string]upload
	if err == nil {
		fields, err = rollupFields(w, r)
	}
	if err != nil {
		writeJSONError(w, err, lang)
		return
	}
	if lang, err = language(formValue(fields, r.URL.Query(), "lang", "")); err != nil {
		writeJSONError(w, err, lang)
		return
	}
	q := newRollupRequest(fields, r.URL.Query())
	format := formValue(fields, r.URL.Query(), "format", "json")
	done, err := s.turn(w, r)
	if err != nil {
		writeJSONError(w, err, lang)
		return
	}
	defer done()
	res, err := q.do()
	var buf bytes.Buffer
	if err == nil {
		switch format {
		case "json", "csv", "md", "xlsx":
			err = res.write(&buf, format, lang)
		default:
			err = usagef("format %q: want json, csv, md or xlsx", format)
		}
	}
	if err != nil {
		writeJSONError(w, err, lang)
		return
	}
	w.Header().Set("Content-Type", map[string]string{"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8",
		"md": "text/markdown; charset=utf-8", "xlsx": xlsxType}[format])
	if format == "xlsx" {
		w.Header().Set("Content-Disposition", `attachment; filename="xep-hang.xlsx"`)
	}
	w.Write(buf.Bytes())
}

// formValue is the field k of a form, or else the query parameter k, or
// else def.
func formValue(fields map[string]upload, q url.Values, k, def string) string {
	if f, ok := fields[k]; ok && f.name == "" && len(f.data) > 0 {
		return string(f.data)
	}
	if v := q.Get(k); v != "" {
		return v
	}
	return def
}

// xlsxType is the media type of an XLSX workbook.
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// rollupFields reads the files of a roll-up: a form, or a raw workbook.
func rollupFields(w http.ResponseWriter, r *http.Request) (map[string]upload, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case xlsxType, "text/csv":
		b, err := readBody(w, r, maxWorkbook)
		if err != nil {
			return nil, err
		}
		name := "actuals.csv"
		if mt == xlsxType {
			name = "actuals.xlsx"
		}
		return map[string]upload{"actuals": {name: name, data: b}}, nil
	}
	return readForm(w, r, maxWorkbook)
}

// rollupView is a roll-up as the page shows it: a table and a chart per
// indicator, the repairs, and the workbook to download.
type rollupView struct {
	File     string
	AsOf     string
	Repairs  []string
	Tables   []tableView
	Download template.URL // the XLSX workbook as a data: URL, so that nothing is kept on the server
}

// tableView is one indicator's ranked table and its chart.
type tableView struct {
	Title   string
	Columns [5]string
	Rows    []rowView
	Chart   template.URL // the SVG chart as a data: URL, shown by <img> (where no script runs)
}

// rowView is one row of a table, written for people.
type rowView struct {
	Rank, Code, Unit, Actual, Plan, Attainment string
}

// newRollupView lays out a roll-up for the page.
func newRollupView(r *rollup, file string, lang numeral.Language) (*rollupView, error) {
	v := &rollupView{File: file, AsOf: r.res.AsOf().Format("02/01/2006")}
	for _, rep := range r.repairs {
		v.Repairs = append(v.Repairs, rep.Text(lang))
	}
	cat := r.res.Catalogue()
	for _, id := range r.ids {
		ind, _ := cat.Lookup(id)
		rows := r.ranked(id)
		t := tableView{Title: fmt.Sprintf("%s, %s", ind.Name, v.AsOf), Columns: report.ColumnNames(lang)}
		for i, row := range report.RollupRows(rows) {
			rv := rowView{Code: row.Unit.Code.String(), Unit: row.Unit.FullName(), Actual: "-", Plan: "-", Attainment: row.Text(lang)}
			if row.Rank > 0 {
				rv.Rank = numeral.FormatInt(int64(row.Rank), lang)
			}
			if row.HasActual {
				rv.Actual = numeral.FormatInt(rows[i].Actual, lang)
			}
			if row.HasPlan {
				rv.Plan = numeral.FormatInt(rows[i].Plan, lang)
			}
			t.Rows = append(t.Rows, rv)
		}
		var svg bytes.Buffer
		if err := report.WriteSVG(&svg, t.Title, rows); err != nil {
			return nil, err
		}
		t.Chart = dataURL("image/svg+xml", svg.Bytes())
		v.Tables = append(v.Tables, t)
	}
	var book bytes.Buffer
	if err := r.write(&book, "xlsx", lang); err != nil {
		return nil, err
	}
	v.Download = dataURL(xlsxType, book.Bytes())
	return v, nil
}

// dataURL is b as a data: URL of media type mt. It is built here from
// bytes the server wrote, so it is safe to mark as a URL.
func dataURL(mt string, b []byte) template.URL {
	var s strings.Builder
	s.WriteString("data:" + mt + ";base64,")
	s.WriteString(base64.StdEncoding.EncodeToString(b))
	return template.URL(s.String())
}
