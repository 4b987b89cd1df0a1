package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_NoOutputReplacesTheDatabase points every command that writes a document at the live
// database, its journal, a backup and a file of another kind: each is refused, exits 1, and the
// cases are all there afterwards.
func TestCLI_NoOutputReplacesTheDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	nums := importExample(t, db, 1)
	backup := filepath.Join(dir, "backup.db")
	if _, errOut, code := runCLI(t, db, "backup", backup); code != exitOK {
		t.Fatal(errOut)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("the customer's spare key is in drawer 3"), 0o600)
	list := func() string { out, _, _ := runCLI(t, db, "list", "--json"); return out }
	want := list()
	tests := []struct {
		name   string
		args   []string
		refuse string
	}{
		{"export -o the database", []string{"export", nums[0], "-o", db}, "is a database"},
		{"export -o the database with force", []string{"export", nums[0], "-o", db, "--force"}, "is a database"},
		{"export --eml the database", []string{"export", nums[0], "-o", filepath.Join(dir, "d.pdf"), "--eml", db}, "is a database"},
		{"receipt -o the database", []string{"receipt", nums[0], "-o", db}, "is a database"},
		{"report --csv the database", []string{"report", "--csv", db}, "is a database"},
		{"report --csv a backup", []string{"report", "--csv", backup, "--force"}, "is a database"},
		{"report --csv a folder", []string{"report", "--csv", dir}, "not a regular file"},
		{"receipt over notes", []string{"receipt", nums[0], "-o", notes}, "--force"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, db, tt.args...)
			if code != exitRefused || !strings.Contains(errOut, tt.refuse) {
				t.Fatalf("code %d, %q; want a refusal saying %q", code, errOut, tt.refuse)
			}
			if got := list(); got != want {
				t.Fatalf("the cases changed:\n%s\nwant\n%s", got, want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "d.pdf")); err == nil {
		t.Error("a refused e-mail draft left its dossier behind")
	}
	if b, _ := os.ReadFile(notes); !strings.Contains(string(b), "drawer 3") {
		t.Error("the notes were replaced")
	}
	if _, errOut, code := runCLI(t, db, "receipt", nums[0], "-o", notes, "--force"); code != exitOK {
		t.Errorf("--force did not replace the notes: %s", errOut)
	}
}
