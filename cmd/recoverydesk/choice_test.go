package main

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data/sqlite"
	"recoverydesk/ui"
)

// TestChoice_SharedDatabase: the shared database chosen in the window is kept owner-only
// without a password, read back into the form, tested with a login, and opened by every later
// command that names no database; going back to the counter's own file forgets it, and a file
// path written into the choice by hand is ignored.
func TestChoice_SharedDatabase(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("RECOVERYDESK_DB", "")
	shared := sharedDB(t)
	addr := sharedAddressOf(shared)
	if addr.Host == "" || addr.Database == "" || addr.Port == 0 || addr.Login != "postgres" {
		t.Fatalf("read back as %+v", addr)
	}
	c := &cli{now: casefile.SystemClock, ctx: context.Background()}
	c.defaultDB, c.choiceErr = defaultDatabase()
	c.db = c.defaultDB
	who, err := c.testShared(c.ctx, addr, "")
	if err != nil || who.Role != casefile.RoleOwner {
		t.Fatalf("test as the set-up account: %+v, %v", who, err)
	}
	stranger := addr
	stranger.Login = "nobody_here"
	if _, err := c.testShared(c.ctx, stranger, "secret"); !errors.Is(err, casefile.ErrSignIn) {
		t.Errorf("an unknown login: %v; want a sign-in refusal", err)
	}

	nobody := addr
	nobody.Port = 1 // nothing listens there
	if _, err := c.testShared(c.ctx, nobody, ""); !errors.Is(err, ui.ErrUnreachable) {
		t.Errorf("a port nothing listens on: %v; want it said as unreachable", err)
	}

	addr.Login = "anna"
	if err := saveChoice(addr); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(choiceFile())
	if err != nil || runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Fatalf("the choice file: %v %v", st, err)
	}
	raw, _ := os.ReadFile(choiceFile())
	if strings.Contains(string(raw), "anna") {
		t.Errorf("the choice keeps the login: %s", raw)
	}
	chosen, err := chosenDatabase()
	if got := sharedAddressOf(chosen); err != nil || got.Server() != addr.Server() || got.Port != addr.Port {
		t.Errorf("chosen %+v (%v), want %+v", got, err, addr)
	}
	if d, _ := defaultDatabase(); d != chosen {
		t.Errorf("a start without --db opens %q", d)
	}
	// A command without --db works on the chosen shared database, as the login libpq's
	// conventions give (the choice keeps none).
	t.Setenv("PGUSER", "postgres")
	var out, errb strings.Builder
	if code := run([]string{"list", "--operator", "tester"}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("list on the chosen database: %d %s", code, errb.String())
	}
	if code := run([]string{"db", "init"}, strings.NewReader(""), &out, &errb); code != exitOK || !strings.Contains(out.String(), "the shared database is ready") {
		t.Errorf("db init without --db: %d %q %q", code, out.String(), errb.String())
	}
	// RECOVERYDESK_DB still wins.
	t.Setenv("RECOVERYDESK_DB", filepath.Join(t.TempDir(), "x.db"))
	if d, _ := defaultDatabase(); d != os.Getenv("RECOVERYDESK_DB") {
		t.Errorf("RECOVERYDESK_DB lost to the choice: %q", d)
	}
	t.Setenv("RECOVERYDESK_DB", "")

	// A choice that cannot be used refuses a run without --db, saying what to do, rather than
	// quietly working on this computer's own file; --db still works.
	local := filepath.Join(t.TempDir(), "local.db")
	for _, tt := range []struct {
		name  string
		write func()
	}{
		{"a file path", func() { os.WriteFile(choiceFile(), []byte("/etc/passwd\n"), 0o600) }},
		{"empty", func() { os.WriteFile(choiceFile(), nil, 0o600) }},
		{"garbage", func() { os.WriteFile(choiceFile(), []byte("\x00\xff garbage"), 0o600) }},
		{"huge", func() { os.WriteFile(choiceFile(), append([]byte("postgres://h/d"), make([]byte, 1<<20)...), 0o600) }},
		{"a symlink", func() { os.Symlink("/etc/hostname", choiceFile()) }},
		{"a folder", func() { os.Mkdir(choiceFile(), 0o700) }},
	} {
		if tt.name == "a symlink" && runtime.GOOS == "windows" {
			continue // only an administrator makes symbolic links on Windows
		}
		os.RemoveAll(choiceFile())
		tt.write()
		var out, errb strings.Builder
		code := run([]string{"list", "--operator", "tester"}, strings.NewReader(""), &out, &errb)
		if code == exitOK || !strings.Contains(errb.String(), "chosen in the window cannot be used") || errb.Len() > 2000 {
			t.Errorf("%s: exit %d, %.300q", tt.name, code, errb.String())
		}
		out.Reset()
		errb.Reset()
		if code := run([]string{"list", "--db", local, "--create", "--operator", "tester"}, strings.NewReader(""), &out, &errb); code != exitOK {
			t.Errorf("%s: --db refused too: %s", tt.name, errb.String())
		}
	}
	os.RemoveAll(choiceFile())
	if _, err := os.Stat(sqlite.BuiltinPath()); err == nil && strings.HasPrefix(sqlite.BuiltinPath(), os.Getenv("HOME")) && os.Getenv("HOME") == t.TempDir() {
		t.Error("a broken choice made the computer's own database")
	}
	if err := saveChoice(ui.SharedAddress{}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(choiceFile()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("going back to the own file left the choice: %v", err)
	}
	if err := saveChoice(ui.SharedAddress{}); err != nil {
		t.Errorf("forgetting twice: %v", err)
	}
}

func TestAddressURL(t *testing.T) {
	for _, tt := range []struct {
		addr ui.SharedAddress
		want string
	}{
		{ui.SharedAddress{Host: "db.center.local", Port: 5432, Database: "center", Login: "anna"}, "postgres://anna@db.center.local:5432/center"},
		{ui.SharedAddress{Host: "192.168.1.10", Port: 6432, Database: "center"}, "postgres://192.168.1.10:6432/center"},
		{ui.SharedAddress{Host: "fe80::1", Port: 5432, Database: "center"}, "postgres://[fe80::1]:5432/center"},
		{ui.SharedAddress{Host: "/run/postgresql", Port: 5432, Database: "center"}, "postgres:///center?host=%2Frun%2Fpostgresql&port=5432"},
	} {
		got := addressURL(tt.addr, true)
		if got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.addr, got, tt.want)
		}
		back := sharedAddressOf(got)
		if back != tt.addr {
			t.Errorf("%s read back as %+v", got, back)
		}
	}
}

// TestRedacted: an address's password never reaches help texts or messages.
func TestRedacted(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://anna:S3cret@db/center":         "postgres://anna:xxxxx@db/center",
		"postgres://anna@db/center":                "postgres://anna@db/center",
		"/home/anna/cases.db":                      "/home/anna/cases.db",
		"postgresql://a:b@/c?host=/run/postgresql": "postgresql://a:xxxxx@/c?host=/run/postgresql",
	} {
		if got := redacted(in); got != want {
			t.Errorf("redacted(%q) = %q, want %q", in, got, want)
		}
	}
	t.Setenv("RECOVERYDESK_DB", "postgres://anna:S3cret@/nowhere?host=/nonexistent")
	var out, errb strings.Builder
	run([]string{"list", "--help"}, strings.NewReader(""), &out, &errb)
	if strings.Contains(out.String()+errb.String(), "S3cret") {
		t.Errorf("the help shows the password: %s", out.String()+errb.String())
	}
}
