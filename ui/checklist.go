package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// checklistItem is one line of the readiness checklist: its text and an arrow, clicked anywhere
// or pressed with Space or Enter, take the technician to the field that fills it.
//
// It acts on the typed space, not on the Space key: a button acting on the key moves the focus
// before the window delivers the space character, which then lands in the field it jumped to
// (a space typed into Model, a verification box ticked unasked).
type checklistItem struct {
	widget.BaseWidget
	text    *widget.Label
	focus   *canvas.Rectangle
	onTap   func()
	focused bool
}

func newChecklistItem(text string, onTap func()) *checklistItem {
	it := &checklistItem{
		text:  &widget.Label{Text: text, Wrapping: fyne.TextWrapWord},
		focus: canvas.NewRectangle(color.Transparent),
		onTap: onTap,
	}
	it.focus.CornerRadius = theme.InputRadiusSize()
	it.ExtendBaseWidget(it)
	return it
}

// CreateRenderer draws the text with the arrow at the end, on a background that shows focus.
func (it *checklistItem) CreateRenderer() fyne.WidgetRenderer {
	arrow := widget.NewIcon(theme.NavigateNextIcon())
	return widget.NewSimpleRenderer(container.NewStack(it.focus, container.NewBorder(nil, nil, nil, arrow, it.text)))
}

// Text is what the item says.
func (it *checklistItem) Text() string { return it.text.Text }

// Tapped jumps.
func (it *checklistItem) Tapped(*fyne.PointEvent) { it.onTap() }

// Cursor shows the item is clickable.
func (it *checklistItem) Cursor() desktop.Cursor { return desktop.PointerCursor }

// FocusGained shows the focus.
func (it *checklistItem) FocusGained() { it.focused = true; it.showFocus() }

// FocusLost hides it.
func (it *checklistItem) FocusLost() { it.focused = false; it.showFocus() }

func (it *checklistItem) showFocus() {
	if it.focused {
		it.focus.FillColor = theme.Color(theme.ColorNameFocus)
	} else {
		it.focus.FillColor = color.Transparent
	}
	it.focus.Refresh()
}

// TypedRune jumps on a space: the space ends here.
func (it *checklistItem) TypedRune(r rune) {
	if r == ' ' {
		it.onTap()
	}
}

// TypedKey jumps on Enter, which types no character after it, and hands Esc to the window.
func (it *checklistItem) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		it.onTap()
		return
	}
	passEscape(it, k)
}

var (
	_ fyne.Tappable      = (*checklistItem)(nil)
	_ fyne.Focusable     = (*checklistItem)(nil)
	_ desktop.Cursorable = (*checklistItem)(nil)
)
