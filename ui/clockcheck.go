package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"recoverydesk/casefile"
)

// checkClock warns, once at start, when the computer's clock is behind the newest entry of the
// history: a clock set back (a dead CMOS battery, a wrong manual date) would date new cases,
// documents and backups in the past, and number cases in the wrong year. The history was
// written by the same or another counter's clock, so an hour's slack allows for clocks that
// differ a little.
func (a *App) checkClock() {
	a.background(func() {
		newest, err := a.store.Audit(a.ctx, casefile.AuditFilter{Limit: 1})
		if err != nil || len(newest) == 0 {
			return
		}
		now, last := a.now(), newest[0].At
		if !now.Before(last.Add(-time.Hour)) {
			return
		}
		fyne.Do(func() {
			d := dialog.NewInformation(T("Check the computer's clock"), Tf(
				"The computer's clock says {{.Now}}, but the history already has an entry of {{.Last}}. New cases, documents and backups would carry a wrong date: set the date and time in the system, then start RecoveryDesk again.",
				map[string]any{"Now": now.Local().Format("2006-01-02 15:04"), "Last": last.Local().Format("2006-01-02 15:04")}), a.main)
			showMessage(a.main, d, fyne.NewSize(520, 220))
		})
	})
}
