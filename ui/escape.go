package ui

import "fyne.io/fyne/v2"

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
