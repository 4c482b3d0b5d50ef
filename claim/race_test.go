//go:build race

package claim

func init() { raceDetector = true }
