package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestReport_SwappedDatesRefused: an end date before the start is refused at the field, so the
// manager never saves an empty report that looks like a quiet month; mending either date clears
// it, and one day (the same date twice) is a period.
func TestReport_SwappedDatesRefused(t *testing.T) {
	a, _ := newTestApp(t)
	o := a.ShowOverview()
	o.saveReport()
	var dates []*FormEntry
	var save *widget.Button
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
	since, until := dates[0], dates[1]
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
