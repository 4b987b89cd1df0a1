package evidence

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestPrepareInOrder(t *testing.T) {
	// Later files finish first; they are still kept in the order given.
	var running, most atomic.Int32
	var kept []int
	PrepareInOrder(20, func(i int) int {
		n := running.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(time.Duration(20-i) * time.Millisecond)
		running.Add(-1)
		return i * i
	}, func(i, r int) bool {
		if r != i*i {
			t.Errorf("file %d got the result of another", i)
		}
		kept = append(kept, i)
		return true
	})
	for i, k := range kept {
		if i != k {
			t.Fatalf("kept in the order %v", kept)
		}
	}
	if len(kept) != 20 {
		t.Fatalf("kept %d of 20", len(kept))
	}
	if int(most.Load()) > Workers() {
		t.Errorf("%d files were prepared at once, more than the %d workers", most.Load(), Workers())
	}
}

func TestPrepareInOrderStops(t *testing.T) {
	var started atomic.Int32
	kept := 0
	PrepareInOrder(100, func(i int) error {
		started.Add(1)
		time.Sleep(time.Millisecond)
		return nil
	}, func(i int, _ error) bool {
		kept++
		return i < 2
	})
	if kept != 3 {
		t.Errorf("kept %d after a stop at the third", kept)
	}
	// Never more than the window ahead of what was kept.
	if n := started.Load(); n > int32(3+2*Workers()) {
		t.Errorf("%d files were started after the import had stopped at the third", n)
	}
	PrepareInOrder(0, func(int) int { t.Error("prepared nothing"); return 0 }, func(int, int) bool { return true })
}
