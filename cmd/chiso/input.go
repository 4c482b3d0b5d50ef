package main

import (
	"fmt"
	"io"
	"os"
)

// progressOver is the size from which reading a file shows its progress,
// on stderr when it is a terminal.
const progressOver = 50 << 20

// open opens a named input; "-" is stdin.
func (e *env) open(name string) (io.ReadCloser, error) {
	if name == "-" {
		return io.NopCloser(e.stdin), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || st.Size() <= progressOver || !isTerminal(e.stderr) {
		return f, nil
	}
	return &progress{f: f, w: e.stderr, name: name, size: st.Size()}, nil
}

func isTerminal(w io.Writer) bool {
	if _, ok := w.(*terminalWriter); ok {
		return true
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progress reports how much of a large file has been read, by tenths.
type progress struct {
	f          *os.File
	w          io.Writer
	name       string
	size, read int64
	shown      int64
}

func (p *progress) Read(b []byte) (int, error) {
	n, err := p.f.Read(b)
	p.read += int64(n)
	if tenth := p.read * 10 / p.size; tenth > p.shown {
		p.shown = tenth
		fmt.Fprintf(p.w, "\r%s: %d%%", p.name, tenth*10)
		if tenth >= 10 {
			fmt.Fprintln(p.w)
		}
	}
	return n, err
}

func (p *progress) Close() error { return p.f.Close() }
