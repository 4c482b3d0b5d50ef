package main

import (
	"bytes"
	"errors"
	"flag"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/chiso-vn/chiso/internal/golden"
)

// chiso runs the command with args and stdin, as main does.
func chiso(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errw bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errw)
	return out.String(), errw.String(), code
}

// TestGolden pins the output of each command and its exit status.
func TestGolden(t *testing.T) {
	book := progressReport(t)
	for _, tt := range []struct {
		name string
		args []string
		code int
	}{
		{"check-langson", []string{"check", "../../examples/langson/article.txt"}, exitFails},
		{"check-langson-en", []string{"check", "--lang", "en", "../../examples/langson/article.txt"}, exitFails},
		{"check-json", []string{"check", "--format", "json", "../../claim/testdata/texts/thainguyen.txt"}, exitOK},
		{"parse", []string{"parse", "hơn 741.000", "164%", "60,4997%", "từ 0,5 đến gần 0,6", "hàng chục", "19/218", "28/9/2021"}, exitOK},
		{"parse-en", []string{"parse", "--lang", "en", "hơn 741.000", "164%"}, exitOK},
		{"format", []string{"format", "60827", "1.5", "-1234.05", "1000000"}, exitOK},
		{"units-find", []string{"units", "--as-of", "2025-03-01", "find", "thị trấn Cao Lộc, huyện Cao Lộc"}, exitOK},
		{"units-show", []string{"units", "--as-of", "2025-03-01", "show", "259"}, exitOK},
		{"units-children", []string{"units", "--as-of", "2025-07-01", "children", "20"}, exitOK},
		{"units-successors", []string{"units", "successors", "06187"}, exitOK},
		{"units-predecessors", []string{"units", "--lang", "en", "predecessors", "06625"}, exitOK},
		{"allocate", []string{"allocate", "--total", "150000", "--weights", "testdata/weights.csv"}, exitOK},
		{"rollup-md", []string{"rollup", "--actuals", book, "--level", "xa"}, exitOK},
		{"rollup-within", []string{"rollup", "--actuals", book, "--plans", "testdata/plans.csv", "--sep", ";", "--spreadsheet", "--within", "183", "--indicator", "thanh_toan_dt", "--format", "csv"}, exitOK},
		{"rollup-json-en", []string{"rollup", "--actuals", book, "--level", "tinh", "--indicator", "tmdt", "--format", "json", "--lang", "en"}, exitOK},
		{"rollup-units-2025", []string{"rollup", "--actuals", book, "--units", "2025"}, exitOK},
		{"score-json", []string{"score", "--criteria", "dti-tinh-922-2022", "--values", "testdata/dti2022-top3.csv", "--share", "--format", "json"}, exitOK},
		{"score-md", []string{"score", "--criteria", "dti-tinh-922-2022", "--values", "testdata/dti2022-top3.csv", "--share", "--sensitivity", "200"}, exitOK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := chiso(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, errs)
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), []byte(out+stderrSection(errs)))
		})
	}
}

// stderrSection appends what went to stderr (repairs, warnings) to a
// golden file, so that it is pinned too.
func stderrSection(s string) string {
	if s == "" {
		return ""
	}
	return "--- stderr\n" + s
}

// TestCheckSameAsExamples: chiso check prints, for each founding article,
// the findings its example prints.
func TestCheckSameAsExamples(t *testing.T) {
	for _, ex := range []string{"langson", "bacninh"} {
		out, _, _ := chiso(t, "", "check", filepath.Join("..", "..", "examples", ex, "article.txt"))
		want, err := os.ReadFile(filepath.Join("..", "..", "examples", ex, "testdata", ex+".golden"))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if !strings.Contains(string(want), "- "+line+"\n") {
				t.Errorf("%s: chiso check prints a finding the example does not:\n%s", ex, line)
			}
		}
		if n := strings.Count(string(want), "\n- khớp [") + strings.Count(string(want), "\n- KHÔNG KHỚP ["); n != strings.Count(out, "\n") {
			t.Errorf("%s: the example prints %d findings, chiso check %d", ex, n, strings.Count(out, "\n"))
		}
	}
}

