package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestReport_CancelledSaveKeepsTheDialog: cancelling the save window, by its button or by Esc,
// brings back the report dialog with the dates and choices as they were, and saving from it
// then writes the report.
func TestReport_CancelledSaveKeepsTheDialog(t *testing.T) {
	for _, tt := range []struct {
		name   string
		cancel func(t *testing.T, o *OverviewWindow)
	}{
		{"Cancel button", func(t *testing.T, o *OverviewWindow) {
			test.Tap(overlayButton(t, o.win, lang.L("Cancel")))
		}},
		{"Esc", func(t *testing.T, o *OverviewWindow) {
			o.win.Canvas().Unfocus() // the key reaches the window, not the file-name field
			o.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o, since, until, save := reportDialog(t)
			format := overlaySelect(t, o.win, "CSV")
			format.SetSelected("CSV")
			since.SetText("01.03.2026")
			until.SetText("31.03.2026")
			test.Tap(save)
			if overlayHas(o.win, since) {
				t.Fatal("Save as… did not go on to the save window")
			}
			tt.cancel(t, o)
			if !overlayHas(o.win, since) {
				t.Fatal("cancelling the save window closed the report dialog")
			}
			if since.Text != "01.03.2026" || until.Text != "31.03.2026" || format.Selected != "CSV" {
				t.Fatalf("the report dialog came back with %q–%q as %q", since.Text, until.Text, format.Selected)
			}
			// The dialog that came back still saves: Enter with nothing focused, then the save
			// window's own button.
			o.win.Canvas().Unfocus()
			o.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
			test.Tap(overlayButton(t, o.win, lang.L("Save")))
			o.app.WaitIdle()
			name := filepath.Join(o.app.opts.ExportDir, "recoverydesk-report-2026-11-24.csv")
			if _, err := os.Stat(name); err != nil {
				t.Fatalf("the report was not written: %v", err)
			}
		})
	}
}

// overlayHas reports whether obj is in the window's top dialog.
func overlayHas(w fyne.Window, obj fyne.CanvasObject) (found bool) {
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) { found = found || o == obj })
	return found
}

// overlayButton finds the button labelled text in the window's top dialog.
func overlayButton(t *testing.T, w fyne.Window, text string) (b *widget.Button) {
	t.Helper()
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if btn, ok := o.(*widget.Button); ok && btn.Text == text {
			b = btn
		}
	})
	if b == nil {
		t.Fatalf("no %q button in the top dialog", text)
	}
	return b
}

// overlaySelect finds the select offering option in the window's top dialog.
func overlaySelect(t *testing.T, w fyne.Window, option string) (s *widget.Select) {
	t.Helper()
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if sel, ok := o.(*widget.Select); ok {
			for _, opt := range sel.Options {
				if opt == option {
					s = sel
				}
			}
		}
	})
	if s == nil {
		t.Fatalf("no select offering %q in the top dialog", option)
	}
	return s
}
