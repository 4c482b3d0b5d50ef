package indicator

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/chiso-vn/chiso/internal/errlist"
	"github.com/chiso-vn/chiso/region"
)

// Errors wrapped by the [Builder] and the readers: region's sentinels, so
// errors.Is works whichever package reported them.
var (
	ErrUnknownUnit = region.ErrUnknownUnit
	ErrConflict    = region.ErrConflict // an observation given twice with different values
	ErrOverflow    = region.ErrOverflow
)

// Observation is one count of one indicator for one unit at one date.
type Observation struct {
	Indicator string      // an id in the dataset's catalogue
	Unit      region.Code // a unit of the dataset's hierarchy
	Date      time.Time   // the civil date (its year, month and day are used)
	Value     int64       // a count: never negative
}

// day is a civil date as days since 1970-01-01.
type day = int32

// civilDay converts a date to days since 1970-01-01 (Howard Hinnant's
// days_from_civil), without time zones.
func civilDay(y, m, d int) day {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return day(era*146097 + doe - 719468)
}

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return civilDay(y, int(m), d)
}

// dateOf is the inverse of civilDay, for messages.
func dateOf(d day) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

type point struct {
	v    int64
	day  day
	line int32 // where it came from: a file line, or the n-th Add
}

// Builder collects observations for a [Dataset]. Its zero value is not
// usable; call [NewBuilder].
type Builder struct {
	h      *region.Hierarchy
	cat    *Catalogue
	name   string
	pts    [][]point // in blocks of blockSize
	series [][]int32 // the series of each point, likewise
	errs   errorList
	adds   int32
}

// NewBuilder returns a Builder for units of h and indicators of cat. name
// says where observations come from, in errors. The builder and its Dataset
// keep a copy of cat: indicators added to cat later are not theirs.
func NewBuilder(h *region.Hierarchy, cat *Catalogue, name string) *Builder {
	return &Builder{h: h, cat: cat.clone(), name: name}
}

// Add adds one observation. An unknown unit or indicator or a negative value
// is reported at once and also by Build, with the observation's position.
func (b *Builder) Add(o Observation) error {
	b.adds++
	k, ok := b.cat.index(o.Indicator)
	if !ok {
		return b.errs.add(b.name, int(b.adds), 0, fmt.Errorf("%w %q", ErrUnknownIndicator, o.Indicator))
	}
	i, ok := b.h.Index(o.Unit)
	if !ok {
		return b.errs.add(b.name, int(b.adds), 0, fmt.Errorf("%w %s", ErrUnknownUnit, o.Unit))
	}
	if o.Value < 0 {
		return b.errs.add(b.name, int(b.adds), 0, fmt.Errorf("%w %d", ErrNegative, o.Value))
	}
	b.add(k, i, dayOf(o.Date), o.Value, b.adds)
	return nil
}

func (b *Builder) add(k, i int, d day, v int64, line int32) {
	if len(b.pts) == 0 || len(b.pts[len(b.pts)-1]) == blockSize {
		// Fixed blocks, not a growing slice: growth would copy and leave
		// behind about as much again as the points themselves.
		b.pts = append(b.pts, make([]point, 0, blockSize))
		b.series = append(b.series, make([]int32, 0, blockSize))
	}
	last := len(b.pts) - 1
	b.pts[last] = append(b.pts[last], point{v, d, line})
	b.series[last] = append(b.series[last], int32(k*b.h.Len()+i))
}

// blockSize is the number of points in each block of a Builder.
const blockSize = 1 << 16

