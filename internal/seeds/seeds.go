// Package seeds reads testdata/articles.csv, the figures printed in chiso's
// founding articles, for the tests of every package.
package seeds

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
)

// Row is one printed figure; see the comments at the top of articles.csv.
type Row struct {
	Line             int // line in articles.csv
	Article          string
	Occurrence       int
	Fragment         string
	Kind             string
	Region           string
	RegionCode       string
	Indicator        string
	AsOf             string
	Number           string
	Qualifier        string
	Percent          string
	PercentQualifier string
	Rank             string
	Note             string
}

// Root returns the module's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// SeedsDir returns ../shared/seeds beside the module, which users' clones
// do not have.
func SeedsDir() string { return filepath.Join(Root(), "..", "shared", "seeds") }

// Load reads testdata/articles.csv.
func Load() ([]Row, error) {
	name := filepath.Join(Root(), "testdata", "articles.csv")
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	r.FieldsPerRecord = 14
	if _, err := r.Read(); err != nil { // header
		return nil, err
	}
	var rows []Row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		occ, err := strconv.Atoi(rec[1])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: occurrence: %w", name, line, err)
		}
		rows = append(rows, Row{
			Line: line, Article: rec[0], Occurrence: occ, Fragment: rec[2], Kind: rec[3],
			Region: rec[4], RegionCode: rec[5], Indicator: rec[6], AsOf: rec[7], Number: rec[8],
			Qualifier: rec[9], Percent: rec[10], PercentQualifier: rec[11], Rank: rec[12], Note: rec[13],
		})
	}
}

// Find returns the row of the given article whose fragment is frag and
// occurrence occ, or panics: tests name rows that exist.
func Find(rows []Row, article, frag string, occ int) Row {
	for _, r := range rows {
		if r.Article == article && r.Fragment == frag && r.Occurrence == occ {
			return r
		}
	}
	panic(fmt.Sprintf("seeds: no row %q (%d) in %s", frag, occ, article))
}

// The article files.
const (
	BacNinh = "000_0bc2731cb7c6afc2.txt"
	LangSon = "004_a534b6aa34f1c7b9.txt"
)

// MustLoad is Load for tests: it fails t on an error.
func MustLoad(t interface{ Fatal(...any) }) []Row {
	rows, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
