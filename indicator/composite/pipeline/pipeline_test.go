package pipeline_test

import (
	"encoding/csv"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator/composite/pipeline"
	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/region"
)

// asem reads COINr's ASEM example from testdata/coinr-asem.
func asem(tb testing.TB) (*pipeline.Framework, *pipeline.Data) {
	dir := filepath.Join(seeds.Root(), "testdata", "coinr-asem")
	mf, err := os.Open(filepath.Join(dir, "ASEM_iMeta.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer mf.Close()
	f, err := pipeline.ReadFramework(mf, "ASEM_iMeta.csv")
	if err != nil {
		tb.Fatal(err)
	}
	df, err := os.Open(filepath.Join(dir, "ASEM_iData.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer df.Close()
	d, err := pipeline.ReadData(df, "ASEM_iData.csv", f)
	if err != nil {
		tb.Fatal(err)
	}
	return f, d
}

func readTable(tb testing.TB, name string) [][]string {
	f, err := os.Open(filepath.Join(seeds.Root(), "testdata", "coinr-asem", name))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comment = '#'
	rows, err := cr.ReadAll()
	if err != nil {
		tb.Fatal(err)
	}
	return rows
}

// TestCOINrASEM runs COINr's default pipeline on its ASEM example and
// compares the index, both sub-indices and all eight pillars of the 51
// countries with COINr's own results (testdata/coinr-asem/results.csv):
// every value within 0,01 and the ranks on the index equal; and the
// indicators COINr treats, with the number of points it winsorises.
func TestCOINrASEM(t *testing.T) {
	f, d := asem(t)
	res, err := pipeline.Run(f, d, pipeline.COINrDefault("EurAsia_group")...)
	if err != nil {
		t.Fatal(err)
	}
	rows := readTable(t, "results.csv")
	head := rows[0]
	if len(rows)-1 != 51 || len(res.Units()) != 51 {
		t.Fatalf("%d reference rows, %d units", len(rows)-1, len(res.Units()))
	}
	worst := 0.0
	for _, row := range rows[1:] {
		unit := row[0]
		if got := res.Rank("Index", unit); strconv.Itoa(got) != row[1] {
			t.Errorf("%s: rank %d, COINr %s", unit, got, row[1])
		}
		for k := 2; k < len(head); k++ {
			want, _ := strconv.ParseFloat(row[k], 64)
			v, ok := res.Value(head[k], unit)
			if !ok {
				t.Errorf("%s %s: no value", unit, head[k])
				continue
			}
			got, _ := v.Float64()
			diff := got - want
			if diff < 0 {
				diff = -diff
			}
			worst = max(worst, diff)
			if diff >= 0.01 {
				t.Errorf("%s %s = %.4f, COINr %.4f", unit, head[k], got, want)
			}
		}
	}
	t.Logf("largest difference from COINr over 51 × 11 values: %.2g", worst)

	var treated []string
	for _, tr := range res.Treated {
		treated = append(treated, tr.Indicator+":"+strconv.Itoa(len(tr.Winsorised))+":"+strconv.FormatBool(tr.Log))
	}
	var want []string
	for _, row := range readTable(t, "treated.csv")[1:] {
		want = append(want, row[0]+":"+row[3]+":"+strconv.FormatBool(row[4] != "TRUE"))
	}
	if !slices.Equal(treated, want) {
		t.Errorf("treated (indicator:points:log)\n got %v\nwant %v", treated, want)
	}
	if len(res.Dropped) != 0 {
		t.Errorf("screened out %v; COINr keeps all 51", res.Dropped)
	}
	// Skewness and kurtosis as COINr (e1071 type 2) computes them.
	for k, row := range readTable(t, "treated.csv")[1:] {
		s, _ := strconv.ParseFloat(row[1], 64)
		ku, _ := strconv.ParseFloat(row[2], 64)
		if tr := res.Treated[k]; math.Abs(tr.Skew-s) > 1e-5 || math.Abs(tr.Kurt-ku) > 1e-5 {
			t.Errorf("%s: skew %.6f kurt %.6f, COINr %s %s", tr.Indicator, tr.Skew, tr.Kurt, row[1], row[2])
		}
	}
}

// A winsorisation and a z-score by hand.
func TestTreatAndZScore(t *testing.T) {
	meta := "Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,1,1,I,Indicator\n2,I,I,1,1,,Aggregate\n"
	f, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	data := "uCode,x\nA,1\nB,2\nC,3\nD,4\nE,5\nF,6\nG,7\nH,8\nI,9\nJ,100\n"
	d, err := pipeline.ReadData(strings.NewReader(data), "d.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	if us := d.Units(); len(us) != 10 || us[0].Code != "A" || us[9].Code != "J" {
		t.Errorf("units %v, want A to J in file order", us)
	}
	// 1..9 and 100: skewness 3,12, kurtosis 9,80 fail; winsorising the
	// highest point once (100 → 9) passes.
	res, err := pipeline.Run(f, d, pipeline.Treat{})
	if err != nil {
		t.Fatal(err)
	}
	tr := res.Treated[0]
	if math.Abs(tr.Skew-3.1189) > 1e-4 || math.Abs(tr.Kurt-9.7992) > 1e-4 || strings.Join(tr.Winsorised, " ") != "J" || tr.Log || !tr.Passes {
		t.Errorf("treatment %+v", tr)
	}
	// After: 1..9 and 9, skewness −0,1515 and kurtosis −1,3570.
	if math.Abs(tr.SkewAfter+0.151463) > 1e-6 || math.Abs(tr.KurtAfter+1.356985) > 1e-6 {
		t.Errorf("after treatment: skew %.6f kurt %.6f, want −0.151463 −1.356985", tr.SkewAfter, tr.KurtAfter)
	}
	if v, _ := res.Value("x", "J"); v.Cmp(big.NewRat(9, 1)) != 0 {
		t.Errorf("J winsorised to %v", v)
	}
	// z-scores of 1, 2, 3: mean 2, sd 1.
	d3, _ := pipeline.ReadData(strings.NewReader("uCode,x\nA,1\nB,2\nC,3\n"), "d.csv", f)
	res, err = pipeline.Run(f, d3, pipeline.Normalise{Method: pipeline.NormZScore})
	if err != nil {
		t.Fatal(err)
	}
	for unit, want := range map[string]float64{"A": -1, "B": 0, "C": 1} {
		if v, _ := res.Value("x", unit); ratF(v) != want {
			t.Errorf("z(%s) = %v, want %v", unit, v, want)
		}
	}
}

func ratF(x *big.Rat) float64 { f, _ := x.Float64(); return f }

// Worked examples of each step, by hand.
func TestPipelineSteps(t *testing.T) {
	meta := "Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type\n" +
		"1,a,A,1,1,,,Pop,P,Indicator\n" +
		"1,b,B,-1,1,,10,,P,Indicator\n" +
		"1,c,C,1,2,,,,Q,Indicator\n" +
		"2,P,P,1,1,,,,I,Aggregate\n" +
		"2,Q,Q,1,1,,,,I,Aggregate\n" +
		"3,I,Index,1,1,,,,,Aggregate\n" +
		",G,Group,,,,,,,Group\n" +
		",Pop,Population,,,,,,,Denominator\n"
	f, err := pipeline.ReadFramework(strings.NewReader(meta), "meta.csv")
	if err != nil {
		t.Fatal(err)
	}
	data := "uCode,uName,G,Pop,a,b,c\n" +
		"U1,Một,x,10,100,1,4\n" +
		"U2,Hai,x,20,100,3,\n" +
		"U3,Ba,y,5,,5,8\n" +
		"U4,Bốn,y,10,300,7,1\n"
	d, err := pipeline.ReadData(strings.NewReader(data), "data.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	r := func(s string) *big.Rat { x, _ := new(big.Rat).SetString(s); return x }
	check := func(res *pipeline.Result, node, unit, want string) {
		t.Helper()
		v, ok := res.Value(node, unit)
		if !ok && want != "" || ok && (want == "" || v.Cmp(r(want)) != 0) {
			t.Errorf("%s of %s = %v, want %s", node, unit, v, want)
		}
	}
	// Denominate: a per person is 10, 5, missing, 30. Impute by group: U3
	// takes the mean of group y, which has only U4: 30; c of U2 takes
	// group x's 4.
	res, err := pipeline.Run(f, d, pipeline.Denominate{}, pipeline.Impute{Method: pipeline.ImputeGroupMean, Group: "G"})
	if err != nil {
		t.Fatal(err)
	}
	check(res, "a", "U2", "5")
	check(res, "a", "U3", "30")
	check(res, "c", "U2", "4")
	if res.Imputed != 2 {
		t.Errorf("%d imputed", res.Imputed)
	}
	// Mean and median imputation: a's mean of 10, 5, 30 is 15; c's median
	// of 4, 8, 1 is 4.
	res, _ = pipeline.Run(f, d, pipeline.Denominate{}, pipeline.Impute{Method: pipeline.ImputeMean})
	check(res, "a", "U3", "15")
	res, _ = pipeline.Run(f, d, pipeline.Impute{Method: pipeline.ImputeMedian})
	check(res, "c", "U2", "4")
	// Screening at 100% drops the units with a missing value.
	res, _ = pipeline.Run(f, d, pipeline.Screen{Min: decimal.NewFromInt(1)})
	if strings.Join(res.Dropped, " ") != "U2 U3" {
		t.Errorf("dropped %v", res.Dropped)
	}
	// Min-max after direction: b is lower-better, so 1 → 100 and 7 → 0;
	// 3 → 200/3.
	res, err = pipeline.Run(f, d, pipeline.Denominate{}, pipeline.Impute{Method: pipeline.ImputeGroupMean, Group: "G"}, pipeline.Normalise{}, pipeline.Aggregate{})
	if err != nil {
		t.Fatal(err)
	}
	check(res, "b", "U1", "100")
	check(res, "b", "U2", "200/3")
	check(res, "b", "U4", "0")
	// a: 10, 5, 30, 30 → (a−5)/25·100 = 20, 0, 100, 100.
	// P is the mean of a and b: U1 (20 + 100)/2 = 60; U4 (100 + 0)/2 = 50.
	// Q is c alone: U4 (1 − 1)/7·100 = 0. I = (50 + 0)/2 = 25.
	check(res, "P", "U1", "60")
	check(res, "I", "U4", "25")
	// Rank: lowest is 1, ties share.
	res, _ = pipeline.Run(f, d, pipeline.Normalise{Method: pipeline.NormRank})
	check(res, "b", "U4", "1")
	check(res, "b", "U1", "4")
	// a per person, imputed: 10, 5, 30, 30 ranks 2, 1, 3, 3.
	res, _ = pipeline.Run(f, d, pipeline.Denominate{}, pipeline.Impute{Method: pipeline.ImputeGroupMean, Group: "G"}, pipeline.Normalise{Method: pipeline.NormRank})
	for unit, want := range map[string]string{"U1": "2", "U2": "1", "U3": "3", "U4": "3"} {
		check(res, "a", unit, want)
	}
	// Geometric mean with a zero is an error; harmonic mean exact.
	if _, err := pipeline.Run(f, d, pipeline.Denominate{}, pipeline.Impute{Method: pipeline.ImputeGroupMean, Group: "G"}, pipeline.Normalise{}, pipeline.Aggregate{Method: pipeline.GeometricMean}); err == nil {
		t.Error("a geometric mean of a zero succeeded")
	}
}

func TestPipelineSensitivity(t *testing.T) {
	f, d := asem(t)
	steps := pipeline.COINrDefault("EurAsia_group")
	still, err := pipeline.Sensitivity(f, d, steps, pipeline.Variation{Samples: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(still) != 51 || still[0].Unit.Code != "CHE" || still[0].Rank != 1 {
		t.Fatalf("base ranking: %+v", still[0])
	}
	for _, s := range still {
		if s.Kept != 5 || s.Low != s.Rank || s.High != s.Rank {
			t.Errorf("without variation %s moved: %+v", s.Unit.Code, s.Spread)
		}
	}
	v := pipeline.Variation{
		Normalisers: []pipeline.Normalise{{Method: pipeline.NormMinMax}, {Method: pipeline.NormRank}, {Method: pipeline.NormZScore}},
		Weights:     0.25, Samples: 40, Seed: 3,
	}
	a, err := pipeline.Sensitivity(f, d, steps, v)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := pipeline.Sensitivity(f, d, steps, v)
	moved := 0
	for k := range a {
		if a[k].Unit.Code != b[k].Unit.Code || a[k].Spread != b[k].Spread {
			t.Fatalf("the same seed differs: %+v %+v", a[k], b[k])
		}
		if s := a[k]; s.Low > s.Median || s.Median > s.High || s.Ranked != 40 {
			t.Errorf("%s: %+v", s.Unit.Code, s.Spread)
		}
		if a[k].Low != a[k].High {
			moved++
		}
	}
	if moved == 0 {
		t.Error("nobody moved")
	}
	if _, err := pipeline.Sensitivity(f, d, steps[:4], v); err == nil {
		t.Error("a pipeline without Normalise accepted")
	}
	if _, err := pipeline.Sensitivity(f, d, steps, pipeline.Variation{Samples: 1, Weights: math.NaN()}); err == nil {
		t.Error("NaN weights accepted")
	}
}

func BenchmarkPipelineASEM(b *testing.B) {
	f, d := asem(b)
	steps := pipeline.COINrDefault("EurAsia_group")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pipeline.Run(f, d, steps...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPipelineSensitivityASEM draws 100 scenarios of COINr's example
// with three normalisations and weights varied by 25%.
func BenchmarkPipelineSensitivityASEM(b *testing.B) {
	f, d := asem(b)
	steps := pipeline.COINrDefault("EurAsia_group")
	v := pipeline.Variation{
		Normalisers: []pipeline.Normalise{{Method: pipeline.NormMinMax}, {Method: pipeline.NormRank}, {Method: pipeline.NormZScore}},
		Weights:     0.25, Samples: 100, Seed: 3,
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := pipeline.Sensitivity(f, d, steps, v); err != nil {
			b.Fatal(err)
		}
	}
}

// national builds the national case: 10,047 units × 30 indicators in three
// pillars, seven groups, with 5% of values missing (as decimals with two
// places), and its pipeline: group-mean imputation, COINr's default
// treatment, min-max, arithmetic means.
func national(tb testing.TB) (*pipeline.Framework, *pipeline.Data, []pipeline.Step) {
	var meta, data strings.Builder
	meta.WriteString("Level,iCode,iName,Direction,Weight,Parent,Type\n")
	data.WriteString("uCode,uName,G")
	for k := range 30 {
		fmt.Fprintf(&meta, "1,i%d,i%d,%d,1,P%d,Indicator\n", k, k, 1-2*(k%4/3), k%3)
		fmt.Fprintf(&data, ",i%d", k)
	}
	meta.WriteString("2,P0,P0,1,1,I,Aggregate\n2,P1,P1,1,1,I,Aggregate\n2,P2,P2,1,1,I,Aggregate\n3,I,Index,1,1,,Aggregate\n,G,G,,,,Group\n")
	data.WriteString("\n")
	r := rand.New(rand.NewPCG(1, 2))
	for u := range 10047 {
		fmt.Fprintf(&data, "%05d,u%d,%c", u, u, 'a'+rune(u%7))
		for range 30 {
			if r.IntN(20) == 0 {
				data.WriteString(",")
				continue
			}
			fmt.Fprintf(&data, ",%d.%02d", r.IntN(1000), r.IntN(100))
		}
		data.WriteString("\n")
	}
	f, err := pipeline.ReadFramework(strings.NewReader(meta.String()), "meta.csv")
	if err != nil {
		tb.Fatal(err)
	}
	d, err := pipeline.ReadData(strings.NewReader(data.String()), "data.csv", f)
	if err != nil {
		tb.Fatal(err)
	}
	return f, d, []pipeline.Step{pipeline.Impute{Method: pipeline.ImputeGroupMean, Group: "G"}, pipeline.Treat{}, pipeline.Normalise{}, pipeline.Aggregate{}}
}

// BenchmarkPipelineNational runs the national case's pipeline and ranks
// the units on the index (COINr's side of the comparison stops at its
// Aggregate; the ranking is chiso's extra).
func BenchmarkPipelineNational(b *testing.B) {
	f, d, steps := national(b)
	b.ReportAllocs()
	for b.Loop() {
		res, err := pipeline.Run(f, d, steps...)
		if err != nil {
			b.Fatal(err)
		}
		res.Rank("I", "00000")
	}
}

// BenchmarkPipelineSensitivityNational is an uncertainty analysis of the
// national case, 21 scenarios and 101, drawing one of three normalisations
// and the weights varied by 25%: each normalisation is computed once, when
// first drawn, so the difference over 80 is what one more scenario costs,
// next to a whole run of BenchmarkPipelineNational.
func BenchmarkPipelineSensitivityNational(b *testing.B) {
	f, d, steps := national(b)
	for _, n := range []int{21, 101} {
		b.Run(fmt.Sprintf("samples=%d", n), func(b *testing.B) {
			v := pipeline.Variation{
				Normalisers: []pipeline.Normalise{{Method: pipeline.NormMinMax}, {Method: pipeline.NormRank}, {Method: pipeline.NormZScore}},
				Weights:     0.25, Samples: n, Seed: 3,
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := pipeline.Sensitivity(f, d, steps, v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A malformed line of a framework is reported at its place, and the lines
// after it are still read and checked.
func TestReadFrameworkMalformedLine(t *testing.T) {
	meta := "Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X\"Y,1,1,I,Indicator\n1,y,Y,1,1,I,Indicator,extra\n1,z,Z,7,1,I,Indicator\n2,I,I,1,1,,Aggregate\n"
	_, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	var pe *region.ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !errors.Is(err, region.ErrMalformed) {
		t.Fatalf("got %v, want a malformed line 2", err)
	}
	for _, want := range []string{"m.csv:2:", "m.csv:3:", "m.csv:4:"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q not reported in\n%v", want, err)
		}
	}
}

func FuzzReadFramework(f *testing.F) {
	f.Add("Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,1,1,I,Indicator\n2,I,I,1,1,,Aggregate\n")
	f.Add("Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,2,-1,I,Indicator\n1,x,X,1,1,J,Indicator\n3,I,I,1,1,,Aggregate\n")
	f.Add("Level,iCode,iName,Direction,Weight,Denominator,Parent,Type\n1,x,X,1,1,Pop,I,Indicator\n2,I,I,1,1,,,Aggregate\n,Pop,P,,,,,Denominator\n")
	f.Fuzz(func(t *testing.T, in string) {
		fw, err := pipeline.ReadFramework(strings.NewReader(in), "f.csv")
		if err != nil {
			return
		}
		// A framework that reads has one index, and every parent one level up.
		byCode := map[string]pipeline.FrameNode{}
		for _, n := range fw.Nodes() {
			byCode[n.Code] = n
		}
		for _, n := range fw.Nodes() {
			if p, ok := byCode[n.Parent]; n.Parent != "" && (!ok || p.Level != n.Level+1) {
				t.Fatalf("%s has parent %q", n.Code, n.Parent)
			}
		}
		if fw.Index() == "" {
			t.Fatal("no index")
		}
	})
}

// A step with a method it does not know names it by number, and fails to
// run rather than doing something else.
func TestUnknownMethod(t *testing.T) {
	meta := "Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,1,1,I,Indicator\n2,I,I,1,1,,Aggregate\n,G,G,,,,Group\n"
	f, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	d, err := pipeline.ReadData(strings.NewReader("uCode,G,x\nA,g,1\nB,g,\nC,h,3\n"), "d.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		step pipeline.Step
		want string
	}{
		{pipeline.Normalise{Method: 9}, "normalise, NormMethod(9)"},
		{pipeline.Aggregate{Method: 9}, "aggregate, AggMethod(9)"},
		{pipeline.Impute{Method: 9, Group: "G"}, "impute, ImputeMethod(9)"},
	} {
		if got := tt.step.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		_, err := pipeline.Run(f, d, tt.step)
		if err == nil || !strings.Contains(err.Error(), tt.want+": unknown method") {
			t.Errorf("Run(%s) = %v, want an unknown method", tt.want, err)
		}
	}
	for _, tt := range []struct {
		step pipeline.Step
		want string
	}{
		{pipeline.Normalise{Method: pipeline.NormNone}, "no normalisation"},
		{pipeline.Aggregate{Method: pipeline.SumOfPoints}, "sum of points"},
		{pipeline.Impute{Method: pipeline.ImputeGroupMean, Group: "G"}, "impute group mean by G"},
	} {
		if got := tt.step.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

// Numbers whose exact value would cost a huge integer are refused at
// their place, fast: an exponent beyond ±60, more than 40 characters.
func TestReadHostileNumbers(t *testing.T) {
	meta := "Level,iCode,iName,Direction,Weight,Target,Parent,Type\n1,x,X,1,1e99999999,,I,Indicator\n1,y,Y,1,1,1e-99999999,I,Indicator\n2,I,I,1,1,,,Aggregate\n"
	_, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	for _, want := range []string{"m.csv:2:", "weight \"1e99999999\"", "m.csv:3:", "target \"1e-99999999\""} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("framework: %q not in %v", want, err)
		}
	}
	f := oneIndicator(t)
	_, err = pipeline.ReadData(strings.NewReader("uCode,x\nA,1e99999999\nB,3.6e-05\nC,"+strings.Repeat("1", 41)+"\n"), "d.csv", f)
	for _, want := range []string{"d.csv:2:", "d.csv:4:"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("data: %q not in %v", want, err)
		}
	}
	if err != nil && strings.Contains(err.Error(), "d.csv:3:") {
		t.Errorf("3.6e-05, as R writes it, refused: %v", err)
	}
}

// FuzzReadData reads data for a small framework: a table that reads runs
// through the default steps without a panic, and every value it holds is
// within the bounds of ReadFramework.
func FuzzReadData(f *testing.F) {
	meta := "Level,iCode,iName,Direction,Weight,Denominator,Parent,Type\n1,x,X,1,1,Pop,I,Indicator\n1,y,Y,-1,2,,I,Indicator\n2,I,I,1,1,,,Aggregate\n,G,G,,,,,Group\n,Pop,P,,,,,Denominator\n"
	fw, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add("uCode,G,Pop,x,y\nA,g,10,1,2\nB,g,0,3,\nC,h,5,,4\nD,h,1,2e-06,NA\n")
	f.Add("uCode,G,Pop,x,y\nA,g,1e60,1e-60,1\nB,g,1,1,1\n")
	f.Add("uCode,G,Pop,x,y\nA,g,1,1e61,1\n")
	f.Add("uCode,G,Pop,x,y\nA,g,1,1,1\nA,g,1,1,1\n")
	f.Fuzz(func(t *testing.T, in string) {
		d, err := pipeline.ReadData(strings.NewReader(in), "d.csv", fw)
		if err != nil {
			return
		}
		for _, steps := range [][]pipeline.Step{pipeline.COINrDefault("G"), {pipeline.Normalise{Method: pipeline.NormRank}, pipeline.Aggregate{Method: pipeline.HarmonicMean}}} {
			res, err := pipeline.Run(fw, d, steps...)
			if err != nil {
				continue
			}
			for _, u := range res.Units() {
				res.Rank("I", u.Code)
				res.Value("I", u.Code)
			}
		}
	})
}
