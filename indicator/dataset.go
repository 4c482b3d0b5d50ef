package indicator

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
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
	ErrDuplicate   = region.ErrDuplicate // an observation given twice
	ErrConflict    = region.ErrConflict  // an observation given twice with different values; wraps ErrDuplicate
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

// Builder collects observations for a [Dataset]. Its zero value is not
// usable; call [NewBuilder].
type Builder struct {
	h      *region.Hierarchy
	cat    *Catalogue
	name   string
	blocks []*block // in the order the points came
	enc    *encoder // Add's points not yet in a block
	errs   errorList
	adds   int32
}

// NewBuilder returns a Builder for units of h and indicators of cat. name
// says where observations come from, in errors. The builder and its Dataset
// keep a copy of cat: indicators added to cat later are not theirs.
func NewBuilder(h *region.Hierarchy, cat *Catalogue, name string) *Builder {
	return &Builder{h: h, cat: cat.Clone(), name: name}
}

// series returns the number of series (indicator·Len + unit) of b.
func (b *Builder) series() int { return b.cat.Len() * b.h.Len() }

// newEncoder returns an encoder of points for b's series.
func (b *Builder) newEncoder() *encoder { return newEncoder(b.series()) }

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
	if b.enc == nil {
		b.enc = b.newEncoder()
	}
	b.enc.add(int32(k*b.h.Len()+i), dayOf(o.Date), o.Value, b.adds)
	return nil
}

// Build sorts the observations into a Dataset. Two observations with the
// same indicator, unit and date are an error naming both, whether their
// values differ (wrapping [ErrConflict]) or not (wrapping [ErrDuplicate]):
// a file read twice or two exports that overlap would otherwise count
// twice or hide which figure was meant. Every problem found while adding
// is reported too (the first region.MaxErrors, then a count of the rest).
//
// The points come encoded in partitions of consecutive series (see
// [encoder]), so the partitions are built apart, on every core: each is
// sorted by series and day with a counting sort straight into the
// dataset's day and value columns (8 bytes an observation, 12 when the
// values need 64 bits), keyed by
// series and day when its days span a short range (no other sort is
// needed then), else by series and then each series by day, stably. The
// lines of the observations at fault are looked up again only when there
// is a problem to report. The result does not depend on GOMAXPROCS.
func (b *Builder) Build() (*Dataset, error) {
	if b.enc != nil {
		b.blocks = append(b.blocks, b.enc.take()...)
	}
	ns := b.series()
	np := partitions(ns)
	base := make([]int64, np+1)
	for _, blk := range b.blocks {
		for p, sg := range blk.parts {
			base[p+1] += int64(sg.n)
		}
	}
	for p := range np {
		base[p+1] += base[p]
	}
	if base[np] > math.MaxInt32 {
		b.errs.add(b.name, 0, 0, fmt.Errorf("%w: %d observations, more than a dataset holds (%d)", ErrOverflow, base[np], math.MaxInt32))
		return nil, b.errs.err()
	}
	total := base[np]
	// Values in 4 bytes when no partition's values add up to 2³² (then
	// no running sum reaches it either), else in 8.
	narrow := true
	for p := range np {
		var sum uint64
		for _, blk := range b.blocks {
			sum = addSat(sum, blk.parts[p].sum)
		}
		narrow = narrow && sum < 1<<32
	}
	ds := &Dataset{h: b.h, cat: b.cat, off: make([]int32, ns+1), days: make([]day, total)}
	if narrow {
		ds.small = make([]uint32, total)
	} else {
		ds.vals = make([]int64, total)
	}
	faults := make([][]fault, np)
	onCores(np, func() *scratch { return new(scratch) }, func(sc *scratch, p int) {
		if narrow {
			faults[p] = buildPart(b, p, int32(base[p]), ds.off, ds.days, ds.small, sc)
		} else {
			faults[p] = buildPart(b, p, int32(base[p]), ds.off, ds.days, ds.vals, sc)
		}
	})
	ds.off[ns] = int32(total)
	if all := slices.Concat(faults...); len(all) > 0 {
		b.report(all)
	}
	if err := b.errs.err(); err != nil {
		return nil, err
	}
	return ds, nil
}

