package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestReport_SwappedDatesRefused: an end date before the start is refused at the field, so the
// manager never saves an empty report that looks like a quiet month; mending either date clears
// it, and one day (the same date twice) is a period.
func TestReport_SwappedDatesRefused(t *testing.T) {
	_, since, until, save := reportDialog(t)
	since.SetText("31.12.2026")
	until.SetText("01.01.2026")
	if until.Validate() == nil || !save.Disabled() {
		t.Fatalf("swapped dates accepted: %v, save disabled %v", until.Validate(), save.Disabled())
	}
	since.SetText("01.01.2026")
	if err := until.Validate(); err != nil || save.Disabled() {
		t.Fatalf("a mended start left the end refused: %v, save disabled %v", err, save.Disabled())
	}
	since.SetText("2026-01-01")
	until.SetText("2026-01-01")
	if err := until.Validate(); err != nil {
		t.Fatalf("one day refused: %v", err)
	}
}

// TestReport_EnterChecksTheDates: dates typed and Enter pressed at once, the focus still in the
// field (where Fyne has not recorded a refusal yet), write no report either.
func TestReport_EnterChecksTheDates(t *testing.T) {
	o, since, until, _ := reportDialog(t)
	form := o.win.Canvas().Overlays().Top()
	test.Type(since, "31.12.2026")
	test.Type(until, "01.01.2026")
	until.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if o.win.Canvas().Overlays().Top() != form {
		t.Fatal("Enter on swapped dates went on to save the report")
	}
	// The focus goes back to the refused field, to mend it there (in the real window its
	// message shows at once, the focus having left it and come back).
	if until.Validate() == nil || o.win.Canvas().Focused() != until {
		t.Errorf("after Enter: the end field refuses %v, focus on %T", until.Validate(), o.win.Canvas().Focused())
	}
	test.Type(since, "x") // 31.12.2026x: no date
	since.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if o.win.Canvas().Overlays().Top() != form {
		t.Fatal("Enter on a start that is no date went on to save the report")
	}
}

// reportDialog opens the overview's report dialog and finds its two date fields and its button.
func reportDialog(t *testing.T) (o *OverviewWindow, since, until *FormEntry, save *widget.Button) {
	t.Helper()
	a, _ := newTestApp(t)
	o = a.ShowOverview()
	o.saveReport()
	var dates []*FormEntry
	walk(o.win.Canvas().Overlays().Top(), func(obj fyne.CanvasObject) {
		switch w := obj.(type) {
		case *FormEntry:
			dates = append(dates, w)
		case *widget.Button:
			if w.Text == T("Save as…") {
				save = w
			}
		}
	})
	if len(dates) != 2 || save == nil {
		t.Fatalf("the report dialog has %d date fields, save button %v", len(dates), save != nil)
	}
	return o, dates[0], dates[1], save
}
