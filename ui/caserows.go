package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// caseRows is the list of cases, with Enter opening the highlighted case as Space does: Enter is
// what a technician presses after finding a case by its number.
type caseRows struct {
	widget.List
}

func newCaseRows(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *caseRows {
	r := &caseRows{}
	r.Length, r.CreateItem, r.UpdateItem = length, create, update
	r.ExtendBaseWidget(r)
	return r
}

// TypedKey opens the highlighted case on Enter.
func (r *caseRows) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		k = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: k.Physical}
	}
	if !passEscape(r, k) {
		r.List.TypedKey(k)
	}
}

// focusRows moves the keyboard from the search into the rows, the first one highlighted.
func (l *CaseList) focusRows() {
	if l.length() == 0 {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(l.list); c != nil {
		c.Focus(l.list)
	}
}

// showEmpty says why no row is shown: with nothing searched, how to open the first case.
func (l *CaseList) showEmpty(total int, q casefile.Query) {
	switch {
	case total > 0:
		l.empty.Hide()
		return
	case q.Text == "" && q.Status == "":
		l.empty.SetText(T("No cases yet. Press Ctrl+N or \"New case\" to open the first one."))
	default:
		l.empty.SetText(T("No case matches the search or the filter."))
	}
	l.empty.Show()
}
