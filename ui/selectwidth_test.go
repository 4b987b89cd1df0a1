package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestFitOptions: a choice in a row of buttons is as wide as its longest option with the arrow
// beside it, in Russian too, so no option is cut.
func TestFitOptions(t *testing.T) {
	test.NewTempApp(t)
	for _, options := range [][]string{
		{"Newest first", "Oldest first", "Waiting longest"},
		{"Сначала новые", "Сначала старые", "Дольше всех ждут"},
		{"Все статусы", "Поддержка просит дополнить", "Самостоятельный сброс"},
	} {
		s := widget.NewSelect(options, nil)
		obj := fitOptions(s)
		obj.Resize(obj.MinSize())
		for _, o := range options {
			need := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width + theme.IconInlineSize() + 2*theme.InnerPadding()
			if s.Size().Width < need {
				t.Errorf("%q needs %.0f px, the choice is %.0f wide", o, need, s.Size().Width)
			}
		}
	}
}

// TestRowLayout_NumberNeverCut: in a narrow window (three side by side on one screen) the case
// number keeps its whole width; the other columns share what is left.
func TestRowLayout_NumberNeverCut(t *testing.T) {
	test.NewTempApp(t)
	for _, tt := range []struct {
		number     string
		withBranch bool
		width      float32
	}{
		{"2026-00377", false, 420}, {"2026-00377", false, 640}, {"2026-00377", false, 1180},
		{"2026-00377 · MSK-1", true, 640}, {"2026-00377 · SPB", true, 900},
	} {
		need := widget.NewLabel(tt.number).MinSize().Width
		width := tt.width
		cells := []fyne.CanvasObject{widget.NewLabel(tt.number), widget.NewLabel("Смирнова Екатерина Сергеевна"),
			widget.NewLabel("Redmi 12C"), widget.NewLabel("Приём"), widget.NewLabel("0")}
		row := rowLayout(tt.withBranch, cells...)
		row.Resize(fyne.NewSize(width, 40))
		if got := cells[0].Size().Width; got < need {
			t.Errorf("at %.0f px the number has %.0f px, needs %.0f", width, got, need)
		}
		var total float32
		for _, c := range cells {
			total += c.Size().Width
		}
		if total > width+0.5 || cells[4].Position().X+cells[4].Size().Width > width+0.5 {
			t.Errorf("at %.0f px the columns take %.0f px", width, total)
		}
	}
}
