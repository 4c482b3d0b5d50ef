package pipeline_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/chiso-vn/chiso/indicator/composite/pipeline"
)

// oneIndicator is a framework of one indicator x under the index I.
func oneIndicator(tb testing.TB) *pipeline.Framework {
	tb.Helper()
	meta := "Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,1,1,I,Indicator\n2,I,I,1,1,,Aggregate\n"
	f, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// Ranks are competition ranks on the exact values: values that one
// float64 cannot tell apart, far from zero or not, and negative ones, are
// ranked apart; equal values share a rank and the next rank counts them.
func TestRankExact(t *testing.T) {
	f := oneIndicator(t)
	rows := []struct{ unit, value string }{
		{"A", "1"},
		{"B", "1.000000000000000000000000000001"},
		{"C", "0.999999999999999999999999999999"},
		{"D", "5"},
		{"E", "5.0"},
		{"F", "9999999999"},
		{"G", "9999999999.0000000000000000001"},
		{"H", "-1"},
		{"I", "-1.0000000000000000000000000001"},
		{"J", ""},
		{"K", "1"},
	}
	want := map[string]int{"G": 1, "F": 2, "D": 3, "E": 3, "B": 5, "A": 6, "K": 6, "C": 8, "H": 9, "I": 10, "J": 0}
	var data strings.Builder
	data.WriteString("uCode,x\n")
	for _, r := range rows {
		fmt.Fprintf(&data, "%s,%s\n", r.unit, r.value)
	}
	d, err := pipeline.ReadData(strings.NewReader(data.String()), "d.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(f, d, pipeline.Aggregate{})
	if err != nil {
		t.Fatal(err)
	}
	for unit, w := range want {
		if got := res.Rank("x", unit); got != w {
			t.Errorf("rank of %s on x = %d, want %d", unit, got, w)
		}
		if got := res.Rank("I", unit); got != w {
			t.Errorf("rank of %s on the index = %d, want %d", unit, got, w)
		}
	}
}

// More than 99,999 units, which the pipeline once could not rank: 100,001
// units valued u mod 1000, so that every value but 0 is shared by 100
// units and 0 by 101.
func TestRankManyUnits(t *testing.T) {
	const n = 100_001
	f := oneIndicator(t)
	var data strings.Builder
	data.WriteString("uCode,x\n")
	for u := range n {
		fmt.Fprintf(&data, "u%d,%d\n", u, u%1000)
	}
	d, err := pipeline.ReadData(strings.NewReader(data.String()), "d.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(f, d, pipeline.Normalise{}, pipeline.Aggregate{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(res.Units()); got != n {
		t.Fatalf("%d units, want %d", got, n)
	}
	for unit, want := range map[string]int{"u999": 1, "u1999": 1, "u998": 101, "u1": 99801, "u0": 99901, "u100000": 99901} {
		if got := res.Rank("I", unit); got != want {
			t.Errorf("rank of %s = %d, want %d", unit, got, want)
		}
	}
}

// Aggregates are ranked on their exact values too, although they are
// computed in float64: means that round to the same float but differ are
// ranked apart, and equal means share a rank whatever their floats.
func TestRankAggregateExact(t *testing.T) {
	meta := "Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,1,1,I,Indicator\n1,y,Y,1,3,I,Indicator\n2,I,I,1,1,,Aggregate\n"
	f, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	// I = (x + 3y)/4.
	data := "uCode,x,y\n" +
		"A,0.1,0.2\n" + // 0.175
		"B,0.1000000000000000000004,0.2\n" + // 0.175 + 1e-22
		"C,0.4,0.1\n" + // 0.175
		"D,0.7,0\n" + // 0.175
		"E,0.0999999999999999999996,0.2\n" + // 0.175 − 1e-22
		"F,,0.175\n" // y alone: 0.175
	d, err := pipeline.ReadData(strings.NewReader(data), "d.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	for _, agg := range []pipeline.Aggregate{{Method: pipeline.ArithmeticMean}, {Method: pipeline.SumOfPoints}} {
		res, err := pipeline.Run(f, d, agg)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"B": 1, "A": 2, "C": 2, "D": 2, "F": 2, "E": 6}
		if agg.Method == pipeline.SumOfPoints { // x + 3y: F has 0.525, the others about 0.7
			want = map[string]int{"B": 1, "A": 2, "C": 2, "D": 2, "E": 5, "F": 6}
		}
		for unit, w := range want {
			if got := res.Rank("I", unit); got != w {
				t.Errorf("%v: rank of %s = %d, want %d", agg, unit, got, w)
			}
		}
		v, _ := res.Value("I", "B")
		if agg.Method == pipeline.ArithmeticMean && v.RatString() != "1750000000000000000001/10000000000000000000000" {
			t.Errorf("I of B = %s", v.RatString())
		}
	}
}

// A Screen after Aggregate keeps the aggregates of the units it keeps,
// exact, and ranks them among themselves.
func TestScreenAfterAggregate(t *testing.T) {
	meta := "Level,iCode,iName,Direction,Weight,Parent,Type\n1,x,X,1,1,I,Indicator\n1,y,Y,1,1,I,Indicator\n2,I,I,1,1,,Aggregate\n"
	f, err := pipeline.ReadFramework(strings.NewReader(meta), "m.csv")
	if err != nil {
		t.Fatal(err)
	}
	d, err := pipeline.ReadData(strings.NewReader("uCode,x,y\nA,1,2\nB,5,\nC,3,1\nD,0.1,0.2\n"), "d.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(f, d, pipeline.Aggregate{}, pipeline.Screen{Min: decimal.NewFromInt(1)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.Dropped, " ") != "B" {
		t.Errorf("dropped %v", res.Dropped)
	}
	for unit, want := range map[string]string{"A": "3/2", "C": "2", "D": "3/20"} {
		if v, ok := res.Value("I", unit); !ok || v.RatString() != want {
			t.Errorf("I of %s = %v, want %s", unit, v, want)
		}
	}
	for unit, want := range map[string]int{"C": 1, "A": 2, "D": 3, "B": 0} {
		if got := res.Rank("I", unit); got != want {
			t.Errorf("rank of %s = %d, want %d", unit, got, want)
		}
	}
}

// A Result answers from several goroutines at once: ranks are computed
// when first asked for, once.
func TestResultConcurrent(t *testing.T) {
	f := oneIndicator(t)
	d, err := pipeline.ReadData(strings.NewReader("uCode,x\nA,1\nB,3\nC,2\n"), "d.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(f, d, pipeline.Normalise{}, pipeline.Aggregate{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for unit, want := range map[string]int{"B": 1, "C": 2, "A": 3} {
				if got := res.Rank("I", unit); got != want {
					t.Errorf("rank of %s = %d, want %d", unit, got, want)
				}
				if _, ok := res.Value("I", unit); !ok {
					t.Errorf("no value for %s", unit)
				}
			}
		})
	}
	wg.Wait()
}
