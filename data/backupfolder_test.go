package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestMakeBackupFolder(t *testing.T) {
	root := t.TempDir()
	tests := []struct {
		name      string
		dir       string
		writeIn   string // a file written before undo, keeping its folder; empty: none
		wantAfter []string
		wantGone  []string
	}{
		{"an existing folder stays", root, "", []string{root}, nil},
		{"three new folders go", filepath.Join(root, "a", "b", "c"), "", []string{root}, []string{filepath.Join(root, "a")}},
		{"a folder written into stays", filepath.Join(root, "x", "y"), filepath.Join(root, "x", "keep.txt"),
			[]string{filepath.Join(root, "x")}, []string{filepath.Join(root, "x", "y")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			undo, err := MakeBackupFolder(tt.dir)
			if err != nil {
				t.Fatal(err)
			}
			if fi, err := os.Stat(tt.dir); err != nil || !fi.IsDir() {
				t.Fatalf("%s was not made: %v", tt.dir, err)
			}
			if tt.writeIn != "" {
				os.WriteFile(tt.writeIn, []byte("x"), 0o600)
			}
			undo()
			for _, d := range tt.wantAfter {
				if _, err := os.Stat(d); err != nil {
					t.Errorf("%s is gone", d)
				}
			}
			for _, d := range tt.wantGone {
				if _, err := os.Stat(d); err == nil {
					t.Errorf("%s is left", d)
				}
			}
		})
	}
	// A folder that cannot be made (a file stands in its way) is an error.
	file := filepath.Join(root, "file")
	os.WriteFile(file, nil, 0o600)
	if _, err := MakeBackupFolder(filepath.Join(file, "sub")); err == nil {
		t.Fatal("a folder under a file was made")
	}
}

func TestHideTemp(t *testing.T) {
	tmp, dest := "/backups/.recoverydesk-backup-123.partial", "/backups/monday.db"
	full := &os.PathError{Op: "write", Path: tmp, Err: syscall.ENOSPC}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"no error", nil, ""},
		{"the copy named", full, "write /backups/monday.db: no space left on device"},
		{"named in a message of its own", fmt.Errorf("pg_dump: could not open output file %q", tmp), `pg_dump: could not open output file "/backups/monday.db"`},
		{"not named", errors.New("the server closed the connection"), "the server closed the connection"},
	}
	for _, tt := range tests {
		got := HideTemp(tt.err, tmp, dest)
		if tt.err == nil {
			if got != nil {
				t.Errorf("%s: %v", tt.name, got)
			}
			continue
		}
		if got.Error() != tt.want || !errors.Is(got, tt.err) {
			t.Errorf("%s: %q (wraps the cause: %v), want %q", tt.name, got, errors.Is(got, tt.err), tt.want)
		}
	}
	if !errors.Is(HideTemp(full, tmp, dest), syscall.ENOSPC) {
		t.Error("a full disk is no longer known as one")
	}
}

func TestPlaceBackup_NamesTheBackupAlone(t *testing.T) {
	dir := t.TempDir()
	tmp := filepath.Join(dir, ".recoverydesk-backup-1.partial")
	os.WriteFile(tmp, []byte("copy"), 0o600)
	dest := filepath.Join(dir, "missing", "monday.db")
	err := PlaceBackup(tmp, dest)
	if err == nil || !strings.Contains(err.Error(), dest) || strings.Contains(err.Error(), ".partial") {
		t.Fatalf("%v", err)
	}
	dest = filepath.Join(dir, "monday.db")
	if err := PlaceBackup(tmp, dest); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(dest); string(b) != "copy" {
		t.Errorf("the backup holds %q", b)
	}
}
