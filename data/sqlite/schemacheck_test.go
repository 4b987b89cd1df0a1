package sqlite

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tamper opens a database file raw, as a SQLite browser would, and runs statements on it.
func tamper(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestRestore_RefusesBackupsWithAnotherSchema(t *testing.T) {
	tests := []struct {
		name   string
		stmts  []string
		refuse string
	}{
		{"history triggers dropped", []string{"DROP TRIGGER history_no_update", "DROP TRIGGER history_no_delete"}, "trigger history_no_"},
		{"search table dropped", []string{"DROP TABLE case_search"}, "case_search"},
		{"a column dropped", []string{"ALTER TABLE history DROP COLUMN note"}, "table history"},
		{"an unrelated table added", []string{"CREATE TABLE payroll (name TEXT, salary INT)"}, "payroll"},
		{"an index dropped", []string{"DROP INDEX history_at"}, "index history_at"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, backup := restoreFixture(t)
			tamper(t, backup, tt.stmts...)
			before, _ := os.ReadFile(path)
			_, err := Restore(ctx, path, backup)
			if err == nil || !strings.Contains(err.Error(), tt.refuse) {
				t.Fatalf("restore: %v, want a refusal naming %q", err, tt.refuse)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatal("the refused restore changed the database")
			}
		})
	}
	t.Run("another application's database with a schema version", func(t *testing.T) {
		path, _ := restoreFixture(t)
		other := filepath.Join(t.TempDir(), "other.db")
		tamper(t, other, "CREATE TABLE cases (id INTEGER PRIMARY KEY, x TEXT)", "PRAGMA user_version = 1")
		if _, err := Restore(ctx, path, other); err == nil {
			t.Fatal("restored another application's database")
		}
	})
}

func TestOpen_PutsBackDroppedHistoryTriggers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.CreateCase(ctx, sampleCase(), "anna")
	s.Close()
	tamper(t, path, "DROP TRIGGER history_no_update", "DROP TRIGGER history_no_delete")
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.Exec(`UPDATE history SET note = 'forged'`); err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("the history is editable after the triggers were dropped: %v", err)
	}
	if _, err := s.db.Exec(`DELETE FROM history`); err == nil {
		t.Fatal("the history can be deleted after the triggers were dropped")
	}
}

func TestOpen_RefusesAnotherApplicationsDatabase(t *testing.T) {
	dir := t.TempDir()
	foreign := filepath.Join(dir, "contacts.db")
	tamper(t, foreign, "CREATE TABLE contacts (name TEXT, phone TEXT)", "INSERT INTO contacts VALUES ('Анна', '+7 900')")
	before, _ := os.ReadFile(foreign)
	if s, err := Open(foreign); err == nil {
		s.Close()
		t.Fatal("opened (and migrated into) another application's database")
	} else if !strings.Contains(err.Error(), "contacts") {
		t.Errorf("the refusal does not name what is in the file: %v", err)
	}
	if after, _ := os.ReadFile(foreign); !bytes.Equal(before, after) {
		t.Error("the refused open changed the file")
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	s, err := Open(empty)
	if err != nil {
		t.Fatalf("an empty file is a new database: %v", err)
	}
	s.Close()
	// A database whose tables were changed outside the app is refused, not guessed at.
	tamper(t, empty, "ALTER TABLE cases ADD COLUMN smuggled TEXT")
	if s, err := Open(empty); err == nil {
		s.Close()
		t.Fatal("opened a database whose tables were changed")
	}
}
