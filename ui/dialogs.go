package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// Every dialog of the desk is shown through showDialog, and every file dialog through
// showFileOpen or showFileSave. Fyne's file dialog builds its content in Show: resized before,
// it asks that missing content for its minimum size and the process dies with a nil pointer,
// taking the technician's typing with it. Showing first and sizing second is right for every
// dialog, so no call site decides it again.

// fileDialogSize fits the file dialog's folder list and name field on a 1280×800 screen.
var fileDialogSize = fyne.NewSize(900, 600)

// showDialog shows d, then gives it its size.
func showDialog(d dialog.Dialog, size fyne.Size) {
	d.Show()
	d.Resize(size)
}

// evidenceExtensions are the files the evidence dialog offers, in either case.
var evidenceExtensions = []string{".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".pdf", ".JPG", ".JPEG", ".PNG", ".WEBP", ".HEIC", ".HEIF", ".PDF"}

// showFileOpen asks for a file to read; picked receives it (nil when cancelled). extensions,
// when given, limit what the dialog lists.
func showFileOpen(w fyne.Window, extensions []string, picked func(fyne.URIReadCloser)) *dialog.FileDialog {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			r = nil
		}
		picked(r)
	}, w)
	if len(extensions) > 0 {
		d.SetFilter(storage.NewExtensionFileFilter(extensions))
	}
	showDialog(d, fileDialogSize)
	escapeDismisses(w, d)
	return d
}

// showFileSave asks where to write a file named name, starting in the folder dir when it
// exists; picked receives the open file (nil when cancelled).
func showFileSave(w fyne.Window, dir, name string, picked func(fyne.URIWriteCloser)) *dialog.FileDialog {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			wc = nil
		}
		picked(wc)
	}, w)
	d.SetFileName(name)
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	showDialog(d, fileDialogSize)
	escapeDismisses(w, d)
	keepOfferedName(w, name)
	return d
}

// escapeDismisses makes Esc on the file dialog d press its Cancel button, so that its caller
// hears of the cancel as from the button and can go back to where the person was.
func escapeDismisses(w fyne.Window, d *dialog.FileDialog) {
	d.SetOnClosed(onEscape(w, d.Dismiss))
}

// keepOfferedName guards the file-name field a save dialog focuses as it opens. A focused
// button pressed with Space opens the dialog on the key itself, and the same key's character
// arrives right after in the field, which has the focus by then: the offered name became
// " recoverydesk-shared-….dump". The first change that only puts spaces before the name is
// taken back; anything typed after goes through as typed.
func keepOfferedName(w fyne.Window, name string) {
	e, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok || e.Text != name {
		return
	}
	prev, first := e.OnChanged, true
	e.OnChanged = func(s string) {
		if first {
			first = false
			if s != name && strings.TrimLeft(s, " ") == name {
				e.SetText(name)
				e.CursorColumn = 0
				return
			}
		}
		if prev != nil {
			prev(s)
		}
	}
}

// submitOnEnter lets Enter in any of the entries press the form dialog's confirm button, as
// it does on every desktop. The fields are checked first: Fyne records a field's refusal only
// once the focus leaves it, so the field Enter was pressed in would otherwise pass unchecked.
func submitOnEnter(d *dialog.FormDialog, entries ...*FormEntry) {
	for _, e := range entries {
		e.OnSubmitted = func(string) {
			for _, f := range entries {
				if f.Validator != nil && f.Validate() != nil {
					// The refusal shows once the focus has left the field: take the focus
					// away and give it back, so the message appears where it is to be mended.
					if c := fyne.CurrentApp().Driver().CanvasForObject(f); c != nil {
						c.Unfocus()
						c.Focus(f)
					}
					return
				}
			}
			d.Submit()
		}
	}
}

// enterCloses remembers, per shown dialog, what Enter does while nothing in it has the focus
// (a message with a single button): the window's key handler looks it up (see escapeCloses).
var enterCloses = struct {
	sync.Mutex
	by map[fyne.CanvasObject]func()
}{by: map[fyne.CanvasObject]func(){}}

// showMessage shows a dialog whose only button Enter presses as well as a click.
func showMessage(w fyne.Window, d dialog.Dialog, size fyne.Size) {
	showDialog(d, size)
	onEnter(w, d, d.Hide)
}

// onEnter makes Enter run action while the shown dialog d is on top of w and nothing in it has
// the focus (it takes the focus away, so that Enter reaches the window).
func onEnter(w fyne.Window, d dialog.Dialog, action func()) {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return
	}
	enterCloses.Lock()
	enterCloses.by[top] = action
	enterCloses.Unlock()
	d.SetOnClosed(func() {
		enterCloses.Lock()
		delete(enterCloses.by, top)
		enterCloses.Unlock()
	})
	w.Canvas().Unfocus()
}

// enterAction is what Enter does for the overlay, if anything.
func enterAction(top fyne.CanvasObject) func() {
	enterCloses.Lock()
	defer enterCloses.Unlock()
	return enterCloses.by[top]
}
