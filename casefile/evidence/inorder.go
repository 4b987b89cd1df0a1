package evidence

import (
	"runtime"
	"sync"
)

// Workers is how many files are prepared at once: one per core, at most four, since each holds
// a decoded photo (about 15 MB for 12 MP) while it works.
func Workers() int {
	return min(max(runtime.GOMAXPROCS(0), 1), 4)
}

// PrepareInOrder runs prepare for files 0…n-1 on Workers() goroutines and hands each result to
// keep, on the caller's goroutine, in the files' order, as soon as it and those before it are
// ready: the first file is stored while later ones are still being decoded, and only a few
// prepared files wait in memory at a time. When keep returns false no further file is started;
// PrepareInOrder returns once those already started have finished.
func PrepareInOrder[T any](n int, prepare func(i int) T, keep func(i int, r T) bool) {
	if n <= 0 {
		return
	}
	workers := min(Workers(), n)
	slots := make([]chan T, n)
	for i := range slots {
		slots[i] = make(chan T, 1)
	}
	window := make(chan struct{}, 2*workers) // started but not yet kept: bounds the memory held
	stop := make(chan struct{})
	next := make(chan int)
	go func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case window <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				slots[i] <- prepare(i)
			}
		}()
	}
	defer wg.Wait()
	for i := 0; i < n; i++ {
		if !keep(i, <-slots[i]) {
			close(stop)
			return
		}
		<-window
	}
}
