package csvin

// Dup is a header cell that names a column already found at First: which
// one was meant cannot be known, so readers report it.
type Dup struct {
	Cell, First int    // 0-based indexes of the header cells
	Name        string // the cell as folded
}

// Columns finds, in a header row, the columns a reader knows: names lists
// for each column the names it may go by, as fold writes them (region.Fold
// for Vietnamese names: "Mã xã" is "ma xa"). It returns the index of the
// cell naming each column, -1 where none does, and every later cell that
// names a column already found. It is the one header matcher of chiso's
// readers.
func Columns(header []string, fold func(string) string, names [][]string) (col []int, dups []Dup) {
	col = make([]int, len(names))
	for c := range col {
		col[c] = -1
	}
	for i, h := range header {
		f := fold(h)
		for c, ns := range names {
			if !contains(ns, f) {
				continue
			}
			if col[c] >= 0 {
				dups = append(dups, Dup{Cell: i, First: col[c], Name: f})
				continue
			}
			col[c] = i
		}
	}
	return col, dups
}

func contains(ns []string, s string) bool {
	for _, n := range ns {
		if n == s {
			return true
		}
	}
	return false
}
