package claim

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRules checks the annotated sentences of testdata/rules (see its
// README): each block is checked alone, and each "# want" must be met by
// a finding of its kind and verdict naming its figures, "# no alarm"
// forbids a failing finding and "# not KIND" any finding of KIND.
func TestRules(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "rules", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no rules: %v", err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for n, block := range strings.Split(string(b), "\n\n") {
			var text []string
			var notes []string
			for _, line := range strings.Split(block, "\n") {
				if strings.HasPrefix(line, "#") {
					notes = append(notes, strings.TrimSpace(strings.TrimPrefix(line, "#")))
				} else if strings.TrimSpace(line) != "" {
					text = append(text, line)
				}
			}
			if len(text) == 0 {
				continue
			}
			src := strings.Join(text, "\n")
			fs := Check(src)
			where := filepath.Base(file) + " block " + string(rune('1'+n))
			describe := func() string {
				var out []string
				for _, f := range fs {
					out = append(out, "\t"+f.String()+" "+strings.Join(f.Figures, " | "))
				}
				return strings.Join(out, "\n")
			}
			for _, note := range notes {
				switch {
				case strings.HasPrefix(note, "want "):
					fields := strings.Fields(note)
					if len(fields) < 3 {
						t.Fatalf("%s: bad note %q", where, note)
					}
					holds, kind := fields[1] == "holds", fields[2]
					var figs []string
					for _, part := range strings.Split(note, "«")[1:] {
						figs = append(figs, pressNorm(strings.SplitN(part, "»", 2)[0]))
					}
					found := false
					for _, f := range fs {
						id, _ := f.Kind.MarshalText()
						if string(id) != kind || f.Holds != holds {
							continue
						}
						var items []string
						for _, s := range f.Figures {
							items = append(items, pressNorm(s))
						}
						if relMatches(relation{figures: figs}, items) {
							found = true
							break
						}
					}
					if !found {
						t.Errorf("%s: %q: no such finding in\n%s\nfindings:\n%s", where, note, src, describe())
					}
				case note == "no alarm":
					for _, f := range fs {
						if !f.Holds {
							t.Errorf("%s: an alarm on\n%s\n\t%s", where, src, f)
						}
					}
				case strings.HasPrefix(note, "not "):
					kind := strings.TrimSpace(strings.TrimPrefix(note, "not "))
					for _, f := range fs {
						if id, _ := f.Kind.MarshalText(); string(id) == kind {
							t.Errorf("%s: a %s finding on\n%s\n\t%s", where, kind, src, f)
						}
					}
				}
			}
		}
	}
}
