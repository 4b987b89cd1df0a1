package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// batchExport writes the dossier and e-mail of every ready case waiting to be sent, with progress
// and a cancel button; a case that fails is reported and the others go on.
func (o *OverviewWindow) batchExport() {
	a := o.app
	var cases []casefile.Summary
	for _, st := range []casefile.Status{casefile.StatusIntake, casefile.StatusInfoRequested} {
		rows, err := a.store.Search(a.ctx, casefile.Query{Status: st, Sort: casefile.SortOldest})
		if err != nil {
			a.showError(o.win, T("The cases could not be read; try again."), err)
			return
		}
		cases = append(cases, rows...)
	}
	bar := widget.NewProgressBar()
	bar.Max = float64(max(1, len(cases)))
	status := widget.NewLabel("")
	var cancelled atomic.Bool
	finished := false // read and set on the UI thread only
	var d dialog.Dialog
	d = dialog.NewCustom(T("Exporting all ready cases"), T("Cancel"), container.NewVBox(status, bar), o.win)
	// Hiding the progress at the end also runs this: only a close before then is a cancel.
	d.SetOnClosed(func() {
		if !finished {
			cancelled.Store(true)
		}
	})
	showDialog(d, fyne.NewSize(520, 160))
	lang := a.Settings().DossierLanguage
	a.background(func() {
		var done, notReady int
		var failed []string
		for i, s := range cases {
			if cancelled.Load() {
				break
			}
			num := s.Number
			fyne.Do(func() { status.SetText(num); bar.SetValue(float64(i)) })
			k, err := a.store.Case(a.ctx, num)
			if err != nil {
				failed = append(failed, num+": "+err.Error())
				continue
			}
			if !casefile.Ready(k) {
				notReady++
				continue
			}
			if _, _, err := a.exportCase(num, lang, false, true); err != nil {
				failed = append(failed, num+": "+err.Error())
				continue
			}
			done++
		}
		fyne.Do(func() {
			finished = true
			d.Hide()
			msg := Tf("{{.D}} dossiers exported into {{.Dir}}; {{.N}} cases not ready yet.", map[string]any{"D": done, "Dir": a.opts.ExportDir, "N": notReady})
			if cancelled.Load() {
				msg = T("Cancelled.") + " " + msg
			}
			if len(failed) > 0 {
				msg += "\n\n" + T("Not exported:") + "\n" + strings.Join(failed, "\n")
			}
			lbl := widget.NewLabel(msg)
			lbl.Wrapping = fyne.TextWrapWord
			r := dialog.NewCustom(T("Export all ready"), T("Close"), container.NewVBox(lbl,
				&widget.Button{Text: T("Show folder"), OnTapped: func() { a.openPath(a.opts.ExportDir) }}), o.win)
			showMessage(o.win, r, fyne.NewSize(560, 260))
			o.Reload()
		})
	})
}

// purge previews what retention would remove, and removes it only when the manager confirms.
func (o *OverviewWindow) purge() {
	a := o.app
	days := a.Settings().RetentionDays
	retention := time.Duration(days) * 24 * time.Hour
	items, err := a.store.PurgePreview(a.ctx, retention)
	if err != nil {
		a.showError(o.win, T("The documents could not be listed."), err)
		return
	}
	if len(items) == 0 {
		dialog.ShowInformation(T("Purge old documents"), Tf("No documents of cases closed more than {{.D}} days ago.", map[string]any{"D": days}), o.win)
		return
	}
	var total int64
	lines := make([]string, len(items))
	for i, it := range items {
		total += it.Size
		lines[i] = fmt.Sprintf("%s · %s · %s", it.Case, kindName(it.Kind), it.Name)
	}
	list := widget.NewLabel(strings.Join(lines, "\n"))
	intro := widget.NewLabel(Tf("{{.N}} files ({{.MB}} MB) of cases closed more than {{.D}} days ago will be deleted. The case records stay, and each case's history lists what was deleted.",
		map[string]any{"N": len(items), "MB": fmt.Sprintf("%.1f", float64(total)/(1<<20)), "D": days}))
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(560, 280))
	d := dialog.NewCustomConfirm(T("Purge old documents"), T("Delete them"), T("Cancel"), container.NewBorder(intro, nil, nil, nil, scroll), func(ok bool) {
		if !ok {
			return
		}
		purged, err := a.store.Purge(a.ctx, retention, a.operator())
		if err != nil {
			a.showError(o.win, T("Nothing was purged."), err)
			return
		}
		dialog.ShowInformation(T("Purge old documents"), Tf("{{.N}} files deleted.", map[string]any{"N": len(purged)}), o.win)
		o.Reload()
	}, o.win)
	showDialog(d, fyne.NewSize(640, 480))
}

// dailyBackup makes today's backup next to the database on start, keeping as many as the
// settings say.
func (a *App) dailyBackup() {
	m, ok := a.store.(Maintainer)
	if !ok || a.opts.DataDir == "" {
		return // a shared database is backed up by its server
	}
	dir := filepath.Join(a.opts.DataDir, "backups")
	keep := a.Settings().BackupsKept
	a.background(func() {
		if _, err := m.DailyBackup(a.ctx, dir, keep); err != nil {
			fyne.Do(func() { a.showError(a.main, T("Today's automatic backup failed; make one from the overview."), err) })
			return
		}
		// No case at all beside backups that hold some: the file was emptied or replaced (a
		// sync tool, a copy over it). The daily backup leaves the real ones alone; say so and
		// where the way back is, before anyone starts typing into the empty desk.
		if n, err := a.store.Count(a.ctx, casefile.Query{CountLimit: 1}); err == nil && n == 0 && len(m.DailyBackups(dir)) > 0 {
			fyne.Do(func() {
				dialog.ShowInformation(T("No cases in this database"), T("This database holds no cases, but its backups folder holds backups of it. If cases were lost (the file emptied or replaced), restore the newest one with Restore… in the Overview."), a.main)
			})
		}
	})
}
