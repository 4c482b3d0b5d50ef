package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// terminalWriter strips control characters from what goes to a terminal
// (escape sequences from an article or a cell among them), keeping tabs
// and line breaks: C0 controls, DEL and the C1 controls U+0080–U+009F,
// and bytes that are not UTF-8, so that removing one never joins two
// others into a control. A character split between writes is kept until
// it is whole.
type terminalWriter struct {
	w    io.Writer
	tail []byte // the start of a character the next write completes
}

func (t *terminalWriter) Write(p []byte) (int, error) {
	data := append(t.tail, p...)
	out := make([]byte, 0, len(data))
	t.tail = nil
	for i := 0; i < len(data); {
		if !utf8.FullRune(data[i:]) {
			t.tail = append([]byte(nil), data[i:]...)
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1: // not UTF-8
		case r == '\n' || r == '\t':
			out = append(out, byte(r))
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
		default:
			out = append(out, data[i:i+size]...)
		}
		i += size
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
