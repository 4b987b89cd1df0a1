package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// TestSharedDatabase_TestBeforeUse: the page offers a shared database only after a test of the
// very address in the fields succeeded; it says plainly what is missing or refused, remembers
// the login for the sign-in form, keeps no password, and starts again on the choice.
func TestSharedDatabase_TestBeforeUse(t *testing.T) {
	a, _ := newTestApp(t)
	var (
		saved    []SharedAddress
		restarts int
		tests    []string
	)
	a.opts.Database = &DatabaseChoice{
		Test: func(_ context.Context, addr SharedAddress, password string) (casefile.Identity, error) {
			tests = append(tests, addr.Server()+" "+password)
			if addr.Host != "db.center.local" {
				return casefile.Identity{}, fmt.Errorf("%w: dial tcp: lookup %s: no such host", ErrUnreachable, addr.Host)
			}
			if password != "right" {
				return casefile.Identity{}, fmt.Errorf("%w: password authentication failed", casefile.ErrSignIn)
			}
			return casefile.Identity{Login: addr.Login, Role: casefile.RoleTechnician, Branch: "MSK-1"}, nil
		},
		Save:    func(addr SharedAddress) error { saved = append(saved, addr); return nil },
		Restart: func() { restarts++ },
	}
	d := a.ShowSharedDatabase()
	if !d.use.Disabled() || !d.own.Hidden {
		t.Fatal("an untested address is offered, or a way back from a choice never made")
	}
	try := func(host, port, db, login, password string) string {
		t.Helper()
		d.host.SetText(host)
		d.port.SetText(port)
		d.database.SetText(db)
		d.login.SetText(login)
		d.password.SetText(password)
		d.runTest()
		a.WaitIdle()
		return d.result.Text
	}
	for _, tt := range []struct{ host, port, db, login, want string }{
		{"", "", "center", "anna", T("Type the server: its name or address, as your administrator gave it.")},
		{"postgres://db.center.local/center", "", "center", "anna", "without postgres://"},
		{"db.center.local", "", "", "anna", T("Type the database's name, as your administrator gave it.")},
		{"db.center.local", "54321x", "center", "anna", "65535"},
		{"db.center.local", "70000", "center", "anna", "65535"},
		{"db.center.local", "", "center", "", T("Type your login: the one your administrator gave you.")},
	} {
		if got := try(tt.host, tt.port, tt.db, tt.login, "right"); !strings.Contains(got, tt.want) || !d.use.Disabled() {
			t.Errorf("%+v: says %q, use offered %v", tt, got, !d.use.Disabled())
		}
	}
	if len(tests) != 0 {
		t.Fatalf("an address that is not one was tried: %v", tests)
	}
	if got := try("db.centre.local", "6543", "center", "anna", "right"); !strings.Contains(got, "db.centre.local, port 6543") || !d.use.Disabled() {
		t.Errorf("no server there: %q, use offered %v", got, !d.use.Disabled())
	}
	if got := try("db.center.local", "", "center", "anna", "wrong"); !strings.Contains(got, "refused") || !d.use.Disabled() {
		t.Errorf("a wrong password: %q, use offered %v", got, !d.use.Disabled())
	}
	got := try(" db.center.local ", "", "center", "anna", "right")
	if !strings.Contains(got, "anna ("+T("technician")+", MSK-1)") || d.use.Disabled() {
		t.Fatalf("a working address: %q, use offered %v", got, !d.use.Disabled())
	}
	// Another address in the fields is not the tested one.
	d.database.SetText("other")
	if !d.use.Disabled() {
		t.Error("an edited address is still offered")
	}
	d.database.SetText("center")
	if d.use.Disabled() {
		t.Error("the tested address, typed back, is not offered")
	}
	test.Tap(d.use)
	want := SharedAddress{Host: "db.center.local", Port: 5432, Database: "center", Login: "anna"}
	if len(saved) != 1 || saved[0] != want {
		t.Fatalf("saved %+v, want %+v", saved, want)
	}
	if l := a.fyne.Preferences().String(loginKey("db.center.local/center")); l != "anna" {
		t.Errorf("the sign-in form will offer %q", l)
	}
	confirm := findButton(a.main.Canvas().Overlays().Top(), T("Start again now"))
	if confirm == nil {
		t.Fatalf("no offer to start again: %q", plainText(test.RenderObjectToMarkup(a.main.Canvas().Overlays().Top())))
	}
	test.Tap(confirm)
	if restarts != 1 {
		t.Errorf("started again %d times", restarts)
	}

	// Back to the counter's own file.
	a.opts.Database.Current = want
	d = a.ShowSharedDatabase()
	if d.own.Hidden || d.host.Text != "db.center.local" || d.login.Text != "anna" {
		t.Fatalf("the page for a chosen database: own hidden %v, fields %q %q", d.own.Hidden, d.host.Text, d.login.Text)
	}
	test.Tap(d.own)
	if len(saved) != 2 || !saved[1].IsZero() {
		t.Errorf("going back saved %+v", saved)
	}
}

// TestSharedDatabase_GivenAtStart: a window started with --db says that the choice applies to
// starts without it, and does not start again.
func TestSharedDatabase_GivenAtStart(t *testing.T) {
	a, _ := newTestApp(t)
	restarts := 0
	a.opts.Database = &DatabaseChoice{
		Given: "/srv/desk/cases.db",
		Test: func(context.Context, SharedAddress, string) (casefile.Identity, error) {
			return casefile.Identity{Role: casefile.RoleOwner}, nil
		},
		Save:    func(SharedAddress) error { return nil },
		Restart: func() { restarts++ },
	}
	d := a.ShowSharedDatabase()
	said := plainText(test.RenderObjectToMarkup(a.main.Canvas().Overlays().Top()))
	if !strings.Contains(strings.ReplaceAll(said, " ", ""), "/srv/desk/cases.db") {
		t.Errorf("the page does not say the database given at start: %q", said)
	}
	d.host.SetText("db.center.local")
	d.database.SetText("center")
	d.login.SetText("postgres")
	d.runTest()
	a.WaitIdle()
	if !strings.Contains(d.result.Text, T("the set-up account")) {
		t.Errorf("the set-up account is said as %q", d.result.Text)
	}
	test.Tap(d.use)
	if findButton(a.main.Canvas().Overlays().Top(), T("Start again now")) != nil || restarts != 0 {
		t.Error("a window started with --db offers to start again")
	}
}

// findButton is the button labelled text in o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	var found *widget.Button
	walk(o, func(obj fyne.CanvasObject) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	return found
}
