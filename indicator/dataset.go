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

// point is one observation as a Builder collects it, in 12 bytes; its
// line is kept by its block.
type point struct {
	series int32  // indicator·Len + unit
	day    day    //
	v      uint32 // the value, or bigValue when it is in the block's side table
}

// bigValue marks a value of 2³²−1 or more, kept in a block's side table.
const bigValue = 1<<32 - 1

// block is a run of points, with the values too big for a point and the
// lines they came from. Lines are kept only where they jump: the points of
// a clean file come from consecutive lines, so a block of them keeps one.
type block struct {
	pts   []point
	big   map[int32]int64 // by position in pts
	jumps []jump          // ascending; the first is at 0
	next  int32           // the line the next point comes from if it does not jump
}

// jump says that point at came from line, and the points after it from the
// lines after it, up to the next jump.
type jump struct{ at, line int32 }

func (blk *block) value(j int) int64 {
	if v := blk.pts[j].v; v != bigValue {
		return int64(v)
	}
	return blk.big[int32(j)]
}

// line returns the line point j came from.
func (blk *block) line(j int) int32 {
	k, found := slices.BinarySearchFunc(blk.jumps, int32(j), func(a jump, t int32) int { return cmp.Compare(a.at, t) })
	if !found {
		k--
	}
	return blk.jumps[k].line + int32(j) - blk.jumps[k].at
}

func (blk *block) add(series int32, d day, v int64, line int32) {
	n := int32(len(blk.pts))
	if n == 0 || line != blk.next {
		blk.jumps = append(blk.jumps, jump{n, line})
	}
	blk.next = line + 1
	p := point{series, d, uint32(v)}
	if v >= bigValue {
		if blk.big == nil {
			blk.big = map[int32]int64{}
		}
		blk.big[n] = v
		p.v = bigValue
	}
	blk.pts = append(blk.pts, p)
}

// Builder collects observations for a [Dataset]. Its zero value is not
// usable; call [NewBuilder].
type Builder struct {
	h      *region.Hierarchy
	cat    *Catalogue
	name   string
	blocks []*block // in the order the points came
	errs   errorList
	adds   int32
}

// NewBuilder returns a Builder for units of h and indicators of cat. name
// says where observations come from, in errors. The builder and its Dataset
// keep a copy of cat: indicators added to cat later are not theirs.
func NewBuilder(h *region.Hierarchy, cat *Catalogue, name string) *Builder {
	return &Builder{h: h, cat: cat.Clone(), name: name}
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
	if len(b.blocks) == 0 || len(b.blocks[len(b.blocks)-1].pts) == cap(b.blocks[len(b.blocks)-1].pts) {
		// Fixed blocks, not a growing slice: growth would copy and leave
		// behind about as much again as the points themselves.
		b.blocks = append(b.blocks, &block{pts: make([]point, 0, blockSize)})
	}
	b.blocks[len(b.blocks)-1].add(int32(k*b.h.Len()+i), d, v, line)
}

// blockSize is the number of points in each block that Add fills.
const blockSize = 1 << 16

