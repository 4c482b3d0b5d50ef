package claim

import (
	"strings"
	"testing"
	"time"
)

// hostile are texts built to hurt a reader that pairs every figure with
// every other: one endless sentence of counts, of dates, of parts after
// "trong đó", of percents in a ranking; each of about n bytes.
var hostile = []struct {
	name string
	unit string
}{
	{"counts", "1.000 tài khoản, "},
	{"dates", "ngày 23/3, "},
	{"parts", "hơn 1.000 tài khoản, trong đó 500 tài khoản, "},
	{"ranking", "Hà Nội dẫn đầu (56,83%), tiếp đó là Huế (42,13%); "},
	{"names", "10 địa phương gồm: Bắc Giang, Lạng Sơn, "},
	{"percents", "đạt tỷ lệ 20,3%, chiếm 61,29% "},
}

// raceDetector is set when the race detector slows every check down.
var raceDetector bool

func hostileText(unit string, n int) string {
	return strings.Repeat(unit, n/len(unit)+1)
}

// TestCheckHostileLinear: each hostile text of 256 KB is checked in a few
// seconds at most (BenchmarkCheckHostile measures 1 MB), and its findings
// quote bounded excerpts.
func TestCheckHostileLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("256 KB texts")
	}
	for _, h := range hostile {
		text := hostileText(h.unit, 256<<10)
		start := time.Now()
		fs := Check(text)
		if d := time.Since(start); d > 5*time.Second && !raceDetector {
			t.Errorf("%s: %v for 256 KB", h.name, d)
		}
		for _, f := range fs {
			for _, c := range f.Claims {
				if len(c) > fragmentBefore+fragmentAfter+16 {
					t.Fatalf("%s: a fragment of %d bytes", h.name, len(c))
				}
			}
		}
	}
}

// BenchmarkCheckHostile checks each hostile text at 10 KB, 100 KB and 1
// MB: the time per byte must stay flat.
func BenchmarkCheckHostile(b *testing.B) {
	for _, h := range hostile {
		for _, n := range []int{10 << 10, 100 << 10, 1 << 20} {
			text := hostileText(h.unit, n)
			b.Run(h.name+"/"+sizeName(n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Check(text)
				}
			})
		}
	}
}

// BenchmarkCheck1MB checks 1 MB of article text (the 5.000-word article
// repeated): within 2× per byte of BenchmarkCheckText.
func BenchmarkCheck1MB(b *testing.B) {
	one := benchArticle(b)
	text := strings.Repeat(one+"\n", (1<<20)/len(one)+1)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Check(text)
	}
}

func sizeName(n int) string {
	switch {
	case n >= 1<<20:
		return "1MB"
	case n >= 100<<10:
		return "100KB"
	}
	return "10KB"
}
