package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chiso-vn/chiso/claim"
)

// testServer is the service's handler with its log kept for the test.
func testServer(t *testing.T) (http.Handler, *syncBuffer) {
	t.Helper()
	log := &syncBuffer{}
	return newServer(slog.New(slog.NewJSONHandler(log, nil))), log
}

// serve sends one request to h and returns the response.
func serve(h http.Handler, method, target, contentType string, body io.Reader) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, body)
	if contentType != "" {
		r.Header.Set("Content-Type", contentType)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// form builds a multipart form of fields and files (name → file name,
// content).
func form(t *testing.T, fields map[string]string, files map[string][2]string) (string, *bytes.Buffer) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	for k, f := range files {
		w, err := mw.CreateFormFile(k, f[0])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, f[1])
	}
	mw.Close()
	return mw.FormDataContentType(), &b
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const langson = "../../examples/langson/article.txt"

// wantStatus fails the test unless w has status code.
func wantStatus(t *testing.T, w *httptest.ResponseRecorder, code int) {
	t.Helper()
	if w.Code != code {
		t.Errorf("status %d, want %d; body:\n%.600s", w.Code, code, w.Body.String())
	}
}

// jsonError is the body of an API error.
func jsonError(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	var e struct{ Error string }
	if err := json.Unmarshal(w.Body.Bytes(), &e); err != nil || e.Error == "" {
		t.Errorf("error body %q is not {\"error\": ...}: %v", w.Body.String(), err)
	}
	return e.Error
}

func TestServeHealthzStaticAndPage(t *testing.T) {
	h, log := testServer(t)
	w := serve(h, "GET", "/healthz", "", nil)
	wantStatus(t, w, http.StatusOK)
	if w.Body.String() != "ok\n" {
		t.Errorf("/healthz: %q", w.Body.String())
	}
	for _, p := range []string{"/static/style.css", "/static/page.js"} {
		wantStatus(t, serve(h, "GET", p, "", nil), http.StatusOK)
	}
	wantStatus(t, serve(h, "GET", "/static/nope.js", "", nil), http.StatusNotFound)
	wantStatus(t, serve(h, "GET", "/nope", "", nil), http.StatusNotFound)
	wantStatus(t, serve(h, "DELETE", "/", "", nil), http.StatusMethodNotAllowed)
	wantStatus(t, serve(h, "GET", "/api/check", "", nil), http.StatusMethodNotAllowed)

	w = serve(h, "GET", "/", "", nil)
	wantStatus(t, w, http.StatusOK)
	for _, want := range []string{`<html lang="vi">`, "Kiểm tra", `<label for="text">`, `href="/static/style.css"`} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("GET /: no %q", want)
		}
	}
	if csp := w.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	w = serve(h, "GET", "/?lang=en", "", nil)
	wantStatus(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), `<html lang="en">`) || !strings.Contains(w.Body.String(), ">Check<") {
		t.Error("GET /?lang=en is not in English")
	}
	wantStatus(t, serve(h, "GET", "/?lang=fr", "", nil), http.StatusBadRequest)
	if !strings.Contains(log.String(), `"msg":"request"`) || !strings.Contains(log.String(), `"path":"/healthz"`) {
		t.Errorf("no structured request log: %s", log.String())
	}
}

