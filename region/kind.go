package region

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Level is a tier of the administrative hierarchy.
type Level uint8

// The levels, from the top. Since 2025-07-01 Vietnam has no district level:
// communes sit directly under provinces.
const (
	LevelNone Level = iota
	LevelNation
	LevelProvince
	LevelDistrict
	LevelCommune
)

var levelNames = [...]string{"", "quốc gia", "tỉnh", "huyện", "xã"}

// String returns the Vietnamese name of the level: "quốc gia", "tỉnh",
// "huyện", "xã" (the generic words for each tier).
func (l Level) String() string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", l)
}

var levelEnglish = [...]string{"", "nation", "province", "district", "commune"}

// MarshalText implements encoding.TextMarshaler with the Vietnamese name.
func (l Level) MarshalText() ([]byte, error) {
	if l == LevelNone || int(l) >= len(levelNames) {
		return nil, fmt.Errorf("region: cannot marshal %v", l)
	}
	return []byte(levelNames[l]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the
// Vietnamese names ("tỉnh", "xã", with or without diacritics) and the English
// ones ("province", "commune").
func (l *Level) UnmarshalText(b []byte) error {
	f := fold(string(b))
	for i := LevelNation; i <= LevelCommune; i++ {
		if f == fold(levelNames[i]) || f == levelEnglish[i] {
			*l = i
			return nil
		}
	}
	return fmt.Errorf("region: unknown level %q", b)
}

// Kind is the legal type of a unit. Each kind belongs to one [Level].
type Kind uint8

// The kinds of unit. The zero Kind is invalid.
const (
	KindNone              Kind = iota
	KindNation                 // quốc gia
	KindProvince               // tỉnh
	KindCentralCity            // thành phố trực thuộc trung ương
	KindDistrict               // huyện
	KindTownship               // thị xã
	KindProvincialCity         // thành phố thuộc tỉnh
	KindUrbanDistrict          // quận
	KindCommune                // xã
	KindWard                   // phường
	KindTown                   // thị trấn
	KindSpecialZone            // đặc khu (commune level, from 2025-07-01)
	KindCityOfCentralCity      // thành phố thuộc thành phố trực thuộc trung ương (Thủ Đức, Thủy Nguyên)
	numKinds
)

var kinds = [numKinds]struct {
	name  string // the legal name
	word  string // the word written before a unit's name
	level Level
}{
	KindNone:              {"", "", LevelNone},
	KindNation:            {"quốc gia", "", LevelNation},
	KindProvince:          {"tỉnh", "tỉnh", LevelProvince},
	KindCentralCity:       {"thành phố trực thuộc trung ương", "thành phố", LevelProvince},
	KindDistrict:          {"huyện", "huyện", LevelDistrict},
	KindTownship:          {"thị xã", "thị xã", LevelDistrict},
	KindProvincialCity:    {"thành phố thuộc tỉnh", "thành phố", LevelDistrict},
	KindUrbanDistrict:     {"quận", "quận", LevelDistrict},
	KindCommune:           {"xã", "xã", LevelCommune},
	KindWard:              {"phường", "phường", LevelCommune},
	KindTown:              {"thị trấn", "thị trấn", LevelCommune},
	KindSpecialZone:       {"đặc khu", "đặc khu", LevelCommune},
	KindCityOfCentralCity: {"thành phố thuộc thành phố trực thuộc trung ương", "thành phố", LevelDistrict},
}

// String returns the legal Vietnamese name of the kind, such as "thị xã" or
// "thành phố trực thuộc trung ương".
func (k Kind) String() string {
	if k < numKinds {
		return kinds[k].name
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// Word returns the word written before a unit's name ("thành phố" for both
// kinds of city, "" for the nation).
func (k Kind) Word() string {
	if k < numKinds {
		return kinds[k].word
	}
	return ""
}

// Level returns the level that units of this kind belong to.
func (k Kind) Level() Level {
	if k < numKinds {
		return kinds[k].level
	}
	return LevelNone
}

// ParseKind returns the kind named by s, ignoring case and diacritics. It
// accepts the legal names (see [Kind.String]), "thành phố trung ương" (as
// the statistics office's list writes the province-level city), and the bare
// "thành phố" (or "tp") where level decides between the kinds of city: at
// [LevelProvince] a centrally-run city, at [LevelDistrict] a city of a
// province (use [Kind.Level] and the parent's kind to tell a city of a
// centrally-run city, as [ReadCSV] does). The kind must belong to level
// unless level is [LevelNone].
func ParseKind(s string, level Level) (Kind, error) {
	k := parseKind(fold(s), level)
	if k == KindNone || level != LevelNone && k.Level() != level {
		if level == LevelNone {
			return KindNone, fmt.Errorf("region.ParseKind(%q): %w", s, ErrUnknownKind)
		}
		return KindNone, fmt.Errorf("region.ParseKind(%q): %w at level %q", s, ErrUnknownKind, level)
	}
	return k, nil
}

// foldedKinds are the legal names of the kinds, folded once.
var foldedKinds = func() (f [numKinds]string) {
	for k := KindNation; k < numKinds; k++ {
		f[k] = fold(kinds[k].name)
	}
	return f
}()

func parseKind(f string, level Level) Kind {
	for k := KindNation; k < numKinds; k++ {
		if f == foldedKinds[k] {
			return k
		}
	}
	switch f {
	case "thanh pho trung uong":
		return KindCentralCity
	case "thanh pho", "tp":
		switch level {
		case LevelProvince:
			return KindCentralCity
		case LevelDistrict:
			return KindProvincialCity
		}
	}
	return KindNone
}

// MarshalText implements encoding.TextMarshaler with the legal name.
func (k Kind) MarshalText() ([]byte, error) {
	if k == KindNone || k >= numKinds {
		return nil, fmt.Errorf("region: cannot marshal %v", k)
	}
	return []byte(kinds[k].name), nil
}

// UnmarshalText implements encoding.TextUnmarshaler for the legal names.
func (k *Kind) UnmarshalText(b []byte) error {
	p, err := ParseKind(string(b), LevelNone)
	if err != nil {
		return err
	}
	*k = p
	return nil
}

// Unit is one administrative unit.
type Unit struct {
	Code   Code
	Name   string // without the kind word: "Quế Võ"
	Kind   Kind
	Parent Code // the zero Code for a root
}

// FullName returns the kind word and the name, as written in running text:
// "thị xã Quế Võ", "tỉnh Lạng Sơn". The nation's full name is its name.
func (u Unit) FullName() string {
	w := u.Kind.Word()
	if w == "" {
		return u.Name
	}
	return w + " " + u.Name
}

// OfficialName returns the name as the official lists write it, the kind
// word capitalised: "Thị xã Quế Võ", "Thành phố Hà Nội", "Đặc khu Vân Đồn".
func (u Unit) OfficialName() string {
	w := u.Kind.Word()
	if w == "" {
		return u.Name
	}
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:] + " " + u.Name
}

// String returns the full name and the code: "thị xã Quế Võ (259)".
func (u Unit) String() string {
	var b strings.Builder
	b.WriteString(u.FullName())
	b.WriteString(" (")
	b.WriteString(u.Code.String())
	b.WriteString(")")
	return b.String()
}
