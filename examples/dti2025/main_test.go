package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"

	"github.com/chiso-vn/chiso/internal/golden"
)

// TestGolden keeps the example's text and chart from drifting silently, and
// checks that the chart is valid XML.
func TestGolden(t *testing.T) {
	var text, svg bytes.Buffer
	if err := run(&text, &svg); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/dti2025.golden", text.Bytes())
	golden.Check(t, "testdata/dti2025.svg", svg.Bytes())
	d := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the chart is not valid XML: %v", err)
		}
	}
}
