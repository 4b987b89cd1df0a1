// Package ui is RecoveryDesk's desktop window, in Fyne. It reaches the database only through
// the Store interface it declares, so screens are tested with a real store or a fake alike.
package ui

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// Store is what the screens need from the database.
type Store interface {
	Search(ctx context.Context, q casefile.Query) ([]casefile.Summary, error)
	Count(ctx context.Context, q casefile.Query) (int, error)
}

// Run opens the main window and returns when it is closed.
func Run(s Store, operator string) {
	a := app.NewWithID("com.recoverydesk.app")
	w := a.NewWindow("RecoveryDesk")
	n, _ := s.Count(context.Background(), casefile.Query{})
	w.SetContent(widget.NewLabel(fmt.Sprintf("%d cases", n)))
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}
