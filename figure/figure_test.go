package figure

import (
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/chiso-vn/chiso/internal/seeds"
	"github.com/chiso-vn/chiso/numeral"
	"golang.org/x/text/unicode/norm"
)

func TestParseFigure(t *testing.T) {
	tests := []struct {
		in    string
		kind  Kind
		rng   string
		value string
	}{
		{"60.827", Count, "[60.827; 60.827]", "60827"},
		{"256.620", Count, "[256.620; 256.620]", "256620"},
		{"hơn 741.000", Count, "(741.000; 742.000)", "741000"},
		{"trên 504.000", Count, "(504.000; 505.000)", "504000"},
		{"hơn 730", Count, "(730; 740)", "730"},
		{"gần 9.000", Count, "[8.000; 9.000)", "9000"},
		{"khoảng 1,5 triệu", Count, "[1.450.000; 1.550.000)", "1500000"},
		{"741 nghìn", Count, "[740.500; 741.500)", "741000"},
		{"164%", Percent, "[163,5; 164,5)", "164"},
		{"đạt 164%", Percent, "[163,5; 164,5)", "164"},
		{"60,5%", Percent, "[60,45; 60,55)", "121/2"},
		{"hơn 300%", Percent, "(300; 301)", "300"},
		{"100%", Percent, "[99,5; 100,5)", "100"},
		{"vượt 100%", Percent, "(100; ∞)", "100"},
		{"chiếm 60 %", Percent, "[59,5; 60,5)", "60"},
		{"19/218", Fraction, "[0,09; 0,09]", "19/218"},
		{"07", Count, "[7; 7]", "7"},                                   // "tối thiểu 07 người"
		{"01/20", Fraction, "[0,05; 0,05]", "1/20"},                    // "01/20 cơ quan"
		{"354.938/654.392", Fraction, "[0,54; 0,54]", "177469/327196"}, // a ratio grouped by thousands
		{"0,5-0,6%", Percent, "[0,45; 0,65)", "1/2"},
	}
	for _, tt := range tests {
		f, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if f.Kind != tt.kind || f.Range.Format(2) != tt.rng || f.Value.RatString() != tt.value {
			t.Errorf("Parse(%q) = kind %d range %s value %s; want %d %s %s", tt.in, f.Kind, f.Range.Format(2), f.Value.RatString(), tt.kind, tt.rng, tt.value)
		}
	}
	for _, d := range []struct {
		in             string
		day, mon, year int
	}{{"23/3", 23, 3, 0}, {"30/4", 30, 4, 0}, {"28/9/2021", 28, 9, 2021}} {
		f, err := Parse(d.in)
		if err != nil || f.Kind != Date || f.Day != d.day || f.Month != d.mon || f.Year != d.year {
			t.Errorf("Parse(%q) = %+v, %v", d.in, f, err)
		}
	}
	if f, _ := Parse("0,7955"); f.Range.Format(5) != "[0,79545; 0,79555)" {
		t.Errorf("0,7955 = %s", f.Range.Format(5))
	}
	tr, _ := ParseWith("164%", Truncated)
	if tr.Range.Format(1) != "[164; 165)" {
		t.Errorf("truncated 164%% = %s", tr.Range.Format(1))
	}
}

