package composite

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/chiso-vn/chiso/indicator"
	"github.com/chiso-vn/chiso/region"
)

// SensitivityOptions says which scenarios [Scorecard.Sensitivity] draws.
type SensitivityOptions struct {
	Samples int    // the number of scenarios, at least 1
	Seed    uint64 // the same seed draws the same scenarios
	// Weights is u in [0, 1): each scenario multiplies every criterion's
	// points by a factor drawn uniformly from [1−u, 1+u], then scales them
	// all so that the maximum total stays the same.
	Weights float64
	// Missing also draws, for each scenario with equal chance, whether
	// missing data scores zero or leaves the unit unranked.
	Missing bool
}

// validDraw reports whether scenarios can be drawn: at least one, with
// weights perturbed by u in [0, 1) (NaN is not).
func validDraw(samples int, u float64) bool { return samples >= 1 && u >= 0 && u < 1 }

// Spread is how a unit's rank moves over scenarios.
type Spread struct {
	Rank int // the unit's rank without perturbation; 0 when unranked
	// Over the scenarios in which the unit is ranked: its median rank (the
	// lower of the two middle ones), and its 5th and 95th percentile ranks
	// (nearest rank: the best and worst ranks of the middle 90% of them).
	Median, Low, High int
	Ranked            int // the scenarios in which it is ranked
	Kept              int // the scenarios in which its rank is Rank
}

// SpreadOf summarises the ranks a unit had over the scenarios that ranked
// it, given its rank without perturbation (0 when unranked): the spread
// that [Scorecard.Sensitivity] reports, for other sensitivity analyses
// (such as the COINr pipeline's) to report the same way. ranks is not
// changed.
func SpreadOf(rank int, ranks []int) Spread { return spreadOf(rank, slices.Clone(ranks)) }

// spreadOf is [SpreadOf], sorting ranks in place.
func spreadOf[R int | int32](rank int, ranks []R) Spread {
	s := Spread{Rank: rank, Ranked: len(ranks)}
	n := len(ranks)
	if n == 0 {
		return s
	}
	slices.Sort(ranks)
	at := func(q float64) int { return int(ranks[max(int(math.Ceil(q*float64(n)))-1, 0)]) }
	s.Median, s.Low, s.High = int(ranks[(n-1)/2]), at(0.05), at(0.95)
	for _, x := range ranks {
		if int(x) == rank {
			s.Kept++
		}
	}
	return s
}

// RankSpread is how a scored unit's rank moves over the scenarios of
// [Scorecard.Sensitivity].
type RankSpread struct {
	Unit region.Unit
	Spread
}

// Sensitivity asks how robust the scorecard's ranks are: it scores opt.Samples
// scenarios, each with the criteria's points perturbed (opt.Weights) and,
// with opt.Missing, a drawn treatment of missing data, and returns each
// unit's spread of ranks, in the scorecard's ranking order.
//
// Each scenario rescales every criterion's points of every unit by the same
// factor, which every rule allows (points are proportional to the
// criterion's maximum). The scores of the criteria are the scorecard's exact
// ones; the sums of a scenario are in float64 (about 16 significant digits,
// far finer than any published index), so that a thousand scenarios take
// milliseconds. Ties are broken as everywhere ([indicator.RankBy]). The
// result depends only on the scorecard and opt.
func (sc *Scorecard) Sensitivity(opt SensitivityOptions) ([]RankSpread, error) {
	if !validDraw(opt.Samples, opt.Weights) {
		return nil, errors.New("composite: Sensitivity: want at least 1 sample and weights u in [0, 1)")
	}
	nn, nu := len(sc.f.nodes), len(sc.units)
	// The criteria whose points are given (the leaves, or a merged unit's
	// main indicators), their maxima, and each unit's points as floats.
	var crit []int
	for j, g := range sc.given {
		if g && !sc.under[j] && sc.f.points[j].Sign() > 0 {
			crit = append(crit, j)
		}
	}
	nc := len(crit)
	pts := make([]float64, nu*nc)
	lacks := make([]bool, nu) // a given criterion without data
	for u := range sc.units {
		for k, j := range crit {
			if v := sc.vals[u*nn+j]; v.d != missing && v.d != missingAsZero {
				pts[u*nc+k] = sc.float(v)
			} else {
				lacks[u] = true
			}
		}
	}
	r := rand.New(rand.NewPCG(opt.Seed, 0x636869736f)) // "chiso"
	factor := make([]float64, nc)
	total := make([]float64, sc.h.Len())
	ranks := make([]int32, sc.h.Len())
	seen := make([][]int32, nu)
	idx := make([]int32, 0, nu)
	for range opt.Samples {
		for k := range factor {
			factor[k] = 1 + opt.Weights*(2*r.Float64()-1)
		}
		zero := sc.c.spec.MissingAsZero
		if opt.Missing {
			zero = r.IntN(2) == 0
		}
		idx = idx[:0]
		for u, i := range sc.units {
			if lacks[u] && !zero || !lacks[u] && !sc.full[u] {
				continue
			}
			t := 0.0
			for k := range factor {
				t += pts[u*nc+k] * factor[k]
			}
			total[i] = t
			idx = append(idx, i)
		}
		indicator.RankBy(sc.h, idx, func(a, b int32) int { return cmp.Compare(total[a], total[b]) }, indicator.Competition, ranks)
		for _, i := range idx {
			u := sc.pos[i]
			seen[u] = append(seen[u], ranks[i])
		}
	}
	out := make([]RankSpread, 0, nu)
	for _, us := range sc.Ranking() {
		i, _ := sc.h.Index(us.Unit.Code)
		u := sc.pos[int32(i)]
		out = append(out, RankSpread{us.Unit, spreadOf(us.Rank, seen[u])})
	}
	return out, nil
}

// String describes the spread in Vietnamese: "hạng 3, trong 90% kịch bản
// từ hạng 2 đến hạng 5 (giữ hạng 3 trong 41% kịch bản)".
func (s Spread) String() string { return s.text(0) }

// English is String in English: "rank 3, rank 2 to 5 in 90% of the
// scenarios (kept rank 3 in 41% of them)".
func (s Spread) English() string { return s.text(1) }

// spreadWords are the words of a spread in Vietnamese and English: never
// ranked, unranked, a rank, one rank in 90% of the scenarios, a range of
// ranks.
var spreadWords = [2][5]string{
	{"không được xếp hạng trong kịch bản nào", "chưa xếp hạng", "hạng %d",
		"%s, trong 90%% kịch bản vẫn hạng %d (giữ %s trong %s%% kịch bản)",
		"%s, trong 90%% kịch bản từ hạng %d đến hạng %d (giữ %s trong %s%% kịch bản)"},
	{"unranked in every scenario", "unranked", "rank %d",
		"%s, still rank %d in 90%% of the scenarios (kept %s in %s%% of them)",
		"%s, rank %d to %d in 90%% of the scenarios (kept %s in %s%% of them)"},
}

func (s Spread) text(lang int) string {
	w := spreadWords[lang]
	if s.Ranked == 0 {
		return w[0]
	}
	rank := w[1]
	if s.Rank > 0 {
		rank = fmt.Sprintf(w[2], s.Rank)
	}
	kept := indicator.MustRatio(int64(s.Kept), int64(s.Ranked)).Percent(0, indicator.HalfUp)
	if s.Low == s.High {
		return fmt.Sprintf(w[3], rank, s.Low, rank, kept)
	}
	return fmt.Sprintf(w[4], rank, s.Low, s.High, rank, kept)
}
