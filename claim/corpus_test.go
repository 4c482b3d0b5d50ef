package claim

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/chiso-vn/chiso/internal/seeds"
)

// The bars of the press corpus: precision of alarms, recall of labelled
// relations, and every contradiction of a kind the checker supports
// caught. "other" gathers what fits no kind; of it the checker tests
// counts against names, means, differences and comparisons, not the
// plausibility of a figure, so its contradictions are not required.
const (
	minPrecision = 0.95
	minRecall    = 0.70
)

var unrequired = map[string]bool{"other": true}

// TestPressCorpus checks every text of ../shared/data/press against its
// labels, matching findings to relations as ../shared/tools/score-claims
// does: a finding matches a relation when every figure of the relation
// stands whole among the finding's Figures; alarms are failing findings,
// true when they match a relation that fails. With -v it prints, per
// kind, the alarms raised and true, the contradictions caught and the
// relations recalled.
func TestPressCorpus(t *testing.T) {
	dir := filepath.Join(seeds.Root(), "..", "shared", "data", "press")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("the press corpus is not here (%v); users' clones do not have it", err)
	}
	type row struct{ alarms, trueAlarms, fails, caught, rels, recalled int }
	perKind := map[string]*row{}
	get := func(k string) *row {
		if perKind[k] == nil {
			perKind[k] = &row{}
		}
		return perKind[k]
	}
	var total row
	var missedFails []string
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".expect")
		if !ok {
			continue
		}
		rels := readExpect(t, filepath.Join(dir, e.Name()))
		b, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		fs := Check(pressBody(string(b)))
		items := make([][]string, len(fs))
		for i, f := range fs {
			for _, s := range f.Figures {
				if s = pressNorm(s); s != "" {
					items[i] = append(items[i], s)
				}
			}
		}
		for i, f := range fs {
			if f.Holds {
				continue
			}
			k, _ := f.Kind.MarshalText()
			r := get(string(k))
			r.alarms++
			total.alarms++
			for _, rel := range rels {
				if !rel.holds && relMatches(rel, items[i]) {
					r.trueAlarms++
					total.trueAlarms++
					break
				}
			}
			if !slices.ContainsFunc(rels, func(rel relation) bool { return !rel.holds && relMatches(rel, items[i]) }) {
				t.Logf("%s: false alarm: %s", name, f)
			}
		}
		for _, rel := range rels {
			r := get(rel.kind)
			r.rels++
			total.rels++
			got, caught := false, false
			for i, f := range fs {
				if !relMatches(rel, items[i]) {
					continue
				}
				got = got || f.Holds == rel.holds
				caught = caught || !rel.holds && !f.Holds
			}
			if got {
				r.recalled++
				total.recalled++
			}
			if !rel.holds {
				r.fails++
				total.fails++
				if caught {
					r.caught++
					total.caught++
				} else if !unrequired[rel.kind] {
					missedFails = append(missedFails, name+": "+rel.raw)
				}
			}
		}
	}
	kinds := make([]string, 0, len(perKind))
	for k := range perKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	var tbl strings.Builder
	// Alarms are counted by the finding's kind, contradictions and
	// relations by the label's.
	fmt.Fprintf(&tbl, "| kind | alarms raised (true) | contradictions caught | relations recalled |\n| --- | --- | --- | --- |\n")
	for _, k := range append(kinds, "total") {
		r := perKind[k]
		if k == "total" {
			r = &total
		}
		fmt.Fprintf(&tbl, "| %s | %d (%d) | %d/%d | %d/%d |\n", k, r.alarms, r.trueAlarms, r.caught, r.fails, r.recalled, r.rels)
	}
	precision, recall := 1.0, 1.0
	if total.alarms > 0 {
		precision = float64(total.trueAlarms) / float64(total.alarms)
	}
	if total.rels > 0 {
		recall = float64(total.recalled) / float64(total.rels)
	}
	t.Logf("claims: precision %.3f (%d/%d alarms true), contradictions %d/%d, recall %.2f (%d/%d)\n%s",
		precision, total.trueAlarms, total.alarms, total.caught, total.fails, recall, total.recalled, total.rels, tbl.String())
	if precision < minPrecision {
		t.Errorf("precision of alarms %.3f, want at least %.2f", precision, minPrecision)
	}
	if recall < minRecall {
		t.Errorf("recall of labelled relations %.2f, want at least %.2f", recall, minRecall)
	}
	for _, m := range missedFails {
		t.Errorf("contradiction not caught: %s", m)
	}
}

