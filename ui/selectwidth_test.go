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