// TestExitStatus: usage and input errors exit with 2 and say what is wrong.
func TestExitStatus(t *testing.T) {
	for _, tt := range []struct {
		args  []string
		stdin string
		code  int
		want  string // in stderr
	}{
		{nil, "", exitUsage, "Commands:"},
		{[]string{"nope"}, "", exitUsage, `không có lệnh "nope" (xem chiso --help)`},
		{[]string{"--lang", "en", "nope"}, "", exitUsage, `unknown command "nope" (try chiso --help)`},
		{[]string{"check", "--format", "xml"}, "", exitUsage, `--format "xml"`},
		{[]string{"check", "--lang", "fr"}, "", exitUsage, `--lang "fr"`},
		{[]string{"check", "no-such-file.txt"}, "", exitUsage, "no-such-file.txt"},
		{[]string{"check"}, "Cả tỉnh có 1.350.000 tài khoản, đạt 150% kế hoạch. Trong đó: A 450.000 tài khoản, đạt 125% kế hoạch; B 900.000 tài khoản, đạt 266% kế hoạch.", exitFails, ""},
		{[]string{"check"}, "Không có số nào.", exitOK, ""},
		{[]string{"parse", "217.00"}, "", exitUsage, "a thousands group has three digits"},
		{[]string{"format", "1e5"}, "", exitUsage, "not a plain decimal"},
		{[]string{"units", "find"}, "", exitUsage, "want a question"},
		{[]string{"units", "show", "99999"}, "", exitFails, "không có đơn vị mã 99999"},
		{[]string{"units", "show", "6187"}, "", exitUsage, "(06187)"},
		{[]string{"rollup", "--actuals", "-", "--plans", "testdata/plans.csv"}, "unit,indicator,date,value\n06619,tmdt,2025-09-30,1\n", exitUsage, "--units 2025"},
		{[]string{"units", "--as-of", "2020-01-01", "find", "Quế Võ"}, "", exitUsage, "2020"},
		{[]string{"allocate", "--total", "10"}, "", exitUsage, "--weights"},
		{[]string{"allocate", "--total", "10", "--weights", "-"}, "unit,weight\na,1\nb,x\n", exitUsage, "-:3:"},
		{[]string{"rollup"}, "", exitUsage, "--actuals"},
		{[]string{"rollup", "--actuals", "-"}, "unit,indicator,date,value\n6619,tmdt,2024-06-30,1\n", exitUsage, "is it 06619?"},
		{[]string{"rollup", "--actuals", "x.txt"}, "", exitUsage, "want a .csv"},
		{[]string{"rollup", "--actuals", "-", "--level", "thon"}, "unit,indicator,date,value\n06619,tmdt,2024-06-30,1\n", exitUsage, "no plans"},
		{[]string{"rollup", "--actuals", fixture, "--units", "2025", "--level", "xa"}, "", exitUsage, "a predecessor has no count"},
		{[]string{"rollup", "--actuals", fixture, "--units", "2025", "--format", "xlsx"}, "", exitUsage, "as md or csv"},
		{[]string{"score", "--criteria", "nope", "--values", "testdata/dti2022-top3.csv"}, "", exitUsage, `no reference set "nope"`},
		{[]string{"score", "--criteria", "dti-tinh-922-2022", "--values", "-", "--share"}, "unit,criterion,value\n48,nhan_thuc_so,1.5\n", exitUsage, "-:2:"},
	} {
		out, errs, code := chiso(t, tt.stdin, tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.want) {
			t.Errorf("chiso %q: exit %d (want %d), stderr:\n%s\nstdout:\n%s", tt.args, code, tt.code, errs, out)
		}
	}
}

// TestHelp: every command explains itself with an example, and exits 0.
func TestHelp(t *testing.T) {
	for _, c := range commands {
		out, _, code := chiso(t, "", c.name, "--help")
		if code != exitOK || !strings.Contains(out, "example:\n  chiso "+c.name) || !strings.Contains(out, "-lang") {
			t.Errorf("chiso %s --help (exit %d):\n%s", c.name, code, out)
		}
	}
}

