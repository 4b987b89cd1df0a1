package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
)

// chartWeeks is how many weeks the opened/closed chart shows.
const chartWeeks = 12

// OverviewWindow is the manager's desk: what waits too long, what was sent, what was refused and
// why, and the tools that keep the data safe and lawful.
type OverviewWindow struct {
	app  *App
	win  fyne.Window
	body *fyne.Container
	now  func() time.Time
	data casefile.Overview
}

// ShowOverview opens the manager's overview.
func (a *App) ShowOverview() *OverviewWindow {
	if !a.mayReview(T("Overview")) {
		return nil
	}
	o := &OverviewWindow{app: a, win: a.fyne.NewWindow("RecoveryDesk — " + T("Overview")), body: container.NewVBox(), now: a.now}
	actions := container.NewHBox(
		&widget.Button{Text: T("Report…"), Icon: theme.DocumentSaveIcon(), OnTapped: o.saveReport},
		&widget.Button{Text: T("Export all ready…"), Icon: theme.MailSendIcon(), OnTapped: o.batchExport},
		&widget.Button{Text: T("Back up now"), Icon: theme.StorageIcon(), OnTapped: o.backupNow},
		&widget.Button{Text: T("Restore…"), Icon: theme.HistoryIcon(), OnTapped: o.restore},
		&widget.Button{Text: T("Purge old documents…"), Icon: theme.DeleteIcon(), OnTapped: o.purge},
		&widget.Button{Text: T("History of all cases"), Icon: theme.HistoryIcon(), OnTapped: func() { a.ShowAudit() }},
		&widget.Button{Icon: theme.ViewRefreshIcon(), OnTapped: o.Reload},
	)
	o.win.SetContent(topFirst(actions, nil, container.NewVScroll(o.body)))
	o.win.Resize(fyne.NewSize(1100, 780))
	escapeCloses(o.win, o.win.Close)
	o.Reload()
	o.win.Show()
	return o
}

// Reload computes the statistics off the UI thread and shows them.
func (o *OverviewWindow) Reload() {
	a := o.app
	set := a.Settings()
	now := o.now()
	a.background(func() {
		data, err := a.store.Overview(a.ctx, now, set.WaitingDays, chartWeeks)
		fyne.Do(func() {
			if err != nil {
				a.showError(o.win, T("The overview could not be computed."), err)
				return
			}
			o.data = data
			o.render(now, set.WaitingDays)
		})
	})
}

