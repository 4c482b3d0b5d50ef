package seeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestArticles checks the published figures: how many rows there are, and,
// where ../shared/seeds is present, that each fragment is printed in its
// article at least as many times as its occurrence number says.
func TestArticles(t *testing.T) {
	rows, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	per := map[string]int{}
	for _, r := range rows {
		per[r.Article]++
	}
	if per[BacNinh] != 15 || per[LangSon] != 25 || len(rows) != 40 {
		t.Errorf("rows per article = %v (total %d); update the test when a figure is added", per, len(rows))
	}
	seen := map[[3]string]bool{}
	for _, r := range rows {
		k := [3]string{r.Article, r.Fragment, r.Number}
		if seen[k] && r.Occurrence == 1 {
			t.Errorf("line %d: %q repeated with occurrence 1", r.Line, r.Fragment)
		}
		seen[k] = true
		if r.Kind == "" || r.Region == "" || r.RegionCode == "" {
			t.Errorf("line %d: %q lacks kind or region", r.Line, r.Fragment)
		}
	}
	if _, err := os.Stat(SeedsDir()); err != nil {
		t.Skipf("the founding articles are not here (%v); users' clones do not have them", err)
	}
	for _, r := range rows {
		b, err := os.ReadFile(filepath.Join(SeedsDir(), r.Article))
		if err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(string(b), r.Fragment); n < r.Occurrence {
			t.Errorf("line %d: %q printed %d times in %s, row says occurrence %d", r.Line, r.Fragment, n, r.Article, r.Occurrence)
		}
		if len([]rune(r.Fragment)) > 80 {
			t.Errorf("line %d: fragment too long; keep short fragments, not sentences", r.Line)
		}
	}
}
