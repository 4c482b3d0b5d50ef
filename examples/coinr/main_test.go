package main

import (
	"bytes"
	"testing"

	"github.com/chiso-vn/chiso/internal/golden"
)

// TestGolden keeps the example's output from drifting silently.
func TestGolden(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/coinr.golden", b.Bytes())
}
