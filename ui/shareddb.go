package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// SharedAddress is where a service center's shared database is: the server, its port, the
// database's name, and the login to test it with. It never holds a password.
type SharedAddress struct {
	Host     string
	Port     int
	Database string
	Login    string
}

// IsZero says the address names no server: the counter works on its own file.
func (s SharedAddress) IsZero() bool { return s.Host == "" && s.Database == "" }

// Server is how the window names the database ("db.center.local/center"), the same words as
// the sign-in form, whose remembered login it keys.
func (s SharedAddress) Server() string { return s.Host + "/" + s.Database }

// ErrUnreachable is what DatabaseChoice.Test wraps when no server answers at the address: a
// mistyped name or port, a server that is off, a network that is down.
var ErrUnreachable = errors.New("no database server answers at this address")

// DatabaseChoice lets a counter choose, in the window, between its own file and the service
// center's shared database. Nil where the program offers no choice.
type DatabaseChoice struct {
	// Current is the shared database chosen on this computer; zero for the counter's own file.
	Current SharedAddress
	// Given names the database the program was started on by its command line or environment
	// (--db, RECOVERYDESK_DB), which wins over the choice made here; empty when none was.
	Given string
	// Test connects to addr as its login with password, off the UI thread, and says who that
	// login is there. A refusal by the server wraps casefile.ErrSignIn, no answer ErrUnreachable.
	Test func(ctx context.Context, addr SharedAddress, password string) (casefile.Identity, error)
	// Save makes addr the database of this computer's later starts (zero: its own file).
	Save func(addr SharedAddress) error
	// Restart asks for the program to start again, on the saved choice, once the window has
	// closed.
	Restart func()
}

// sharedDBDialog is the "Shared database" page: the address, a connection test, and the
// choice, which is only offered for an address that was just tested successfully.
type sharedDBDialog struct {
	a        *App
	choice   *DatabaseChoice
	win      fyne.Window
	host     *FormEntry
	port     *FormEntry
	database *FormEntry
	login    *FormEntry
	password *FormEntry
	result   *widget.Label
	busy     *widget.ProgressBarInfinite
	test     *widget.Button
	use      *widget.Button
	own      *widget.Button
	dlg      dialog.Dialog
	// tested is the address the last successful test was for; Use is offered while the fields
	// still say the same.
	mu     sync.Mutex
	tested *SharedAddress
}

// ShowSharedDatabase opens the page where a counter chooses the service center's shared
// database (or goes back to its own file), with a connection test before anything is saved.
func (a *App) ShowSharedDatabase() *sharedDBDialog {
	ch := a.opts.Database
	if ch == nil {
		dialog.ShowInformation(T("Shared database"), T("This copy of RecoveryDesk cannot change its database from the window; start it with --db."), a.main)
		return nil
	}
	d := &sharedDBDialog{a: a, choice: ch, win: a.main}
	entry := func(v, hint string) *FormEntry {
		e := NewFormEntry()
		e.SetText(v)
		e.SetPlaceHolder(hint)
		e.OnChanged = func(string) { d.fieldsChanged() }
		return e
	}
	cur := ch.Current
	port := ""
	if cur.Port != 0 {
		port = strconv.Itoa(cur.Port)
	}
	if cur.Login == "" && !cur.IsZero() {
		cur.Login = a.fyne.Preferences().String(loginKey(cur.Server()))
	}
	d.host = entry(cur.Host, T("for example db.center.local"))
	d.port = entry(port, "5432")
	d.database = entry(cur.Database, T("for example center"))
	d.login = entry(cur.Login, T("for example anna"))
	d.password = entry("", "")
	d.password.Password = true
	d.result = widget.NewLabel("")
	d.result.Wrapping = fyne.TextWrapWord
	d.busy = widget.NewProgressBarInfinite()
	d.busy.Stop()
	d.busy.Hide()
	d.test = widget.NewButton(T("Test connection"), d.runTest)
	d.use = widget.NewButton(T("Use this database"), d.useShared)
	d.use.Importance = widget.HighImportance
	d.use.Disable()
	d.own = widget.NewButton(T("Use this computer's own file"), d.useOwn)
	d.own.Hidden = ch.Current.IsZero()
	for _, e := range []*FormEntry{d.host, d.port, d.database, d.login, d.password} {
		e.OnSubmitted = func(string) { d.runTest() }
	}

	intro := T("Several counters, branches and the manager can work on one PostgreSQL database. Type its address as your administrator gave it, and test the connection: nothing changes until it works. The password is only used for the test; at each start the window asks who signs in.")
	if ch.Current.IsZero() {
		intro += "\n" + T("Now: this computer's own file.")
	} else {
		intro += "\n" + Tf("Now: the shared database at {{.Server}}.", map[string]any{"Server": ch.Current.Server()})
	}
	if ch.Given != "" {
		intro += "\n" + Tf("This window was started on {{.Database}} by its shortcut or command line, which wins: what you choose here applies when RecoveryDesk starts without it.", map[string]any{"Database": ch.Given})
	}
	lbl := widget.NewLabel(intro)
	lbl.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(T("Server"), d.host), widget.NewFormItem(T("Port"), d.port),
		widget.NewFormItem(T("Database"), d.database), widget.NewFormItem(T("Login"), d.login),
		widget.NewFormItem(T("Password"), d.password))
	content := container.NewVBox(lbl, form, d.busy, d.result,
		container.NewHBox(d.own, layout.NewSpacer(), d.test, d.use))
	d.dlg = dialog.NewCustom(T("Shared database"), T("Close"), content, a.main)
	showDialog(d.dlg, fyne.NewSize(620, 520))
	a.main.Canvas().Focus(d.host)
	return d
}

