package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
	"recoverydesk/data/sqlite"
)

// TestSignIn: the window asks for the login and password the address lacked; a refusal says
// so, keeps the login and asks for the password again; the login that got in is remembered on
// this computer, the password never is.
func TestSignIn(t *testing.T) {
	fa := test.NewTempApp(t)
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var tries []string
	in := SignIn{Server: "db.center.local/center", Login: "anna", Connect: func(_ context.Context, login, password string) (Store, *casefile.Identity, error) {
		tries = append(tries, login+":"+password)
		switch {
		case password == "down":
			return nil, nil, errors.New("dial tcp 10.0.0.5:5432: connection refused")
		case login != "maria" || password != "s3cret":
			return nil, nil, fmt.Errorf("%w: the server said no", casefile.ErrSignIn)
		}
		return s, &casefile.Identity{Login: login, Name: "Мария", Role: casefile.RoleManager}, nil
	}}
	var opened *casefile.Identity
	w := newSignInWindow(fa, in, func(_ Store, who *casefile.Identity, _ casefile.Settings) { opened = who }, true)
	c := w.win.Canvas()
	if w.login.Text != "anna" || c.Focused() != w.password {
		t.Fatalf("login %q, focus on %T: want the address's login and the cursor in the password", w.login.Text, c.Focused())
	}
	if w.message.Visible() {
		t.Fatal("a message shows before anything was tried")
	}

	// A wrong password: said in words, login kept, password emptied, cursor back in it.
	test.Type(w.password, "wrong")
	w.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened != nil || !w.message.Visible() || !strings.Contains(w.message.Text, T("The server refused this login and password.")[:20]) {
		t.Fatalf("after a refusal: opened %v, message %q", opened, w.message.Text)
	}
	if w.login.Text != "anna" || w.password.Text != "" || c.Focused() != w.password || w.login.Disabled() {
		t.Fatalf("after a refusal: login %q, password %q, focus %T, disabled %v", w.login.Text, w.password.Text, c.Focused(), w.login.Disabled())
	}
	if strings.Contains(w.message.Text, "wrong") {
		t.Fatal("the message repeats the password")
	}

	// A server that cannot be reached is told apart from a refusal.
	test.Type(w.password, "down")
	w.submit()
	if !strings.Contains(w.message.Text, "connection refused") {
		t.Fatalf("an unreachable server: %q", w.message.Text)
	}

	// No login: asked for, nothing tried.
	w.login.SetText("  ")
	n := len(tries)
	w.submit()
	if len(tries) != n || c.Focused() != w.login {
		t.Fatalf("an empty login was tried (%d tries) or the cursor is not in it (%T)", len(tries)-n, c.Focused())
	}

	// The right login and password open the desk, and the login is remembered.
	w.login.SetText("maria")
	test.Type(w.password, "s3cret")
	w.password.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if opened == nil || opened.Login != "maria" {
		t.Fatalf("the desk did not open: %v (tries %q)", opened, tries)
	}
	if got := fa.Preferences().String(loginKey(in.Server)); got != "maria" {
		t.Fatalf("remembered login %q", got)
	}
	fa.Preferences().(interface{ ReadValues(func(map[string]any)) }).ReadValues(func(all map[string]any) {
		for k, v := range all {
			if strings.Contains(fmt.Sprint(v), "s3cret") {
				t.Errorf("the password is kept in the preference %s", k)
			}
		}
	})

	// The next start offers the remembered login, not the address's.
	w2 := newSignInWindow(fa, in, func(Store, *casefile.Identity, casefile.Settings) {}, true)
	if w2.login.Text != "maria" || w2.win.Canvas().Focused() != w2.password {
		t.Fatalf("the next start offers %q", w2.login.Text)
	}
}

// TestSignIn_EscQuits: Esc (or closing the window) before anyone signed in quits; the form is
// the only window then.
func TestSignIn_EscQuits(t *testing.T) {
	fa := test.NewTempApp(t)
	w := newSignInWindow(fa, SignIn{Server: "db/center"}, func(Store, *casefile.Identity, casefile.Settings) {
		t.Fatal("the desk opened without a sign-in")
	}, true)
	w.win.Show()
	if w.win.Canvas().Focused() != w.login {
		t.Fatalf("with no login known the cursor is in %T", w.win.Canvas().Focused())
	}
	w.login.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	for _, open := range fa.Driver().AllWindows() {
		if open == w.win {
			t.Fatal("Esc left the sign-in window open")
		}
	}
}