// addSat returns a+b, or the largest uint64 when that overflows.
func addSat(a, b uint64) uint64 {
	if s := a + b; s >= a {
		return s
	}
	return math.MaxUint64
}

// buildPart sorts the points of partition p into days and vals from q on,
// fills off for its series, and returns its faults in order of series and
// day.
func buildPart[T int64 | uint32](b *Builder, p int, q int32, off []int32, days []day, vals []T, sc *scratch) []fault {
	s0 := int32(p << partShift)
	nsp := min(1<<partShift, b.series()-int(s0))
	var n int64
	lo, hi := day(math.MaxInt32), day(math.MinInt32)
	for _, blk := range b.blocks {
		if sg := blk.parts[p]; sg.n > 0 {
			n += int64(sg.n)
			lo, hi = min(lo, sg.lo), max(hi, sg.hi)
		}
	}
	if n == 0 {
		for s := range nsp {
			off[int(s0)+s] = q
		}
		return nil
	}
	// The counting sort reads the points twice: to count them by key, then
	// to place them. A partition small enough is decoded once, into the
	// worker's scratch; a larger one block by block on each pass, to keep
	// memory in bounds.
	t := &sc.decoded
	passes := func(count, place func(t *decoded)) {
		if n <= maxDecoded {
			t.reset()
			for _, blk := range b.blocks {
				t.decode(blk, p)
			}
			count(t)
			place(t)
			return
		}
		for _, blk := range b.blocks {
			t.reset()
			t.decode(blk, p)
			count(t)
		}
		for _, blk := range b.blocks {
			t.reset()
			t.decode(blk, p)
			place(t)
		}
	}
	counts := func(keys int) []int32 {
		if cap(sc.counts) < keys {
			sc.counts = make([]int32, keys)
		}
		c := sc.counts[:keys]
		clear(c)
		return c
	}
	span := int64(hi) - int64(lo) + 1
	if keys := int64(nsp) * span; keys <= max(4*n, 1<<12) && keys <= 1<<24 {
		// Keyed by series and day: the counting sort leaves each series
		// sorted by day, repeats side by side in input order.
		r := int32(span)
		pos := counts(int(keys))
		first := true
		passes(func(t *decoded) {
			for j, s := range t.s {
				pos[(s-s0)*r+t.d[j]-lo]++
			}
		}, func(t *decoded) {
			if first {
				// The counts become the first place of each key.
				k := 0
				for s := range nsp {
					off[int(s0)+s] = q
					for range r {
						pos[k], q = q, q+pos[k]
						k++
					}
				}
				first = false
			}
			for j, s := range t.s {
				d := t.d[j]
				k := (s-s0)*r + d - lo
				i := pos[k]
				pos[k]++
				days[i], vals[i] = d, T(t.v[j])
			}
		})
	} else {
		pos := counts(nsp)
		first := true
		passes(func(t *decoded) {
			for _, s := range t.s {
				pos[s-s0]++
			}
		}, func(t *decoded) {
			if first {
				for s := range nsp {
					off[int(s0)+s] = q
					pos[s], q = q, q+pos[s]
				}
				first = false
			}
			for j, s := range t.s {
				i := pos[s-s0]
				pos[s-s0]++
				days[i], vals[i] = t.d[j], T(t.v[j])
			}
		})
		for s := range nsp {
			lo, hi := off[int(s0)+s], pos[s]
			if !slices.IsSorted(days[lo:hi]) {
				sort.Stable(dayValues[T]{days[lo:hi], vals[lo:hi]})
			}
		}
	}
	var faults []fault
	for s := range nsp {
		lo, hi := off[int(s0)+s], q
		if s+1 < nsp {
			hi = off[int(s0)+s+1]
		}
		series := s0 + int32(s)
		flow := b.cat.list[int(series)/b.h.Len()].Measure == Flow
		var sum int64
		for j := lo; j < hi; j++ {
			dj, v := days[j], int64(vals[j])
			if j > lo && dj == days[j-1] {
				if last := len(faults) - 1; last >= 0 && faults[last] == (fault{series, dj, faults[last].repeats, false}) {
					faults[last].repeats++
				} else {
					faults = append(faults, fault{series: series, day: dj, repeats: 1})
				}
				continue
			}
			if flow {
				if sum > 1<<63-1-v {
					faults = append(faults, fault{series: series, day: dj, overflow: true})
				}
				sum += v
				vals[j] = T(sum)
			}
		}
	}
	return faults
}