type relation struct {
	holds   bool
	kind    string
	figures []string
	raw     string
}

// readExpect reads the labels of one text.
func readExpect(t *testing.T, path string) []relation {
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []relation
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		raw := line
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		p := strings.SplitN(line, "|", 3)
		if len(p) != 3 {
			t.Fatalf("%s: not <verdict> | <kind> | <figures>: %s", path, raw)
		}
		r := relation{holds: strings.TrimSpace(p[0]) == "holds", kind: strings.TrimSpace(p[1]), raw: strings.TrimSpace(line)}
		for _, f := range strings.Split(p[2], ";") {
			if f = pressNorm(f); f != "" {
				r.figures = append(r.figures, f)
			}
		}
		out = append(out, r)
	}
	return out
}

// pressBody is a text after its "source:" header.
func pressBody(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	if !strings.HasPrefix(s, "source:") {
		return s
	}
	if i := strings.Index(s, "\n\n"); i >= 0 {
		return s[i+2:]
	}
	return s
}

// pressNorm writes s in NFC, lower case, with runs of white space one
// space, no space around "/" or before "%", and no zero-width characters,
// as the scorer does.
func pressNorm(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	out := b.String()
	for _, p := range [][2]string{{" /", "/"}, {"/ ", "/"}, {" %", "%"}} {
		out = strings.ReplaceAll(out, p[0], p[1])
	}
	return out
}

// relCore is the number of a figure, from its first digit to its last,
// with a "%" right after it.
func relCore(s string) string {
	first, last := -1, -1
	for i, r := range s {
		if r >= '0' && r <= '9' {
			if first < 0 {
				first = i
			}
			last = i + 1
		}
	}
	if first < 0 {
		return s
	}
	if last < len(s) && s[last] == '%' {
		last++
	}
	return s[first:last]
}

// wholeIn reports whether needle stands in hay as a whole figure.
func wholeIn(hay, needle string) bool {
	if needle == "" {
		return false
	}
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	first, _ := utf8.DecodeRuneInString(needle)
	lastR, _ := utf8.DecodeLastRuneInString(needle)
	for off := 0; off <= len(hay); {
		k := strings.Index(hay[off:], needle)
		if k < 0 {
			return false
		}
		i, j := off+k, off+k+len(needle)
		off = i + 1
		b, bn := utf8.DecodeLastRuneInString(hay[:i])
		if digit(first) {
			if digit(b) {
				continue
			}
			if b == '.' || b == ',' {
				if bb, _ := utf8.DecodeLastRuneInString(hay[:i-bn]); digit(bb) {
					continue
				}
			}
		} else if unicode.IsLetter(first) && unicode.IsLetter(b) {
			continue
		}
		a, _ := utf8.DecodeRuneInString(hay[j:])
		if digit(lastR) {
			if digit(a) || a == '%' {
				continue
			}
			if a == '.' || a == ',' {
				if n, _ := utf8.DecodeRuneInString(hay[min(j+1, len(hay)):]); j+1 < len(hay) && digit(n) {
					continue
				}
			}
		} else if unicode.IsLetter(lastR) && unicode.IsLetter(a) {
			continue
		}
		return true
	}
	return false
}

// relOccurs reports whether the relation figure r occurs in items: its
// number inside one of them, or, for "a/b", each of a and b.
func relOccurs(r string, items []string) bool {
	c := relCore(r)
	for _, it := range items {
		if wholeIn(it, c) {
			return true
		}
	}
	if strings.Contains(c, "/") {
		parts := strings.Split(c, "/")
		for _, p := range parts {
			if p = strings.TrimSpace(p); p == "" || !relOccurs(p, items) {
				return false
			}
		}
		return len(parts) > 1
	}
	return false
}

func relMatches(r relation, items []string) bool {
	if len(r.figures) == 0 || len(items) == 0 {
		return false
	}
	for _, f := range r.figures {
		if !relOccurs(f, items) {
			return false
		}
	}
	return true
}