// TestRollupXLSX writes a workbook and reads it back.
func TestRollupXLSX(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.xlsx")
	if _, errs, code := chiso(t, "", "rollup", "--actuals", progressReport(t), "--format", "xlsx", "--out", out); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Tỉnh,Huyện,Xã" {
		t.Errorf("sheets %s", got)
	}
	rows, err := f.GetRows("Huyện")
	if err != nil || len(rows) != 5 || rows[1][3] != "huyện Đình Lập" || rows[1][6] != "303%" {
		t.Errorf("Huyện: %q %v", rows, err)
	}
	// The cell holds the attainment itself, 2120/700, not 303% rounded:
	// as a formula, and as its value to Excel's 15 significant digits.
	raw, err := f.GetCellValue("Huyện", "G2", excelize.Options{RawCellValue: true})
	v, _ := new(big.Rat).SetString(raw)
	diff := new(big.Rat).Sub(v, big.NewRat(2120, 700))
	if err != nil || v == nil || diff.Abs(diff).Cmp(big.NewRat(1, 1e14)) > 0 {
		t.Errorf("Huyện!G2 = %q, want 2120/700 = 3,0285714285714… (%v)", raw, err)
	}
	if formula, err := f.GetCellFormula("Huyện", "G2"); err != nil || formula != "2120/700" {
		t.Errorf("Huyện!G2 formula %q (%v)", formula, err)
	}
}

// fixture is a workbook shaped like a provincial progress report (title
// rows, a merged header, codes without their leading zeros, a count typed
// as text, a date typed as text, a totals row), committed so that the
// README's commands run on it; go test -update writes it again.
const fixture = "testdata/tien-do.xlsx"

// progressReport returns the fixture's path, writing it under -update.
func progressReport(t *testing.T) string {
	t.Helper()
	if f := flag.Lookup("update"); f == nil || f.Value.String() != "true" {
		return fixture
	}
	f := excelize.NewFile()
	defer f.Close()
	s := "Tiến độ"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"UBND TỈNH LẠNG SƠN"},
		{"BÁO CÁO TIẾN ĐỘ PHÁT TRIỂN NỀN TẢNG SỐ, ĐẾN NGÀY 30/6/2024 (số liệu minh họa)"},
		{},
		{"STT", "Mã xã", "Tên đơn vị", "Ngày", "Ứng dụng thanh toán điện tử", nil, "Tài khoản mua trên sàn thương mại điện tử", nil},
		{nil, nil, nil, nil, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện"},
		{1, 6619, "xã Bắc Xa", 45473, 700, 2120, 300, "1.611"},
		{2, "06187", "thị trấn Cao Lộc", "30/06/2024", 1500, 1200, 800, 400},
		{nil, nil, "Tổng cộng", nil, 2200, 3320, 1100, 2011},
	}
	for r, row := range rows {
		if err := f.SetSheetRow(s, "A"+string(rune('1'+r)), &row); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range [][2]string{{"E4", "F4"}, {"G4", "H4"}} {
		if err := f.MergeCell(s, m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(fixture); err != nil {
		t.Fatal(err)
	}
	return fixture
}

// TestReadmeCommands runs the README's command lines from the module's
// root: each must succeed (or, for check, report its findings).
func TestReadmeCommands(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir("../..")
	n := 0
	for _, line := range strings.Split(string(readme), "\n") {
		rest, ok := strings.CutPrefix(line, "go run ./cmd/chiso ")
		if !ok {
			continue
		}
		if i := strings.Index(rest, "  #"); i >= 0 {
			rest = rest[:i]
		}
		args, err := shellWords(rest)
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		for i, a := range args {
			if a == "--out" {
				args[i+1] = filepath.Join(t.TempDir(), args[i+1])
			}
		}
		out, errs, code := chiso(t, "", args...)
		if code == exitUsage || out == "" && !slices.Contains(args, "--out") {
			t.Errorf("%s: exit %d\n%s", line, code, errs)
		}
		n++
	}
	if n < 5 {
		t.Errorf("the README shows %d commands", n)
	}
}

// shellWords splits a command line as a POSIX shell does for words in
// plain or double quotes, which is all the README uses.
func shellWords(s string) ([]string, error) {
	var words []string
	var w strings.Builder
	in, quoted := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, in = !quoted, true
		case r == ' ' && !quoted:
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
		default:
			w.WriteRune(r)
			in = true
		}
	}
	if quoted {
		return nil, errors.New("unclosed quote")
	}
	if in {
		words = append(words, w.String())
	}
	return words, nil
}

