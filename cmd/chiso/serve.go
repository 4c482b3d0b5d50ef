package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"github.com/chiso-vn/chiso/claim"
	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/region"
)

// The limits of the service. An article is a few pages of text; a
// provincial workbook a few megabytes. Bodies over a limit get 413.
const (
	maxArticle     = 4 << 20  // bytes of an article (POST /api/check, the page's form)
	maxWorkbook    = 16 << 20 // bytes of a multipart upload or a raw workbook (POST /api/rollup, the page's workbook form)
	requestTimeout = 20 * time.Second
	shutdownGrace  = 10 * time.Second
)

// runServe serves the page and the JSON API until SIGINT or SIGTERM, then
// lets requests in flight finish.
func runServe(e *env, args []string) error {
	fs, lang := flags(e)
	addr := fs.String("addr", "127.0.0.1:8080", "the address to listen on, host:port")
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("serve takes no arguments")
	}
	log := slog.New(slog.NewJSONHandler(e.stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           newServer(log),
		ReadHeaderTimeout: 5 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ReadTimeout:       time.Minute,
		WriteTimeout:      time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "addr", ln.Addr().String(), "url", "http://"+ln.Addr().String()+"/")
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	<-done
	log.Info("stopped")
	return nil
}

// newServer returns the handler of the page and the API. It keeps nothing
// of a request once answered and writes no file: every request is read
// into memory within its limit, waits for a turn (see [server]), is
// answered and forgotten, so it is safe for concurrent use.
func newServer(log *slog.Logger) http.Handler { return newServerWithin(log, requestTimeout) }

// newServerWithin is newServer with each request given at most timeout:
// past it the client gets 503 (the work of a check is not interrupted, but
// its answer is dropped).
func newServerWithin(log *slog.Logger, timeout time.Duration) http.Handler {
	s := &server{turns: make(chan struct{}, runtime.GOMAXPROCS(0)), wait: turnWait}
	return s.handler(log, timeout)
}

// server is the page and the API. Its one state is the turns it gives to
// the work of requests: checking an article or rolling up a workbook is
// CPU work (about half a second a megabyte of article), so no more run at
// once than there are cores, and a burst of large requests waits in line
// rather than holding every core and the memory of every check. A request
// takes its turn after its body is read, so that a slow upload holds none.
type server struct {
	turns chan struct{}
	wait  time.Duration // the longest a request waits for a turn
}

// turnWait is how long a request waits for a turn before it gets 503.
const turnWait = 10 * time.Second

func (s *server) handler(log *slog.Logger, timeout time.Duration) http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(webFiles, "web/static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", servePage)
	mux.HandleFunc("POST /{$}", s.serveCheckForm)
	mux.HandleFunc("POST /rollup", s.serveRollupForm)
	mux.HandleFunc("POST /api/check", s.apiCheck)
	mux.HandleFunc("POST /api/rollup", s.apiRollup)
	mux.HandleFunc("GET /api/units", apiUnits)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	late := numeral.Words{Vi: "Yêu cầu quá thời hạn", En: "The request took too long"}
	h := http.TimeoutHandler(mux, timeout, late.Vi+" / "+late.En+"\n")
	return logged(log, secured(h))
}

// turn waits for a turn to do r's work and returns the function that
// gives it back. It waits at most s.wait, and never past a second before
// the request's deadline, so that a client kept waiting is told the server
// is busy (503 with Retry-After) rather than that its request took too
// long; a free turn is taken at once, however late.
func (s *server) turn(w http.ResponseWriter, r *http.Request) (func(), error) {
	release := func() { <-s.turns }
	select {
	case s.turns <- struct{}{}:
		return release, nil
	default:
	}
	wait := s.wait
	if dl, ok := r.Context().Deadline(); ok {
		wait = min(wait, time.Until(dl)-time.Second)
	}
	if wait > 0 {
		t := time.NewTimer(wait)
		defer t.Stop()
		select {
		case s.turns <- struct{}{}:
			return release, nil
		case <-t.C:
		case <-r.Context().Done():
		}
	}
	w.Header().Set("Retry-After", strconv.Itoa(max(1, int(s.wait/time.Second))))
	return nil, errorf(http.StatusServiceUnavailable, "máy chủ đang bận: thử lại sau ít giây", "the server is busy: try again in a few seconds")
}

// secured sets the headers that keep the page to itself: scripts, styles
// and forms only from this server, images from it or data: URLs (the
// chart and the download), no framing, no content sniffing.
func secured(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// logged logs one line per request and turns a panic into a 500.
func logged(log *slog.Logger, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(v))
				if !sw.wrote {
					http.Error(sw, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
				}
			}
			log.Info("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
				"bytes_in", r.ContentLength, "bytes_out", sw.n, "duration_ms", time.Since(start).Milliseconds(), "remote", r.RemoteAddr)
		}()
		h.ServeHTTP(sw, r)
	})
}

// statusWriter records the status and size of a response for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	n      int64
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	n, err := w.ResponseWriter.Write(b)
	w.n += int64(n)
	return n, err
}

// httpError is a request the service refuses, with its status and the
// reason in both languages.
type httpError struct {
	status int
	msg    numeral.Words
}

func (e *httpError) Error() string { return e.msg.En }

func errorf(status int, vi, en string, args ...any) *httpError {
	return &httpError{status, numeral.Words{Vi: fmt.Sprintf(vi, args...), En: fmt.Sprintf(en, args...)}}
}