// scratch is what a worker of Build reuses from partition to partition.
type scratch struct {
	counts  []int32
	decoded decoded
}

// decoded holds points of a partition: their series, days and values.
type decoded struct {
	s, d []int32
	v    []int64
}

func (t *decoded) reset() { t.s, t.d, t.v = t.s[:0], t.d[:0], t.v[:0] }

// maxDecoded is the most points of a partition Build decodes into scratch
// at once (16 bytes each); a larger one is decoded a block at a time.
var maxDecoded int64 = 1 << 18

// decode appends the points of partition p of blk to t, in the order they
// were added.
func (t *decoded) decode(blk *block, p int) {
	var dec decoder
	dec.start(blk, p)
	data := dec.data
	for range blk.parts[p].n {
		// Most points are four one-byte varints.
		if i := dec.i; i+4 <= len(data) {
			if w := binary.LittleEndian.Uint32(data[i:]); w&0x80808080 == 0 {
				dec.c.series += int32(w>>1&0x3f) ^ -int32(w&1)
				dec.c.day += int32(w>>9&0x3f) ^ -int32(w>>8&1)
				dec.c.line += int32(w >> 16 & 0x7f)
				dec.i += 4
				t.s, t.d, t.v = append(t.s, dec.c.series), append(t.d, dec.c.day), append(t.v, int64(w>>24))
				continue
			}
		}
		s, d, v, _ := dec.next()
		t.s, t.d, t.v = append(t.s, s), append(t.d, d), append(t.v, v)
	}
}

// fault is a problem Build found in one series on one day: observations
// given more than once (repeats times more), or a running sum that
// overflows.
type fault struct {
	series   int32
	day      day
	repeats  int
	overflow bool
}

// report adds the errors of faults, in order, with the lines of the
// observations at fault, found again by one pass over the points of their
// partitions. Past the errors the list records, faults are only counted.
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
	room := region.MaxErrors - b.errs.Len()
	shown := 0
	for shown < len(faults) && room > 0 {
		f := faults[shown]
		at[key{f.series, f.day}] = nil
		room -= max(f.repeats, 1)
		shown++
	}
	parts := map[int]bool{}
	for _, f := range faults[:shown] {
		parts[int(f.series)>>partShift] = true
	}
	for _, blk := range b.blocks {
		for p := range parts {
			var dec decoder
			dec.start(blk, p)
			for range blk.parts[p].n {
				s, d, v, line := dec.next()
				k := key{s, d}
				if list, ok := at[k]; ok {
					at[k] = append(list, seen{line, v})
				}
			}
		}
	}
	n := b.h.Len()
	for _, f := range faults[:shown] {
		id, code := b.cat.list[int(f.series)/n].ID, b.h.At(int(f.series)%n).Code
		list := at[key{f.series, f.day}]
		if f.overflow {
			b.errs.add(b.name, int(list[0].line), 0, fmt.Errorf("%w: %s for %s", ErrOverflow, id, code))
			continue
		}
		date := dateOf(f.day).Format(time.DateOnly)
		for k := 1; k < len(list); k++ {
			err := ErrDuplicate
			if list[k].v != list[k-1].v {
				err = ErrConflict
			}
			b.errs.add(b.name, int(list[k].line), 0, fmt.Errorf("observation %w: %s for %s on %s is %d here and %d at %d",
				err, id, code, date, list[k].v, list[k-1].v, list[k-1].line))
		}
	}
	for _, f := range faults[shown:] {
		for range max(f.repeats, 1) {
			b.errs.Add(errUncounted)
		}
	}
}

