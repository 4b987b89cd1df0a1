package ui

import (
	"sync"

	"fyne.io/fyne/v2"
)

// escapeCloses makes Esc dismiss the window's top dialog, or, with none open, run onEmpty
// (close the window, asking first where typing would be lost). Fyne's dialogs do not take Esc
// themselves. Enter presses the only button of a message shown by showMessage.
func escapeCloses(w fyne.Window, onEmpty func()) {
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		top := w.Canvas().Overlays().Top()
		switch k.Name {
		case fyne.KeyEscape:
			if top != nil {
				enterCloses.Lock()
				delete(enterCloses.by, top)
				enterCloses.Unlock()
				if cancel := takeEscapeAction(top); cancel != nil {
					cancel()
					return
				}
				w.Canvas().Overlays().Remove(top)
				return
			}
			if onEmpty != nil {
				onEmpty()
			}
		case fyne.KeyReturn, fyne.KeyEnter:
			if top == nil {
				return
			}
			if action := enterAction(top); action != nil {
				action()
			}
		}
	})
}

// escapeCancels remembers, per shown dialog, what Esc does instead of taking the dialog off the
// window. A file dialog taken off silently never tells its caller it was cancelled, so whatever
// was to come back after it (the report dialog behind the save window) would be lost.
var escapeCancels = struct {
	sync.Mutex
	by map[fyne.CanvasObject]func()
}{by: map[fyne.CanvasObject]func(){}}

// onEscape makes Esc run cancel, rather than take the dialog away, while the dialog just shown
// is on top of w; forget is to be called when that dialog closes by any other way.
func onEscape(w fyne.Window, cancel func()) (forget func()) {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return func() {}
	}
	escapeCancels.Lock()
	escapeCancels.by[top] = cancel
	escapeCancels.Unlock()
	return func() { takeEscapeAction(top) }
}

// takeEscapeAction is what Esc does for the overlay, if anything, forgotten once taken.
func takeEscapeAction(top fyne.CanvasObject) func() {
	escapeCancels.Lock()
	defer escapeCancels.Unlock()
	cancel := escapeCancels.by[top]
	delete(escapeCancels.by, top)
	return cancel
}

// passEscape hands Esc from a focused widget to its window. Fyne gives a key to the focused
// widget alone, and an entry or a check box has no use for Esc, so without this a window whose
// first field has the cursor could never be closed with Esc. It reports whether it did.
func passEscape(obj fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(obj)
	if c == nil || c.OnTypedKey() == nil {
		return false
	}
	c.OnTypedKey()(k)
	return true
}
