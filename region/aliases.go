package region

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
)

// aliasOf is another name of unit i, written with a kind word of kind (a
// former name keeps its former kind: "tỉnh Thừa Thiên Huế").
type aliasOf struct {
	i    int32
	kind Kind
}

// addAliases adds the names of data/aliases.csv meant for the list of date
// ("both" rows are for every list) to h's name index.
func (h *Hierarchy) addAliases(date string) error {
	const name = "aliases.csv"
	b, err := data.ReadFile("data/" + name)
	if err != nil {
		return err
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return csvError(name, err)
	}
	h.alias = map[string][]aliasOf{}
	for n, row := range rows[1:] {
		list, codeText, alias, kindText := row[0], row[1], row[2], row[3]
		if list != "both" && list != date {
			continue
		}
		code, err := ParseCode(codeText)
		if err != nil {
			return &ParseError{File: name, Line: n + 2, Column: 0, Err: err}
		}
		i, ok := h.byCode[code]
		if !ok {
			return &ParseError{File: name, Line: n + 2, Column: 0, Err: fmt.Errorf("%w %s in the list of %s", ErrUnknownUnit, code, date)}
		}
		kind := h.units[i].Kind
		if kindText != "" {
			if kind, err = ParseKind(kindText, code.Level()); err != nil {
				return &ParseError{File: name, Line: n + 2, Column: 0, Err: err}
			}
		}
		f := fold(alias)
		h.alias[f] = append(h.alias[f], aliasOf{i, kind})
	}
	sortAliases(h.alias)
	return nil
}

// sortAliases puts each name's units in index order, as find returns them.
func sortAliases(m map[string][]aliasOf) {
	for _, as := range m {
		slices.SortFunc(as, func(a, b aliasOf) int { return int(a.i - b.i) })
	}
}
