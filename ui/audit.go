package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// auditLimit bounds one audit view; filters narrow it further.
const auditLimit = 2000

// AuditWindow shows the history of every case, filterable by operator, case and date. It only
// reads: the history is evidence and cannot be edited anywhere.
type AuditWindow struct {
	app      *App
	win      fyne.Window
	operator *widget.Select
	caseNum  *FormEntry
	since    *FormEntry
	until    *FormEntry
	info     *widget.Label
	table    *widget.Table
	rows     []casefile.AuditEntry
}

// ShowAudit opens the history of all cases.
func (a *App) ShowAudit() *AuditWindow {
	if !a.mayReview(T("History of all cases")) {
		return nil
	}
	w := &AuditWindow{app: a, win: a.fyne.NewWindow("RecoveryDesk — " + T("History of all cases"))}
	ops, _ := a.store.Operators(a.ctx)
	w.operator = widget.NewSelect(append([]string{T("Everyone")}, ops...), func(string) { w.Reload() })
	w.operator.SetSelectedIndex(0)
	w.caseNum = NewFormEntry()
	w.caseNum.SetPlaceHolder("2026-00042")
	w.since, w.until = NewFormEntry(), NewFormEntry()
	w.since.SetPlaceHolder(T("from YYYY-MM-DD"))
	w.until.SetPlaceHolder(T("to YYYY-MM-DD"))
	for _, e := range []*FormEntry{w.caseNum, w.since, w.until} {
		e.OnSubmitted = func(string) { w.Reload() }
	}
	w.info = widget.NewLabel("")
	w.table = widget.NewTable(func() (int, int) { return len(w.rows), 5 },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			e := w.rows[id.Row]
			o.(*widget.Label).SetText([]string{e.At.Local().Format("2006-01-02 15:04"), e.Case, e.Operator, eventText(e.Event), e.Note}[id.Col])
		})
	for i, width := range []float32{140, 110, 140, 380, 300} {
		w.table.SetColumnWidth(i, width)
	}
	w.table.OnSelected = func(id widget.TableCellID) {
		if id.Row < len(w.rows) {
			a.showCase(w.rows[id.Row].Case)
		}
		w.table.UnselectAll()
	}
	filters := container.NewHBox(widget.NewLabel(T("Operator")), w.operator, widget.NewLabel(T("Case")), container.NewGridWrap(fyne.NewSize(130, 36), w.caseNum),
		container.NewGridWrap(fyne.NewSize(150, 36), w.since), container.NewGridWrap(fyne.NewSize(150, 36), w.until),
		&widget.Button{Text: T("Apply"), OnTapped: w.Reload})
	w.win.SetContent(topFirst(filters, w.info, w.table))
	w.win.Resize(fyne.NewSize(1120, 700))
	escapeCloses(w.win, w.win.Close)
	w.Reload()
	w.win.Show()
	return w
}

// Reload applies the filters.
func (w *AuditWindow) Reload() {
	if w.table == nil {
		return
	}
	f := casefile.AuditFilter{Case: w.caseNum.Text, Limit: auditLimit}
	if i := w.operator.SelectedIndex(); i > 0 {
		f.Operator = w.operator.Selected
	}
	for _, d := range []struct {
		e    *FormEntry
		into *time.Time
		add  int
	}{{w.since, &f.Since, 0}, {w.until, &f.Until, 1}} {
		if d.e.Text == "" {
			continue
		}
		t, err := casefile.ParseDate(d.e.Text, time.Local)
		if err != nil {
			w.info.SetText(T("Write dates as YYYY-MM-DD or DD.MM.YYYY."))
			return
		}
		*d.into = t.AddDate(0, 0, d.add)
	}
	a := w.app
	a.background(func() {
		rows, err := a.store.Audit(a.ctx, f)
		fyne.Do(func() {
			if err != nil {
				w.info.SetText(T("The history could not be read; try again."))
				return
			}
			w.rows = rows
			w.info.SetText(fmt.Sprintf("%d", len(rows)) + " " + T("entries, newest first; the history cannot be edited."))
			w.table.Refresh()
		})
	})
}

// Rows are the entries shown, for tests.
func (w *AuditWindow) Rows() []casefile.AuditEntry { return w.rows }
