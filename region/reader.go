package region

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/chiso-vn/chiso/internal/csvin"
	"github.com/chiso-vn/chiso/internal/errlist"
)

// Errors that [ReadCSV] wraps in a [*ParseError].
var (
	ErrMissingColumn = errors.New("missing column")
	ErrUnknownKind   = errors.New("unknown kind of unit")
	ErrKindMismatch  = errors.New("kind column contradicts the name's kind word")
	ErrWrongName     = errors.New("name differs from the list's")
)

// The columns of a list of units, by their folded headers: the statistics
// office's export (Vietnamese headers) and the plain lists chiso ships
// (province_code, province, province_kind, ...).
var csvColumns = [...]struct {
	names    []string
	required bool
}{
	colProvinceName: {[]string{"tinh thanh pho", "tinh", "province"}, true},
	colProvinceCode: {[]string{"ma tp", "ma tinh", "province code"}, true},
	colProvinceKind: {[]string{"province kind", "loai tinh"}, false},
	colDistrictName: {[]string{"quan huyen", "huyen", "district"}, false},
	colDistrictCode: {[]string{"ma qh", "ma huyen", "district code"}, false},
	colDistrictKind: {[]string{"district kind", "loai huyen"}, false},
	colCommuneName:  {[]string{"phuong xa", "xa", "commune"}, false},
	colCommuneCode:  {[]string{"ma px", "ma xa", "commune code"}, false},
	colCommuneKind:  {[]string{"cap", "commune kind", "level"}, false},
}

const (
	colProvinceName = iota
	colProvinceCode
	colProvinceKind
	colDistrictName
	colDistrictCode
	colDistrictKind
	colCommuneName
	colCommuneCode
	colCommuneKind
	numColumns
)

// csvLevels are the column triples of each level, from the top.
var csvLevels = [...]struct {
	name, code, kind int
	level            Level
}{
	{colProvinceName, colProvinceCode, colProvinceKind, LevelProvince},
	{colDistrictName, colDistrictCode, colDistrictKind, LevelDistrict},
	{colCommuneName, colCommuneCode, colCommuneKind, LevelCommune},
}

