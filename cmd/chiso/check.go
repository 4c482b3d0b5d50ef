package main

import (
	"fmt"
	"io"

	"github.com/chiso-vn/chiso/claim"
)

// runCheck prints the findings of claim.Check on an article.
func runCheck(e *env, args []string) error {
	fs, lang := flags(e)
	format := fs.String("format", "text", "text, or json for programs")
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
	findings := claim.Check(string(text))
	for _, f := range findings {
		e.fails = e.fails || !f.Holds
	}
	switch *format {
	case "json":
		return claim.WriteFindingsJSON(e.stdout, findings, e.lang)
	case "text":
		for _, f := range findings {
			fmt.Fprintln(e.stdout, f.Text(e.lang))
		}
		return nil
	}
	return usagef("--format %q: want text or json", *format)
}