// address is what the fields say, or why they cannot be an address.
func (d *sharedDBDialog) address() (SharedAddress, error) {
	addr := SharedAddress{Host: strings.TrimSpace(d.host.Text), Database: strings.TrimSpace(d.database.Text), Login: strings.TrimSpace(d.login.Text), Port: 5432}
	switch {
	case addr.Host == "":
		return addr, errors.New(T("Type the server: its name or address, as your administrator gave it."))
	case strings.ContainsAny(addr.Host, " /?#@") && !strings.HasPrefix(addr.Host, "/"):
		return addr, errors.New(T("The server is a name or an address only, like db.center.local or 192.168.1.10, without postgres:// or a path."))
	case addr.Database == "":
		return addr, errors.New(T("Type the database's name, as your administrator gave it."))
	case strings.ContainsAny(addr.Database, "/?#@ "):
		return addr, errors.New(T("The database's name is one word, like center."))
	case addr.Login == "":
		return addr, errors.New(T("Type your login: the one your administrator gave you."))
	}
	if p := strings.TrimSpace(d.port.Text); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return addr, errors.New(T("The port is a number from 1 to 65535; PostgreSQL's usual one is 5432."))
		}
		addr.Port = n
	}
	return addr, nil
}

// fieldsChanged withdraws the offer to use an address once it is no longer the tested one.
func (d *sharedDBDialog) fieldsChanged() {
	addr, err := d.address()
	d.mu.Lock()
	ok := err == nil && d.tested != nil && *d.tested == addr
	d.mu.Unlock()
	if ok {
		d.use.Enable()
	} else {
		d.use.Disable()
	}
}

