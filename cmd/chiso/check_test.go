package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/chiso-vn/chiso/internal/golden"
)

// TestCheckFailuresOnly: --failures-only prints the failing findings and
// the summary still counts them all; a text without a figure says so.
func TestCheckFailuresOnly(t *testing.T) {
	for _, tt := range []struct {
		name, stdin string
		args        []string
		code        int
	}{
		{"check-failures-only", "", []string{"check", "--failures-only", "../../examples/langson/article.txt"}, exitFails},
		{"check-no-figure", "Bài viết không có con số nào.", []string{"check"}, exitOK},
		{"check-no-figure-en", "", []string{"check", "--lang", "en"}, exitOK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := chiso(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, tt.code, errs)
			}
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if line != "" && !strings.HasPrefix(line, "KHÔNG KHỚP") {
					t.Errorf("--failures-only prints %q", line)
				}
			}
			golden.Check(t, filepath.Join("testdata", tt.name+".golden"), []byte(out+stderrSection(errs)))
		})
	}
}
