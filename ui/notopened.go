package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// NotOpened is a database that did not open, and the ways out the caller can offer.
type NotOpened struct {
	// Err is the store's refusal; its own sentence names the path or server and is shown as
	// the details, below what it means in the person's language.
	Err error
	// UseOwn, when not nil, goes back to the computer's own file (the database was the shared
	// one chosen in the window).
	UseOwn func() error
	// Restore, when not nil, replaces the damaged database file with a checked backup, keeping
	// the damaged one aside; BackupDir is where the daily backups are.
	Restore   func(backup string) error
	BackupDir string
	// Where names the database (its file, or its server without a password), for the details
	// when the refusal's own sentence does not.
	Where string
}

// ShowNotOpened tells a person who started the window, by a shortcut or a double click, why the
// database did not open, and waits until they close it. Printed to a terminal nobody sees, the
// reason would be lost and the app would seem not to start at all. It reports whether a way out
// was taken and succeeded, so that the caller starts again.
func ShowNotOpened(fa fyne.App, n NotOpened) bool {
	setLanguage("")
	took := false
	newNotOpenedWindow(fa, n, &took).Show()
	fa.Run()
	return took
}

// notOpenedText is what a refusal to open means and what to do, in the person's language.
func notOpenedText(err error) string {
	switch {
	case unreachableHost(err) != "":
		return Tf("The shared database at {{.Host}} cannot be reached: check the network, or ask whoever runs the server.",
			map[string]any{"Host": unreachableHost(err)})
	case errors.Is(err, casefile.ErrReadOnly):
		return T("The database file is read-only (an archived counter, or a copy). Make it writable in the file's properties to work in it.")
	case errors.Is(err, casefile.ErrNotFile):
		return T("This is a folder, a device or a pipe, not a database file. Give the database file itself.")
	case errors.Is(err, casefile.ErrForeign):
		return T("The file is another application's database, not RecoveryDesk's; RecoveryDesk does not write into it. Choose the RecoveryDesk database.")
	case errors.Is(err, casefile.ErrBroken):
		return T("The database file is damaged and cannot be read. Restore the latest backup: the damaged file is kept aside, not deleted.")
	case errors.Is(err, casefile.ErrNewer):
		return T("A newer RecoveryDesk wrote this database. Install that version on this computer too; this one does not touch the database.")
	case errors.Is(err, casefile.ErrInUse):
		return T("The database is in use: it is being restored from a backup, or another RecoveryDesk holds it. Wait a moment and start again.")
	case casefile.DiskFull(err):
		return T("The disk is full. Free some space, then start RecoveryDesk again.")
	case errors.Is(err, casefile.ErrForbidden):
		return T("Your login may not open this database; ask whoever set it up.")
	}
	return T("Start RecoveryDesk again; if it keeps failing, send the details below to whoever set this computer up.")
}

// notOpenedWindow is the window of ShowNotOpened; work counts a restore under way, which the
// tests wait for.
type notOpenedWindow struct {
	fyne.Window
	n       NotOpened
	meaning *widget.Label
	detail  *widget.Label
	restore *widget.Button
	quit    *widget.Button
	picker  *dialog.FileDialog // the backup's file dialog while it is shown
	took    *bool
	work    sync.WaitGroup
}

// details is the text for the details line: the refusal's own sentence, and the database's
// location where the sentence leaves it out.
func (n NotOpened) details(err error) string {
	s := err.Error()
	if n.Where != "" && !strings.Contains(s, n.Where) {
		s = n.Where + ": " + s
	}
	return T("Details:") + " " + s
}

