package seeds

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeSnippets keeps README.md's Go snippets identical to the
// Example_readme functions that compile and run them: each snippet's code
// (its comment lines aside) must appear, whitespace folded, in one of them.
func TestReadmeSnippets(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(Root(), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var examples string
	for _, p := range []string{"region/example_test.go", "claim/example_test.go", "report/example_rollup_test.go"} {
		b, err := os.ReadFile(filepath.Join(Root(), p))
		if err != nil {
			t.Fatal(err)
		}
		examples += norm(string(b))
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 2 {
		t.Fatalf("README has %d Go snippets", len(blocks))
	}
	for _, b := range blocks {
		var code []string
		for _, l := range strings.Split(b[1], "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "//") {
				code = append(code, l)
			}
		}
		if s := norm(strings.Join(code, "\n")); !strings.Contains(examples, s) {
			t.Errorf("README snippet is not in an Example_readme:\n%s", b[1])
		}
	}
}

// norm drops comments at line ends and folds white space.
func norm(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, " // "); i >= 0 {
			l = l[:i]
		}
		if f := strings.Fields(l); len(f) > 0 && !strings.HasPrefix(f[0], "//") {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}
