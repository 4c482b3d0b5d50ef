package region

import (
	"bytes"
	"compress/gzip"
	"embed"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// The built-in lists, as published (see data/README.md for the sources and
// the one correction made): gzip-compressed CSV, 224 kB instead of 1.7 MB.
//
//go:embed data/*.csv.gz data/aliases.csv
var data embed.FS

var (
	vn2024 = sync.OnceValue(func() *Hierarchy { return builtin("units-2025-03-01.csv", "2025-03-01") })
	vn2025 = sync.OnceValue(func() *Hierarchy { return builtin("units-2025-07-01.csv", "2025-07-01") })
	reorg  = sync.OnceValue(func() *Crosswalk {
		from, to := vn2024(), vn2025()
		var links []Link
		for _, name := range []string{"provinces-2025-07-01.csv", "communes-2025-07-01.csv"} {
			ls, err := readLinks(open(name), name, from, to)
			if err != nil {
				panic(err) // the embedded data is checked by the tests
			}
			links = append(links, ls...)
		}
		c, err := NewCrosswalk(from, to, links)
		if err != nil {
			panic(err)
		}
		return c
	})
)

// Vietnam2024 returns the complete list of units in force before the
// reorganisation of 2025-07-01, as it stood on 2025-03-01 (the time of
// chiso's founding articles): the nation, 63 provinces and centrally-run
// cities, 696 districts and 10,047 communes, wards and towns (five island
// districts have no commune). Names and kinds are the official ones (Quế Võ
// is a thị xã, Huế a centrally-run city since 2025-01-01). It is built on
// first use, in about 30 ms, and shared: a Hierarchy is immutable.
//
// [Hierarchy.Find] on it also knows a few names the press still uses for
// provinces: former names ("Thừa Thiên Huế" for Huế, 46), short forms ("TP
// HCM", "HCM", "Sài Gòn" for 79) and older spellings ("Đắc Lắc").
func Vietnam2024() *Hierarchy { return vn2024() }

// Vietnam2025 returns the complete list of units in force from 2025-07-01:
// the nation, 34 provinces and centrally-run cities, and 3,321 communes,
// wards and special zones (đặc khu), with no district level. Codes are
// those of Công văn 915/CTK-CSCL and 1027/CTK-CSCL (Cục Thống kê). Like
// [Vietnam2024] it is built on first use, shared, and finds the same
// former names and short forms of provinces.
func Vietnam2025() *Hierarchy { return vn2025() }

// Reorganisation2025 returns the crosswalk from [Vietnam2024] to
// [Vietnam2025], at two levels: each of the 63 old provinces went whole
// into one new province; each old commune (and each of the five island
// districts without communes) went wholly ([Full]) or in part ([Partial])
// into one or more new communes: 460 old communes were split, over 1,012
// partial links, as resolutions 1654/NQ-UBTVQH15 to 1687/NQ-UBTVQH15 say.
// The district level has no successor: carry a district's communes.
func Reorganisation2025() *Crosswalk { return reorg() }

var (
	reorganised = civil(2025, time.July, 1)
	listStart   = civil(2025, time.January, 1)
)

// ErrNoList is wrapped by the error of [At] for a date before the built-in
// lists begin.
var ErrNoList = errors.New("no built-in list of units for that date")

// At returns the built-in list in force on the calendar date of t (read in
// t's own location): [Vietnam2025] from 2025-07-01, [Vietnam2024] from
// 2025-01-01 (when Huế became a centrally-run city and the last district
// and commune arrangements of 2023–2025 took effect) to 2025-06-30. For an
// earlier date it returns an error wrapping [ErrNoList] rather than a list
// whose names or kinds may differ from those then in force.
func At(t time.Time) (*Hierarchy, error) {
	d := civil(t.Date())
	switch {
	case !d.Before(reorganised):
		return Vietnam2025(), nil
	case !d.Before(listStart):
		return Vietnam2024(), nil
	}
	return nil, fmt.Errorf("region.At(%s): %w (the built-in lists begin on %s)", d.Format(time.DateOnly), ErrNoList, listStart.Format(time.DateOnly))
}

func civil(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// open returns a reader of the embedded, compressed file name.
func open(name string) io.Reader {
	b, err := data.ReadFile("data/" + name + ".gz")
	if err == nil {
		var z *gzip.Reader
		if z, err = gzip.NewReader(bytes.NewReader(b)); err == nil {
			return z
		}
	}
	panic(err) // the embedded data is checked by the tests
}

// builtin reads an embedded list and adds the aliases of its date.
func builtin(name, date string) *Hierarchy {
	h, err := ReadCSV(open(name), name)
	if err == nil {
		err = h.addAliases(date)
	}
	if err != nil {
		panic(err) // the embedded data is checked by the tests
	}
	return h
}
