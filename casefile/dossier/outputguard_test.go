package dossier

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestSaveDocument_RefusesWhatItMustNotReplace(t *testing.T) {
	dir := t.TempDir()
	put := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	db := put("cases.db", append([]byte("SQLite format 3\x00"), make([]byte, 84)...))
	put("cases.db-shm", make([]byte, 32))
	put("cases.db.lock", nil)
	wal := put("other-wal", []byte{0x37, 0x7f, 0x06, 0x82, 0, 0, 0, 0})
	notes := put("notes.txt", []byte("ключи от сейфа у Анны"))
	old := put("old.pdf", []byte("%PDF-1.4 an older dossier"))
	photo := put("photo.jpg", []byte{0xff, 0xd8, 0xff, 0xe0, 0, 0x10})
	empty := put("empty.pdf", nil)
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o700)
	link := filepath.Join(dir, "link.pdf")
	mklink := os.Symlink
	if runtime.GOOS == "windows" {
		// Windows lets only administrators make symbolic links; a hard link is the same file
		// under a second name, which any user can make on NTFS.
		mklink = os.Link
	}
	if err := mklink(db, link); err != nil {
		t.Fatal(err)
	}
	pdf := []byte("%PDF-1.7 new")
	csv := []byte("number,status\n")
	type saveTest struct {
		name      string
		path      string
		content   []byte
		force     bool
		refused   bool
		forceable bool
	}
	tests := []saveTest{
		{"the database", db, pdf, false, true, false},
		{"the database, even with force", db, pdf, true, true, false},
		{"a link to the database", link, pdf, true, true, false},
		{"the database's shared-memory index", db + "-shm", csv, true, true, false},
		{"the database's lock file", db + ".lock", csv, true, true, false},
		{"a write-ahead log", wal, csv, true, true, false},
		{"a folder", folder, pdf, true, true, false},
		{"notes replaced by a PDF", notes, pdf, false, true, true},
		{"notes replaced by a PDF on purpose", notes, pdf, true, false, false},
		{"a photo replaced by a report", photo, csv, false, true, true},
		{"an older dossier", old, pdf, false, false, false},
		{"an empty file", empty, pdf, false, false, false},
		{"a new file", filepath.Join(dir, "new.pdf"), pdf, false, false, false},
	}
	for _, p := range notFiles(t, dir) {
		tests = append(tests, saveTest{"not a file: " + filepath.Base(p), p, pdf, true, true, false})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before []byte
			if fi, err := os.Stat(tt.path); err == nil && fi.Mode().IsRegular() {
				before, _ = os.ReadFile(tt.path)
			}
			err := SaveDocument(tt.path, tt.content, tt.force)
			var r *OutputRefusedError
			if tt.refused != errors.As(err, &r) {
				t.Fatalf("refused = %v (%v), want %v", err != nil, err, tt.refused)
			}
			if !tt.refused {
				if got, _ := os.ReadFile(tt.path); string(got) != string(tt.content) {
					t.Fatalf("wrote %q", got)
				}
				return
			}
			if r.Forceable != tt.forceable {
				t.Errorf("forceable = %v, want %v (%v)", r.Forceable, tt.forceable, err)
			}
			if fi, _ := os.Stat(tt.path); fi.Mode().IsRegular() {
				if after, _ := os.ReadFile(tt.path); string(after) != string(before) {
					t.Errorf("%s changed although the write was refused", tt.path)
				}
			}
		})
	}
	if got, _ := os.ReadFile(db); string(got[:16]) != "SQLite format 3\x00" {
		t.Error("the database was replaced")
	}
}
