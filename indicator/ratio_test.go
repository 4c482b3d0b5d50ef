package indicator

import (
	"errors"
	"math/big"
	"testing"
)

func TestRatioPercent(t *testing.T) {
	tests := []struct {
		num, den int64
		digits   int32
		mode     RoundingMode
		want     string
	}{
		{256620, 150000, 0, HalfUp, "171"}, // 171,08%
		{327, 200, 0, HalfUp, "164"},       // 163,5% rounds half up
		{327, 200, 0, HalfEven, "164"},     // ...and to the even 164
		{329, 200, 0, HalfEven, "164"},     // 164,5% → 164 half even
		{329, 200, 0, HalfUp, "165"},       // 164,5% → 165 half up
		{329, 200, 0, Down, "164"},
		{321, 200, 0, Up, "161"},
		{60827, 101378, 1, HalfUp, "60"}, // 59,99995% → 60,0
		{1, 3, 4, HalfUp, "33.3333"},
		{2, 3, 2, Down, "66.66"},
		{0, 7, 0, HalfUp, "0"},
		{1<<62 + 1, 3, 2, HalfUp, "153722867280912930166.67"}, // the big.Int path
	}
	for _, tt := range tests {
		r := MustRatio(tt.num, tt.den)
		if got := r.Percent(tt.digits, tt.mode).String(); got != tt.want {
			t.Errorf("%d/%d Percent(%d, %d) = %s, want %s", tt.num, tt.den, tt.digits, tt.mode, got, tt.want)
		}
	}
	if got := MustRatio(1, 8).Decimal(3, HalfUp).String(); got != "0.125" {
		t.Errorf("Decimal = %s", got)
	}
	if got := MustRatio(256620, 150000).String(); got != "171%" {
		t.Errorf("String = %s", got)
	}
	if (Ratio{}).String() != "-" || (Ratio{}).Percent(0, HalfUp).Sign() != 0 {
		t.Error("invalid Ratio")
	}
}

func TestRatioErrors(t *testing.T) {
	if _, err := Attainment(5, 0); !errors.Is(err, ErrZeroDenominator) {
		t.Errorf("Attainment(5, 0) = %v", err)
	}
	if _, err := Attainment(-1, 5); !errors.Is(err, ErrNegative) {
		t.Errorf("Attainment(-1, 5) = %v", err)
	}
	if _, err := Coverage(5, -3); !errors.Is(err, ErrZeroDenominator) {
		t.Errorf("Coverage(5, -3) = %v", err)
	}
}

func TestRatioCompare(t *testing.T) {
	big := MustRatio(1<<63-1, 1<<63-2)
	tests := []struct {
		a, b Ratio
		want int
	}{
		{MustRatio(1, 2), MustRatio(2, 4), 0},
		{MustRatio(256620, 150000), MustRatio(267600, 138000), -1},
		{big, MustRatio(1, 1), 1},
		{MustRatio(1<<62, 1<<63-1), MustRatio(1<<62+1, 1<<63-1), -1},
		{Ratio{}, MustRatio(0, 1), -1},
		{Ratio{}, Ratio{}, 0},
	}
	for _, tt := range tests {
		if got := tt.a.Compare(tt.b); got != tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Compare(tt.a); got != -tt.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

func FuzzParseRatio(f *testing.F) {
	for _, s := range []string{"256620/150000", "0/1", "1/0", "-1/2", "x", "1/2/3", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRatio(s)
		if err != nil {
			return
		}
		b, _ := r.MarshalText()
		var back Ratio
		if err := back.UnmarshalText(b); err != nil || back != r {
			t.Fatalf("round trip of %q: %v %v", s, back, err)
		}
		// Rounding modes bracket each other.
		down, up := r.Percent(2, Down), r.Percent(2, Up)
		half := r.Percent(2, HalfUp)
		if half.LessThan(down) || half.GreaterThan(up) {
			t.Fatalf("%v: half up %s outside [%s, %s]", r, half, down, up)
		}
	})
}

func TestRound(t *testing.T) {
	for _, tt := range []struct {
		x    string
		d    int32
		want string
	}{{"8241/10000", 4, "0.8241"}, {"2/3", 4, "0.6667"}, {"1/8", 2, "0.13"}, {"-1/8", 2, "-0.13"}} {
		x, _ := new(big.Rat).SetString(tt.x)
		if got := Round(x, tt.d, HalfUp).String(); got != tt.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tt.x, tt.d, got, tt.want)
		}
	}
}
