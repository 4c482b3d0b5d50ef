package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// browser returns the path of a Chromium or Chrome to drive, or skips the
// test: $CHISO_BROWSER, else the first of the usual names on $PATH.
// .ci/run installs Debian's chromium when it is missing.
func browser(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("the browser test is skipped with -short")
	}
	if p := os.Getenv("CHISO_BROWSER"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found (install Debian's chromium, as .ci/run does, or set CHISO_BROWSER): skipping the browser test")
	return ""
}

// newBrowser starts a headless browser with a fresh profile and returns a
// context to drive a tab in, cancelled when the test ends.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser(t)),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true), // CI runs as root
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Skipf("cannot start the browser: %v", err)
	}
	return ctx
}

// screenshot saves a PNG of the whole page into the test's temp dir, and
// into $CHISO_SCREENSHOTS when set, to look at.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	save(t, name, png)
}

// save writes a screenshot.
func save(t *testing.T, name string, png []byte) {
	t.Helper()
	dirs := []string{t.TempDir()}
	if d := os.Getenv("CHISO_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s (%d bytes)", p, len(png))
	}
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// do runs steps in the page.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// scripts switches JavaScript on or off in the page.
func scripts(on bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	})
}

// TestBrowser pastes the Lạng Sơn article into the page in a real
// browser, clicks the failing overall-percent finding and checks that the
// printed 164% and the parts it should come from are highlighted together;
// then the same with the keyboard from a figure, and at a phone's width.
func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(newServer(slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()
	text, err := os.ReadFile("../../examples/langson/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("text"), string(text)),
		chromedp.Click(chromedp.ID("check")),
		chromedp.WaitVisible(chromedp.ID("findings")),
	)
	summary := eval[string](t, ctx, `document.getElementById("summary").textContent`)
	// The failing finding on the overall percent: the 164% against its parts.
	failing := eval[string](t, ctx, `([...document.querySelectorAll(".finding.fails")].find(f => f.querySelector(".kind").textContent === "tỷ lệ chung") || {}).id || ""`)
	t.Logf("summary: %s; failing overall-percent finding: %s", summary, failing)
	if failing == "" {
		t.Fatal("no failing overall-percent finding on the page")
	}
	do(t, ctx,
		chromedp.Click(chromedp.CSS("#"+failing+" .show")),
		chromedp.WaitVisible(chromedp.CSS("#"+failing+".on")),
	)
	on := eval[[]string](t, ctx, `[...document.querySelectorAll("#article .fig.on")].map(e => e.textContent)`)
	t.Logf("highlighted: %q", on)
	for _, want := range []string{"164%", "hơn 741.000", "hơn 217.000", "256.620", "267.600"} {
		if !slices.Contains(on, want) {
			t.Errorf("after clicking the failing finding, %q is not highlighted; highlighted: %q", want, on)
		}
	}
	if got := eval[[]string](t, ctx, `[...document.querySelectorAll(".finding.on")].map(e => e.id)`); !slices.Equal(got, []string{failing}) {
		t.Errorf("findings selected: %q, want only %s", got, failing)
	}
	if !eval[bool](t, ctx, `[...document.querySelectorAll("#article .fig.on")].some(e => e.textContent === "164%" && e.classList.contains("bad"))`) {
		t.Error("the 164% is not marked as part of a failing relation")
	}
	screenshot(t, ctx, "langson.png")

	// The keyboard: Escape clears the selection; on a figure, Enter
	// selects its failing finding.
	do(t, ctx,
		chromedp.KeyEvent(kb.Escape),
		chromedp.Focus(chromedp.CSS(`#article a.fig.bad`)),
		chromedp.KeyEvent("\r"),
	)
	if got := eval[string](t, ctx, `(document.querySelector(".finding.on") || {}).id || ""`); got == "" ||
		!eval[bool](t, ctx, `document.querySelector(".finding.on").classList.contains("fails")`) {
		t.Errorf("Enter on a failing figure selected %q, want its failing finding", got)
	}

	// A phone: nothing wider than the screen.
	do(t, ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Click(chromedp.CSS("#"+failing+" .show")),
	)
	if eval[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth`) {
		t.Error("at 390 px the page scrolls sideways")
	}
	do(t, ctx, chromedp.ScrollIntoView(chromedp.ID("article")))
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, "langson-phone.png", png)
}

// TestBrowserNoScript checks the page without JavaScript: the form posts,
// the result is rendered by the server, and a pasted <script> stays text.
func TestBrowserNoScript(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(newServer(slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()
	do(t, ctx,
		scripts(false),
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("text"), `<script>window.injected = true</script><img src=x onerror="window.injected=true"> Toàn tỉnh có hơn 741.000 tài khoản (đạt 164% kế hoạch).`),
		chromedp.Click(chromedp.ID("check")),
		chromedp.WaitVisible(chromedp.ID("summary")),
	)
	summary := eval[string](t, ctx, `document.getElementById("summary").textContent`)
	article := eval[string](t, ctx, `document.getElementById("article").textContent`)
	if summary == "" || !strings.Contains(article, "<script>") || !strings.Contains(article, "hơn 741.000") {
		t.Errorf("without JavaScript: summary %q, article %q", summary, article)
	}
	if eval[bool](t, ctx, `window.injected === true || document.querySelector("#article script, #article img") !== null`) {
		t.Error("the pasted markup became part of the page")
	}
}

// TestBrowserRollup uploads the provincial workbook through the page and
// checks the table, the chart and the download link; then switches the
// page to English.
func TestBrowserRollup(t *testing.T) {
	ctx := newBrowser(t)
	srv := httptest.NewServer(newServer(slog.New(slog.NewTextHandler(io.Discard, nil))))
	defer srv.Close()
	book, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.Click(chromedp.CSS("section details summary")),
		chromedp.WaitVisible(chromedp.ID("actuals")),
		chromedp.SetUploadFiles(chromedp.ID("actuals"), []string{book}),
		chromedp.SetValue(chromedp.ID("level"), "xa"),
		chromedp.Click(chromedp.CSS("#rollup-form button")),
		chromedp.WaitVisible(chromedp.ID("h-rollup")),
	)
	rows := eval[int](t, ctx, `document.querySelectorAll(".rollup tbody tr").length`)
	chart := eval[bool](t, ctx, `[...document.querySelectorAll(".rollup figure img")].every(i => i.complete && i.naturalWidth > 0)`)
	download := eval[string](t, ctx, `document.querySelector("a.download").getAttribute("href").slice(0, 30)`)
	if rows < 2 || !chart || !strings.HasPrefix(download, "data:application/vnd.openxml") {
		t.Errorf("roll-up page: %d rows, chart shown %v, download %q", rows, chart, download)
	}
	screenshot(t, ctx, "rollup.png")

	do(t, ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.SetValue(chromedp.ID("text"), "Toàn tỉnh có hơn 741.000 tài khoản (đạt 164% kế hoạch)."),
		chromedp.Click(chromedp.ID("check")),
		chromedp.WaitVisible(chromedp.ID("summary")),
		chromedp.Click(chromedp.CSS("#lang-form button")),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #summary`)),
	)
	if got := eval[string](t, ctx, `document.documentElement.lang + ": " + document.getElementById("summary").textContent`); !strings.HasPrefix(got, "en: ") || !strings.Contains(got, "figures read") {
		t.Errorf("after the language toggle: %q", got)
	}
}
