// Command chiso computes and checks Vietnam's digital-transformation
// indicators from the command line, for analysts and journalists who work
// from spreadsheets and articles:
//
//	chiso check bai-bao.txt            # check the figures of an article
//	chiso parse "hơn 741.000" "164%"   # a printed figure as its exact interval
//	chiso format 60827 1.5             # numbers the Vietnamese way
//	chiso rollup --actuals thuc-hien.xlsx --plans ke-hoach.csv --level xa
//	chiso score --criteria dti-tinh-922-2022 --values dti2022.csv --share
//	chiso units find "Quế Võ"          # units, before and after 2025-07-01
//	chiso allocate --total 150000 --weights ho-dan.csv
//	chiso serve --addr 127.0.0.1:8080  # a page and a JSON API
//
// Every command takes --help (or chiso help COMMAND); chiso --version
// prints the version. The exit status is 0 on success, 1 when nothing is
// found or "chiso check" finds a claim that fails, and 2 on a usage or
// input error. Text for people, errors included, is Vietnamese, or English
// with --lang en (before or after the command).
//
// Install from a clone with go install ./cmd/chiso.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/chiso-vn/chiso/numeral"
	"github.com/chiso-vn/chiso/sheet"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, forTerminal(os.Stdout), forTerminal(os.Stderr))) }

// The exit statuses.
const (
	exitOK    = 0
	exitFails = 1 // a checked claim fails
	exitUsage = 2 // a usage or input error
)

// command is one of chiso's commands.
type command struct {
	name, args, summary, example string
	run                          func(env *env, args []string) error
}

var commands = []command{
	{"check", "[FILE]", "check the figures of an article (UTF-8 text; stdin when no FILE)",
		"chiso check bai-bao.txt\n  chiso check --lang en --format json < bai-bao.txt", runCheck},
	{"parse", "FIGURE...", "a printed figure as the exact interval it allows",
		`chiso parse "hơn 741.000" "164%" "19/218"`, runParse},
	{"format", "NUMBER...", "numbers (plain decimals) written the Vietnamese way",
		"chiso format 60827 1.5 -1234.05", runFormat},
	{"rollup", "--actuals FILE --plans FILE [flags]", "actuals against plans, rolled up the hierarchy and ranked",
		"chiso rollup --actuals thuc-hien.xlsx --plans ke-hoach.csv --level xa --within 189", runRollup},
	{"score", "--criteria FILE|ID --values FILE [flags]", "scores, pillars, ranks and rank sensitivity of a composite index",
		"chiso score --criteria dti-tinh-922-2022 --values dti2022.csv --share --format json", runScore},
	{"units", "find NAME | show CODE | children CODE | successors CODE | predecessors CODE", "the official lists of units and the 2025 crosswalk",
		`chiso units find "thị trấn Cao Lộc"` + "\n  chiso units --as-of 2025-07-01 children 20", runUnits},
	{"allocate", "--total N --weights FILE", "split a target by weights, largest remainder first",
		"chiso allocate --total 150000 --weights ho-dan.csv", runAllocate},
	{"indicators", "[--format tsv|csv|md]", "the catalogue's indicators: id, name, unit, pillar",
		"chiso indicators\n  chiso indicators --lang en --format md", runIndicators},
	{"serve", "[--addr 127.0.0.1:8080]", "a page for journalists and a JSON API: check articles, roll up workbooks, find units",
		"chiso serve --addr 127.0.0.1:8080", runServe},
}

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lang           numeral.Language
	langSet        string            // --lang given before the command
	maxBytes       int64             // --max-bytes: the most bytes read from one input
	fails          bool              // nothing found, or a checked claim fails: exit status 1
	cmd            command           // the command being run, for its usage
	files          map[string][]byte // serve: uploads, read by open instead of files of that name
	repairs        []sheet.Repair    // every repair made while reading workbooks, for serve's page
}

