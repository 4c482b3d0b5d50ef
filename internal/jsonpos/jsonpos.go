// Package jsonpos decodes a JSON array element by element and names each
// element's line and column, so that readers can report where a bad row is.
package jsonpos

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// Each decodes data, a JSON array, calling f with each element's 1-based
// line and byte column and a function that decodes it into a value
// (unknown fields are errors). It stops at the first error that is not f's
// to report: malformed JSON or an element that is not an object.
func Each(data []byte, f func(line, column int, decode func(v any) error)) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return fmt.Errorf("reading the array: %w", err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return fmt.Errorf("the data is not a JSON array")
	}
	for dec.More() {
		start := int(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			line, col := Position(data, start)
			return fmt.Errorf("%d:%d: %w", line, col, err)
		}
		// Skip the separator and spaces to point at the element itself.
		for start < len(data) && (data[start] == ',' || data[start] == ' ' || data[start] == '\n' || data[start] == '\r' || data[start] == '\t') {
			start++
		}
		line, col := Position(data, start)
		f(line, col, func(v any) error {
			d := json.NewDecoder(bytes.NewReader(raw))
			d.DisallowUnknownFields()
			return d.Decode(v)
		})
	}
	if _, err := dec.Token(); err != nil && err != io.EOF {
		return fmt.Errorf("closing the array: %w", err)
	}
	return nil
}

// Position converts a byte offset of data into a 1-based line and column.
func Position(data []byte, off int) (line, column int) {
	off = min(off, len(data))
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	return line, off - bytes.LastIndexByte(data[:off], '\n')
}
