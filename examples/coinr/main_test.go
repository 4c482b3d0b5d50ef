package main

import (
	"testing"

	"github.com/chiso-vn/chiso/internal/golden"
)

// TestGolden keeps the example's output from drifting silently.
func TestGolden(t *testing.T) { golden.Run(t, "testdata/coinr.golden", run) }
