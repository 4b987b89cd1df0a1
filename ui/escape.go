package ui

import "fyne.io/fyne/v2"

// escapeCloses makes Esc dismiss the window's top dialog, or, with none open, run onEmpty
// (close the window, asking first where typing would be lost). Fyne's dialogs do not take Esc
// themselves.
func escapeCloses(w fyne.Window, onEmpty func()) {
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name != fyne.KeyEscape {
			return
		}
		if top := w.Canvas().Overlays().Top(); top != nil {
			w.Canvas().Overlays().Remove(top)
			return
		}
		if onEmpty != nil {
			onEmpty()
		}
	})
}
