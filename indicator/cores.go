package indicator

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// onCores calls do(s, k) for every k in [0, n) on up to GOMAXPROCS
// goroutines, each taking the next k when done with its last, with
// scratch s made once a goroutine by scratch. It returns when every call
// has. Which goroutine runs which k is not fixed: do writes only k's own
// part of a result, so the result does not depend on the cores.
func onCores[S any](n int, scratch func() S, do func(s S, k int)) {
	var next atomic.Int32
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			s := scratch()
			for k := int(next.Add(1)) - 1; k < n; k = int(next.Add(1)) - 1 {
				do(s, k)
			}
		})
	}
	wg.Wait()
}