// runTest connects with what is typed, off the UI thread, and says what the server answered.
func (d *sharedDBDialog) runTest() {
	addr, err := d.address()
	if err != nil {
		d.say(err.Error(), true)
		return
	}
	password := d.password.Text
	d.test.Disable()
	d.use.Disable()
	d.busy.Show()
	d.busy.Start()
	d.say(Tf("Connecting to {{.Server}}…", map[string]any{"Server": addr.Server()}), false)
	d.a.background(func() {
		who, err := d.choice.Test(d.a.ctx, addr, password)
		fyne.Do(func() {
			d.busy.Stop()
			d.busy.Hide()
			d.test.Enable()
			if err != nil {
				d.mu.Lock()
				d.tested = nil
				d.mu.Unlock()
				switch {
				case errors.Is(err, casefile.ErrSignIn):
					d.say(T("The server refused this login and password. Check both (Caps Lock, the keyboard layout), or ask your administrator whether you are on the staff list."), true)
				case errors.Is(err, ErrUnreachable):
					// The network's own words, on one line, for whoever runs the server.
					d.say(Tf("No database server answers at {{.Server}}, port {{.Port}}: check the server's name and the port, and the network, or ask your administrator.", map[string]any{
						"Server": addr.Host, "Port": addr.Port})+"\n("+strings.Join(strings.Fields(err.Error()), " ")+")", true)
				default:
					d.say(T("The database could not be opened:")+" "+err.Error(), true)
				}
				return
			}
			d.mu.Lock()
			d.tested = &addr
			d.mu.Unlock()
			d.say(Tf("Connected to {{.Server}} as {{.Who}}. Use this database to work on it from the next start.", map[string]any{
				"Server": addr.Server(), "Who": identityText(who, addr.Login)}), false)
			d.fieldsChanged()
			if !d.use.Disabled() {
				d.a.main.Canvas().Focus(d.use)
			}
		})
	})
}

// identityText is who a login is on the server, in the window's words.
func identityText(who casefile.Identity, login string) string {
	role := map[casefile.Role]string{
		casefile.RoleTechnician: T("technician"), casefile.RoleManager: T("manager"), casefile.RoleAdmin: T("administrator"),
	}[who.Role]
	switch {
	case role == "":
		return login + " (" + T("the set-up account") + ")"
	case who.Branch != "":
		return login + " (" + role + ", " + who.Branch + ")"
	}
	return login + " (" + role + ")"
}

func (d *sharedDBDialog) say(s string, bad bool) {
	d.result.SetText(s)
	d.result.Importance = widget.MediumImportance
	if bad {
		d.result.Importance = widget.DangerImportance
	}
	d.result.Refresh()
}

// useShared saves the tested address as this computer's database and offers to start again
// on it; the login is remembered for the sign-in form, the password nowhere.
func (d *sharedDBDialog) useShared() {
	d.mu.Lock()
	tested := d.tested
	d.mu.Unlock()
	if tested == nil {
		return
	}
	addr := *tested
	if err := d.choice.Save(addr); err != nil {
		d.a.showError(d.a.main, T("The choice was not saved."), err)
		return
	}
	d.a.fyne.Preferences().SetString(loginKey(addr.Server()), addr.Login)
	d.choice.Current = addr
	d.dlg.Hide()
	d.offerRestart(Tf("This computer now works on the shared database at {{.Server}}.", map[string]any{"Server": addr.Server()}))
}

// useOwn goes back to the counter's own file from the next start; the shared database is
// left as it is.
func (d *sharedDBDialog) useOwn() {
	if err := d.choice.Save(SharedAddress{}); err != nil {
		d.a.showError(d.a.main, T("The choice was not saved."), err)
		return
	}
	d.choice.Current = SharedAddress{}
	d.dlg.Hide()
	d.offerRestart(T("This computer now works on its own file again; the shared database keeps every case it has."))
}

// offerRestart says what was chosen and, unless the command line fixed the database, starts
// RecoveryDesk again on it once the technician agrees (unsaved typing is asked about first).
func (d *sharedDBDialog) offerRestart(done string) {
	a := d.a
	if d.choice.Given != "" || d.choice.Restart == nil {
		dialog.ShowInformation(T("Shared database"), done+"\n"+T("It applies when RecoveryDesk starts without --db."), a.main)
		return
	}
	msg := widget.NewLabel(done + "\n" + T("RecoveryDesk starts again to use it."))
	msg.Wrapping = fyne.TextWrapWord
	c := dialog.NewCustomConfirm(T("Shared database"), T("Start again now"), T("Later"), msg, func(ok bool) {
		if !ok {
			return
		}
		a.confirmUnsaved(func() {
			d.choice.Restart()
			a.fyne.Quit()
		})
	}, a.main)
	showDialog(c, fyne.NewSize(480, 200))
}
