// Package ui is RecoveryDesk's desktop window, in Fyne: the case list, the case form with its
// evidence, readiness and history, the status and export dialogs, and the settings. It
// reaches the database only through the Store interface it declares.
package ui

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
)

// Options are what the command line hands the window.
type Options struct {
	Operator string
	// ExportDir is where dossiers and receipts are written; a folder per case below it.
	ExportDir string
	// OpenCase is a case number whose window opens at start.
	OpenCase string
	// ShowOverview opens the manager's overview at start.
	ShowOverview bool
	// DataDir is the folder of the database file, where backups are kept; empty when the store
	// is not a file.
	DataDir string
	// Restored tells the window what a restore done at start did.
	Restored RestoreResult
	// Now is the clock every screen, document and day count reads; nil means the wall clock.
	Now casefile.Clock
	// DraftDir is the owner-only folder where case windows keep their unsaved typing (next to
	// the database); empty keeps no drafts.
	DraftDir string
	// Identity is who is signed in on a shared database; nil on a counter's own file, where
	// everyone may do everything.
	Identity *casefile.Identity
	// Database lets the window choose between this computer's own file and a shared
	// database; nil offers no choice.
	Database *DatabaseChoice
}

// RestoreResult is the outcome of a restore scheduled from the overview and done at start.
type RestoreResult struct {
	From, KeptAside string
	Err             error
}

// App is the running desk: one main window with the case list, and a window per open case.
type App struct {
	fyne     fyne.App
	main     fyne.Window
	store    Store
	opts     Options
	ctx      context.Context
	list     *CaseList
	mu       sync.Mutex
	settings casefile.Settings
	open     map[string]*CaseForm
	bg       sync.WaitGroup
	inline   bool // run background work on the caller's goroutine (tests)
	drafts   draftStore
	// stopWatch ends the live changes watchChanges started.
	stopWatch func()
	// branchList is a shared database's branches (loadBranches), under mu.
	branchList []casefile.Branch
}

// Run opens the main window on fa and returns when it is closed. The caller makes the Fyne app
// (app.NewWithID in cmd): the desktop driver links OpenGL, and the screens and their tests need
// none of it.
func Run(fa fyne.App, s Store, opts Options) {
	set, err := s.Settings(context.Background())
	if err != nil {
		set = casefile.DefaultSettings()
	}
	a := start(fa, s, opts, set)
	a.fyne.Run()
	a.finish()
}

// start shows the desk on a store that is open and its settings read: the main window, then
// whatever the start asks for (the first start's questions, a case, drafts to restore, the
// daily backup, live changes). It runs on the UI thread or before the app's loop.
func start(fa fyne.App, s Store, opts Options, set casefile.Settings) *App {
	setLanguage(set.Language)
	a := NewApp(fa, s, opts, set)
	current.Store(a)
	a.loadBranches()
	a.main.Show()
	// On a shared database the history names the login; nobody is asked for a name there,
	// and a technician could not save it anyway.
	if set.Technician == "" && opts.Identity == nil {
		a.askTechnician()
	}
	if opts.OpenCase != "" {
		a.showCase(opts.OpenCase)
	}
	if opts.ShowOverview {
		a.ShowOverview()
	}
	switch r := opts.Restored; {
	case r.Err != nil:
		a.showError(a.main, T("The backup was not restored; the database is as it was."), r.Err)
	case r.From != "":
		dialog.ShowInformation(T("Restore from backup"), Tf("Restored from {{.From}}. The replaced database is kept as {{.Aside}}.",
			map[string]any{"From": r.From, "Aside": r.KeptAside}), a.main)
	}
	a.offerDrafts()
	a.checkClock()
	a.dailyBackup()
	a.stopWatch = a.watchChanges()
	return a
}

// finish stops what start began, once the app's loop has ended, and waits for background work
// so that the caller may close the store.
func (a *App) finish() {
	if a.stopWatch != nil {
		a.stopWatch()
	}
	a.WaitIdle()
}

// NewApp builds the desk on a Fyne app.
func NewApp(fa fyne.App, s Store, opts Options, set casefile.Settings) *App {
	return newApp(fa, s, opts, set, false)
}

