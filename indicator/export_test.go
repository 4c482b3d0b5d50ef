package indicator

// SetChunkSize sets the chunk size of ReadCSV for a test and returns the
// old one.
func SetChunkSize(n int) int {
	old := chunkSize
	chunkSize = n
	return old
}
