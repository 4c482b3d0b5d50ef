package main

import (
	"fmt"
	"io"

	"github.com/chiso-vn/chiso/claim"
)

// runCheck prints the findings of claim.Check on an article, those that
// fail first, and a summary line on stderr: how many figures were read,
// how many relations checked, how many fail (or that no figure was found).
func runCheck(e *env, args []string) error {
	fs, lang := flags(e)
	format := fs.String("format", "text", "text, or json for programs")
	failuresOnly := fs.Bool("failures-only", false, "print only the findings that fail")
	pos, err := parse(e, fs, lang, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return usagef("one article at a time")
	}
	name := "-"
	if len(pos) == 1 {
		name = pos[0]
	}
	in, err := e.open(name)
	if err != nil {
		return err
	}
	defer in.Close()
	text, err := io.ReadAll(in)
	if err != nil {
		return err
	}
	all, sum := claim.CheckSummary(string(text))
	findings := claim.FailingFirst(all)
	if *failuresOnly {
		findings = findings[:sum.Failing]
	}
	e.fails = sum.Failing > 0
	switch *format {
	case "json":
		if err := claim.WriteFindingsJSON(e.stdout, findings, e.lang); err != nil {
			return err
		}
	case "text":
		for _, f := range findings {
			fmt.Fprintln(e.stdout, f.Text(e.lang))
		}
	default:
		return usagef("--format %q: want text or json", *format)
	}
	fmt.Fprintln(e.stderr, sum.Text(e.lang))
	return nil
}