func heading(s string) fyne.CanvasObject {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

func (o *OverviewWindow) render(now time.Time, waitingDays int) {
	d := o.data
	o.body.RemoveAll()

	counts := container.NewGridWithColumns(len(casefile.Statuses))
	for _, s := range casefile.Statuses {
		n := &widget.Label{Text: fmt.Sprint(d.ByStatus[s]), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Alignment: fyne.TextAlignCenter}
		counts.Add(container.NewVBox(n, &widget.Label{Text: statusName(s), Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}))
	}
	o.body.Add(widget.NewCard(T("Cases by status"), "", counts))

	answers := widget.NewForm(
		widget.NewFormItem(T("Median days to support's answer"), widget.NewLabel(fmt.Sprintf("%.1f", d.MedianDaysToAnswer))),
		widget.NewFormItem(T("Average days to support's answer"), widget.NewLabel(fmt.Sprintf("%.1f (%d %s)", d.AverageDaysToAnswer, d.Answers, T("answers")))),
		widget.NewFormItem(T("Last 30 days"), widget.NewLabel(Tf("{{.R}} unlocked, {{.J}} refused", map[string]any{"R": d.Resolved30, "J": d.Rejected30}))),
		widget.NewFormItem(T("Last 90 days"), widget.NewLabel(Tf("{{.R}} unlocked, {{.J}} refused", map[string]any{"R": d.Resolved90, "J": d.Rejected90}))),
	)
	reasons := container.NewVBox()
	for i, r := range d.RefusalReasons {
		if i == 8 {
			break
		}
		reason := r.Reason
		if reason == "" {
			reason = T("(no reason written)")
		}
		lbl := widget.NewLabel(fmt.Sprintf("%d × %s", r.Count, reason))
		lbl.Wrapping = fyne.TextWrapWord
		reasons.Add(lbl)
	}
	if len(d.RefusalReasons) == 0 {
		reasons.Add(widget.NewLabel(T("No refusals yet.")))
	}
	o.body.Add(container.NewGridWithColumns(2, widget.NewCard(T("Support's answers"), "", answers), widget.NewCard(T("Why support refused"), "", reasons)))

	o.body.Add(widget.NewCard(T("Cases opened and closed per week"), "", newWeekChart(d.Weeks)))

	waiting := container.NewVBox()
	title := Tf("Waiting on support: {{.N}}, of them {{.O}} longer than {{.D}} days", map[string]any{"N": d.ByStatus[casefile.StatusSubmitted], "O": d.Overdue, "D": waitingDays})
	for i, w := range d.Waiting {
		if i == 30 {
			waiting.Add(widget.NewLabel(Tf("… and {{.N}} more (the case list sorts by waiting longest)", map[string]any{"N": len(d.Waiting) - 30})))
			break
		}
		days := w.DaysInStatus(now)
		num := w.Number
		b := &widget.Button{Text: fmt.Sprintf("%s · %s · %s · %d %s", w.Number, w.Customer, w.Model, days, T("days")), Alignment: widget.ButtonAlignLeading,
			Importance: widget.LowImportance, OnTapped: func() { o.app.showCase(num) }}
		if days > waitingDays {
			b.Importance = widget.DangerImportance
			b.Icon = theme.WarningIcon()
		}
		waiting.Add(b)
	}
	o.body.Add(widget.NewCard(title, "", waiting))
	o.body.Refresh()
}

// newWeekChart draws opened (blue) and closed (green) bars per week with Fyne's canvas.
func newWeekChart(weeks []casefile.WeekCount) fyne.CanvasObject {
	peak := 1
	for _, w := range weeks {
		peak = max(peak, w.Opened, w.Closed)
	}
	const height = float32(140)
	cols := container.NewGridWithColumns(max(1, len(weeks)))
	for _, w := range weeks {
		bar := func(n int, c color.Color) fyne.CanvasObject {
			r := canvas.NewRectangle(c)
			r.SetMinSize(fyne.NewSize(10, height*float32(n)/float32(peak)))
			return container.NewVBox(layoutFill(height-height*float32(n)/float32(peak)), r)
		}
		pair := container.NewGridWithColumns(2, bar(w.Opened, color.NRGBA{R: 0x42, G: 0x85, B: 0xf4, A: 0xff}), bar(w.Closed, color.NRGBA{R: 0x34, G: 0xa8, B: 0x53, A: 0xff}))
		label := &widget.Label{Text: w.Start.Format("02.01"), Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameCaptionText}
		value := &widget.Label{Text: fmt.Sprintf("%d/%d", w.Opened, w.Closed), Alignment: fyne.TextAlignCenter, SizeName: theme.SizeNameCaptionText}
		cols.Add(container.NewVBox(value, pair, label))
	}
	legend := container.NewHBox(swatch(color.NRGBA{R: 0x42, G: 0x85, B: 0xf4, A: 0xff}), widget.NewLabel(T("opened")),
		swatch(color.NRGBA{R: 0x34, G: 0xa8, B: 0x53, A: 0xff}), widget.NewLabel(T("closed")))
	return container.NewVBox(cols, legend)
}

func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(14, 14))
	return container.NewCenter(r)
}

func layoutFill(h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(1, h))
	return r
}