// Build sorts the observations into a Dataset. Two observations with the
// same indicator, unit and date and different values are an error naming
// both; an identical repeat is kept once. Every problem found while adding
// is reported too (the first 100, then a count of the rest).
func (b *Builder) Build() (*Dataset, error) {
	n := b.h.Len()
	ns := b.cat.Len() * n
	off := make([]int32, ns+1)
	for _, blk := range b.series {
		for _, s := range blk {
			off[s+1]++
		}
	}
	for s := 0; s < ns; s++ {
		off[s+1] += off[s]
	}
	// Counting sort by series into three columns, which then become the
	// dataset's own: no second copy of the points.
	pos := slices.Clone(off[:ns])
	total := off[ns]
	days, vals, lines := make([]day, total), make([]int64, total), make([]int32, total)
	for bi, blk := range b.series {
		for j, s := range blk {
			p := b.pts[bi][j]
			q := pos[s]
			days[q], vals[q], lines[q] = p.day, p.v, p.line
			pos[s]++
		}
		b.pts[bi], b.series[bi] = nil, nil // let the collector have it now
	}
	b.pts, b.series = nil, nil
	d := &Dataset{h: b.h, cat: b.cat, off: off}
	w := int32(0) // where the next kept point goes: never past the one read
	for s := 0; s < ns; s++ {
		lo, hi := off[s], off[s+1]
		for j := lo + 1; j < hi; j++ {
			if days[j] < days[j-1] || days[j] == days[j-1] && lines[j] < lines[j-1] {
				sort.Sort(columns{days[lo:hi], vals[lo:hi], lines[lo:hi]})
				break
			}
		}
		off[s] = w
		flow := b.cat.list[s/n].Measure == Flow
		var sum int64
		var prevDay day
		var prevVal int64
		var prevLine int32
		for j := lo; j < hi; j++ {
			// Read point j before anything is written to it: writes go to
			// w, which never passes j.
			dj, vj, lj := days[j], vals[j], lines[j]
			dup := j > lo && dj == prevDay
			if dup && vj != prevVal {
				b.errs.add(b.name, int(lj), 0, fmt.Errorf("observation %w: %s for %s on %s is %d here and %d at %d",
					ErrConflict, b.cat.list[s/n].ID, b.h.At(s%n).Code, dateOf(dj).Format(time.DateOnly),
					vj, prevVal, prevLine))
			}
			prevDay, prevVal, prevLine = dj, vj, lj
			if dup {
				continue
			}
			v := vj
			if flow {
				if sum > 1<<63-1-v {
					b.errs.add(b.name, int(lj), 0, fmt.Errorf("%w: %s for %s", ErrOverflow, b.cat.list[s/n].ID, b.h.At(s%n).Code))
				}
				sum += v
				v = sum
			}
			days[w], vals[w] = dj, v
			w++
		}
	}
	d.days, d.vals = days[:w:w], vals[:w:w]
	off[ns] = w
	if err := b.errs.err(); err != nil {
		return nil, err
	}
	return d, nil
}

// columns sorts the points of one series by day, then by the line that
// gave them.
type columns struct {
	days  []day
	vals  []int64
	lines []int32
}

func (c columns) Len() int { return len(c.days) }
func (c columns) Less(i, j int) bool {
	return cmp.Or(cmp.Compare(c.days[i], c.days[j]), cmp.Compare(c.lines[i], c.lines[j])) < 0
}
func (c columns) Swap(i, j int) {
	c.days[i], c.days[j] = c.days[j], c.days[i]
	c.vals[i], c.vals[j] = c.vals[j], c.vals[i]
	c.lines[i], c.lines[j] = c.lines[j], c.lines[i]
}

// Dataset is an immutable set of observations, safe for concurrent use.
type Dataset struct {
	h    *region.Hierarchy
	cat  *Catalogue
	off  []int32 // series s is days[off[s]:off[s+1]]; s = indicator·Len + unit
	days []day
	vals []int64 // for a Flow, cumulative sums
}

// Hierarchy returns the hierarchy the dataset's units belong to.
func (d *Dataset) Hierarchy() *region.Hierarchy { return d.h }

// Catalogue returns a copy of the dataset's indicators.
func (d *Dataset) Catalogue() *Catalogue { return d.cat.clone() }

// Len returns the number of distinct observations.
func (d *Dataset) Len() int { return len(d.days) }

// Value returns the value of an indicator for a unit as of a date: the
// latest observation on or before it for a Stock, the sum of those for a
// Flow. It reports false when the unit has no observation by then.
func (d *Dataset) Value(indicator string, unit region.Code, asOf time.Time) (int64, bool) {
	k, ok := d.cat.index(indicator)
	i, ok2 := d.h.Index(unit)
	if !ok || !ok2 {
		return 0, false
	}
	return d.valueAt(k*d.h.Len()+i, dayOf(asOf))
}

func (d *Dataset) valueAt(s int, asOf day) (int64, bool) {
	lo, hi := int(d.off[s]), int(d.off[s+1])
	if lo == hi || d.days[lo] > asOf {
		return 0, false
	}
	// The last day <= asOf, by binary search.
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if d.days[m] <= asOf {
			lo = m
		} else {
			hi = m
		}
	}
	return d.vals[lo], true
}

// errorList collects position errors up to region.MaxErrors.
type errorList struct{ errlist.List }

func (l *errorList) add(file string, line, column int, err error) error {
	return l.Add(&ParseError{File: file, Line: line, Column: column, Err: err})
}

func (l *errorList) err() error { return l.Err() }

// ParseError is a problem with one observation: a line (and column) of a
// file, or the n-th call of [Builder.Add] when Column is 0 and File is the
// builder's name. It is chiso's one position error, defined in region.
type ParseError = region.ParseError