// TestServeAPICheck: the Lạng Sơn article in, the JSON of chiso check
// --format json out, each figure at its byte offsets in the body.
func TestServeAPICheck(t *testing.T) {
	h, _ := testServer(t)
	text := readFile(t, langson)
	w := serve(h, "POST", "/api/check", "text/plain; charset=utf-8", strings.NewReader(text))
	wantStatus(t, w, http.StatusOK)
	if ct := w.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	var got []map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	cli, _, _ := chiso(t, "", "check", "--format", "json", langson)
	var want []map[string]any
	if err := json.Unmarshal([]byte(cli), &want); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d findings, chiso check gives %d", len(got), len(want))
	}
	located := 0
	for i := range got {
		spans, _ := got[i]["spans"].([]any)
		delete(got[i], "spans")
		delete(want[i], "spans")
		g, _ := json.Marshal(got[i])
		x, _ := json.Marshal(want[i])
		if !bytes.Equal(g, x) {
			t.Errorf("finding %d:\n got %s\nwant %s", i, g, x)
		}
		figures, _ := got[i]["figures"].([]any)
		if len(spans) == 0 {
			continue // a figure not printed as such ("vượt 100%" for "vượt chỉ tiêu")
		}
		if len(spans) != len(figures) {
			t.Errorf("finding %d: %d spans for %d figures", i, len(spans), len(figures))
			continue
		}
		for k, s := range spans {
			s := s.(map[string]any)
			if s["line"].(float64) == 0 {
				continue // not printed as such: "vượt 100%" read from "vượt chỉ tiêu"
			}
			start, end := int(s["start"].(float64)), int(s["end"].(float64))
			if text[start:end] != figures[k] {
				t.Errorf("finding %d: body[%d:%d] is %q, want %q", i, start, end, text[start:end], figures[k])
			}
			if s["line"].(float64) < 1 || s["column"].(float64) < 1 {
				t.Errorf("finding %d: span %v", i, s)
			}
			located++
		}
	}
	if located < 20 {
		t.Errorf("only %d figures located", located)
	}

	w = serve(h, "POST", "/api/check?lang=en", "", strings.NewReader(text))
	wantStatus(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), "but the article prints 164%") && !strings.Contains(w.Body.String(), "164%") {
		t.Errorf("lang=en: %.300s", w.Body.String())
	}
}

func TestServeAPICheckErrors(t *testing.T) {
	h, _ := testServer(t)
	for _, tt := range []struct {
		name, target, ct string
		body             io.Reader
		code             int
	}{
		{"empty", "/api/check", "text/plain", strings.NewReader(""), http.StatusBadRequest},
		{"not UTF-8", "/api/check", "text/plain", strings.NewReader("hơn 741.000 \xff"), http.StatusBadRequest},
		{"JSON", "/api/check", "application/json", strings.NewReader(`{"text": "x"}`), http.StatusUnsupportedMediaType},
		{"Latin-1", "/api/check", "text/plain; charset=iso-8859-1", strings.NewReader("x"), http.StatusUnsupportedMediaType},
		{"language", "/api/check?lang=fr", "text/plain", strings.NewReader("x"), http.StatusBadRequest},
		{"30 MB", "/api/check", "text/plain", bytes.NewReader(make([]byte, 30<<20)), http.StatusRequestEntityTooLarge},
		// Without a Content-Length the limit is met while reading.
		{"30 MB streamed", "/api/check", "text/plain", io.LimitReader(zeros{}, 30<<20), http.StatusRequestEntityTooLarge},
		{"just over", "/api/check", "text/plain", io.LimitReader(zeros{}, maxArticle+1), http.StatusRequestEntityTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(h, "POST", tt.target, tt.ct, tt.body)
			wantStatus(t, w, tt.code)
			msg := jsonError(t, w)
			if tt.code == http.StatusRequestEntityTooLarge && !strings.Contains(msg, "4 MB") {
				t.Errorf("413 without the limit: %q", msg)
			}
		})
	}
	// At the limit is fine.
	w := serve(h, "POST", "/api/check", "text/plain", io.LimitReader(spaces{}, maxArticle))
	wantStatus(t, w, http.StatusOK)
}

// bigForm is a multipart form with a file of n zero bytes, streamed
// without a Content-Length, as a browser sends a large file.
func bigForm(n int64) io.Reader {
	return io.MultiReader(strings.NewReader("--x\r\nContent-Disposition: form-data; name=\"actuals\"; filename=\"big.xlsx\"\r\n\r\n"),
		io.LimitReader(zeros{}, n), strings.NewReader("\r\n--x--\r\n"))
}

const bigFormType = "multipart/form-data; boundary=x"

// zeros and spaces are endless bodies without a Content-Length.
type (
	zeros  struct{}
	spaces struct{}
)

