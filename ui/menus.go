package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
)

// The keyboard shortcuts live in the menus: while a field has the focus, Fyne gives shortcuts
// to the field and to the window's main menu only, so shortcuts added to the canvas would not
// fire while the technician is typing, which is when Ctrl+S matters most.

func shortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func menuItem(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, func() {
		defer recoverMenuPanic()
		action()
	})
	if key != "" {
		it.Shortcut = shortcut(key)
	}
	return it
}

// quitItem replaces the Quit that Fyne would add, so that unsaved typing is asked about first.
func (a *App) quitItem() *fyne.MenuItem {
	it := menuItem(T("Quit"), fyne.KeyQ, a.requestQuit)
	it.IsQuit = true
	return it
}

func (a *App) mainMenu() *fyne.MainMenu {
	return fyne.NewMainMenu(
		fyne.NewMenu(T("Cases"),
			menuItem(T("New case"), fyne.KeyN, func() { a.NewCase() }),
			menuItem(T("Find"), fyne.KeyF, func() { a.main.Canvas().Focus(a.list.search) }),
			fyne.NewMenuItemSeparator(),
			menuItem(T("Overview"), fyne.KeyO, func() { a.ShowOverview() }),
			menuItem(T("History of all cases"), "", func() { a.ShowAudit() }),
			menuItem(T("Settings"), fyne.KeyComma, func() { a.ShowSettings() }),
			menuItem(T("Shared database…"), "", func() { a.ShowSharedDatabase() }),
			fyne.NewMenuItemSeparator(),
			a.quitItem(),
		),
	)
}

func (f *CaseForm) menu() *fyne.MainMenu {
	return fyne.NewMainMenu(
		fyne.NewMenu(T("Case"),
			menuItem(T("Save"), fyne.KeyS, func() { f.Save() }),
			menuItem(T("Change status…"), fyne.KeyT, f.showStatusDialog),
			menuItem(T("Add file…"), fyne.KeyD, func() { f.tabs.SelectIndex(1); f.evidence.Add("") }),
			fyne.NewMenuItemSeparator(),
			menuItem(T("Export dossier…"), fyne.KeyE, f.showExportDialog),
			menuItem(T("Print receipt"), fyne.KeyP, f.printReceipt),
			fyne.NewMenuItemSeparator(),
			menuItem(T("New case"), fyne.KeyN, func() { f.app.NewCase() }),
			menuItem(T("Close"), fyne.KeyW, f.requestClose),
			f.app.quitItem(),
		),
	)
}

// requestQuit quits, first asking when a case window holds unsaved typing.
func (a *App) requestQuit() { a.confirmUnsaved(a.fyne.Quit) }

// confirmUnsaved runs then (which closes the app) at once when no case window holds unsaved
// typing, and otherwise only once the technician agrees to lose it; the agreed loss takes
// the windows' drafts with it, so that the next start does not offer them back.
func (a *App) confirmUnsaved(then func()) {
	a.mu.Lock()
	var dirty *CaseForm
	var forms []*CaseForm
	for _, f := range a.open {
		forms = append(forms, f)
		if f.Dirty() {
			dirty = f
		}
	}
	a.mu.Unlock()
	if dirty == nil {
		then()
		return
	}
	dirty.win.RequestFocus()
	dialog.ShowConfirm(T("Quit RecoveryDesk?"), T("A case has changes that are not saved; they will be lost."), func(ok bool) {
		if ok {
			for _, f := range forms {
				f.closeDraft()
			}
			then()
		}
	}, dirty.win)
}
