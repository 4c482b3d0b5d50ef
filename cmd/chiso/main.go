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
// Every command takes --help. The exit status is 0 on success, 1 when
// "chiso check" finds a claim that fails, and 2 on a usage or input error.
// Text for people is Vietnamese, or English with --lang en.
//
// Install with go install github.com/chiso-vn/chiso/cmd/chiso@latest.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/chiso-vn/chiso/numeral"
)

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

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
	{"serve", "[--addr 127.0.0.1:8080]", "a page for journalists and a JSON API: check articles, roll up workbooks, find units",
		"chiso serve --addr 127.0.0.1:8080", runServe},
}

// env is what a command reads and writes.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	lang           numeral.Language
	fails          bool    // a checked claim fails: exit status 1
	cmd            command // the command being run, for its usage
}

// usageError is a mistake in the command line: exit status 2 with the
// command's usage.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w := stderr
		if len(args) > 0 {
			w = stdout
		}
		usage(w)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		e := &env{stdin: stdin, stdout: stdout, stderr: stderr, cmd: c}
		err := c.run(e, args[1:])
		var ue usageError
		switch {
		case errors.Is(err, flag.ErrHelp):
			return exitOK
		case errors.As(err, &ue):
			fmt.Fprintf(stderr, "chiso %s: %v\nusage: chiso %s %s\n", c.name, err, c.name, c.args)
			return exitUsage
		case err != nil:
			fmt.Fprintf(stderr, "chiso %s: %v\n", c.name, err)
			return exitUsage
		case e.fails:
			return exitFails
		}
		return exitOK
	}
	fmt.Fprintf(stderr, "chiso: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "chiso computes and checks Vietnam's digital-transformation indicators.")
	fmt.Fprintln(w, "\nUsage: chiso COMMAND [flags] [args]; chiso COMMAND --help for each.")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nExit status: 0 on success, 1 when chiso check finds a claim that fails, 2 on a usage or input error.")
}

// flags returns the flag set of the command being run, with --lang, whose
// --help prints the command's usage and example.
func flags(e *env) (*flag.FlagSet, *string) {
	c := e.cmd
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	lang := fs.String("lang", "vi", "language of the text for people: vi or en")
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "usage: chiso %s %s\n\n%s.\n\nflags:\n", c.name, c.args, c.summary)
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
		fmt.Fprintf(e.stdout, "\nexample:\n  %s\n", c.example)
	}
	return fs, lang
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
				fs.Usage()
				return nil, err
			}
			return nil, usagef("%v", err)
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