// usageError is a mistake in the command line: exit status 2 with the
// command's usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	// --lang and --max-bytes may come before the command: chiso --lang en
	// units find X.
	for len(args) > 0 {
		a := strings.TrimLeft(args[0], "-")
		name, v, hasValue := strings.Cut(a, "=")
		if !strings.HasPrefix(args[0], "-") || name != "lang" && name != "max-bytes" {
			break
		}
		if !hasValue {
			if len(args) < 2 {
				fmt.Fprintf(stderr, "chiso: --%s wants a value (try chiso --help)\n", name)
				return exitUsage
			}
			v, args = args[1], args[1:]
		}
		args = args[1:]
		switch name {
		case "lang":
			l, err := numeral.ParseLanguage(v)
			if err != nil || v != "vi" && v != "en" {
				fmt.Fprintf(stderr, "chiso: --lang %q: want vi or en (try chiso --help)\n", v)
				return exitUsage
			}
			e.lang, e.langSet = l, v
		case "max-bytes":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil || n <= 0 {
				fmt.Fprintf(stderr, "chiso: --max-bytes %q: want a positive number of bytes (try chiso --help)\n", v)
				return exitUsage
			}
			e.maxBytes = n
		}
	}
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	case "-version", "--version", "version":
		fmt.Fprintln(stdout, version())
		return exitOK
	case "help":
		if len(args) == 1 {
			usage(stdout)
			return exitOK
		}
		args = []string{args[1], "--help"}
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		e.cmd = c
		err := c.run(e, args[1:])
		var ue usageError
		switch {
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "chiso %s: %v (%s chiso %s --help)\n", c.name, err, tryWord.In(e.lang), c.name)
			return exitUsage
		case err != nil:
			writeError(stderr, "chiso "+c.name, err, e.lang)
			return exitUsage
		case e.fails:
			return exitFails
		}
		return exitOK
	}
	fmt.Fprintf(stderr, "chiso: %s %q (%s chiso --help)\n", unknownWord.In(e.lang), args[0], tryWord.In(e.lang))
	return exitUsage
}

var (
	tryWord     = numeral.Words{Vi: "xem", En: "try"}
	unknownWord = numeral.Words{Vi: "không có lệnh", En: "unknown command"}
)

// version is the module's version from the build information: a tag
// when installed with go install module@version, "(devel)" and the
// commit when built in a clone.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "chiso (no build information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, dirty string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = "+dirty"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		v += " " + rev + dirty
	}
	return fmt.Sprintf("chiso %s %s", v, bi.GoVersion)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "chiso computes and checks Vietnam's digital-transformation indicators.")
	fmt.Fprintln(w, "\nUsage: chiso [--lang vi|en] [--max-bytes N] COMMAND [flags] [args]; chiso help COMMAND (or COMMAND --help) for each.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nchiso --version prints the version. chiso --max-bytes N COMMAND reads up to N bytes from one input (default 1 GiB).")
	fmt.Fprintln(w, "Exit status: 0 on success, 1 when nothing is found or a checked claim fails, 2 on a usage or input error.")
}

// flags returns the flag set of the command being run, with --lang. The
// flag package prints nothing: parse prints the usage once, to stdout,
// when --help is asked, and a mistake is one line on stderr.
func flags(e *env) (*flag.FlagSet, *string) {
	c := e.cmd
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def := "vi"
	if e.langSet != "" {
		def = e.langSet
	}
	lang := fs.String("lang", def, "language of the text for people: vi or en")
	fs.Usage = func() {}
	return fs, lang
}

// printUsage writes a command's usage, flags and example to stdout.
func printUsage(e *env, fs *flag.FlagSet) {
	c := e.cmd
	fmt.Fprintf(e.stdout, "usage: chiso %s %s\n\n%s.\n\nflags:\n", c.name, c.args, c.summary)
	fs.SetOutput(e.stdout)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	fmt.Fprintf(e.stdout, "\nexample:\n  %s\n", c.example)
}

// parse parses args with fs (flags may follow positional arguments) and
// sets the language.
func parse(e *env, fs *flag.FlagSet, lang *string, args []string) ([]string, error) {
	var pos []string
	for {
		if len(args) > 0 && negative.MatchString(args[0]) {
			pos, args = append(pos, args[0]), args[1:] // a number, not a flag
			continue
		}
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				printUsage(e, fs)
				return nil, err
			}
			return nil, flagError(err, e.lang)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	switch *lang {
	case "vi":
		e.lang = numeral.Vietnamese
	case "en":
		e.lang = numeral.English
	default:
		return nil, usagef("--lang %q: want vi or en", *lang)
	}
	return pos, nil
}

// flagError says a mistake the flag package found in lang.
func flagError(err error, lang numeral.Language) error {
	msg := err.Error()
	if lang != numeral.Vietnamese {
		return usageError{msg}
	}
	if f, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return usageError{"không có cờ " + f}
	}
	if f, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return usageError{"cờ " + f + " cần một giá trị"}
	}
	return usageError{msg}
}

// negative is a negative number given as an argument.
var negative = regexp.MustCompile(`^-[0-9]`)

// parseDate reads a date given on the command line: YYYY-MM-DD or
// dd/mm/yyyy.
func parseDate(flagName, s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	if t, err := numeral.ParseDayFirst(s); err == nil {
		return t, nil
	}
	return time.Time{}, usagef("--%s %q: want YYYY-MM-DD or dd/mm/yyyy", flagName, s)
}

// extension returns a file name's extension in lower case, without the dot.
func extension(name string) string {
	i := strings.LastIndexByte(name, '.')
	if i < 0 {
		return ""
	}
	return strings.ToLower(name[i+1:])
}