func newNotOpenedWindow(fa fyne.App, n NotOpened, took *bool) *notOpenedWindow {
	fa.SetIcon(appIcon)
	w := fa.NewWindow("RecoveryDesk")
	nw := &notOpenedWindow{Window: w, n: n, took: took}
	heading := widget.NewLabelWithStyle(T("The database could not be opened:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	meaning := widget.NewLabel(notOpenedText(n.Err))
	meaning.Wrapping = fyne.TextWrapWord
	nw.meaning = meaning
	detail := widget.NewLabel(n.details(n.Err))
	detail.Wrapping = fyne.TextWrapWord
	nw.detail = detail
	detail.Selectable = true // so that it can be copied into a message to whoever set the counter up
	quit := widget.NewButton(T("Quit"), w.Close)
	quit.Importance = widget.HighImportance
	nw.quit = quit
	var ways []fyne.CanvasObject
	if n.UseOwn != nil {
		own := widget.NewButton(T("Use this computer's own file"), nil)
		own.OnTapped = func() {
			if err := n.UseOwn(); err != nil {
				meaning.SetText(notOpenedText(n.Err) + "\n\n" + T("The choice was not saved.") + " " + err.Error())
				return
			}
			*took = true
			w.Close()
		}
		ways = append(ways, own)
	}
	if n.Restore != nil {
		restore := widget.NewButton(T("Restore a backup…"), nil)
		restore.Importance = widget.HighImportance
		quit.Importance = widget.MediumImportance
		restore.OnTapped = nw.pickRestore
		nw.restore = restore
		ways = append(ways, restore)
	}
	buttons := container.NewHBox(append(ways, layout.NewSpacer(), quit)...)
	w.SetContent(container.NewPadded(container.NewVBox(heading, meaning, detail, layout.NewSpacer(), buttons)))
	w.Resize(fyne.NewSize(600, 280))
	w.CenterOnScreen()
	w.SetCloseIntercept(func() {
		if nw.restore == nil || !nw.restore.Disabled() { // not while a restore runs
			w.Close()
		}
	})
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		// Under the file dialog, Esc closes the dialog and Enter does nothing; else both close
		// the window, as an OK would.
		if nw.picker != nil {
			if k.Name == fyne.KeyEscape {
				nw.picker.Hide()
			}
			return
		}
		if nw.restore != nil && nw.restore.Disabled() {
			return // a restore is under way: the window waits for it (its button is off meanwhile)
		}
		if k.Name == fyne.KeyEscape || k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
			w.Close()
		}
	})
	return nw
}

// pickRestore lets the person choose a backup, starting in the daily backups' folder.
func (w *notOpenedWindow) pickRestore() {
	// The file dialog is drawn inside the window: grow it so that names and dates can be read,
	// and give it back its size when the dialog closes.
	before := w.Canvas().Size()
	if before.Width < 860 || before.Height < 560 {
		w.Resize(fyne.NewSize(max(before.Width, 860), max(before.Height, 560)))
		w.CenterOnScreen()
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.restoreFrom(path)
	}, w)
	d.SetOnClosed(func() {
		w.picker = nil
		w.Resize(before)
		w.CenterOnScreen()
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db"}))
	d.SetView(dialog.ListView) // the backups' names carry their dates, too long for icons
	// The daily backups' folder, or the database's own when there is none yet: never the last
	// folder some other dialog showed.
	for _, dir := range []string{w.n.BackupDir, filepath.Dir(w.n.BackupDir)} {
		if dir == "" || dir == "." {
			continue
		}
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
			break
		}
	}
	w.picker = d
	d.Show()
	d.Resize(fyne.NewSize(820, 520))
}

// restoreFrom restores the backup at path off the window's thread, saying so meanwhile; a
// refused backup leaves the database as it was and says why. Once it is in place the window
// closes, and the caller starts the desk again on the restored database.
func (w *notOpenedWindow) restoreFrom(path string) {
	// Neither a second restore nor quitting while this one runs: it finishes either way, but
	// the person would not learn how.
	w.restore.Disable()
	w.quit.Disable()
	w.meaning.SetText(Tf("Restoring {{.Name}}…", map[string]any{"Name": filepath.Base(path)}))
	w.detail.SetText(w.n.details(w.n.Err)) // not an earlier backup's refusal
	w.work.Add(1)
	go func() {
		defer w.work.Done()
		err := w.n.Restore(path)
		fyne.Do(func() {
			w.restore.Enable()
			w.quit.Enable()
			if err != nil {
				w.meaning.SetText(notOpenedText(w.n.Err) + "\n\n" + T("The backup was not restored; the database is as it was.") + " " + restoreRefusal(err))
				w.detail.SetText(w.n.details(err))
				return
			}
			*w.took = true
			w.Close()
		})
	}()
}

// restoreRefusal says why a backup was not restored, in the person's language; the engine's
// own sentence goes to the details.
func restoreRefusal(err error) string {
	switch {
	case errors.Is(err, casefile.ErrNotDamaged):
		return T("The database opens now: it was restored or mended meanwhile, and nothing was replaced. Start RecoveryDesk again.")
	case errors.Is(err, casefile.ErrNewer):
		return T("This backup was made by a newer RecoveryDesk; install that version to restore it.")
	case errors.Is(err, casefile.ErrInUse):
		return T("The database is open in another RecoveryDesk window or command: close it there and try again.")
	case casefile.DiskFull(err):
		return T("The disk is full. Free some space, then try again.")
	}
	return T("This file is not a RecoveryDesk backup, or it is damaged. Choose a backup: the files named after the database and a date, in the backups folder.")
}
