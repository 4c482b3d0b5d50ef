package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// terminalWriter strips control characters from what goes to a terminal
// (escape sequences from an article or a cell among them), keeping tabs
// and line breaks: C0 controls, DEL and the C1 controls U+0080–U+009F.
type terminalWriter struct {
	w       io.Writer
	pending bool // the last byte written was 0xC2, the first of a C1 control's two
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	out := make([]byte, 0, len(p))
	for _, b := range p {
		if t.pending {
			t.pending = false
			if b >= 0x80 && b < 0xa0 {
				continue // U+0080–U+009F
			}
			out = append(out, 0xc2)
		}
		switch {
		case b == 0xc2:
			t.pending = true
		case b == '\n' || b == '\t':
			out = append(out, b)
		case b < 0x20 || b == 0x7f:
		default:
			out = append(out, b)
		}
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// forTerminal wraps w in a terminalWriter when it is a terminal.
func forTerminal(w *os.File) io.Writer {
	if isTerminal(w) {
		return &terminalWriter{w: w}
	}
	return w
}

// binaryFormats are the formats that are not text.
var binaryFormats = map[string]bool{"xlsx": true}

// writeOutput writes b to the file out, or to stdout when out is "":
// binary output is refused on a terminal; a file is never one of the
// command's inputs, never written through a symbolic link, and is written
// whole to a temporary file beside it, then renamed, so that a failed run
// leaves the old file as it was.
func (e *env) writeOutput(out, format string, b []byte, inputs ...string) error {
	if out == "" || out == "-" {
		if binaryFormats[format] && isTerminal(e.stdout) {
			return usagef("--format %s is binary: write it to a file with --out FILE", format)
		}
		_, err := e.stdout.Write(b)
		return err
	}
	if st, err := os.Lstat(out); err == nil {
		if st.Mode()&os.ModeSymlink != 0 {
			return usagef("--out %s is a symbolic link: name the file itself", out)
		}
		if !st.Mode().IsRegular() {
			return usagef("--out %s is not a regular file", out)
		}
		for _, in := range inputs {
			if in == "" || in == "-" {
				continue
			}
			if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
				return usagef("--out %s is an input of the command: write to another file", out)
			}
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	return nil
}
