package ui

import (
	"context"
	"errors"
	"io"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// SignIn is what the window needs to sign a person in to a shared database that the address
// alone did not open: the server refused the login it named, or the address carried none.
type SignIn struct {
	// Server names the database for the person ("db.center.local/center"); it also keys the
	// login remembered on this computer.
	Server string
	// Login is the login the address named, offered when none is remembered for Server.
	Login string
	// Refused says the address did carry a password and the server refused it: the form then
	// says so, in the person's language, before anything is typed.
	Refused bool
	// Connect signs in as login with password. It runs off the UI thread; a refusal by the
	// server wraps casefile.ErrSignIn. Every store it returns stays the caller's to close,
	// whether the desk opened on it or the form was closed while it connected.
	Connect func(ctx context.Context, login, password string) (Store, *casefile.Identity, error)
}

// RunSignedIn shows the sign-in window and, once the server accepts a login, the desk on the
// store Connect opened, as Run does. It returns when the desk (or the sign-in window) is
// closed and its background work is done; the caller closes the store it opened. It reports
// whether anyone signed in.
func RunSignedIn(fa fyne.App, in SignIn, opts Options) bool {
	setLanguage("")
	var a *App
	w := newSignInWindow(fa, in, func(s Store, who *casefile.Identity, set casefile.Settings) {
		o := opts
		o.Identity = who
		a = start(fa, s, o, set)
	}, false)
	w.win.Show()
	fa.Run()
	// A sign-in still connecting when the window closed must finish before the caller closes
	// the stores it opened, or one opened late would be left open.
	w.abandon()
	w.work.Wait()
	if a == nil {
		return false
	}
	a.finish()
	return true
}

// signInWindow is the small window that asks for the login and password.
type signInWindow struct {
	fa       fyne.App
	win      fyne.Window
	in       SignIn
	login    *FormEntry
	password *FormEntry
	message  *widget.Label
	busy     *widget.ProgressBarInfinite
	signIn   *widget.Button
	quit     *widget.Button
	inline   bool
	done     func(Store, *casefile.Identity, casefile.Settings)
	opened   bool // a store was handed to done; closing the window no longer quits
	// closed is set once the form is gone (closed, Quit, Esc, or the app ending): a connect
	// that ends after it hands nothing on. It is read off the UI thread once the app stopped.
	closed atomic.Bool
	work   sync.WaitGroup // the connects still running
}

// loginKey is where the last login that signed in to server is kept on this computer. The
// password is never kept: a counter's computer is shared.
func loginKey(server string) string { return "signin.login." + server }

func newSignInWindow(fa fyne.App, in SignIn, done func(Store, *casefile.Identity, casefile.Settings), inline bool) *signInWindow {
	fa.SetIcon(appIcon)
	w := &signInWindow{fa: fa, win: fa.NewWindow(T("RecoveryDesk — Sign in")), in: in, done: done, inline: inline}
	w.login = NewFormEntry()
	w.login.SetPlaceHolder(T("for example anna"))
	login := fa.Preferences().String(loginKey(in.Server))
	if login == "" {
		login = in.Login
	}
	w.login.SetText(login)
	w.password = NewFormEntry()
	w.password.Password = true
	w.login.OnSubmitted = func(string) { w.win.Canvas().Focus(w.password) }
	w.password.OnSubmitted = func(string) { w.submit() }
	w.message = widget.NewLabel("")
	if in.Refused {
		w.message.SetText(T("The server refused the login and password this shortcut gives. Sign in as yourself, or ask your administrator."))
	}
	w.message.Wrapping = fyne.TextWrapWord
	w.message.Importance = widget.DangerImportance
	w.message.Hidden = !in.Refused
	w.busy = widget.NewProgressBarInfinite()
	w.busy.Stop()
	w.busy.Hide()
	w.signIn = widget.NewButton(T("Sign in"), w.submit)
	w.signIn.Importance = widget.HighImportance
	w.quit = widget.NewButton(T("Quit"), w.win.Close)
	intro := widget.NewLabel(Tf("Sign in to the service center's database at {{.Server}}.", map[string]any{"Server": in.Server}))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(T("Login"), w.login), widget.NewFormItem(T("Password"), w.password))
	w.win.SetContent(container.NewPadded(container.NewVBox(intro, form, w.message, w.busy,
		container.NewHBox(layout.NewSpacer(), w.quit, w.signIn))))
	w.win.Resize(fyne.NewSize(460, 260))
	w.win.CenterOnScreen()
	// Before anyone signed in the form is the only window: closing it, Quit or Esc ends the app.
	cancel := func() {
		w.abandon()
		w.win.Close()
		if !w.opened {
			fa.Quit()
		}
	}
	w.quit.OnTapped = cancel
	w.win.SetCloseIntercept(cancel)
	w.win.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape && !w.opened {
			cancel()
		}
	})
	if login == "" {
		w.win.Canvas().Focus(w.login)
	} else {
		w.win.Canvas().Focus(w.password)
	}
	return w
}

// submit signs in with what was typed, off the UI thread; the form waits, disabled, meanwhile.
func (w *signInWindow) submit() {
	login := strings.TrimSpace(w.login.Text)
	if login == "" {
		w.say(T("Type your login: the one your administrator gave you."))
		w.win.Canvas().Focus(w.login)
		return
	}
	password := w.password.Text
	w.setBusy(true)
	w.work.Add(1)
	run := func() {
		defer w.work.Done()
		s, who, err := w.in.Connect(context.Background(), login, password)
		var set casefile.Settings
		if err == nil {
			if set, err = s.Settings(context.Background()); err != nil {
				// Not kept open across a retry; closing it twice, here and by the caller, is safe.
				if c, ok := s.(io.Closer); ok {
					c.Close()
				}
			}
		}
		fyne.Do(func() {
			if w.closed.Load() {
				return // nobody waits for this sign-in any more; the caller closes s
			}
			w.finish(login, s, who, set, err)
		})
	}
	if w.inline {
		run()
		return
	}
	go run()
}

// abandon marks the form as gone, so a connect still running hands its store to nobody.
func (w *signInWindow) abandon() {
	if !w.opened {
		w.closed.Store(true)
	}
}

// finish opens the desk on success; on a refusal it says why, keeps the login and asks for the
// password again.
func (w *signInWindow) finish(login string, s Store, who *casefile.Identity, set casefile.Settings, err error) {
	w.setBusy(false)
	if err != nil {
		if errors.Is(err, casefile.ErrSignIn) {
			w.say(T("The server refused this login and password. Check both (Caps Lock, the keyboard layout), or ask your administrator whether you are on the staff list."))
		} else {
			w.say(T("The database could not be opened:") + " " + err.Error())
		}
		w.password.SetText("")
		w.win.Canvas().Focus(w.password)
		return
	}
	w.fa.Preferences().SetString(loginKey(w.in.Server), login)
	w.opened = true
	w.done(s, who, set)
	w.win.Close()
}

func (w *signInWindow) say(msg string) {
	w.message.SetText(msg)
	w.message.Show()
}

func (w *signInWindow) setBusy(on bool) {
	for _, d := range []fyne.Disableable{w.login, w.password, w.signIn} {
		if on {
			d.Disable()
		} else {
			d.Enable()
		}
	}
	if on {
		w.busy.Show()
		w.busy.Start()
	} else {
		w.busy.Stop()
		w.busy.Hide()
	}
}