// ReadCSV reads a list of units: a header row, then one row per commune
// carrying its district and province. It reads the statistics office's
// export (Danh mục hành chính),
//
//	Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
//	Tỉnh Lạng Sơn,20,Huyện Cao Lộc,183,Thị trấn Cao Lộc,06187,Thị trấn
//
// and the plain lists that chiso's built-in data use,
//
//	province_code,province,province_kind,district_code,district,district_kind,commune_code,commune,commune_kind
//	20,Tỉnh Lạng Sơn,Tỉnh,183,Huyện Cao Lộc,Huyện,06187,Thị trấn Cao Lộc,Thị trấn
//
// Headers are matched ignoring case, diacritics and punctuation; columns may
// come in any order, and unknown columns are ignored. The district columns
// are optional (lists from 2025-07-01 have none), as are the commune
// columns, and a row may stop at the province or the district. A leading
// UTF-8 byte-order mark is skipped.
//
// Names carry their kind word ("Thị xã Quế Võ"), which gives the kind. A
// kind column ("Cấp", commune_kind, ...) may name the kind instead or as
// well: an unknown value, a kind of another level, or a kind that contradicts
// the name's kind word is an error, never a silent override. "Thành phố"
// under a centrally-run city is a [KindCityOfCentralCity]. A unit repeated on
// many rows must repeat identically. The nation ([Nation], "Việt Nam") is
// added as the root.
//
// name is used in errors. Every problem is reported, joined with errors.Join,
// each as a [*ParseError] with line and column; the problems [New] finds
// (such as a unit under two parents' codes) name the line that first gave
// the unit and wrap its [*UnitError].
func ReadCSV(r io.Reader, name string) (*Hierarchy, error) {
	cr, header, err := openCSV(r, name, -1)
	if err != nil {
		return nil, err
	}
	var names [numColumns][]string
	for c, spec := range csvColumns {
		names[c] = spec.names
	}
	ur := unitReader{name: name, col: firstColumns(header, names[:]),
		units: []Unit{{Code: Nation, Name: "Việt Nam", Kind: KindNation}}, first: []given{{}}, seen: map[Code]int{Nation: 0}}
	for c, spec := range csvColumns {
		if spec.required && ur.col[c] < 0 {
			ur.errs.Add(&ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q", ErrMissingColumn, spec.names[0])})
		}
	}
	if ur.errs.Len() > 0 {
		return nil, ur.errs.Err()
	}
	for line, rec := range records(cr, name, &ur.errs) {
		ur.row(line, func(c int) (string, int) {
			if ur.col[c] < 0 || ur.col[c] >= len(rec) {
				return "", 0
			}
			_, column := cr.FieldPos(ur.col[c])
			return strings.TrimSpace(rec[ur.col[c]]), column
		})
	}
	if ur.errs.Len() > 0 {
		return nil, ur.errs.Err()
	}
	return ur.hierarchy()
}

// given is the text a unit was first given as, where: a unit is repeated on
// every row of its children, and this lets repeats be checked without
// parsing them again.
type given struct {
	name, kind string
	parent     Code
	line, col  int
}

// unitReader gathers the units of ReadCSV's rows.
type unitReader struct {
	name  string
	col   []int // the column of each of csvColumns, or -1
	units []Unit
	first []given      // parallel to units
	seen  map[Code]int // index in units
	errs  errlist.List
}

// row reads the units of one row, province first; field returns a column's
// text and its byte column.
func (ur *unitReader) row(line int, field func(c int) (string, int)) {
	parent, parentKind := Nation, KindNation
	for _, lv := range csvLevels {
		full, nameCol := field(lv.name)
		codeText, codeCol := field(lv.code)
		kindText, kindCol := field(lv.kind)
		if full == "" && codeText == "" {
			if lv.level == LevelProvince {
				ur.errs.Add(&ParseError{File: ur.name, Line: line, Err: errors.New("no province on this row")})
			}
			continue
		}
		at := func(column int, err error) {
			ur.errs.Add(&ParseError{File: ur.name, Line: line, Column: column, Err: err})
		}
		code, err := ParseCode(codeText)
		if err != nil {
			at(codeCol, err)
			return
		}
		if code.Level() != lv.level {
			at(codeCol, fmt.Errorf("%w: %q is a %s code in the %s column", ErrInvalidCode, codeText, code.Level(), lv.level))
			return
		}
		if i, ok := ur.seen[code]; ok {
			if g := ur.first[i]; g.name == full && g.kind == kindText && g.parent == parent {
				parent, parentKind = code, ur.units[i].Kind
				continue
			}
		}
		kind, bare, inName, err := unitKind(full, kindText, lv.level, parentKind)
		if err != nil {
			if inName {
				at(nameCol, err)
			} else {
				at(kindCol, err)
			}
			return
		}
		if err := ur.add(Unit{Code: code, Name: bare, Kind: kind, Parent: parent}, given{full, kindText, parent, line, codeCol}); err != nil {
			at(codeCol, err)
			return
		}
		parent, parentKind = code, kind
	}
}

// add records u, first given as g; a code given before as another unit is
// an error.
func (ur *unitReader) add(u Unit, g given) error {
	i, ok := ur.seen[u.Code]
	if !ok {
		ur.seen[u.Code] = len(ur.units)
		ur.units = append(ur.units, u)
		ur.first = append(ur.first, g)
		return nil
	}
	if old := ur.units[i]; old != u {
		return fmt.Errorf("unit %w: %s was %s under %s (line %d), now %s under %s",
			ErrConflict, u.Code, old.FullName(), old.Parent, ur.first[i].line, u.FullName(), u.Parent)
	}
	return nil
}

// hierarchy builds the units read, naming the line that gave each unit
// New rejects.
func (ur *unitReader) hierarchy() (*Hierarchy, error) {
	h, err := New(ur.units)
	if err == nil {
		return h, nil
	}
	var out []error
	for _, e := range unjoin(err) {
		pe := &ParseError{File: ur.name, Err: e}
		if ue, ok := e.(*UnitError); ok {
			if i, ok := ur.seen[ue.Code]; ok {
				pe.Line, pe.Column = ur.first[i].line, ur.first[i].col
			}
		}
		out = append(out, pe)
	}
	return nil, errors.Join(out...)
}

// unitKind decides the kind of a unit at level from its name as written
// ("Thị xã Quế Võ") and the text of its kind column, if any. It returns the
// name without its kind word, and on error whether the name (rather than
// the kind column) is at fault.
func unitKind(full, kindText string, level Level, parentKind Kind) (k Kind, bare string, inName bool, err error) {
	words, bare := splitKindWords(full)
	// The kinds the name's word allows at this level.
	var named []Kind
	for _, w := range words {
		if w.Level() == level {
			named = append(named, w)
		}
	}
	city := func(k Kind) Kind {
		if k == KindProvincialCity && parentKind == KindCentralCity {
			return KindCityOfCentralCity
		}
		return k
	}
	if kindText == "" {
		switch {
		case len(named) == 0:
			return KindNone, "", true, fmt.Errorf("%w in %q at %s level", ErrUnknownKind, full, level)
		case slices.Contains(named, KindProvincialCity): // "Thành phố": of a province, or of a city
			return city(KindProvincialCity), bare, false, nil
		}
		return named[0], bare, false, nil
	}
	k = city(parseKind(fold(kindText), level))
	switch {
	case k == KindNone || k.Level() != level:
		return KindNone, "", false, fmt.Errorf("%w %q at %s level", ErrUnknownKind, kindText, level)
	case len(words) > 0 && !slices.Contains(named, k) && !(k == KindCityOfCentralCity && slices.Contains(named, KindProvincialCity)):
		return KindNone, "", false, fmt.Errorf("%w: %q is not a %s", ErrKindMismatch, full, k)
	}
	return k, bare, false, nil
}

// splitKindWords splits "Thị xã Quế Võ" into the kinds its first words name
// and the rest of the name as written ("Quế Võ").
func splitKindWords(full string) ([]Kind, string) {
	words := strings.Fields(full)
	// The usual case, one fold and a check: the name's folded prefix is a
	// kind word of m words, and so are its first m words.
	if k := kindPrefix(fold(full)); k >= 0 {
		p := kindPrefixes[k]
		if m := strings.Count(p.word, " ") + 1; m < len(words) && fold(strings.Join(words[:m], " ")) == p.word {
			return p.kinds, strings.Join(words[m:], " ")
		}
	}
	for n := min(len(words)-1, 6); n >= 1; n-- {
		f := fold(strings.Join(words[:n], " "))
		for _, p := range kindPrefixes {
			if f == p.word {
				return p.kinds, strings.Join(words[n:], " ")
			}
		}
	}
	return nil, strings.Join(words, " ")
}

// openCSV returns a reader of r (fields per record as encoding/csv takes
// them: 0 for as many as the header, -1 for any number) and its header row.
func openCSV(r io.Reader, name string, fields int) (*csv.Reader, []string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = fields
	cr.ReuseRecord = true
	header, err := csvin.Header(cr)
	if err == io.EOF {
		return nil, nil, &ParseError{File: name, Err: fmt.Errorf("%w: the file is empty", ErrMissingColumn)}
	}
	if err != nil {
		return nil, nil, csvError(name, err)
	}
	return cr, header, nil
}

// firstColumns returns the column of each of names in header; a region
// list may repeat a column (the first one counts).
func firstColumns(header []string, names [][]string) []int {
	col, _ := csvin.Columns(header, fold, names)
	return col
}

// records yields the records of cr with their line numbers (see
// csvin.Records), its problems added to errs.
func records(cr *csv.Reader, name string, errs *errlist.List) iter.Seq2[int, []string] {
	return csvin.Records(cr, ErrMalformed, errs.At(name))
}

// unjoin returns the errors joined in err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// csvError places an error of encoding/csv in name.
func csvError(name string, err error) error {
	if pe, ok := err.(*csv.ParseError); ok {
		return &ParseError{File: name, Line: pe.Line, Column: pe.Column, Err: fmt.Errorf("line is %w: %w", ErrMalformed, pe.Err)}
	}
	return &ParseError{File: name, Err: err}
}

// ReadCrosswalk reads links from the units of from to those of to, as the
// published reorganisation lists give them: a header row naming at least
// new_code and old_code (or "mã mới", "mã cũ"), and optionally link ("full"
// or "partial", see [LinkKind.UnmarshalText]; without the column every link
// is full), new_name and old_name. A name, when given, must be the unit's
// official name in its hierarchy (case aside), so that a list read against
// the wrong hierarchy fails loudly. The links are then validated by
// [NewCrosswalk]. Every problem of the file is reported, each as a
// [*ParseError] with line and column.
func ReadCrosswalk(r io.Reader, name string, from, to *Hierarchy) (*Crosswalk, error) {
	links, err := readLinks(r, name, from, to)
	if err != nil {
		return nil, err
	}
	c, err := NewCrosswalk(from, to, links)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	return c, nil
}

func readLinks(r io.Reader, name string, from, to *Hierarchy) ([]Link, error) {
	cr, header, err := openCSV(r, name, 0)
	if err != nil {
		return nil, err
	}
	const (
		newCode = iota
		oldCode
		linkKind
		newName
		oldName
	)
	names := [...][]string{{"new code", "ma moi"}, {"old code", "ma cu"}, {"link", "lien ket"}, {"new name", "ten moi"}, {"old name", "ten cu"}}
	col := firstColumns(header, names[:])
	var errs errlist.List
	for _, c := range []int{newCode, oldCode} {
		if col[c] < 0 {
			errs.Add(&ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q", ErrMissingColumn, names[c][0])})
		}
	}
	if errs.Len() > 0 {
		return nil, errs.Err()
	}
	var links []Link
	for line, rec := range records(cr, name, &errs) {
		at := func(c int, err error) {
			_, column := cr.FieldPos(col[c])
			errs.Add(&ParseError{File: name, Line: line, Column: column, Err: err})
		}
		l := Link{Kind: Full}
		ok := true
		for _, side := range [...]struct {
			code, name int
			h          *Hierarchy
			dst        *Code
			which      string
		}{{oldCode, oldName, from, &l.From, "old"}, {newCode, newName, to, &l.To, "new"}} {
			c, err := ParseCode(strings.TrimSpace(rec[col[side.code]]))
			if err != nil {
				at(side.code, err)
				ok = false
				continue
			}
			u, known := side.h.Unit(c)
			if !known {
				at(side.code, fmt.Errorf("%w %s in the %s list", ErrUnknownUnit, c, side.which))
				ok = false
				continue
			}
			if nc := col[side.name]; nc >= 0 {
				given := strings.TrimSpace(rec[nc])
				if _, bare := splitKindWords(given); bare != u.Name || fold(given) != fold(u.OfficialName()) {
					at(side.name, fmt.Errorf("%w: %s is %q in the %s list, not %q", ErrWrongName, c, u.OfficialName(), side.which, given))
					ok = false
				}
			}
			*side.dst = c
		}
		if col[linkKind] >= 0 {
			if err := l.Kind.UnmarshalText([]byte(strings.TrimSpace(rec[col[linkKind]]))); err != nil {
				at(linkKind, err)
				ok = false
			}
		}
		if ok {
			links = append(links, l)
		}
	}
	if errs.Len() > 0 {
		return nil, errs.Err()
	}
	return links, nil
}