func (zeros) Read(b []byte) (int, error) { clear(b); return len(b), nil }
func (spaces) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = ' '
	}
	return len(b), nil
}

// TestServeCheckForm: the page's form, without JavaScript.
func TestServeCheckForm(t *testing.T) {
	h, _ := testServer(t)
	ct, body := form(t, map[string]string{"text": readFile(t, langson)}, nil)
	w := serve(h, "POST", "/", ct, body)
	wantStatus(t, w, http.StatusOK)
	page := w.Body.String()
	for _, want := range []string{
		`<p id="summary"><strong>`, `<strong class="bad">2</strong> không khớp`, // the summary
		`class="fig bad"`, `>164%</a>`, // figures underlined, failing ones marked
		"nhưng bài in 164%, tức [163,5; 164,5)%",                             // the finding in words
		`<q>164%</q> nghĩa là <span class="interval">[163,5; 164,5)%</span>`, // a step
		"Chú giải", // the legend
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page has no %q", want)
		}
	}

	// A pasted <script> is text, in the article and in the textarea.
	ct, body = form(t, map[string]string{"text": `<script>alert("x")</script> hơn 741.000 tài khoản "đạt" 164% kế hoạch`}, nil)
	w = serve(h, "POST", "/", ct, body)
	wantStatus(t, w, http.StatusOK)
	if strings.Contains(w.Body.String(), `<script>alert`) || !strings.Contains(w.Body.String(), `&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`) {
		t.Errorf("a pasted <script> is not escaped:\n%s", w.Body.String())
	}

	// A .txt file instead of pasted text, and the page in English.
	ct, body = form(t, map[string]string{"lang": "en"}, map[string][2]string{"file": {"bai.txt", "Toàn tỉnh có hơn 741.000 tài khoản (đạt 164% kế hoạch)."}})
	w = serve(h, "POST", "/", ct, body)
	wantStatus(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), `<html lang="en">`) || !strings.Contains(w.Body.String(), `>hơn 741.000</a>`) {
		t.Errorf("a .txt file in English: %.2000s", w.Body.String())
	}

	// The language toggle posts the text urlencoded.
	w = serve(h, "POST", "/", "application/x-www-form-urlencoded", strings.NewReader("lang=en&text=h%C6%A1n+741.000+t%C3%A0i+kho%E1%BA%A3n"))
	wantStatus(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), "figures read") {
		t.Error("urlencoded form in English: no summary")
	}

	for _, tt := range []struct {
		name, ct string
		body     io.Reader
		code     int
	}{
		{"too large", bigFormType, bigForm(maxArticle), http.StatusRequestEntityTooLarge},
		{"not a form", "text/plain", strings.NewReader("hơn 741.000"), http.StatusUnsupportedMediaType},
		{"broken multipart", "multipart/form-data; boundary=x", strings.NewReader("--y\r\n"), http.StatusBadRequest},
		{"language", "application/x-www-form-urlencoded", strings.NewReader("lang=fr&text=x"), http.StatusBadRequest},
		{"not UTF-8", "application/x-www-form-urlencoded", strings.NewReader("text=%FF"), http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := serve(h, "POST", "/", tt.ct, tt.body)
			wantStatus(t, w, tt.code)
			if !strings.Contains(w.Body.String(), `role="alert"`) {
				t.Errorf("the page shows no error: %.500s", w.Body.String())
			}
		})
	}
}

