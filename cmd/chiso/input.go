package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/chiso-vn/chiso/numeral"
)

// progressOver is the size from which reading a file shows its progress,
// on stderr when it is a terminal.
const progressOver = 50 << 20

// maxInput is the most bytes chiso reads from one input unless
// --max-bytes says otherwise (a workbook is bounded by sheet.Limits too).
const maxInput = 1 << 30

// open opens a named input; "-" is stdin. A regular file larger than the
// limit is refused before it is read; anything else (a pipe, a device
// such as /dev/zero) fails once it has given more than the limit.
func (e *env) open(name string) (io.ReadCloser, error) {
	limit := e.maxBytes
	if limit <= 0 {
		limit = maxInput
	}
	if b, ok := e.files[name]; ok {
		return io.NopCloser(bytes.NewReader(b)), nil
	}
	if name == "-" {
		return io.NopCloser(&limited{r: e.stdin, name: name, left: limit, limit: limit}), nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return struct {
			io.Reader
			io.Closer
		}{&limited{r: f, name: name, left: limit, limit: limit}, f}, nil
	}
	if st.Size() > limit {
		f.Close()
		return nil, &limitError{name: name, limit: limit}
	}
	if st.Size() <= progressOver || !isTerminal(e.stderr) {
		return f, nil
	}
	return &progress{f: f, w: e.stderr, name: name, size: st.Size()}, nil
}

// limited fails a read past its limit.
type limited struct {
	r           io.Reader
	name        string
	left, limit int64
}

func (l *limited) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, &limitError{name: l.name, limit: l.limit}
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// limitError is an input past the limit of bytes read.
type limitError struct {
	name  string
	limit int64
}

func (e *limitError) Error() string { return e.Text(numeral.English) }

// Text says the error in lang.
func (e *limitError) Text(lang numeral.Language) string {
	w := numeral.Words{Vi: "%s: dài hơn %s byte, giới hạn của một tệp vào (tăng bằng chiso --max-bytes N)", En: "%s: longer than %s bytes, the limit of one input (raise it with chiso --max-bytes N)"}
	return fmt.Sprintf(w.In(lang), e.name, numeral.FormatInt(e.limit, lang))
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
