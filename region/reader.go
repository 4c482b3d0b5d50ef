package region

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Errors that [ReadCSV] wraps in a [*ParseError].
var (
	ErrMissingColumn = errors.New("missing column")
	ErrConflict      = errors.New("code given twice with different names or kinds")
	ErrUnknownKind   = errors.New("unknown kind of unit")
)

// ParseError is a problem at one place of a file read by [ReadCSV].
type ParseError struct {
	File   string // the name given to ReadCSV
	Line   int    // 1-based line of the record; 0 for a problem with the whole file
	Column int    // 1-based byte column of the field, as encoding/csv counts; 0 for the whole record
	Err    error
}

// Error writes the place, then the problem.
func (e *ParseError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	case e.Column == 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the problem, for errors.Is and errors.As.
func (e *ParseError) Unwrap() error { return e.Err }

// The columns of the statistics office's list, by their folded headers.
var csvColumns = [...]struct {
	names    []string
	required bool
}{
	colProvinceName: {[]string{"tinh thanh pho", "tinh", "province"}, true},
	colProvinceCode: {[]string{"ma tp", "ma tinh", "province code"}, true},
	colDistrictName: {[]string{"quan huyen", "huyen", "district"}, false},
	colDistrictCode: {[]string{"ma qh", "ma huyen", "district code"}, false},
	colCommuneName:  {[]string{"phuong xa", "xa", "commune"}, false},
	colCommuneCode:  {[]string{"ma px", "ma xa", "commune code"}, false},
	colCommuneKind:  {[]string{"cap", "level"}, false},
}

const (
	colProvinceName = iota
	colProvinceCode
	colDistrictName
	colDistrictCode
	colCommuneName
	colCommuneCode
	colCommuneKind
	numColumns
)

// ReadCSV reads the statistics office's list of units (Danh mục hành chính)
// as it exports it: a header row, then one row per commune carrying its
// district and province, for example
//
//	Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp
//	Tỉnh Lạng Sơn,20,Huyện Cao Lộc,183,Thị trấn Cao Lộc,06187,Thị trấn
//
// Headers are matched ignoring case and diacritics; the district columns are
// optional (lists from 2025-07-01 have none), as are the commune columns, and
// a row may stop at the province or the district. Names carry their kind word
// ("Thị xã Quế Võ"), which gives the kind; "Cấp", when present, gives a
// commune's kind. A unit repeated on many rows must repeat identically. The
// nation ([Nation], "Việt Nam") is added as the root.
//
// name is used in errors. Every problem is reported, joined with errors.Join,
// each as a [*ParseError] with line and column.
func ReadCSV(r io.Reader, name string) (*Hierarchy, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: name, Err: fmt.Errorf("%w: the file is empty", ErrMissingColumn)}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	var col [numColumns]int
	for c := range col {
		col[c] = -1
	}
	for i, h := range header {
		f := fold(strings.TrimPrefix(h, "\ufeff"))
		for c, spec := range csvColumns {
			for _, n := range spec.names {
				if f == n && col[c] < 0 {
					col[c] = i
				}
			}
		}
	}
	var errs []error
	for c, spec := range csvColumns {
		if spec.required && col[c] < 0 {
			errs = append(errs, &ParseError{File: name, Line: 1, Err: fmt.Errorf("%w %q", ErrMissingColumn, spec.names[0])})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	units := []Unit{{Code: Nation, Name: "Việt Nam", Kind: KindNation}}
	seen := map[Code]int{Nation: 0}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, csvError(name, err))
			if _, ok := err.(*csv.ParseError); ok {
				continue
			}
			break
		}
		line, _ := cr.FieldPos(0)
		field := func(c int) (string, int) {
			if col[c] < 0 || col[c] >= len(rec) {
				return "", 0
			}
			_, column := cr.FieldPos(col[c])
			return strings.TrimSpace(rec[col[c]]), column
		}
		parent := Nation
		for _, lv := range [...]struct {
			name, code, kind int
			level            Level
		}{
			{colProvinceName, colProvinceCode, -1, LevelProvince},
			{colDistrictName, colDistrictCode, -1, LevelDistrict},
			{colCommuneName, colCommuneCode, colCommuneKind, LevelCommune},
		} {
			full, nameCol := field(lv.name)
			codeText, codeCol := field(lv.code)
			if full == "" && codeText == "" {
				if lv.level == LevelProvince {
					errs = append(errs, &ParseError{name, line, 0, errors.New("no province on this row")})
				}
				continue
			}
			at := func(column int, err error) {
				errs = append(errs, &ParseError{name, line, column, err})
			}
			code, err := ParseCode(codeText)
			if err != nil {
				at(codeCol, err)
				break
			}
			if code.Level() != lv.level {
				at(codeCol, fmt.Errorf("%w: %q is a %s code in the %s column", ErrInvalidCode, codeText, code.Level(), lv.level))
				break
			}
			kinds, bare := splitKindWords(full)
			kind := KindNone
			if lv.kind >= 0 {
				if k, _ := field(lv.kind); k != "" {
					kind, _ = ParseKind(k, lv.level)
				}
			}
			if kind == KindNone {
				for _, k := range kinds {
					if k.Level() == lv.level {
						kind = k
					}
				}
			}
			if kind == KindNone {
				at(nameCol, fmt.Errorf("%w in %q at %s level", ErrUnknownKind, full, lv.level))
				break
			}
			u := Unit{Code: code, Name: bare, Kind: kind, Parent: parent}
			if i, ok := seen[code]; ok {
				if units[i] != u {
					at(codeCol, fmt.Errorf("%w: %s was %s under %s, now %s under %s",
						ErrConflict, code, units[i].FullName(), units[i].Parent, u.FullName(), u.Parent))
					break
				}
			} else {
				seen[code] = len(units)
				units = append(units, u)
			}
			parent = code
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	h, err := New(units)
	if err != nil {
		return nil, &ParseError{File: name, Err: err}
	}
	return h, nil
}

// splitKindWords splits "Thị xã Quế Võ" into the kinds its first words name
// and the rest of the name as written ("Quế Võ").
func splitKindWords(full string) ([]Kind, string) {
	words := strings.Fields(full)
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

func csvError(name string, err error) error {
	if pe, ok := err.(*csv.ParseError); ok {
		return &ParseError{File: name, Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return &ParseError{File: name, Err: err}
}
