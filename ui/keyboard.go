package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The case form is filled in at a counter, mostly from the keyboard: these widgets are Fyne's own
// with the few keys changed that a form needs. Tab always moves on (Fyne's multi-line entry
// would type it), and every field tells the form when it gets the focus, so the form scrolls it
// into view.

// FormEntry is an entry that never keeps Tab: Tab and Shift+Tab move to the next and previous
// field, in multi-line entries too, where a tab character has no use.
type FormEntry struct {
	widget.Entry
	// OnFocus runs when the entry gets the focus.
	OnFocus func()
	// OnKey sees a key first; it returns true when it handled the key.
	OnKey func(*fyne.KeyEvent) bool
}

// NewFormEntry makes a single-line form entry.
func NewFormEntry() *FormEntry {
	e := &FormEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// NewFormMultiLineEntry makes a multi-line form entry that Tab leaves.
func NewFormMultiLineEntry() *FormEntry {
	e := &FormEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false, so the window moves the focus on Tab (and back on Shift+Tab).
func (e *FormEntry) AcceptsTab() bool { return false }

// TypedKey moves the focus on a Tab that reaches the entry anyway, and lets OnKey see keys first.
func (e *FormEntry) TypedKey(k *fyne.KeyEvent) {
	if e.OnKey != nil && e.OnKey(k) {
		return
	}
	if k.Name == fyne.KeyTab {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.FocusNext()
		}
		return
	}
	if passEscape(e, k) {
		return
	}
	e.Entry.TypedKey(k)
}

// FocusGained tells OnFocus.
func (e *FormEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.OnFocus != nil {
		e.OnFocus()
	}
}

// formCheck is a check box that tells the form when it gets the focus.
type formCheck struct {
	widget.Check
	onFocus func()
}

func newFormCheck(label string, changed func(bool)) *formCheck {
	c := &formCheck{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained tells the form.
func (c *formCheck) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus()
	}
}

// TypedKey hands Esc to the window.
func (c *formCheck) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(c, k) {
		c.Check.TypedKey(k)
	}
}

// formSelect is a choice that tells the form when it gets the focus.
type formSelect struct {
	widget.Select
	onFocus func()
}

func newFormSelect(options []string, changed func(string)) *formSelect {
	s := &formSelect{}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained tells the form.
func (s *formSelect) FocusGained() {
	s.Select.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

// TypedKey hands Esc to the window.
func (s *formSelect) TypedKey(k *fyne.KeyEvent) {
	if !passEscape(s, k) {
		s.Select.TypedKey(k)
	}
}

// spaceButton acts on the typed space instead of the Space key. A button whose action moves the
// focus would otherwise hand the space, which the window delivers just after the key, to the
// field it moved to.
type spaceButton struct {
	widget.Button
}

func newSpaceButton(tapped func()) *spaceButton {
	b := &spaceButton{}
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey ignores the Space key; its character comes to TypedRune.
func (b *spaceButton) TypedKey(k *fyne.KeyEvent) {
	if k.Name != fyne.KeySpace && !passEscape(b, k) {
		b.Button.TypedKey(k)
	}
}

// TypedRune presses the button on a space.
func (b *spaceButton) TypedRune(r rune) {
	if r == ' ' {
		b.Tapped(nil)
	}
}
