package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestCaseList_SixDigitNumberNeverCut: in the narrowest list a year's 100,000th case keeps its
// whole number, with and without the branch beside it.
func TestCaseList_SixDigitNumberNeverCut(t *testing.T) {
	for _, tt := range []struct {
		branch bool
		number string
	}{{false, "2026-100000"}, {true, "2026-100000 · MSK-10"}} {
		cells := make([]fyne.CanvasObject, 5)
		for i := range cells {
			cells[i] = &widget.Label{Text: "Иванова Алёна Сергеевна", Truncation: fyne.TextTruncateEllipsis}
		}
		cells[0].(*widget.Label).Text = tt.number
		row := rowLayout(tt.branch, cells...)
		row.Resize(row.MinSize())
		if need := widget.NewLabel(tt.number).MinSize().Width; cells[0].Size().Width < need {
			t.Errorf("%q gets %.0f of the %.0f it needs", tt.number, cells[0].Size().Width, need)
		}
	}
}
