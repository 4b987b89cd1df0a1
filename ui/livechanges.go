package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// Watcher is a store that tells about changes made at other counters (a shared database).
type Watcher interface {
	Watch(ctx context.Context, fn func(casefile.Change)) error
}

// watchChanges listens for other counters' changes until stop is called. Each change reaches
// the UI thread through fyne.Do.
func (a *App) watchChanges() (stop func()) {
	w, ok := a.store.(Watcher)
	if !ok {
		return func() {}
	}
	ctx, cancel := context.WithCancel(a.ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer a.recoverPanic()
		w.Watch(ctx, func(c casefile.Change) { fyne.Do(func() { a.RemoteChange(c) }) })
	}()
	return func() { cancel(); <-done }
}

// RemoteChange shows a change made at another counter: the list reads its rows again, and an
// open window of that case says who changed it and offers to reload.
func (a *App) RemoteChange(c casefile.Change) {
	a.list.Refresh()
	a.mu.Lock()
	f := a.open[c.Number]
	a.mu.Unlock()
	if f != nil {
		f.remoteChange(c)
	}
}

// changeBar is the strip at the top of a case window that says another counter changed the
// case; hidden until then.
type changeBar struct {
	box   *fyne.Container
	label *widget.Label
}

func (f *CaseForm) buildChangeBar() *fyne.Container {
	f.changes.label = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	reload := &widget.Button{Text: T("Reload"), Icon: theme.ViewRefreshIcon(), Importance: widget.WarningImportance, OnTapped: f.app.guard(f.reloadRemote)}
	f.changes.box = container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), reload, f.changes.label)
	f.changes.box.Hide()
	return f.changes.box
}

func (f *CaseForm) remoteChange(c casefile.Change) {
	name := c.Operator
	if c.Login != "" && c.Login != c.Operator {
		name += " (" + c.Login + ")"
	}
	f.changes.label.SetText(Tf("Changed by {{.Name}} at {{.Time}} at another counter. Reload to see the change.",
		map[string]any{"Name": name, "Time": c.At.Local().Format("15:04")}))
	f.changes.box.Show()
}

// reloadRemote replaces the window's case with the stored one, asking first when typing
// would be lost.
func (f *CaseForm) reloadRemote() {
	do := func() {
		number := f.c.Number
		f.app.background(func() {
			fresh, err := f.app.store.Case(f.app.ctx, number)
			fyne.Do(func() {
				if err != nil {
					f.app.showError(f.win, T("The case could not be read."), err)
					return
				}
				f.load(fresh)
				f.removeDraft(false)
				f.changes.box.Hide()
			})
		})
	}
	if !f.Dirty() {
		do()
		return
	}
	dialog.ShowConfirm(T("Reload the case?"), T("What you typed in this window and did not save will be replaced by the stored case."), func(ok bool) {
		if ok {
			do()
		}
	}, f.win)
}