// errUncounted stands for a problem past those an error list records: it
// is only counted.
var errUncounted = errors.New("uncounted")

// dayValues sorts one series by day, with its values.
type dayValues[T int64 | uint32] struct {
	days []day
	vals []T
}

func (d dayValues[T]) Len() int           { return len(d.days) }
func (d dayValues[T]) Less(i, j int) bool { return d.days[i] < d.days[j] }
func (d dayValues[T]) Swap(i, j int) {
	d.days[i], d.days[j] = d.days[j], d.days[i]
	d.vals[i], d.vals[j] = d.vals[j], d.vals[i]
}

// The points a Builder collects are kept encoded, in partitions of
// 1<<partShift consecutive series, so that Build can sort each partition
// apart, on every core, with the counts and writes of a partition in the
// processor's cache. Each point is four varints, about 4 to 6 bytes in a
// national file rather than 20 (series, day, value and line): the changes
// of series and day (zigzag) and of line from the partition's previous
// point in the block, then the value.

// partShift sets the number of series in a partition.
const partShift = 10

// partitions returns the number of partitions of ns series.
func partitions(ns int) int { return max(1, (ns+1<<partShift-1)>>partShift) }

// blockSize is the most points an encoder keeps before it makes a block.
const blockSize = 1 << 16

// block is a run of points, partition by partition: partition p's points
// are data[parts[p-1].end:parts[p].end] (from 0 for p = 0).
type block struct {
	data  []byte
	parts []segment
}

// segment is where a partition's points are in a block, how many there
// are, and the range of their days.
type segment struct {
	end    int32
	n      int32
	lo, hi day
	sum    uint64 // of the values, or the largest uint64
}

// cursor is the last point of a partition, from which the next is encoded.
type cursor struct{ series, day, line int32 }

// encoder encodes points into blocks. Each reader's worker has its own.
type encoder struct {
	parts []encPart // by partition
	n     int       // points not yet in a block
	out   []*block
}

// encPart is what an encoder holds of a partition: side by side, since
// each point touches all three.
type encPart struct {
	buf  []byte
	seg  segment
	prev cursor
}

func newEncoder(ns int) *encoder {
	return &encoder{parts: make([]encPart, partitions(ns))}
}

// add adds a point that came from line.
func (e *encoder) add(series int32, d day, v int64, line int32) {
	pt := &e.parts[series>>partShift]
	c, sg := &pt.prev, &pt.seg
	if sg.n == 0 {
		*c = cursor{series: series >> partShift << partShift}
		sg.lo, sg.hi = d, d
	}
	sg.lo, sg.hi = min(sg.lo, d), max(sg.hi, d)
	sg.n++
	sg.sum = addSat(sg.sum, uint64(v))
	// Lines only go forward: their change is not zigzagged (one going
	// back would still round-trip, in ten bytes).
	ds, dd, dl := zigzag(int64(series)-int64(c.series)), zigzag(int64(d)-int64(c.day)), uint64(int64(line)-int64(c.line))
	if ds|dd|dl|uint64(v) < 0x80 {
		// One store of the four bytes.
		buf := pt.buf
		if cap(buf)-len(buf) < 4 {
			buf = slices.Grow(buf, 4)
		}
		n := len(buf)
		buf = buf[:n+4]
		binary.LittleEndian.PutUint32(buf[n:], uint32(ds)|uint32(dd)<<8|uint32(dl)<<16|uint32(v)<<24)
		pt.buf = buf
	} else {
		pt.buf = appendUvarint(appendUvarint(appendUvarint(appendUvarint(pt.buf, ds), dd), dl), uint64(v))
	}
	*c = cursor{series, d, line}
	if e.n++; e.n == blockSize {
		e.flush()
	}
}