// TestProgress: a large input reports its progress by tenths, once each.
func TestProgress(t *testing.T) {
	name := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(name, bytes.Repeat([]byte("x"), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	var w bytes.Buffer
	p := &progress{f: f, w: &w, name: "big.csv", size: 1000}
	defer p.Close()
	buf := make([]byte, 250)
	for {
		if _, err := p.Read(buf); err != nil {
			break
		}
	}
	if got := w.String(); got != "\rbig.csv: 20%\rbig.csv: 50%\rbig.csv: 70%\rbig.csv: 100%\n" {
		t.Errorf("progress %q", got)
	}
	if isTerminal(&w) {
		t.Error("a buffer is a terminal")
	}
}

// TestConventions: help once and only when asked, --version, help CMD,
// --lang anywhere, one-line usage errors.
func TestConventions(t *testing.T) {
	for _, c := range commands {
		out, errs, code := chiso(t, "", c.name, "--help")
		if code != exitOK || strings.Count(out, "usage: chiso "+c.name) != 1 || errs != "" {
			t.Errorf("chiso %s --help: exit %d, usage %d times, stderr %q", c.name, code, strings.Count(out, "usage: chiso "+c.name), errs)
		}
		if out2, _, code := chiso(t, "", "help", c.name); code != exitOK || out2 != out {
			t.Errorf("chiso help %s differs from chiso %s --help", c.name, c.name)
		}
		out, errs, code = chiso(t, "", c.name, "--no-such-flag")
		if code != exitUsage || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "(xem chiso "+c.name+" --help)") {
			t.Errorf("chiso %s --no-such-flag: exit %d, stdout %q, stderr %q", c.name, code, out, errs)
		}
	}
	if out, _, code := chiso(t, "", "--version"); code != exitOK || !strings.HasPrefix(out, "chiso ") || strings.Count(out, "\n") != 1 {
		t.Errorf("--version: exit %d %q", code, out)
	}
	if out, _, code := chiso(t, "", "--lang", "en", "units", "--as-of", "2025-03-01", "show", "259"); code != exitOK || !strings.Contains(out, "Kind: ") {
		t.Errorf("--lang before the command: exit %d %q", code, out)
	}
	if _, errs, code := chiso(t, "", "rollup", "--lang", "en"); code != exitUsage || errs != "chiso rollup: want --actuals FILE (try chiso rollup --help)\n" {
		t.Errorf("rollup without --actuals: %d %q", code, errs)
	}
}

// TestUnitsFind: exact spellings and higher levels first; a unit that
// ceased says where it went (exit 0); a miss suggests close names (exit 1).
func TestUnitsFind(t *testing.T) {
	out, errs, code := chiso(t, "", "units", "--as-of", "2025-09-01", "find", "Bắc Xa")
	if code != exitOK || !strings.Contains(out, "06619\tXã Bắc Xa\t") || !strings.Contains(out, "01/07/2025") || !strings.Contains(out, "06625 Xã Kiên Mộc") {
		t.Errorf("Bắc Xa: exit %d\n%s%s", code, out, errs)
	}
	out, errs, code = chiso(t, "", "units", "find", "Hanoi")
	if code != exitFails || out != "" || !strings.Contains(errs, "01 Thành phố Hà Nội?") {
		t.Errorf("Hanoi: exit %d\n%s%s", code, out, errs)
	}
	out, _, _ = chiso(t, "", "units", "--as-of", "2025-03-01", "find", "Lạng Sơn")
	if !strings.HasPrefix(out, "20\tTỉnh Lạng Sơn") {
		t.Errorf("Lạng Sơn:\n%s", out)
	}
}

// TestOutSafety: --out is never an input nor a symbolic link, and binary
// output is refused on a terminal.
func TestOutSafety(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errs, code := chiso(t, "", "rollup", "--actuals", in, "--format", "xlsx", "--out", in); code != exitUsage || !strings.Contains(errs, "is an input") {
		t.Errorf("--out = input: exit %d %s", code, errs)
	}
	if got, _ := os.ReadFile(in); !bytes.Equal(got, b) {
		t.Error("the input was overwritten")
	}
	link := filepath.Join(dir, "link.xlsx")
	if err := os.Symlink(filepath.Join(dir, "elsewhere"), link); err != nil {
		t.Skip(err)
	}
	if _, errs, code := chiso(t, "", "rollup", "--actuals", in, "--format", "xlsx", "--out", link); code != exitUsage || !strings.Contains(errs, "symbolic link") {
		t.Errorf("--out a symlink: exit %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "elsewhere")); err == nil {
		t.Error("wrote through the symlink")
	}
	var out, errw bytes.Buffer
	if code := run([]string{"rollup", "--actuals", in, "--format", "xlsx"}, strings.NewReader(""), &terminalWriter{w: &out}, &errw); code != exitUsage || out.Len() != 0 {
		t.Errorf("xlsx to a terminal: exit %d, %d bytes", code, out.Len())
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("left %s", e.Name())
		}
	}
}

// TestTerminalWriter: escape sequences and other controls never reach a
// terminal; text, tabs and line breaks do.
func TestTerminalWriter(t *testing.T) {
	var b bytes.Buffer
	w := &terminalWriter{w: &b}
	w.Write([]byte("Bắc\x1b[2J Xa\t\x07\xc2"))
	w.Write([]byte("\x9b31m ok\n"))
	if got := b.String(); got != "Bắc[2J Xa\t31m ok\n" {
		t.Errorf("%q", got)
	}
}

// TestEndlessInput: /dev/zero as any input is a clear error, not a
// machine out of memory.
func TestEndlessInput(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip(err)
	}
	for _, args := range [][]string{
		{"rollup", "--actuals", "/dev/zero"},
		{"rollup", "--actuals", "/dev/zero.xlsx"},
		{"score", "--criteria", "/dev/zero", "--values", "testdata/dti2022-top3.csv"},
		{"allocate", "--total", "5", "--weights", "/dev/zero"},
	} {
		if args[2] == "/dev/zero.xlsx" {
			link := filepath.Join(t.TempDir(), "zero.xlsx")
			if err := os.Symlink("/dev/zero", link); err != nil {
				t.Skip(err)
			}
			args[2] = link
		}
		_, errs, code := chiso(t, "", append([]string{"--max-bytes", "1000000"}, args...)...)
		if code != exitUsage || errs == "" {
			t.Errorf("%q: exit %d %s", args, code, errs)
		}
	}
}

// FuzzTerminalWriter: whatever is written, in whatever pieces, no control
// character reaches the terminal, and text without controls passes as it
// is.
func FuzzTerminalWriter(f *testing.F) {
	f.Add([]byte("Bắc\x1b[2J Xa\t\x07\xc2\x9b31m ok\n"), 3)
	f.Add([]byte("\xc2\xc2\x85x"), 1)
	f.Fuzz(func(t *testing.T, b []byte, cut int) {
		var out bytes.Buffer
		w := &terminalWriter{w: &out}
		if cut < 0 || cut > len(b) {
			cut = len(b) / 2
		}
		w.Write(b[:cut])
		w.Write(b[cut:])
		got := out.Bytes()
		control := func(r rune) bool { return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 }
		if !utf8.Valid(got) || bytes.ContainsFunc(got, control) {
			t.Fatalf("%q became %q", b, got)
		}
		if utf8.Valid(b) && !bytes.ContainsFunc(b, control) && !bytes.Equal(got, b) {
			t.Fatalf("%q became %q", b, got)
		}
	})
}
