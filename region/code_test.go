package region

import (
	"errors"
	"testing"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		in    string
		level Level
		num   int
		ok    bool
	}{
		{"VN", LevelNation, 0, true},
		{"20", LevelProvince, 20, true},
		{"01", LevelProvince, 1, true},
		{"183", LevelDistrict, 183, true},
		{"06187", LevelCommune, 6187, true},
		{"6187", 0, 0, false},
		{"", 0, 0, false},
		{"2a", 0, 0, false},
		{"vn", 0, 0, false},
		{"123456", 0, 0, false},
		{"-1", 0, 0, false},
		{"０１", 0, 0, false},
	}
	for _, tt := range tests {
		c, err := ParseCode(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseCode(%q) error = %v, want ok = %v", tt.in, err, tt.ok)
			continue
		}
		if !tt.ok {
			if !errors.Is(err, ErrInvalidCode) {
				t.Errorf("ParseCode(%q) error %v does not wrap ErrInvalidCode", tt.in, err)
			}
			continue
		}
		if c.Level() != tt.level || c.Number() != tt.num || c.String() != tt.in || !c.IsValid() {
			t.Errorf("ParseCode(%q) = level %v number %d string %q", tt.in, c.Level(), c.Number(), c)
		}
	}
}

func TestCodeZeroAndOrder(t *testing.T) {
	var z Code
	if z.IsValid() || z.String() != "" || z.Level() != LevelNone {
		t.Errorf("zero Code: valid %v string %q level %v", z.IsValid(), z, z.Level())
	}
	order := []string{"VN", "01", "96", "001", "999", "00001", "32248"}
	prev := z
	for _, s := range order {
		c := MustParseCode(s)
		if !prev.Less(c) || c.Compare(prev) != 1 || c.Compare(c) != 0 {
			t.Errorf("%q does not sort after %q", s, prev)
		}
		prev = c
	}
}

func TestCodeText(t *testing.T) {
	for _, s := range []string{"VN", "27", "259", "09247", ""} {
		var c Code
		if err := c.UnmarshalText([]byte(s)); err != nil {
			t.Fatalf("UnmarshalText(%q): %v", s, err)
		}
		b, _ := c.MarshalText()
		if string(b) != s {
			t.Errorf("round trip of %q gave %q", s, b)
		}
	}
	var c Code
	if err := c.UnmarshalText([]byte("2x")); !errors.Is(err, ErrInvalidCode) {
		t.Errorf("UnmarshalText(2x) = %v", err)
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"VN", "20", "183", "06187", "", "6187", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCode(s)
		if err != nil {
			if c.IsValid() {
				t.Fatalf("ParseCode(%q) returned a valid code with error %v", s, err)
			}
			return
		}
		if c.String() != s {
			t.Fatalf("ParseCode(%q).String() = %q", s, c)
		}
	})
}

func TestKind(t *testing.T) {
	tests := []struct {
		k     Kind
		name  string
		word  string
		level Level
	}{
		{KindNation, "quốc gia", "", LevelNation},
		{KindProvince, "tỉnh", "tỉnh", LevelProvince},
		{KindCentralCity, "thành phố trực thuộc trung ương", "thành phố", LevelProvince},
		{KindDistrict, "huyện", "huyện", LevelDistrict},
		{KindTownship, "thị xã", "thị xã", LevelDistrict},
		{KindProvincialCity, "thành phố thuộc tỉnh", "thành phố", LevelDistrict},
		{KindUrbanDistrict, "quận", "quận", LevelDistrict},
		{KindCommune, "xã", "xã", LevelCommune},
		{KindWard, "phường", "phường", LevelCommune},
		{KindTown, "thị trấn", "thị trấn", LevelCommune},
		{KindSpecialZone, "đặc khu", "đặc khu", LevelCommune},
	}
	for _, tt := range tests {
		if tt.k.String() != tt.name || tt.k.Word() != tt.word || tt.k.Level() != tt.level {
			t.Errorf("%d: got %q %q %v", tt.k, tt.k.String(), tt.k.Word(), tt.k.Level())
		}
		b, err := tt.k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Kind
		if err := back.UnmarshalText(b); err != nil || back != tt.k {
			t.Errorf("text round trip of %v gave %v, %v", tt.k, back, err)
		}
	}
	if k, err := ParseKind("Thành phố", LevelDistrict); err != nil || k != KindProvincialCity {
		t.Errorf("ParseKind(Thành phố, district) = %v, %v", k, err)
	}
	if k, err := ParseKind("THI XA", LevelNone); err != nil || k != KindTownship {
		t.Errorf("ParseKind(THI XA) = %v, %v", k, err)
	}
	if _, err := ParseKind("làng", LevelCommune); err == nil {
		t.Error("ParseKind(làng) succeeded")
	}
	if _, err := KindNone.MarshalText(); err == nil {
		t.Error("KindNone.MarshalText succeeded")
	}
}

func TestFullName(t *testing.T) {
	tests := []struct {
		u    Unit
		want string
	}{
		{Unit{Code: MustParseCode("259"), Name: "Quế Võ", Kind: KindTownship}, "thị xã Quế Võ"},
		{Unit{Code: MustParseCode("20"), Name: "Lạng Sơn", Kind: KindProvince}, "tỉnh Lạng Sơn"},
		{Unit{Code: MustParseCode("01"), Name: "Hà Nội", Kind: KindCentralCity}, "thành phố Hà Nội"},
		{Unit{Code: MustParseCode("06187"), Name: "Cao Lộc", Kind: KindTown}, "thị trấn Cao Lộc"},
		{Unit{Code: Nation, Name: "Việt Nam", Kind: KindNation}, "Việt Nam"},
	}
	for _, tt := range tests {
		if got := tt.u.FullName(); got != tt.want {
			t.Errorf("FullName() = %q, want %q", got, tt.want)
		}
	}
}

func TestLevelText(t *testing.T) {
	for l := LevelNation; l <= LevelCommune; l++ {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Level
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("round trip of %v: %v %v", l, back, err)
		}
	}
	var l Level
	if err := l.UnmarshalText([]byte("xa")); err != nil || l != LevelCommune {
		t.Errorf("xa: %v %v", l, err)
	}
	if err := l.UnmarshalText([]byte("province")); err != nil || l != LevelProvince {
		t.Errorf("province: %v %v", l, err)
	}
	if err := l.UnmarshalText([]byte("làng")); err == nil {
		t.Error("làng accepted")
	}
	if _, err := LevelNone.MarshalText(); err == nil {
		t.Error("LevelNone marshalled")
	}
}