// flush makes a block of the points not yet in one.
func (e *encoder) flush() {
	if e.n == 0 {
		return
	}
	size := 0
	for _, pt := range e.parts {
		size += len(pt.buf)
	}
	blk := &block{data: make([]byte, 0, size), parts: make([]segment, len(e.parts))}
	for p := range e.parts {
		pt := &e.parts[p]
		blk.data = append(blk.data, pt.buf...)
		blk.parts[p] = pt.seg
		blk.parts[p].end = int32(len(blk.data))
		pt.buf, pt.seg = pt.buf[:0], segment{}
	}
	e.out = append(e.out, blk)
	e.n = 0
}

// take returns the blocks of every point added since the last take.
func (e *encoder) take() []*block {
	e.flush()
	out := e.out
	e.out = nil
	return out
}

// decoder reads the points of one partition of a block, in order.
type decoder struct {
	data []byte
	i    int
	c    cursor
}

func (d *decoder) start(blk *block, p int) {
	from := int32(0)
	if p > 0 {
		from = blk.parts[p-1].end
	}
	*d = decoder{data: blk.data[:blk.parts[p].end], i: int(from), c: cursor{series: int32(p << partShift)}}
}

// next returns the next point and its line.
func (d *decoder) next() (series int32, dy day, v int64, line int32) {
	var x int64
	var u uint64
	x, d.i = varint(d.data, d.i)
	d.c.series += int32(x)
	x, d.i = varint(d.data, d.i)
	d.c.day += int32(x)
	u, d.i = uvarint(d.data, d.i)
	d.c.line += int32(int64(u))
	u, d.i = uvarint(d.data, d.i)
	return d.c.series, d.c.day, int64(u), d.c.line
}

func appendUvarint(b []byte, x uint64) []byte {
	if x < 0x80 {
		return append(b, byte(x))
	}
	return binary.AppendUvarint(b, x)
}

func zigzag(x int64) uint64 { return uint64(x<<1) ^ uint64(x>>63) }

// uvarint decodes the varint at b[i] and returns it and the index after
// it; b holds only what the encoder wrote.
func uvarint(b []byte, i int) (uint64, int) {
	if c := b[i]; c < 0x80 {
		return uint64(c), i + 1
	}
	var x uint64
	for s := uint(0); ; s += 7 {
		c := b[i]
		i++
		if c < 0x80 {
			return x | uint64(c)<<s, i
		}
		x |= uint64(c&0x7f) << s
	}
}

func varint(b []byte, i int) (int64, int) {
	u, i := uvarint(b, i)
	return int64(u>>1) ^ -int64(u&1), i
}

// Dataset is an immutable set of observations, safe for concurrent use.
type Dataset struct {
	h    *region.Hierarchy
	cat  *Catalogue
	off  []int32 // series s is days[off[s]:off[s+1]]; s = indicator·Len + unit
	days []day
	// The values (for a Flow, cumulative sums): in small when they all
	// fit in 32 bits, else in vals.
	vals  []int64
	small []uint32
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
	// The last day <= asOf. Daily series have a point a day, so look
	// first where asOf would be if none were missing; else search.
	if j := lo + int(min(int64(asOf)-int64(d.days[lo]), int64(hi-lo-1))); d.days[j] <= asOf && (j+1 == hi || d.days[j+1] > asOf) {
		lo, hi = j, j+1
	}
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if d.days[m] <= asOf {
			lo = m
		} else {
			hi = m
		}
	}
	if d.small != nil {
		return int64(d.small[lo]), true
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
