// Package golden compares program output with files under testdata, for the
// examples' tests; go test -update rewrites the files after a deliberate
// change.
package golden

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// Run runs a program's run function and checks its output against the
// file name: the whole golden test of an example.
func Run(t *testing.T, name string, run func(io.Writer) error) {
	t.Helper()
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	Check(t, name, b.Bytes())
}

// Check fails t when got differs from the file name (rewriting it first
// under -update).
func Check(t *testing.T, name string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", name, got)
	}
}
