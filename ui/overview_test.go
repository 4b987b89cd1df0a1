package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
	"recoverydesk/data/sqlite"
)

func lifeCase(name, imei string, daysAgo int, steps ...casefile.Status) *casefile.Case {
	c := seeded(name, imei, casefile.StatusIntake, daysAgo)
	at := c.CreatedAt
	for _, to := range steps {
		at = at.Add(48 * time.Hour)
		note := ""
		if to == casefile.StatusRejected {
			note = "Receipt from an unknown seller."
		}
		c.History = append(c.History, casefile.Event{At: at, Operator: "Борис", Action: casefile.ActionStatus, From: c.Status, To: to, Note: note})
		c.Status, c.StatusSince = to, at
	}
	return c
}

func TestOverview_ShowsWhatWaitsAndWhy(t *testing.T) {
	a, _ := newTestApp(t,
		lifeCase("Иванов Иван", "490154203237518", 40, casefile.StatusSubmitted),
		lifeCase("Смирнова Алёна", "352099001761481", 5, casefile.StatusSubmitted),
		lifeCase("Петров Пётр", "354178036859789", 20, casefile.StatusSubmitted, casefile.StatusRejected))
	o := a.ShowOverview()
	o.Reload()
	if o.data.ByStatus[casefile.StatusSubmitted] != 2 || o.data.Overdue != 1 || len(o.data.Waiting) != 2 {
		t.Fatalf("overview = %+v", o.data)
	}
	if o.data.Waiting[0].Customer != "Иванов Иван" {
		t.Errorf("the longest wait is not first: %+v", o.data.Waiting)
	}
	text := plainText(test.RenderObjectToMarkup(o.body))
	for _, want := range []string{"Waiting on support: 2, of them 1 longer than 14 days", "Receipt from an unknown seller.", "Cases opened and closed per week"} {
		if !strings.Contains(text, want) {
			t.Errorf("the overview lacks %q", want)
		}
	}
}

func TestAudit_FiltersAndReadsOnly(t *testing.T) {
	a, _ := newTestApp(t,
		lifeCase("Иванов Иван", "490154203237518", 40, casefile.StatusSubmitted),
		lifeCase("Смирнова Алёна", "352099001761481", 5))
	w := a.ShowAudit()
	if len(w.Rows()) != 3 {
		t.Fatalf("%d entries", len(w.Rows()))
	}
	w.operator.SetSelected("Борис")
	if len(w.Rows()) != 1 || w.Rows()[0].To != casefile.StatusSubmitted {
		t.Errorf("by Борис: %+v", w.Rows())
	}
	w.operator.SetSelectedIndex(0)
	w.since.SetText("not a date")
	w.Reload()
	if !strings.Contains(w.info.Text, "YYYY-MM-DD") {
		t.Errorf("a bad date said %q", w.info.Text)
	}
}

// TestBatchExport_FinishedIsNotCancelled: an export of all ready cases that ran to its end
// reports what it did, not "Cancelled." (hiding its progress dialog once counted as a cancel).
func TestBatchExport_FinishedIsNotCancelled(t *testing.T) {
	a, _ := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 3))
	o := a.ShowOverview()
	o.batchExport()
	a.WaitIdle()
	said := plainText(test.RenderObjectToMarkup(o.win.Canvas().Overlays().Top()))
	if !strings.Contains(said, T("Export all ready")) || strings.Contains(said, T("Cancelled.")) {
		t.Fatalf("the result of a finished export says: %q", said)
	}
}

// TestCheckClock: a clock behind the newest history entry is said at start; a right one is not.
func TestCheckClock(t *testing.T) {
	for _, tt := range []struct {
		name string
		now  time.Time
		warn bool
	}{
		{"set back years", testNow.AddDate(-6, 0, 0), true},
		{"right", testNow, false},
		{"a few minutes behind another counter", testNow.AddDate(0, 0, -1).Add(-10 * time.Minute), false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := newTestAppAt(t, tt.now, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
			a.checkClock()
			top := a.main.Canvas().Overlays().Top()
			said := ""
			if top != nil {
				said = plainText(test.RenderObjectToMarkup(top))
			}
			if got := strings.Contains(said, T("Check the computer's clock")); got != tt.warn {
				t.Fatalf("warned %v, want %v (%q)", got, tt.warn, said)
			}
		})
	}
}

// sharedStore is a store that backs up like a shared database: through the server's tools.
type sharedStore struct {
	*sqlite.Store
	dumps []string
}

func (s *sharedStore) Dump(_ context.Context, dest string) error {
	s.dumps = append(s.dumps, dest)
	return os.WriteFile(dest, []byte("PGDMP"), 0o600)
}

// TestOverview_SharedDatabaseBackupAndRestore: on a shared database "Back up now" asks where to
// keep the server's backup, and "Restore…" says who restores it and how, instead of failing.
func TestOverview_SharedDatabaseBackupAndRestore(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 3))
	shared := &sharedStore{Store: s}
	a.store = shared
	o := a.ShowOverview()
	o.backupNow()
	said := plainText(test.RenderObjectToMarkup(o.win.Canvas().Overlays().Top()))
	if !strings.Contains(said, "recoverydesk-shared-2026-11-24-1000.dump") {
		t.Errorf("Back up now on a shared database shows: %q", said)
	}
	o.win.Canvas().Overlays().Top().Hide()
	dest := filepath.Join(t.TempDir(), "center.dump")
	o.makeBackup(dest, func() error { return shared.Dump(a.ctx, dest) })
	a.WaitIdle()
	if said := plainText(test.RenderObjectToMarkup(o.win.Canvas().Overlays().Top())); !strings.Contains(said, T("Backup made")) || !strings.Contains(strings.ReplaceAll(said, " ", ""), "center.dump") {
		t.Errorf("after the backup: %q", said)
	}
	o.win.Canvas().Overlays().Top().Hide()
	o.restore()
	said = plainText(test.RenderObjectToMarkup(o.win.Canvas().Overlays().Top()))
	if !strings.Contains(said, "recoverydesk restore FILE") {
		t.Errorf("Restore on a shared database says: %q", said)
	}
}

// TestSaveDialog_SpaceThatOpenedItIsNotTyped: Space on a focused "Back up now" opens the save
// dialog on the key, and the key's character then reaches the dialog's file-name field: it
// must not go in front of the offered name. What is typed after goes through.
func TestSaveDialog_SpaceThatOpenedItIsNotTyped(t *testing.T) {
	a, _ := newTestApp(t)
	w := a.main
	showFileSave(w, t.TempDir(), "recoverydesk-shared-2026-11-24-1000.dump", func(fyne.URIWriteCloser) {})
	e, ok := w.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("the save dialog focuses %T", w.Canvas().Focused())
	}
	test.Type(e, " ")
	if e.Text != "recoverydesk-shared-2026-11-24-1000.dump" {
		t.Fatalf("the name reads %q after the opening key", e.Text)
	}
	e.SetText("center.dump")
	test.Type(e, " ")
	if !strings.Contains(e.Text, " ") {
		t.Errorf("a space typed later was dropped: %q", e.Text)
	}
}