// TestServeRollup: the workbook form and POST /api/rollup give what chiso
// rollup gives.
func TestServeRollup(t *testing.T) {
	h, _ := testServer(t)
	book := readFile(t, fixture)
	ct, body := form(t, map[string]string{"level": "xa"}, map[string][2]string{"actuals": {"tien-do.xlsx", book}})
	w := serve(h, "POST", "/rollup", ct, body)
	wantStatus(t, w, http.StatusOK)
	page := w.Body.String()
	for _, want := range []string{"<table>", "xã Bắc Xa", "303%", `src="data:image/svg`, `href="data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,`, "Những chỗ đã sửa"} {
		if !strings.Contains(page, want) {
			t.Errorf("the roll-up page has no %q", want)
		}
	}

	cli, _, code := chiso(t, "", "rollup", "--actuals", fixture, "--level", "tinh", "--indicator", "tmdt", "--format", "json", "--lang", "en")
	if code != exitOK {
		t.Fatal(code)
	}
	ct, body = form(t, map[string]string{"level": "tinh", "indicator": "tmdt", "lang": "en"}, map[string][2]string{"actuals": {"tien-do.xlsx", book}})
	w = serve(h, "POST", "/api/rollup", ct, body)
	wantStatus(t, w, http.StatusOK)
	if w.Body.String() != cli {
		t.Errorf("POST /api/rollup:\n%s\nchiso rollup:\n%s", w.Body.String(), cli)
	}
	// A raw workbook, options in the query.
	w = serve(h, "POST", "/api/rollup?level=tinh&indicator=tmdt&lang=en", xlsxType, strings.NewReader(book))
	wantStatus(t, w, http.StatusOK)
	if w.Body.String() != cli {
		t.Errorf("POST /api/rollup with a raw workbook:\n%s", w.Body.String())
	}
	w = serve(h, "POST", "/api/rollup?format=xlsx", xlsxType, strings.NewReader(book))
	wantStatus(t, w, http.StatusOK)
	if !bytes.HasPrefix(w.Body.Bytes(), []byte("PK")) || w.Header().Get("Content-Type") != xlsxType {
		t.Errorf("format=xlsx: %q %.20q", w.Header().Get("Content-Type"), w.Body.String())
	}
	// CSV actuals with CSV plans as Excel writes them, as the command reads them.
	plans := readFile(t, "testdata/plans.csv")
	actuals := "unit;indicator;date;value\n06619;thanh_toan_dt;30/06/2024;2.120\n06187;thanh_toan_dt;30/06/2024;1200\n"
	ct, body = form(t, map[string]string{"sep": ";", "spreadsheet": "true", "level": "xa", "indicator": "thanh_toan_dt", "format": "csv"},
		map[string][2]string{"actuals": {"a.csv", actuals}, "plans": {"plans.csv", plans}})
	w = serve(h, "POST", "/api/rollup", ct, body)
	wantStatus(t, w, http.StatusOK)
	if !strings.Contains(w.Body.String(), "06619") {
		t.Errorf("CSV roll-up: %s", w.Body.String())
	}
}