// Build sorts the observations into a Dataset. Two observations with the
// same indicator, unit and date and different values are an error naming
// both; an identical repeat is kept once. Every problem found while adding
// is reported too (the first region.MaxErrors, then a count of the rest).
//
// The points are sorted by series with a counting sort straight into the
// dataset's day and value columns (12 bytes an observation), then each
// series by day (stably, so repeats keep their order), and repeats are
// dropped in place. The lines of the observations at fault are looked up
// again only when there is a problem to report.
func (b *Builder) Build() (*Dataset, error) {
	n := b.h.Len()
	ns := b.cat.Len() * n
	off := make([]int32, ns+1)
	for _, blk := range b.blocks {
		for _, p := range blk.pts {
			off[p.series+1]++
		}
	}
	for s := 0; s < ns; s++ {
		off[s+1] += off[s]
	}
	pos := slices.Clone(off[:ns])
	total := off[ns]
	days, vals := make([]day, total), make([]int64, total)
	for _, blk := range b.blocks {
		for j, p := range blk.pts {
			q := pos[p.series]
			days[q], vals[q] = p.day, int64(p.v)
			if p.v == bigValue {
				vals[q] = blk.big[int32(j)]
			}
			pos[p.series]++
		}
	}
	var faults []fault
	w := int32(0) // where the next kept point goes: never past the one read
	for s := 0; s < ns; s++ {
		lo, hi := off[s], off[s+1]
		for j := lo + 1; j < hi; j++ {
			if days[j] < days[j-1] {
				sort.Stable(dayValues{days[lo:hi], vals[lo:hi]})
				break
			}
		}
		off[s] = w
		flow := b.cat.list[s/n].Measure == Flow
		var sum, prev int64
		for j := lo; j < hi; j++ {
			// Point j is read before anything is written to it: writes go
			// to w, which never passes j.
			dj, vj := days[j], vals[j]
			if j > lo && dj == days[w-1] {
				if f := (fault{int32(s), dj, false}); vj != prev && (len(faults) == 0 || faults[len(faults)-1] != f) {
					faults = append(faults, f)
				}
				prev = vj
				continue
			}
			prev = vj
			v := vj
			if flow {
				if sum > 1<<63-1-v {
					faults = append(faults, fault{int32(s), dj, true})
				}
				sum += v
				v = sum
			}
			days[w], vals[w] = dj, v
			w++
		}
	}
	off[ns] = w
	if len(faults) > 0 {
		b.report(faults)
	}
	if err := b.errs.err(); err != nil {
		return nil, err
	}
	return &Dataset{h: b.h, cat: b.cat, off: off, days: days[:w:w], vals: vals[:w:w]}, nil
}

// fault is a problem Build found in one series on one day: values that
// differ, or a running sum that overflows.
type fault struct {
	series   int32
	day      day
	overflow bool
}

// report adds the errors of faults, in order, with the lines of the
// observations at fault, found again by one pass over the points.
func (b *Builder) report(faults []fault) {
	type key struct {
		series int32
		day    day
	}
	type seen struct {
		line int32
		v    int64
	}
	at := map[key][]seen{}
	for _, f := range faults {
		at[key{f.series, f.day}] = nil
	}
	for _, blk := range b.blocks {
		for j, p := range blk.pts {
			k := key{p.series, p.day}
			if list, ok := at[k]; ok {
				at[k] = append(list, seen{blk.line(j), blk.value(j)})
			}
		}
	}
	n := b.h.Len()
	for _, f := range faults {
		id, code := b.cat.list[int(f.series)/n].ID, b.h.At(int(f.series)%n).Code
		list := at[key{f.series, f.day}]
		if f.overflow {
			b.errs.add(b.name, int(list[0].line), 0, fmt.Errorf("%w: %s for %s", ErrOverflow, id, code))
			continue
		}
		for k := 1; k < len(list); k++ {
			if list[k].v != list[k-1].v {
				b.errs.add(b.name, int(list[k].line), 0, fmt.Errorf("observation %w: %s for %s on %s is %d here and %d at %d",
					ErrConflict, id, code, dateOf(f.day).Format(time.DateOnly), list[k].v, list[k-1].v, list[k-1].line))
			}
		}
	}
}

// dayValues sorts one series by day, with its values.
type dayValues struct {
	days []day
	vals []int64
}

func (d dayValues) Len() int           { return len(d.days) }
func (d dayValues) Less(i, j int) bool { return d.days[i] < d.days[j] }
func (d dayValues) Swap(i, j int) {
	d.days[i], d.days[j] = d.days[j], d.days[i]
	d.vals[i], d.vals[j] = d.vals[j], d.vals[i]
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
func (d *Dataset) Catalogue() *Catalogue { return d.cat.Clone() }

// Latest returns the latest date of an observation, the zero Time for an
// empty dataset: the date a roll-up is usually asked for.
func (d *Dataset) Latest() time.Time {
	if len(d.days) == 0 {
		return time.Time{}
	}
	return dateOf(slices.Max(d.days))
}

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
