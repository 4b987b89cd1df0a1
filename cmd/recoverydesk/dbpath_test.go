package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestCLI_MistypedDatabasePathIsRefused: a --db path that names no database is refused and
// nothing is created, unless --create asks for a new one.
func TestCLI_MistypedDatabasePathIsRefused(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "branchh", "cases.db")
	for _, args := range [][]string{{"list"}, {"import", filepath.Join("..", "..", "docs", "import-example", "case.json")}, {"settings", "technician=Анна"}} {
		var out, errb bytes.Buffer
		code := run(append(args, "--db", typo), strings.NewReader(""), &out, &errb)
		if code != exitRefused || !strings.Contains(errb.String(), "--create") {
			t.Errorf("%s on a missing database: %d %q", args[0], code, errb.String())
		}
		if _, err := os.Stat(filepath.Dir(typo)); err == nil {
			t.Fatalf("%s created the mistyped folder", args[0])
		}
	}
	var out, errb bytes.Buffer
	if code := run([]string{"list", "--db", typo, "--create"}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Fatalf("--create: %s", errb.String())
	}
	if fi, err := os.Stat(typo); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("--create made %v, %v", fi, err)
	}
	foreign := filepath.Join(dir, "contacts.db")
	os.WriteFile(foreign, nil, 0o600)
	if code := run([]string{"list", "--db", foreign}, strings.NewReader(""), &out, &errb); code != exitOK {
		t.Errorf("an existing empty file is a new database: %s", errb.String())
	}
}

// TestCLI_OptionsBeforeTheCommand: the common options may come before the command, as people
// type them, for every command; and the window, started without a screen, says so instead of
// crashing.
func TestCLI_OptionsBeforeTheCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	for _, args := range [][]string{
		{"--db", db, "--create", "list"},
		{"--db", db, "--operator", "Анна", "import", filepath.Join("..", "..", "docs", "import-example", "case.json")},
		{"--db", db, "settings", "technician=Анна"},
		{"--operator", "Анна", "--db", db, "list", "--status", "intake"},
		{"--db", db, "branch", "list"},
	} {
		var out, errb bytes.Buffer
		code := run(args, strings.NewReader(""), &out, &errb)
		want := exitOK
		if args[2] == "branch" {
			want = exitRefused // a counter's file has no branches, and says so
		}
		if code != want || strings.Contains(errb.String(), "Usage") {
			t.Errorf("%v: exit %d: %s", args, code, errb.String())
		}
	}
	// A mistyped command after the options is a mistyped command, not the window.
	var o, e bytes.Buffer
	if code := run([]string{"--db", db, "lsit"}, strings.NewReader(""), &o, &e); code != exitUsage || !strings.Contains(e.String(), `unknown command "lsit"`) {
		t.Errorf("--db X lsit: exit %d: %s", code, e.String())
	}
	if runtime.GOOS == "windows" {
		return // every Windows session has its desktop; what follows is about X11's DISPLAY
	}
	t.Setenv("WAYLAND_DISPLAY", "")
	for _, display := range []string{"", ":987", "nohost.invalid:0", "garbage"} {
		t.Setenv("DISPLAY", display)
		var out, errb bytes.Buffer
		if code := run([]string{"--db", db}, strings.NewReader(""), &out, &errb); code != exitRefused || !strings.Contains(errb.String(), "graphical session") {
			t.Errorf("the window with DISPLAY=%q: exit %d: %s", display, code, errb.String())
		}
	}
}
