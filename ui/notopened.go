package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// ShowNotOpened tells a person who started the window, by a shortcut or a double click, why the
// database did not open, and waits until they close it. Printed to a terminal nobody sees, the
// reason would be lost and the app would seem not to start at all. reason is the store's own
// sentence: it names the path or server and what to do about it. useOwn, when not nil, is
// offered as a way back to the computer's own file (the database was the shared one chosen in
// the window); ShowNotOpened reports whether it was taken and succeeded.
func ShowNotOpened(fa fyne.App, reason string, useOwn func() error) bool {
	setLanguage("")
	took := false
	newNotOpenedWindow(fa, reason, useOwn, &took).Show()
	fa.Run()
	return took
}

func newNotOpenedWindow(fa fyne.App, reason string, useOwn func() error, took *bool) fyne.Window {
	fa.SetIcon(appIcon)
	w := fa.NewWindow("RecoveryDesk")
	heading := widget.NewLabelWithStyle(T("The database could not be opened:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	detail := widget.NewLabel(reason)
	detail.Wrapping = fyne.TextWrapWord
	detail.Selectable = true // so that it can be copied into a message to whoever set the counter up
	quit := widget.NewButton(T("Quit"), w.Close)
	quit.Importance = widget.HighImportance
	buttons := container.NewHBox(layout.NewSpacer(), quit)
	if useOwn != nil {
		own := widget.NewButton(T("Use this computer's own file"), nil)
		own.OnTapped = func() {
			if err := useOwn(); err != nil {
				detail.SetText(reason + "\n\n" + T("The choice was not saved.") + " " + err.Error())
				return
			}
			*took = true
			w.Close()
		}
		buttons = container.NewHBox(own, layout.NewSpacer(), quit)
	}
	w.SetContent(container.NewPadded(container.NewVBox(heading, detail, layout.NewSpacer(), buttons)))
	w.Resize(fyne.NewSize(560, 240))
	w.CenterOnScreen()
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape || k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
			w.Close()
		}
	})
	return w
}
