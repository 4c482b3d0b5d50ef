package indicator

import "fmt"

// SetChunkSize sets the chunk size of ReadCSV for a test and returns the
// old one.
func SetChunkSize(n int) int {
	old := chunkSize
	chunkSize = n
	return old
}

// SetQuick turns ReadCSV's one-pass reading of plain lines on or off and
// returns the old setting.
func SetQuick(on bool) bool {
	old := quickLines
	quickLines = on
	return old
}

// SetMaxDecoded sets the most points of a partition Build decodes at once
// and returns the old limit.
func SetMaxDecoded(n int64) int64 {
	old := maxDecoded
	maxDecoded = n
	return old
}

// Dump writes everything a dataset holds: its series' offsets, days and
// values, so that tests can compare two datasets whole.
func Dump(d *Dataset) string {
	b := fmt.Appendln(nil, d.off)
	b = fmt.Appendln(b, d.days)
	b = fmt.Appendln(b, d.small)
	return string(fmt.Appendln(b, d.vals))
}