// tooLarge is the 413 of a body over limit bytes.
func tooLarge(limit int64) *httpError {
	mb := numeral.FormatInt(limit>>20, numeral.Vietnamese)
	return errorf(http.StatusRequestEntityTooLarge, "nội dung gửi lên quá lớn: tối đa %s MB", "the body is too large: at most %s MB", mb)
}

// readBody reads r's body, at most limit bytes.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	if r.ContentLength > limit {
		return nil, tooLarge(limit)
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return nil, tooLarge(limit)
	}
	if err != nil {
		return nil, errorf(http.StatusBadRequest, "không đọc được nội dung gửi lên: %v", "cannot read the body: %v", err)
	}
	return b, nil
}

// article checks that b is an article chiso can read: UTF-8 text.
func article(b []byte) (string, error) {
	if !utf8.Valid(b) {
		return "", errorf(http.StatusBadRequest, "bài báo phải là văn bản UTF-8", "the article must be UTF-8 text")
	}
	return string(b), nil
}

// language reads a lang parameter: vi (the default, also for "") or en.
func language(s string) (numeral.Language, error) {
	switch s {
	case "", "vi":
		return numeral.Vietnamese, nil
	case "en":
		return numeral.English, nil
	}
	return numeral.Vietnamese, errorf(http.StatusBadRequest, "lang %q: chọn vi hoặc en", "lang %q: want vi or en", s)
}

// writeJSONError answers a program with {"error": "..."} and the status of
// err: its own for an *httpError, 422 for input that cannot be read, 500
// otherwise.
func writeJSONError(w http.ResponseWriter, err error, lang numeral.Language) {
	status, msg := errorStatus(err, lang)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(struct {
		Error string `json:"error"`
	}{msg})
}

// errorStatus gives the status and the message of err in lang.
func errorStatus(err error, lang numeral.Language) (int, string) {
	var he *httpError
	var ue usageError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg.In(lang)
	case errors.As(err, &ue):
		return http.StatusBadRequest, err.Error()
	}
	return http.StatusUnprocessableEntity, err.Error()
}

// apiCheck answers POST /api/check: an article as text/plain in, its
// findings out as chiso check --format json writes them, each figure with
// its position in the body.
func (s *server) apiCheck(w http.ResponseWriter, r *http.Request) {
	lang, err := language(r.URL.Query().Get("lang"))
	if err == nil {
		err = plainText(r)
	}
	var body []byte
	if err == nil {
		body, err = readBody(w, r, maxArticle)
	}
	var text string
	if err == nil {
		text, err = article(body)
	}
	if err == nil && len(body) == 0 {
		err = errorf(http.StatusBadRequest, "nội dung trống: gửi bài báo dạng text/plain", "empty body: send the article as text/plain")
	}
	var done func()
	if err == nil {
		done, err = s.turn(w, r)
	}
	if err != nil {
		writeJSONError(w, err, lang)
		return
	}
	defer done()
	all, _ := claim.CheckSummary(text)
	var buf bytes.Buffer
	if err := claim.WriteFindingsJSON(&buf, claim.FailingFirst(all), lang); err != nil {
		writeJSONError(w, err, lang)
		return
	}
	b := buf.Bytes()
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write(b)
}

// plainText refuses a body that says it is not plain text.
func plainText(r *http.Request) error {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return nil
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err == nil && mt == "text/plain" && (params["charset"] == "" || strings.EqualFold(params["charset"], "utf-8")) {
		return nil
	}
	return errorf(http.StatusUnsupportedMediaType, "Content-Type %q: gửi bài báo dạng text/plain; charset=utf-8",
		"Content-Type %q: send the article as text/plain; charset=utf-8", ct)
}

// unitJSON is a unit as GET /api/units gives it.
type unitJSON struct {
	Code  string `json:"code"`
	Name  string `json:"name"`  // official name: "Thị trấn Cao Lộc"
	Kind  string `json:"kind"`  // "thị trấn"
	Level string `json:"level"` // tinh, huyen or xa
	Path  string `json:"path"`  // the units above it, nearest first
}

// apiUnits answers GET /api/units?q=NAME[&as-of=YYYY-MM-DD]: the units
// region.Hierarchy.Find finds in the list in force on the date (today by
// default), as a JSON array, empty when none.
func apiUnits(w http.ResponseWriter, r *http.Request) {
	lang, err := language(r.URL.Query().Get("lang"))
	q := r.URL.Query().Get("q")
	if err == nil && q == "" {
		err = errorf(http.StatusBadRequest, "thiếu tham số q: tên đơn vị cần tìm", "missing parameter q: the name to find")
	}
	if err == nil && len(q) > 256 {
		err = errorf(http.StatusBadRequest, "tham số q quá dài", "parameter q is too long")
	}
	date := time.Now()
	if s := r.URL.Query().Get("as-of"); err == nil && s != "" {
		date, err = parseDate("as-of", s)
	}
	var h *region.Hierarchy
	if err == nil {
		if h, err = region.At(date); err != nil {
			err = errorf(http.StatusBadRequest, "%v", "%v", err)
		}
	}
	if err != nil {
		writeJSONError(w, err, lang)
		return
	}
	out := []unitJSON{}
	for _, u := range h.Find(q) {
		lvl, _ := u.Kind.Level().MarshalText()
		out = append(out, unitJSON{Code: u.Code.String(), Name: u.OfficialName(), Kind: u.Kind.String(), Level: string(lvl), Path: path(h, u)})
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(out)
}