func TestParseFigureErrors(t *testing.T) {
	for in, why := range map[string]string{
		"217.00":     `a thousands group has three digits, "00" has 2`,
		"hơn 217.00": `a thousands group has three digits`,
		"1.2.3":      `a thousands group has three digits, "2" has 1`,
		"12,":        "a decimal comma with no digits after it",
		"":           "no number",
		"hơn":        `"hơn" is not digits`,
		"%5":         `"%5" is not digits`,
		"5% triệu":   "a percent sign where it does not belong",
		"1,5 con":    `"con" is not a scale word`,
		"0123":       "a leading zero",
		"1234.567":   "the first group",
		"31/2/3/4":   "too many slashes",
		"32/13/2020": "no such date",
		"5/0":        "a fraction over zero",
		"1,2,3":      "separators after the decimal comma",
		"60%%":       "is not digits",
		"1.000 %":    "",
		"1-0%":       "start exceeds its end",
		"2-1%":       "start exceeds its end",
		"0,5-0,4%":   "start exceeds its end",
		"1-0,5%":     "start exceeds its end",
		"007":        "a leading zero",
		"3.857/45.6": "not a whole number",
	} {
		_, err := Parse(in)
		if why == "" {
			if err != nil {
				t.Errorf("Parse(%q): %v", in, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), why) || !errors.Is(err, ErrMalformed) {
			t.Errorf("Parse(%q) = %v, want %q", in, err, why)
		}
	}
}

// TestArticleFigures parses every count and percent the articles print;
// exactly one, "217.00", is malformed.
func TestArticleFigures(t *testing.T) {
	var bad []string
	for _, r := range seeds.MustLoad(t) {
		if r.Kind != "count" && r.Kind != "percent" {
			continue
		}
		text := r.Number
		if r.Qualifier == "hơn" || r.Qualifier == "trên" {
			text = r.Qualifier + " " + text
		}
		f, err := Parse(text)
		if err != nil {
			bad = append(bad, r.Number)
			continue
		}
		if r.Qualifier == "exact" && !f.Range.Contains(f.Value) {
			t.Errorf("articles.csv:%d: %q does not contain its value", r.Line, text)
		}
		if r.Percent != "" {
			if _, err := Parse(r.Percent + "%"); err != nil {
				t.Errorf("articles.csv:%d: %v", r.Line, err)
			}
		}
	}
	if strings.Join(bad, " ") != "217.00" {
		t.Errorf("malformed figures: %v, want only 217.00", bad)
	}
}

func FuzzParseFigure(f *testing.F) {
	for _, s := range []string{"60.827", "hơn 741.000", "217.00", "164%", "60,5%", "1,5 triệu", "23/3", "19/218", "gần 9.000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fig, err := Parse(s)
		if err != nil {
			return
		}
		if fig.Kind == Date {
			return
		}
		if fig.Range.IsEmpty() {
			t.Fatalf("%q: empty range %s", s, fig.Range)
		}
		// A count printed back the Vietnamese way reads as the same value.
		if fig.Kind == Count && fig.Value.IsInt() && fig.Value.Num().IsInt64() {
			back, err := Parse(numeral.FormatInt(fig.Value.Num().Int64(), numeral.Vietnamese))
			if err != nil || back.Value.Cmp(fig.Value) != 0 {
				t.Fatalf("%q → %s → %v, %v", s, numeral.FormatInt(fig.Value.Num().Int64(), numeral.Vietnamese), back.Value, err)
			}
		}
	})
}

func TestIntervalArithmetic(t *testing.T) {
	r := func(a, b int64) *big.Rat { return big.NewRat(a, b) }
	i := Interval{Lo: r(1, 1), Hi: r(2, 1), HiOpen: true}
	j := Interval{Lo: r(2, 1), Hi: r(3, 1)}
	if !i.Intersect(j).IsEmpty() || i.Add(j).Format(0) != "[3; 5)" || !i.Contains(r(1, 1)) || i.Contains(r(2, 1)) {
		t.Errorf("interval arithmetic: %s %s", i.Intersect(j), i.Add(j))
	}
	for _, tt := range []struct {
		i      Interval
		lo, hi int64
		ok     bool
	}{
		{Interval{Lo: r(1005405, 10), Hi: r(102230, 1), LoOpen: true}, 100541, 102230, true},
		{Interval{Lo: r(3, 1), Hi: r(5, 1), LoOpen: true, HiOpen: true}, 4, 4, true},
		{Interval{Lo: r(3, 1), Hi: r(4, 1), LoOpen: true, HiOpen: true}, 0, 0, false},
		{Interval{Lo: r(3, 1)}, 0, 0, false},
	} {
		lo, hi, ok := tt.i.Whole()
		if lo != tt.lo || hi != tt.hi || ok != tt.ok {
			t.Errorf("%s.Whole() = %d, %d, %v", tt.i, lo, hi, ok)
		}
	}
	if got := (Interval{Lo: r(10, 1)}).Div(Interval{Lo: r(2, 1), Hi: r(5, 1)}).Format(0); got != "[2; ∞)" {
		t.Errorf("Div = %s", got)
	}
}

