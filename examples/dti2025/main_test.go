package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGolden keeps the example's text and chart from drifting silently; run
// go test ./examples/dti2025 -update after a deliberate change.
func TestGolden(t *testing.T) {
	var text, svg bytes.Buffer
	if err := run(&text, &svg); err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{"testdata/dti2025.golden": text.Bytes(), "testdata/dti2025.svg": svg.Bytes()} {
		if *update {
			os.MkdirAll("testdata", 0o755)
			if err := os.WriteFile(name, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("output differs from %s:\n%s", name, got)
		}
	}
	d := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the chart is not valid XML: %v", err)
		}
	}
}
