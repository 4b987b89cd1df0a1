package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitOptions gives a choice the width of its longest option. Fyne sizes a Select by its
// placeholder, so in a row of fixed-size neighbours a longer translation is cut ("Сначала н…")
// and the technician cannot read which order the list is in.
func fitOptions(s *widget.Select) fyne.CanvasObject {
	var widest float32
	for _, o := range s.Options {
		if w := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width; w > widest {
			widest = w
		}
	}
	// The text's padding on both sides and the drop-down arrow with its own.
	widest += 4*theme.InnerPadding() + theme.IconInlineSize()
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(widest, 0))
	return container.NewStack(spacer, s)
}