// TestSignIn_RefusedAddress: when the address's own password was refused the form says so
// before anything is typed, in the person's language.
func TestSignIn_RefusedAddress(t *testing.T) {
	for _, lang := range []string{"en", "ru"} {
		t.Run(lang, func(t *testing.T) {
			setLanguage(lang)
			t.Cleanup(func() { setLanguage("en") })
			fa := test.NewTempApp(t)
			w := newSignInWindow(fa, SignIn{Server: "db/center", Login: "counter", Refused: true}, func(Store, *casefile.Identity, casefile.Settings) {}, true)
			want := T("The server refused the login and password this shortcut gives. Sign in as yourself, or ask your administrator.")
			if !w.message.Visible() || w.message.Text != want {
				t.Fatalf("message %q (visible %v), want %q", w.message.Text, w.message.Visible(), want)
			}
			if lang == "ru" && !strings.ContainsAny(w.message.Text, "абвгдеж") {
				t.Fatalf("the refusal is not in Russian: %q", w.message.Text)
			}
		})
	}
}

// TestSignIn_ClosedWhileConnecting: a form closed while its sign-in still connects opens no
// desk when the connect ends, and RunSignedIn's wait covers that connect, so the caller can
// close every store it handed out.
func TestSignIn_ClosedWhileConnecting(t *testing.T) {
	fa := test.NewTempApp(t)
	s, err := sqlite.Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	started, release := make(chan struct{}), make(chan struct{})
	in := SignIn{Server: "db/center", Login: "anna", Connect: func(context.Context, string, string) (Store, *casefile.Identity, error) {
		close(started)
		<-release
		return s, &casefile.Identity{Login: "anna", Role: casefile.RoleTechnician}, nil
	}}
	opened := false
	w := newSignInWindow(fa, in, func(Store, *casefile.Identity, casefile.Settings) { opened = true }, false)
	w.win.Show()
	test.Type(w.password, "s3cret")
	w.submit()
	<-started
	w.quit.OnTapped() // the person gives up while the server is slow
	close(release)
	w.work.Wait()
	fyne.DoAndWait(func() {})
	if opened {
		t.Fatal("the desk opened after the sign-in form was closed")
	}
}

// TestNotOpened: a database that did not open is said in a window, with the store's reason
// selectable for copying, and Enter or Esc closes it.
func TestNotOpened(t *testing.T) {
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		fa := test.NewTempApp(t)
		reason := "there is no database at /srv/desk/branchh/cases.db; check the path, or add --create to start a new one there"
		w := newNotOpenedWindow(fa, NotOpened{Err: errors.New(reason)}, new(bool))
		w.Show()
		said := plainText(test.RenderObjectToMarkup(w.Content()))
		if !strings.Contains(said, T("The database could not be opened:")) || !strings.Contains(said, "branchh") {
			t.Fatalf("the window says %q", said)
		}
		w.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: key})
		for _, open := range fa.Driver().AllWindows() {
			if open == w.Window {
				t.Fatalf("%s left the window open", key)
			}
		}
		if strings.Contains(said, T("Use this computer's own file")) {
			t.Errorf("a database given at start offers the counter's own file: %q", said)
		}
	}
}

// TestNotOpened_BackToOwnFile: when the shared database chosen in the window cannot be opened,
// the window offers the counter's own file, so a server gone for good locks nobody out.
func TestNotOpened_BackToOwnFile(t *testing.T) {
	fa := test.NewTempApp(t)
	took, calls := false, 0
	w := newNotOpenedWindow(fa, NotOpened{Err: unreachable{"db.center.local"}, UseOwn: func() error { calls++; return nil }}, &took)
	w.Show()
	own := findButton(w.Content(), T("Use this computer's own file"))
	if own == nil {
		t.Fatalf("no way back: %q", plainText(test.RenderObjectToMarkup(w.Content())))
	}
	test.Tap(own)
	if !took || calls != 1 {
		t.Errorf("took %v, saved %d times", took, calls)
	}
	for _, open := range fa.Driver().AllWindows() {
		if open == w.Window {
			t.Fatal("the window stayed open")
		}
	}
}