func TestServeRollupErrors(t *testing.T) {
	h, _ := testServer(t)
	book := readFile(t, fixture)
	for _, tt := range []struct {
		name   string
		fields map[string]string
		files  map[string][2]string
		code   int
	}{
		{"no file", map[string]string{"level": "xa"}, nil, http.StatusBadRequest},
		{"wrong kind of file", nil, map[string][2]string{"actuals": {"a.pdf", "%PDF"}}, http.StatusBadRequest},
		{"not a workbook", nil, map[string][2]string{"actuals": {"a.xlsx", "not a zip"}}, http.StatusUnprocessableEntity},
		{"bad level", map[string]string{"level": "thon"}, map[string][2]string{"actuals": {"a.xlsx", book}}, http.StatusBadRequest},
		{"bad rank", map[string]string{"rank": "best"}, map[string][2]string{"actuals": {"a.xlsx", book}}, http.StatusBadRequest},
		{"bad list", map[string]string{"list": "1999"}, map[string][2]string{"actuals": {"a.xlsx", book}}, http.StatusBadRequest},
		{"unknown indicator", map[string]string{"indicator": "xyz"}, map[string][2]string{"actuals": {"a.xlsx", book}}, http.StatusBadRequest},
		{"several indicators as JSON", map[string]string{"level": "xa"}, map[string][2]string{"actuals": {"a.xlsx", book}}, http.StatusBadRequest},
		{"bad format", map[string]string{"format": "pdf", "indicator": "tmdt"}, map[string][2]string{"actuals": {"a.xlsx", book}}, http.StatusBadRequest},
		{"bad language", map[string]string{"lang": "fr"}, map[string][2]string{"actuals": {"a.xlsx", book}}, http.StatusBadRequest},
		{"CSV without plans", nil, map[string][2]string{"actuals": {"a.csv", "unit,indicator,date,value\n06619,tmdt,2024-06-30,5\n"}}, http.StatusBadRequest},
		{"bad CSV", nil, map[string][2]string{"actuals": {"a.csv", "unit,indicator,date,value\n99999,tmdt,2024-06-30,5\n"}}, http.StatusUnprocessableEntity},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ct, body := form(t, tt.fields, tt.files)
			w := serve(h, "POST", "/api/rollup", ct, bytes.NewReader(body.Bytes()))
			wantStatus(t, w, tt.code)
			jsonError(t, w)
			// The page shows the same error with the same status.
			w = serve(h, "POST", "/rollup", ct, body)
			if tt.name != "several indicators as JSON" && tt.name != "bad format" {
				wantStatus(t, w, tt.code)
				if !strings.Contains(w.Body.String(), `role="alert"`) {
					t.Errorf("the page shows no error")
				}
			}
		})
	}
	// A workbook whose sheet unzips past what excelize keeps in memory.
	var bomb bytes.Buffer
	zw := zip.NewWriter(&bomb)
	sw, _ := zw.Create("xl/worksheets/sheet1.xml")
	io.Copy(sw, io.LimitReader(zeros{}, maxSheetXML))
	zw.Close()
	w := serve(h, "POST", "/api/rollup?lang=en", xlsxType, &bomb)
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	if !strings.Contains(jsonError(t, w), "unzipped") {
		t.Errorf("a zip bomb: %s", w.Body.String())
	}
	w = serve(h, "POST", "/api/rollup", xlsxType, io.LimitReader(zeros{}, 30<<20))
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	jsonError(t, w)
	w = serve(h, "POST", "/rollup", bigFormType, bigForm(30<<20))
	wantStatus(t, w, http.StatusRequestEntityTooLarge)
	w = serve(h, "POST", "/api/rollup", "application/json", strings.NewReader("{}"))
	wantStatus(t, w, http.StatusUnsupportedMediaType)
}

func TestServeAPIUnits(t *testing.T) {
	h, _ := testServer(t)
	w := serve(h, "GET", "/api/units?q=Qu%E1%BA%BF+V%C3%B5&as-of=2025-03-01", "", nil)
	wantStatus(t, w, http.StatusOK)
	var units []unitJSON
	if err := json.Unmarshal(w.Body.Bytes(), &units); err != nil {
		t.Fatal(err)
	}
	if len(units) != 1 || units[0].Code != "259" || units[0].Name != "Thị xã Quế Võ" || units[0].Path != "Tỉnh Bắc Ninh" {
		t.Errorf("units: %+v", units)
	}
	w = serve(h, "GET", "/api/units?q=khong+co+dau", "", nil)
	wantStatus(t, w, http.StatusOK)
	if strings.TrimSpace(w.Body.String()) != "[]" {
		t.Errorf("no match: %s", w.Body.String())
	}
	for _, target := range []string{"/api/units", "/api/units?q=" + strings.Repeat("a", 300), "/api/units?q=x&as-of=mai", "/api/units?q=x&as-of=2020-01-01", "/api/units?q=x&lang=de"} {
		w := serve(h, "GET", target, "", nil)
		wantStatus(t, w, http.StatusBadRequest)
		jsonError(t, w)
	}
}

// TestServeTimeout: a request past its time gets 503.
func TestServeTimeout(t *testing.T) {
	h := newServerWithin(slog.New(slog.NewJSONHandler(io.Discard, nil)), time.Nanosecond)
	w := serve(h, "POST", "/api/check", "text/plain", strings.NewReader(strings.Repeat(readFile(t, langson), 50)))
	wantStatus(t, w, http.StatusServiceUnavailable)
	if !strings.Contains(w.Body.String(), "took too long") {
		t.Errorf("503 body %q", w.Body.String())
	}
}

