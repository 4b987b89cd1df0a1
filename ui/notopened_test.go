package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
)

// TestNotOpened_SaysWhyInRussian: each kind of refusal to open is said in the person's
// language, with the store's own sentence kept below as the details to send on.
func TestNotOpened_SaysWhyInRussian(t *testing.T) {
	setLanguage("ru")
	t.Cleanup(func() { setLanguage("en") })
	for _, tt := range []struct {
		kind error
		want string
	}{
		{casefile.ErrReadOnly, "только для чтения"},
		{casefile.ErrForeign, "другой программы"},
		{casefile.ErrNotFile, "не файл базы данных"},
		{casefile.ErrBroken, "повреждён"},
		{casefile.ErrNewer, "более новая версия RecoveryDesk"},
		{casefile.ErrInUse, "База занята"},
		{errors.New("something else"), "Запустите RecoveryDesk ещё раз"},
	} {
		t.Run(tt.kind.Error(), func(t *testing.T) {
			fa := test.NewTempApp(t)
			err := casefile.Classify(tt.kind, errors.New("/home/desk/cases.db: the engine's own words"))
			w := newNotOpenedWindow(fa, NotOpened{Err: err}, new(bool))
			w.Show()
			said := plainText(test.RenderObjectToMarkup(w.Content()))
			if !strings.Contains(said, tt.want) || !strings.Contains(said, "the engine's own words") {
				t.Errorf("the window says %q, want %q and the details", said, tt.want)
			}
			if findButton(w.Content(), T("Restore a backup…")) != nil {
				t.Error("a restore is offered where no backup can help")
			}
		})
	}
}

// TestNotOpened_DamagedRestores: a damaged counter database offers its backups; a refused
// backup says why and leaves the way open, a good one closes the window for a new start.
func TestNotOpened_DamagedRestores(t *testing.T) {
	fa := test.NewTempApp(t)
	var tried []string
	took := false
	n := NotOpened{
		Err:       casefile.Classify(casefile.ErrBroken, errors.New("cases.db is not a database RecoveryDesk can open: file is not a database")),
		BackupDir: t.TempDir(),
		Restore: func(backup string) error {
			tried = append(tried, backup)
			if strings.HasSuffix(backup, "old.db") {
				return fmt.Errorf("%s is not a RecoveryDesk backup", backup)
			}
			return nil
		},
	}
	w := newNotOpenedWindow(fa, n, &took)
	w.Show()
	b := findButton(w.Content(), T("Restore a backup…"))
	if b == nil {
		t.Fatalf("no restore offered: %q", plainText(test.RenderObjectToMarkup(w.Content())))
	}
	test.Tap(b)
	if w.Canvas().Overlays().Top() == nil {
		t.Fatal("no file dialog to choose the backup in")
	}
	// Under the file dialog Enter does nothing and Esc closes the dialog, not the window, which
	// gets its size back.
	key := w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !windowOpen(fa, w) {
		t.Fatal("Enter in the file dialog closed the window")
	}
	key(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !windowOpen(fa, w) || w.Canvas().Overlays().Top() != nil || w.picker != nil {
		t.Fatal("Esc in the file dialog did not close just the dialog")
	}

	w.restoreFrom("/backups/old.db")
	w.work.Wait()
	said := plainText(test.RenderObjectToMarkup(w.Content()))
	if !strings.Contains(said, T("The backup was not restored; the database is as it was.")) || !strings.Contains(said, T("This file is not a RecoveryDesk backup, or it is damaged.")[:30]) ||
		!strings.Contains(said, T("Details:")+" /backups/old.db is not a RecoveryDesk backup") {
		t.Fatalf("a refused backup is said as %q", said)
	}
	if took || !windowOpen(fa, w) || b.Disabled() {
		t.Fatalf("a refused backup: took %v, window open %v, button disabled %v", took, windowOpen(fa, w), b.Disabled())
	}
	w.restoreFrom("/backups/recoverydesk-2026-11-26.db")
	w.work.Wait()
	if !took || len(tried) != 2 || windowOpen(fa, w) {
		t.Fatalf("took %v after %v", took, tried)
	}
}

func windowOpen(fa fyne.App, w *notOpenedWindow) bool {
	for _, o := range fa.Driver().AllWindows() {
		if o == w.Window {
			return true
		}
	}
	return false
}

// TestNotOpened_RestoreRefusalsInRussian: why a backup was not restored is said in the person's
// language, by its kind; a second window left open since the database was found damaged does
// not replace the database restored meanwhile, and says so.
func TestNotOpened_RestoreRefusalsInRussian(t *testing.T) {
	setLanguage("ru")
	t.Cleanup(func() { setLanguage("en") })
	for _, tt := range []struct {
		err  error
		want string
	}{
		{casefile.Classify(casefile.ErrNotDamaged, errors.New("the database is no longer damaged")), "База теперь открывается"},
		{casefile.Classify(casefile.ErrNewer, errors.New("written by a newer RecoveryDesk (schema 999)")), "более новая версия"},
		{casefile.Classify(casefile.ErrInUse, errors.New("the database is open in a RecoveryDesk window")), "открыта в другом окне"},
		{errors.New("the file is not a readable database (file is not a database)"), "не резервная копия RecoveryDesk"},
	} {
		fa := test.NewTempApp(t)
		w := newNotOpenedWindow(fa, NotOpened{Err: casefile.Classify(casefile.ErrBroken, errors.New("file is not a database")), Where: "/srv/desk/cases.db",
			Restore: func(string) error { return tt.err }}, new(bool))
		w.Show()
		w.restoreFrom("/srv/desk/backups/cases-2026-11-26.db")
		w.work.Wait()
		said := plainText(test.RenderObjectToMarkup(w.Content()))
		if !strings.Contains(said, tt.want) || !strings.Contains(said, "Подробности: /srv/desk/cases.db: "+tt.err.Error()) {
			t.Errorf("%v is said as %q", tt.err, said)
		}
	}
}

// TestNotOpened_RestoreIsWaitedFor: while a restore runs, Esc, Enter, Quit and the window's
// close button leave the window open: the person learns how it ended.
func TestNotOpened_RestoreIsWaitedFor(t *testing.T) {
	fa := test.NewTempApp(t)
	release := make(chan struct{})
	w := newNotOpenedWindow(fa, NotOpened{Err: casefile.Classify(casefile.ErrBroken, errors.New("file is not a database")),
		Restore: func(string) error { <-release; return errors.New("not a backup") }}, new(bool))
	w.Show()
	w.restoreFrom("/backups/cases-2026-11-26.db")
	key := w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()
	key(&fyne.KeyEvent{Name: fyne.KeyEscape})
	key(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !w.quit.Disabled() || !windowOpen(fa, w) {
		t.Fatalf("during the restore: quit disabled %v, window open %v", w.quit.Disabled(), windowOpen(fa, w))
	}
	close(release)
	w.work.Wait()
	if w.quit.Disabled() || !windowOpen(fa, w) {
		t.Fatal("after a refused restore the window cannot be quit, or closed by itself")
	}
}