func newApp(fa fyne.App, s Store, opts Options, set casefile.Settings, inline bool) *App {
	a := &App{fyne: fa, store: s, opts: opts, ctx: context.Background(), settings: set, open: map[string]*CaseForm{}, inline: inline, drafts: draftStore{dir: opts.DraftDir}}
	if a.opts.Now == nil {
		a.opts.Now = casefile.SystemClock
	}
	if a.opts.ExportDir == "" {
		a.opts.ExportDir = defaultExportDir()
	}
	fa.SetIcon(appIcon)
	a.main = fa.NewWindow("RecoveryDesk")
	a.list = NewCaseList(a)
	a.main.SetContent(a.list)
	a.main.Resize(fyne.NewSize(1180, 760))
	a.main.SetMaster()
	a.main.SetMainMenu(a.mainMenu())
	escapeCloses(a.main, nil)
	// Closing the main window quits: ask first, as Ctrl+Q does, when typing is unsaved.
	a.main.SetCloseIntercept(a.requestQuit)
	a.list.Refresh()
	return a
}

// now is the desk's clock.
func (a *App) now() time.Time { return a.opts.Now() }

// Window is the main window.
func (a *App) Window() fyne.Window { return a.main }

// List is the case list screen.
func (a *App) List() *CaseList { return a.list }

// Settings returns the current settings.
func (a *App) Settings() casefile.Settings {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.settings
}

func (a *App) setSettings(s casefile.Settings) {
	a.mu.Lock()
	a.settings = s
	a.mu.Unlock()
}

// operator is who the history names: the technician's name once it is set.
func (a *App) operator() string {
	if id := a.opts.Identity; id != nil {
		if id.Name != "" {
			return id.Name
		}
		return id.Login
	}
	if t := a.Settings().Technician; t != "" {
		return t
	}
	return a.opts.Operator
}

// NewCase opens an empty case form.
func (a *App) NewCase() *CaseForm {
	c := &casefile.Case{Status: casefile.StatusIntake, SupportRegion: a.newCaseRegion()}
	f := newCaseForm(a, c)
	f.Show()
	return f
}

// OpenCase opens the form of a stored case, or brings its window forward, reading the case on
// the calling goroutine; clicks and keys go through showCase instead.
func (a *App) OpenCase(number string) *CaseForm {
	if f := a.raise(number); f != nil {
		return f
	}
	c, err := a.store.Case(a.ctx, number)
	if err != nil {
		a.showError(a.main, T("The case could not be opened."), err)
		return nil
	}
	f := newCaseForm(a, c)
	f.Show()
	return f
}

// showCase opens a case's window from a click or a key in a list. The case is read off the UI
// thread, so a slow disk, a busy server or a backup of a large database never freezes the
// window that was clicked; the window appears once the case is read.
func (a *App) showCase(number string) {
	if a.raise(number) != nil {
		return
	}
	a.background(func() {
		c, err := a.store.Case(a.ctx, number)
		fyne.Do(func() {
			if err != nil {
				a.showError(a.main, T("The case could not be opened."), err)
				return
			}
			if a.raise(number) != nil {
				return // a second Enter or click while the first read ran
			}
			newCaseForm(a, c).Show()
		})
	})
}

// raise brings the case's window forward if it is open, and returns it.
func (a *App) raise(number string) *CaseForm {
	a.mu.Lock()
	existing := a.open[number]
	a.mu.Unlock()
	if existing != nil {
		existing.win.RequestFocus()
	}
	return existing
}

func (a *App) register(number string, f *CaseForm) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if f == nil {
		delete(a.open, number)
		return
	}
	a.open[number] = f
}

// showError tells a person what went wrong in a sentence; the Go error is only appended when
// it carries a message meant for people (a domain error), never a stack of wrapping.
func (a *App) showError(w fyne.Window, sentence string, err error) {
	msg := sentence
	var ve casefile.ValidationError
	var te *casefile.TransitionError
	var ee *casefile.EvidenceError
	var nr *dossier.NotReadyError
	switch {
	case errors.As(err, &ve):
		msg += "\n\n" + validationText(ve)
	case errors.As(err, &te):
		msg += "\n\n" + transitionMessage(te, nil)
	case errors.As(err, &ee):
		msg += "\n\n" + evidenceMessage(ee)
	case errors.As(err, &nr):
		msg += "\n\n" + T("The dossier is not complete yet. Still missing:")
		for _, m := range nr.Missing {
			msg += "\n• " + readinessText(m, nil)
		}
		msg += "\n\n" + T("A draft can be exported meanwhile.")
	case casefile.DiskFull(err):
		fyne.LogError(sentence, err)
		msg += "\n\n" + T("The disk is full. Free some space (empty the recycle bin, move old exports away), then try again: nothing you typed was lost.")
	case errors.Is(err, casefile.ErrForbidden):
		msg += "\n\n" + T("Your role does not allow this. A manager can do it, or change your role.")
	case errors.Is(err, casefile.ErrDamaged):
		fyne.LogError(sentence, err)
		msg += "\n\n" + T("The stored file is damaged: it no longer matches the fingerprint (SHA-256) recorded when it was added, so it is no longer evidence. Restore it from a backup, or add the file again from its original.")
	case errors.Is(err, casefile.ErrNotFound):
		msg += "\n\n" + T("It is no longer in the database: someone may have deleted it or restored an older backup. Refresh the list.")
	case err != nil && unreachableHost(err) != "":
		msg += "\n\n" + Tf("The shared database at {{.Host}} cannot be reached: check the network, or ask whoever runs the server. Nothing you typed was lost: try again once it answers; there is no need to restart.",
			map[string]any{"Host": unreachableHost(err)})
	case err != nil && isConflict(err):
		msg += "\n\n" + T("Someone saved this case in another window since you opened it. Your typing is kept in this form: copy what you need, close the window and open the case again.")
	case err != nil:
		fyne.LogError(sentence, err)
		msg += "\n\n" + T("Try again; if it keeps failing, restart RecoveryDesk. Nothing you typed was lost.")
	}
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	showMessage(w, dialog.NewCustom(T("Not done"), T("OK"), lbl, w), fyne.NewSize(520, 240))
}