// TestServePanic: a handler that panics gives a 500 and a log line, and
// the server goes on.
func TestServePanic(t *testing.T) {
	var log bytes.Buffer
	h := logged(slog.New(slog.NewJSONHandler(&log, nil)), http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("boom") }))
	w := serve(h, "GET", "/", "", nil)
	wantStatus(t, w, http.StatusInternalServerError)
	if !strings.Contains(log.String(), `"panic":"boom"`) || !strings.Contains(log.String(), `"status":500`) {
		t.Errorf("log: %s", log.String())
	}
}

// TestServeConcurrent checks articles concurrently (run with -race): each
// answer is the one a lone request gets.
func TestServeConcurrent(t *testing.T) {
	h, _ := testServer(t)
	texts := []string{readFile(t, langson), readFile(t, "../../claim/testdata/texts/thainguyen.txt")}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = serve(h, "POST", "/api/check", "text/plain", strings.NewReader(s)).Body.String()
	}
	var wg sync.WaitGroup
	for i := range 32 {
		wg.Go(func() {
			k := i % len(texts)
			if got := serve(h, "POST", "/api/check", "text/plain", strings.NewReader(texts[k])).Body.String(); got != want[k] {
				t.Errorf("request %d differs", i)
			}
		})
	}
	wg.Wait()
}

// TestServeCommand runs chiso serve on a free loopback port, asks
// /healthz, then stops it with SIGINT as a person would with Ctrl-C.
func TestServeCommand(t *testing.T) {
	out, errs := &syncBuffer{}, &syncBuffer{}
	code := make(chan int, 1)
	go func() { code <- run([]string{"serve", "--addr", "127.0.0.1:0"}, strings.NewReader(""), out, errs) }()
	var addr string
	deadline := time.Now().Add(10 * time.Second)
	for addr == "" && time.Now().Before(deadline) {
		if m := regexp.MustCompile(`"addr":"([^"]+)"`).FindStringSubmatch(errs.String()); m != nil {
			addr = m[1]
		}
		time.Sleep(10 * time.Millisecond)
	}
	if addr == "" {
		t.Fatalf("chiso serve did not start: %s", errs.String())
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz: %s", resp.Status)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("exit status %d; stderr:\n%s", c, errs.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("chiso serve did not stop on SIGINT")
	}
	sc := bufio.NewScanner(strings.NewReader(errs.String()))
	var msgs []string
	for sc.Scan() {
		var line struct{ Msg string }
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Errorf("log line %q is not JSON", sc.Text())
		}
		msgs = append(msgs, line.Msg)
	}
	if strings.Join(msgs, ",") != "listening,request,shutting down,stopped" {
		t.Errorf("log messages %q", msgs)
	}
	if _, _, c := chiso(t, "", "serve", "extra"); c != exitUsage {
		t.Errorf("chiso serve extra: exit %d", c)
	}
	if _, _, c := chiso(t, "", "serve", "--addr", "256.0.0.1:99999"); c != exitUsage {
		t.Errorf("a bad address: exit %d", c)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestCheckView: what the page shows of the Lạng Sơn article, every
// figure at the place claim.Check gives it.
func TestCheckView(t *testing.T) {
	v := newCheckView(readFile(t, langson), 0)
	var joined strings.Builder
	for _, r := range v.Runs {
		joined.WriteString(r.Text)
	}
	if joined.String() != readFile(t, langson) {
		t.Error("the runs are not the article")
	}
	if v.Checked != len(claim.Check(readFile(t, langson))) || v.Failing != 2 || v.Figures < 20 {
		t.Errorf("summary %d figures, %d checked, %d failing", v.Figures, v.Checked, v.Failing)
	}
}

// FuzzCheckView checks that the page's view of any text is the text: the
// runs put together give it back, marks do not overlap, and every mark
// and finding points at the other.
func FuzzCheckView(f *testing.F) {
	f.Add("Đến nay cả tỉnh đã cài đặt được hơn 741.000 tài khoản (đạt 164% kế hoạch). Trong đó: hơn 217.000 tài khoản, đạt 144% kế hoạch.")
	f.Add("hơn 217.00 tài khoản <script>x</script> 19/218 địa phương, 199 địa phương còn lại")
	f.Add("\u00a0164%\u00a0\r\n 60,5% 1.2.3")
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 4096 {
			return
		}
		v := newCheckView(text, 0)
		var b strings.Builder
		marks := map[int]*markView{}
		for _, r := range v.Runs {
			b.WriteString(r.Text)
			if r.Mark != nil {
				if r.Text == "" {
					t.Fatal("an empty mark")
				}
				marks[r.Mark.ID] = r.Mark
			}
		}
		if b.String() != text {
			t.Fatalf("runs %q, text %q", b.String(), text)
		}
		for _, fv := range v.Findings {
			for _, id := range fv.Marks {
				m, ok := marks[id]
				if !ok {
					t.Fatalf("finding %d names mark %d, not in the text", fv.ID, id)
				}
				found := false
				for _, x := range m.Findings {
					found = found || x == fv.ID
				}
				if !found {
					t.Fatalf("mark %d does not name finding %d", id, fv.ID)
				}
			}
		}
	})
}

