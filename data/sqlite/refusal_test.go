package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"recoverydesk/casefile"
)

// TestOpen_RefusalsAreClassified: every way a file is refused at open carries its kind, by
// which the window says it in the person's language and offers a restore for a damaged file
// only; the engine's own sentence stays as the details.
func TestOpen_RefusalsAreClassified(t *testing.T) {
	dir := t.TempDir()
	made := func(name string) string {
		path := filepath.Join(dir, name)
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		return path
	}
	for _, tt := range []struct {
		name string
		path func() string
		kind error
	}{
		{"a text file", func() string {
			p := filepath.Join(dir, "notes.db")
			os.WriteFile(p, []byte("this was never a database, but a note of 48 bytes"), 0o600)
			return p
		}, casefile.ErrBroken},
		{"a garbled header", func() string {
			p := made("garbled.db")
			f, _ := os.OpenFile(p, os.O_WRONLY, 0)
			f.WriteAt([]byte("garbage garbage!"), 0)
			f.Close()
			return p
		}, casefile.ErrBroken},
		{"another application's", func() string {
			p := filepath.Join(dir, "contacts.db")
			tamper(t, p, "CREATE TABLE contacts (name TEXT, phone TEXT)")
			return p
		}, casefile.ErrForeign},
		{"a newer RecoveryDesk's", func() string {
			p := made("newer.db")
			tamper(t, p, "PRAGMA user_version = 999")
			return p
		}, casefile.ErrNewer},
		{"a folder", func() string {
			p := filepath.Join(dir, "folder.db")
			os.Mkdir(p, 0o700)
			return p
		}, casefile.ErrNotFile},
		{"read-only", func() string {
			p := made("archive.db")
			os.Chmod(p, 0o400)
			return p
		}, casefile.ErrReadOnly},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(tt.path())
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("%v is not classified as %q", err, tt.kind)
			}
			for _, other := range []error{casefile.ErrBroken, casefile.ErrForeign, casefile.ErrNotFile, casefile.ErrNewer, casefile.ErrReadOnly, casefile.ErrInUse} {
				if other != tt.kind && errors.Is(err, other) {
					t.Errorf("%v is also classified as %q", err, other)
				}
			}
		})
	}
}

// TestOpen_RestoringIsInUse: a database held by a restore is refused as in use, so the window
// says to wait rather than offering to restore again.
func TestOpen_RestoringIsInUse(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.db")
	lock, err := lockDatabase(path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Close()
	if _, err := Open(path); !errors.Is(err, casefile.ErrInUse) {
		t.Fatalf("opening under a restore: %v", err)
	}
}