// unreachableHost is the shared database's server a store error says did not answer, or "".
// The engines' errors carry it behind this method, so the window needs no engine to ask.
func unreachableHost(err error) string {
	var u interface{ UnreachableHost() string }
	if errors.As(err, &u) {
		return u.UnreachableHost()
	}
	return ""
}

func validationText(ve casefile.ValidationError) string {
	s := ""
	for _, f := range ve {
		s += fmt.Sprintf("• %s: %s\n", fieldLabel(f.Field), fieldMessage(f))
	}
	return s
}

// fieldMessage translates a refused field by its code; an IMEI is explained by its own code.
func fieldMessage(f casefile.FieldError) string {
	if f.Code == "imei" && f.IMEI != nil {
		return imeiMessage(f.IMEI)
	}
	msg := map[string]string{
		"required":      "Enter the customer's name: without it nobody finds the case again.",
		"not_text":      "Contains characters that are not text; type it again.",
		"nul":           "Contains an invisible NUL character; type it again.",
		"too_long":      "Too long; shorten it.",
		"not_email":     "Not an e-mail address; it looks like name@example.com.",
		"same_imei":     "IMEI 2 is the same as IMEI 1; leave IMEI 2 empty for a single-SIM phone.",
		"not_date":      "Not a date; write it as YYYY-MM-DD or DD.MM.YYYY, for example 2024-03-15 or 15.03.2024.",
		"future_date":   "The date is in the future.",
		"unknown_value": "Choose one of the offered values.",
	}[f.Code]
	if msg == "" {
		return f.Message
	}
	return T(msg)
}

// openPath opens a file or folder with the desktop's own program.
func (a *App) openPath(path string) {
	u := &url.URL{Scheme: "file", Path: path}
	if err := a.fyne.OpenURL(u); err != nil {
		a.showError(a.main, T("The file could not be opened."), err)
	}
}

// askTechnician asks, on the first start, who works at this counter and which service center
// it is: the dossier and the receipt print both, and "Service center: —" tells support nothing.
func (a *App) askTechnician() {
	cur := a.Settings()
	entry := func(value, placeholder string) *FormEntry {
		e := NewFormEntry()
		e.SetText(value)
		e.SetPlaceHolder(placeholder)
		return e
	}
	tech := entry(cur.Technician, T("for example Anna Kotova"))
	center := entry(cur.CenterName, T("as printed on the dossier"))
	addr := entry(cur.CenterAddress, "")
	phone := entry(cur.CenterPhone, "+7 495 000-00-00")
	email := entry(cur.CenterEmail, "desk@example.com")
	d := dialog.NewForm(T("Who works at this counter?"), T("Save"), T("Later"), []*widget.FormItem{
		widget.NewFormItem(T("Your name"), tech), widget.NewFormItem(T("Service center"), center),
		widget.NewFormItem(T("Address"), addr), widget.NewFormItem(T("Phone"), phone), widget.NewFormItem(T("E-mail"), email),
	}, func(ok bool) {
		if !ok || tech.Text == "" {
			return
		}
		s := a.Settings()
		s.Technician, s.CenterName, s.CenterAddress, s.CenterPhone, s.CenterEmail = tech.Text, center.Text, addr.Text, phone.Text, email.Text
		if err := a.store.SaveSettings(a.ctx, s); err != nil {
			a.showError(a.main, T("The settings were not saved."), err)
			return
		}
		a.setSettings(s)
	}, a.main)
	submitOnEnter(d, tech, center, addr, phone, email)
	showDialog(d, fyne.NewSize(520, 340))
	a.main.Canvas().Focus(tech)
}