func TestFigureAttainment(t *testing.T) {
	f, _ := Parse("256.620")
	if r, err := f.Attainment(150000); err != nil || r.String() != "171%" {
		t.Errorf("Attainment = %v, %v", r, err)
	}
	for _, s := range []string{"hơn 741.000", "164%", "1,5"} {
		f, _ := Parse(s)
		if _, err := f.Attainment(100); err == nil {
			t.Errorf("%q: attainment of an inexact figure", s)
		}
	}
}

// The defects of issue 10, each pinned.
func TestFigureDefects(t *testing.T) {
	// A date has an empty Range, which is safe to use.
	f, err := Parse("23/3")
	if err != nil || f.Kind != Date || !f.Range.IsEmpty() || f.Range.Contains(big.NewRat(1, 1)) || f.Range.String() != "∅" {
		t.Errorf("23/3: %+v %v", f, err)
	}
	var zero Interval
	if !zero.IsEmpty() || zero.Contains(big.NewRat(0, 1)) || !zero.Add(Point(big.NewRat(1, 1))).IsEmpty() || zero.Format(2) != "∅" {
		t.Error("the zero Interval is not a safe empty set")
	}
	for _, bad := range []string{"31/2", "30/2/2021", "1/1/0", "31/4", "29/2/2023", strings.Repeat("9", 1<<20)} {
		if _, err := Parse(bad); !errors.Is(err, ErrMalformed) || len(err.Error()) > 200 {
			t.Errorf("Parse(%.20q): %.200v", bad, err)
		}
	}
	if _, err := Parse("29/2/2024"); err != nil {
		t.Errorf("29/2/2024: %v", err)
	}
	// Exact bounds, as many decimals as needed, or marked as rounded.
	for in, want := range map[string]string{"62,20%": "[62,195; 62,205)", "19/218": "[≈0,087156; ≈0,087156]", "0,7955": "[0,79545; 0,79555)"} {
		if f, _ := Parse(in); f.Range.String() != want {
			t.Errorf("%s = %s, want %s", in, f.Range, want)
		}
	}
	if got := Point(big.NewRat(1, 8)).Format(-1); got != "[0,125; 0,125]" {
		t.Errorf("Format(-1) = %s", got)
	}
	if got := (Interval{Lo: big.NewRat(-1, 2), Hi: big.NewRat(1, 2), HiOpen: true}).String(); got != "[-0,5; 0,5)" {
		t.Errorf("negative bound: %s", got)
	}
	if got := (Interval{Lo: big.NewRat(4431, 1), Hi: big.NewRat(44315, 10)}).Text(numeral.English); got != "[4,431; 4,431.5]" {
		t.Errorf("English: %s", got)
	}
	// Value does not share memory with Range.
	f, _ = Parse("hơn 741.000")
	f.Value.SetInt64(1)
	if f.Range.Lo.Cmp(big.NewRat(741000, 1)) != 0 {
		t.Error("changing Value changed Range")
	}
	// Counts above MaxInt64 are not an attainment.
	f, _ = Parse("99.999.999.999.999.999.999")
	if _, err := f.Attainment(5); err == nil {
		t.Error("Attainment of a count above MaxInt64 succeeded")
	}
	// A fraction can be forced; text from the web and PDFs reads.
	if f, err := ParseFraction("7/12"); err != nil || f.Kind != Fraction || f.Num != 7 || f.Den != 12 {
		t.Errorf("ParseFraction(7/12) = %+v, %v", f, err)
	}
	for _, in := range []string{norm.NFD.String("hơn 741.000"), "hơn\u00a0741.000"} {
		if f, err := Parse(in); err != nil || f.Qualifier != More {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
}

// TestRangeOwnsItsBounds: a truncated percent's range shares no memory
// with its value, and an inexact count's attainment is an error.
func TestRangeOwnsItsBounds(t *testing.T) {
	f, err := ParseWith("164%", Truncated)
	if err != nil {
		t.Fatal(err)
	}
	f.Range.Lo.Add(f.Range.Lo, big.NewRat(1, 1))
	if f.Value.Cmp(big.NewRat(164, 1)) != 0 {
		t.Errorf("changing Range.Lo changed Value to %v", f.Value)
	}
	g, _ := Parse("hơn 5")
	if _, err := g.Attainment(10); !errors.Is(err, ErrMalformed) || !strings.HasPrefix(err.Error(), "figure: ") {
		t.Errorf("Attainment of hơn 5: %v", err)
	}
}
