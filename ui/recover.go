package ui

import (
	"log"
	"runtime/debug"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// recoverPanic, deferred in the app's own background work and callbacks, turns a panic into
// a logged stack and a message in the window, so that one fault does not take the whole desk
// (and the typing in its other windows) with it. Drafts on disk survive either way.
func (a *App) recoverPanic() {
	if r := recover(); r != nil {
		a.reportPanic(r)
	}
}

// reportPanic logs the panic's type and stack, not its value, which may carry what a customer
// typed, and tells the person in the window.
func (a *App) reportPanic(r any) {
	log.Printf("recovered from a fault (%T):\n%s", r, debug.Stack())
	fyne.Do(func() {
		dialog.ShowInformation(T("Something went wrong"),
			T("An internal fault stopped this action. Nothing typed is lost: unsaved typing is kept in a draft. Try again, or restart RecoveryDesk."), a.main)
	})
}

// guard wraps a callback of the window so that a panic in it is recovered like one in the
// background.
func (a *App) guard(fn func()) func() {
	return func() {
		defer a.recoverPanic()
		fn()
	}
}

// current is the running desk, for faults in menu actions, which are built without it.
var current atomic.Pointer[App]

// recoverMenuPanic recovers a panic in a menu action like one in any other callback.
func recoverMenuPanic() {
	r := recover()
	if r == nil {
		return
	}
	if a := current.Load(); a != nil {
		a.reportPanic(r)
		return
	}
	log.Printf("recovered from a fault (%T):\n%s", r, debug.Stack())
}
