package ui

// background runs long work (database queries, photo decoding, rendering) off the UI thread.
// Its widget updates go through fyne.Do. WaitIdle waits for it.
//
// With inline set, work runs on the caller's goroutine instead: Fyne's test driver runs
// fyne.Do on whatever goroutine calls it, so tests need every widget update on theirs.
func (a *App) background(fn func()) {
	if a.inline {
		fn()
		return
	}
	a.bg.Add(1)
	go func() {
		defer a.bg.Done()
		defer a.recoverPanic()
		fn()
	}()
}

// WaitIdle returns when no background work is left.
func (a *App) WaitIdle() { a.bg.Wait() }