// saveReport asks for the report's filters, then where to write it.
func (o *OverviewWindow) saveReport() {
	a := o.app
	statuses := []string{T("All statuses")}
	for _, s := range casefile.Statuses {
		statuses = append(statuses, statusName(s))
	}
	status := widget.NewSelect(statuses, nil)
	status.SetSelectedIndex(0)
	ops, _ := a.store.Operators(a.ctx)
	operator := widget.NewSelect(append([]string{T("Everyone")}, ops...), nil)
	operator.SetSelectedIndex(0)
	since, until := NewFormEntry(), NewFormEntry()
	since.SetPlaceHolder(T("from YYYY-MM-DD"))
	until.SetPlaceHolder(T("to YYYY-MM-DD"))
	dateCheck := func(s string) error {
		if s == "" {
			return nil
		}
		if _, err := casefile.ParseDate(s, time.Local); err != nil {
			return errors.New(T("Not a date; write it as YYYY-MM-DD or DD.MM.YYYY, for example 2024-03-15 or 15.03.2024."))
		}
		return nil
	}
	since.Validator = dateCheck
	until.Validator = func(s string) error {
		if err := dateCheck(s); err != nil || s == "" {
			return err
		}
		// Swapped dates would write an empty report that looks like a quiet month.
		from, err := casefile.ParseDate(since.Text, time.Local)
		if to, _ := casefile.ParseDate(s, time.Local); err == nil && to.Before(from) {
			return errors.New(T("This is before the first date; give the earlier date first."))
		}
		return nil
	}
	since.OnChanged = func(string) { until.Validate() }
	// A spreadsheet keeps IMEIs as text and dates as dates; CSV is for other programs.
	format := widget.NewSelect([]string{T("Spreadsheet (XLSX): a sheet per branch"), "CSV"}, nil)
	format.SetSelectedIndex(0)
	items := []*widget.FormItem{
		widget.NewFormItem(T("Format"), format),
		widget.NewFormItem(T("Status"), status), widget.NewFormItem(T("Opened by"), operator),
		widget.NewFormItem(T("Opened from"), since), widget.NewFormItem(T("Opened until"), until),
	}
	// On a shared database the manager may want one branch's cases alone.
	branches := a.branches()
	branch := widget.NewSelect([]string{T("All branches")}, nil)
	for _, b := range branches {
		branch.Options = append(branch.Options, strings.TrimSuffix(b.Code+" — "+b.Name, " — "))
	}
	branch.SetSelectedIndex(0)
	if len(branches) > 0 {
		items = append(items, widget.NewFormItem(T("Branch"), branch))
	}
	var show func()
	form := dialog.NewForm(T("Report"), T("Save as…"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		f := casefile.ReportFilter{}
		if i := branch.SelectedIndex(); i > 0 {
			f.Branch = branches[i-1].Code
		}
		if i := status.SelectedIndex(); i > 0 {
			f.Status = casefile.Statuses[i-1]
		}
		if operator.SelectedIndex() > 0 {
			f.Operator = operator.Selected
		}
		// The fields were checked; whatever way the dialog was closed, a date that does not
		// read, or an end before the start, writes no report.
		if since.Validate() != nil || until.Validate() != nil {
			a.showError(o.win, T("The report was not written: check the dates."), nil)
			return
		}
		if t, err := casefile.ParseDate(since.Text, time.Local); err == nil {
			f.Since = t
		}
		if t, err := casefile.ParseDate(until.Text, time.Local); err == nil {
			f.Until = t.AddDate(0, 0, 1)
		}
		o.writeReport(f, format.SelectedIndex() == 0, show)
	}, o.win)
	submitOnEnter(form, since, until)
	show = func() {
		showDialog(form, fyne.NewSize(480, 320))
		onEnter(o.win, form, form.Submit)
	}
	show()
}

// writeReport asks where to write the report and writes it there. Fyne's form dialog closes
// on its confirm button, before the save window opens, so a cancelled save window runs back:
// the same report dialog shows again with the dates and choices as the manager left them,
// rather than all of them to be chosen again.
func (o *OverviewWindow) writeReport(filter casefile.ReportFilter, xlsx bool, back func()) {
	a := o.app
	// The report starts in the export folder, beside the dossiers, not wherever the app was started.
	os.MkdirAll(a.opts.ExportDir, 0o700)
	ext, write := ".csv", dossier.WriteReportCSV
	if xlsx {
		ext, write = ".xlsx", dossier.WriteReportXLSX
	}
	showFileSave(o.win, a.opts.ExportDir, "recoverydesk-report-"+a.now().Format("2006-01-02")+ext, func(w fyne.URIWriteCloser) {
		if w == nil {
			back()
			return
		}
		lang := a.language()
		a.background(func() {
			rows, err := a.store.ReportRows(a.ctx, filter)
			var buf bytes.Buffer
			if err == nil {
				err = write(&buf, rows, lang, a.now())
			}
			if err == nil {
				_, err = w.Write(buf.Bytes())
			}
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			fyne.Do(func() {
				if err != nil {
					a.showError(o.win, T("The report was not written."), err)
					return
				}
				dialog.ShowInformation(T("Report written"), casesText(len(rows)), o.win)
			})
		})
	})
}

func (o *OverviewWindow) backupNow() {
	a := o.app
	if sb, ok := a.store.(ServerBackuper); ok {
		o.backupShared(sb)
		return
	}
	m, ok := a.store.(Maintainer)
	if !ok || a.opts.DataDir == "" {
		a.showError(o.win, T("The backup was not made."), errNoFileBackup)
		return
	}
	dest := filepath.Join(a.opts.DataDir, "backups", "recoverydesk-"+a.now().Format("2006-01-02-150405")+".db")
	o.makeBackup(dest, func() error { return m.Backup(a.ctx, dest) })
}