// TestServeBusy: while every turn is taken, a request that does work waits
// at most the server's wait, then gets 503 with Retry-After, in JSON from
// the API and on the page from the forms; a request that does no work is
// answered at once. When a turn is given back, the next request is served.
func TestServeBusy(t *testing.T) {
	s := &server{turns: make(chan struct{}, 1), wait: 20 * time.Millisecond}
	h := s.handler(slog.New(slog.NewJSONHandler(io.Discard, nil)), time.Minute)
	done, err := s.turn(httptest.NewRecorder(), httptest.NewRequest("POST", "/", nil))
	if err != nil {
		t.Fatal(err)
	}
	article := readFile(t, langson)
	w := serve(h, "POST", "/api/check", "text/plain", strings.NewReader(article))
	wantStatus(t, w, http.StatusServiceUnavailable)
	if w.Header().Get("Retry-After") != "1" || !strings.Contains(jsonError(t, w), "máy chủ đang bận") {
		t.Errorf("busy API: Retry-After %q, body %s", w.Header().Get("Retry-After"), w.Body.String())
	}
	form := url.Values{"text": {article}, "lang": {"en"}}.Encode()
	w = serve(h, "POST", "/", "application/x-www-form-urlencoded", strings.NewReader(form))
	wantStatus(t, w, http.StatusServiceUnavailable)
	if !strings.Contains(w.Body.String(), "the server is busy") || !strings.Contains(w.Body.String(), "hơn 741.000 tài khoản") {
		t.Errorf("busy page: want the message and the article kept, got %.300s", w.Body.String())
	}
	wantStatus(t, serve(h, "GET", "/api/units?q=Cao+L%E1%BB%99c", "", nil), http.StatusOK)
	wantStatus(t, serve(h, "POST", "/api/check", "text/plain", strings.NewReader("")), http.StatusBadRequest)
	done()
	wantStatus(t, serve(h, "POST", "/api/check", "text/plain", strings.NewReader(article)), http.StatusOK)
	if len(s.turns) != 0 {
		t.Errorf("%d turns still taken", len(s.turns))
	}

	// Waiting stops a second before the request's time-out: the client is
	// told the server is busy, not that its request took too long.
	s = &server{turns: make(chan struct{}, 1), wait: time.Minute}
	h = s.handler(slog.New(slog.NewJSONHandler(io.Discard, nil)), 1200*time.Millisecond)
	s.turns <- struct{}{}
	w = serve(h, "POST", "/api/check", "text/plain", strings.NewReader(article))
	wantStatus(t, w, http.StatusServiceUnavailable)
	if w.Header().Get("Retry-After") != "60" || !strings.Contains(jsonError(t, w), "máy chủ đang bận") {
		t.Errorf("busy near the deadline: Retry-After %q, body %s", w.Header().Get("Retry-After"), w.Body.String())
	}
}