// backupShared asks where to keep a backup of the shared database (there is no data folder on
// this computer that is its), then has the server's tools write it.
func (o *OverviewWindow) backupShared(sb ServerBackuper) {
	a := o.app
	os.MkdirAll(a.opts.ExportDir, 0o700)
	showFileSave(o.win, a.opts.ExportDir, "recoverydesk-shared-"+a.now().Format("2006-01-02-1504")+".dump", func(w fyne.URIWriteCloser) {
		if w == nil {
			return
		}
		// The dialog made an empty file under the chosen name; the backup replaces it whole
		// once complete, and a failed one does not leave it behind.
		dest := w.URI().Path()
		w.Close()
		o.makeBackup(dest, func() error {
			err := sb.Dump(a.ctx, dest)
			if st, serr := os.Stat(dest); err != nil && serr == nil && st.Size() == 0 {
				os.Remove(dest)
			}
			return err
		})
	})
}

// makeBackup runs backup off the UI thread with a progress dialog, then shows where dest is.
func (o *OverviewWindow) makeBackup(dest string, backup func() error) {
	a := o.app
	progress := dialog.NewCustomWithoutButtons(T("Backing up…"), widget.NewProgressBarInfinite(), o.win)
	progress.Show()
	a.background(func() {
		err := backup()
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				a.showError(o.win, T("The backup was not made."), err)
				return
			}
			// A path has no spaces to wrap at: it breaks where the line ends, in a dialog wide
			// enough to read it (a dialog sized by its label alone showed a few letters a line).
			lbl := widget.NewLabel(dest)
			lbl.Wrapping = fyne.TextWrapBreak
			d := dialog.NewCustom(T("Backup made"), T("Close"), container.NewVBox(lbl,
				&widget.Button{Text: T("Show folder"), OnTapped: func() { a.openPath(filepath.Dir(dest)) }}), o.win)
			showMessage(o.win, d, fyne.NewSize(600, 220))
		})
	})
}

// restore checks a chosen backup and, once the manager confirms, quits so that the next start
// puts it in place (the open database cannot be replaced under the running app).
func (o *OverviewWindow) restore() {
	a := o.app
	if _, ok := a.store.(ServerBackuper); ok {
		msg := widget.NewLabel(T("Restoring the shared database replaces the cases of every counter and branch, so the administrator does it at the server, with the set-up account: recoverydesk restore FILE --db postgres://postgres@SERVER/DATABASE. What it replaces is kept in a file beside the backup."))
		msg.Wrapping = fyne.TextWrapWord
		showDialog(dialog.NewCustom(T("Restore from backup"), T("Close"), msg, o.win), fyne.NewSize(560, 240))
		return
	}
	// Backups are .db files (the daily ones in the backups folder, and those made from here).
	picker := showFileOpen(o.win, []string{".db", ".DB"}, func(r fyne.URIReadCloser) {
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		msg := widget.NewLabel(Tf("Replace all cases with the backup {{.File}}? The current database is kept aside. RecoveryDesk closes now and restores the backup when you start it again.", map[string]any{"File": filepath.Base(path)}))
		msg.Wrapping = fyne.TextWrapWord
		c := dialog.NewCustomConfirm(T("Restore from backup"), T("Restore and close"), T("Cancel"), msg, func(ok bool) {
			if !ok {
				return
			}
			m, ok := a.store.(Maintainer)
			if !ok {
				a.showError(o.win, T("This file cannot be restored; the current database is untouched."), errNoFileBackup)
				return
			}
			a.confirmUnsaved(func() {
				if err := m.ScheduleRestore(a.ctx, path); err != nil {
					// The check's own words name tables and columns; what a person needs is
					// that this file is no backup of theirs, and that nothing changed.
					a.showError(o.win, T("This file is not a RecoveryDesk backup, or it is damaged; the current database is untouched. Choose a backup: the files named recoverydesk-DATE.db in the backups folder."), nil)
					return
				}
				a.fyne.Quit()
			})
		}, o.win)
		showDialog(c, fyne.NewSize(520, 220))
	})
	// It opens on the backups, not wherever the last dialog was.
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Join(a.opts.DataDir, "backups"))); err == nil && a.opts.DataDir != "" {
		picker.SetLocation(l)
	}
}
