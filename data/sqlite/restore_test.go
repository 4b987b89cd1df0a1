package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// restoreFixture makes a database with two cases and a backup of it with one.
func restoreFixture(t *testing.T) (path, backup string) {
	t.Helper()
	dir := t.TempDir()
	path = filepath.Join(dir, "cases.db")
	backup = filepath.Join(dir, "backup.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.CreateCase(ctx, sampleCase(), "anna")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.CreateCase(ctx, sampleCase(), "anna")
	s.Close()
	return path, backup
}

func countIn(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	s.db.QueryRow(`SELECT COUNT(*) FROM cases`).Scan(&n)
	return n
}

func TestRestore_RefusedWhileTheDatabaseIsOpen(t *testing.T) {
	path, backup := restoreFixture(t)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(ctx, path, backup); !errors.Is(err, ErrInUse) {
		t.Fatalf("restore under an open store: %v, want ErrInUse", err)
	}
	s.Close()
	if n := countIn(t, path); n != 2 {
		t.Fatalf("the refused restore changed the database: %d cases", n)
	}
	if _, err := Restore(ctx, path, backup); err != nil {
		t.Fatalf("once closed: %v", err)
	}
	if n := countIn(t, path); n != 1 {
		t.Fatalf("restored %d cases, want 1", n)
	}
}

func TestRestore_KeptAsideNamesNeverCollide(t *testing.T) {
	path, backup := restoreFixture(t)
	seen := map[string]bool{}
	for i := 0; i < 4; i++ {
		aside, err := Restore(ctx, path, backup)
		if err != nil {
			t.Fatal(err)
		}
		if seen[aside] {
			t.Fatalf("restore %d kept the old database as %s again", i+1, aside)
		}
		seen[aside] = true
	}
	var first string
	for name := range seen {
		if first == "" || len(name) < len(first) || len(name) == len(first) && name < first {
			first = name
		}
	}
	// The first copy kept aside is the original with two cases: four quick restores did not lose it.
	if err := CheckBackup(ctx, first); err != nil {
		t.Fatal(err)
	}
	if n := countIn(t, first); n != 2 {
		t.Errorf("the original kept aside has %d cases, want 2", n)
	}
	if fi, err := os.Stat(first); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("kept aside: %v %v", fi, err)
	}
}

func TestRestore_PathWithURICharacters(t *testing.T) {
	name, backupName := "branch ?2 #3 %20", "backup?.db"
	if runtime.GOOS == "windows" {
		// A ? is not allowed in a Windows file name.
		name, backupName = "branch #3 %20 &4", "backup#.db"
	}
	dir := filepath.Join(t.TempDir(), name)
	os.Mkdir(dir, 0o700)
	path := filepath.Join(dir, "cases.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.CreateCase(ctx, sampleCase(), "anna")
	backup := filepath.Join(dir, backupName)
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.CreateCase(ctx, sampleCase(), "anna")
	s.Close()
	if _, err := Restore(ctx, path, backup); err != nil {
		t.Fatal(err)
	}
	if n := countIn(t, path); n != 1 {
		t.Errorf("restored %d cases, want 1", n)
	}
	if stray, _ := filepath.Glob(filepath.Join(filepath.Dir(dir), "branch *")); len(stray) != 1 {
		t.Errorf("files were written outside the folder: %v", stray)
	}
}

func TestCreateCase_NumberedInTheCentersYear(t *testing.T) {
	moscow, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	saved := time.Local
	t.Cleanup(func() { time.Local = saved })
	time.Local = moscow
	s := newStore(t)
	s.Now = func() time.Time { return time.Date(2026, 12, 31, 22, 30, 0, 0, time.UTC) } // 01:30 on 1 January in Moscow
	c := sampleCase()
	if err := s.CreateCase(ctx, c, "anna"); err != nil {
		t.Fatal(err)
	}
	if c.Number != "2027-00001" {
		t.Errorf("a case opened at 01:30 on 1 January in Moscow is %s", c.Number)
	}
}

// TestRestore_OverADamagedDatabase: a database whose header is garbage (what makes the window
// offer a restore) is replaced by the backup, and kept aside byte for byte, its write-ahead
// log beside it, rather than refused because its log cannot be folded in.
func TestRestore_OverADamagedDatabase(t *testing.T) {
	path, backup := restoreFixture(t)
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteAt([]byte("garbage garbage!"), 0)
	f.Close()
	os.WriteFile(path+"-wal", []byte("what was in the log"), 0o600)
	damaged, _ := os.ReadFile(path)
	if s, err := Open(path); err == nil {
		s.Close()
		t.Fatal("the damaged file opened")
	}
	if log, _ := os.ReadFile(path + "-wal"); string(log) != "what was in the log" {
		t.Fatalf("the refused open changed the log: %q", log)
	}
	aside, err := Restore(ctx, path, backup)
	if err != nil {
		t.Fatalf("restore over a damaged database: %v", err)
	}
	if n := countIn(t, path); n != 1 {
		t.Fatalf("restored %d cases, want 1", n)
	}
	if kept, _ := os.ReadFile(aside); string(kept) != string(damaged) {
		t.Error("the damaged file was not kept aside as it was")
	}
	if log, _ := os.ReadFile(aside + "-wal"); string(log) != "what was in the log" {
		t.Errorf("the damaged file's log was not kept beside it: %q", log)
	}
}

// TestRestoreDamaged_SaidAtTheNextStart: a restore done from the window that found the database
// damaged is reported by the next start, once, as a scheduled restore is.
func TestRestoreDamaged_SaidAtTheNextStart(t *testing.T) {
	path, backup := restoreFixture(t)
	os.WriteFile(path, []byte("garbage garbage! and more garbage to look like a header"), 0o600)
	if err := RestoreDamaged(ctx, path, backup); err != nil {
		t.Fatal(err)
	}
	from, aside, err := RestorePending(ctx, path)
	if err != nil || from != backup || aside == "" {
		t.Fatalf("the next start says %q %q, %v", from, aside, err)
	}
	if kept, _ := os.ReadFile(aside); !strings.HasPrefix(string(kept), "garbage") {
		t.Error("the damaged file was not kept aside")
	}
	if again, _, _ := RestorePending(ctx, path); again != "" {
		t.Error("the restore was reported twice")
	}
	if n := countIn(t, path); n != 1 {
		t.Fatalf("restored %d cases, want 1", n)
	}
}

// TestRestoreDamaged_NotOverAHealthyDatabase: a second window, left open since the database was
// found damaged, does not put an old backup over the database restored and worked in since.
func TestRestoreDamaged_NotOverAHealthyDatabase(t *testing.T) {
	path, backup := restoreFixture(t)
	if err := RestoreDamaged(ctx, path, backup); !errors.Is(err, ErrNotDamaged) {
		t.Fatalf("a restore over a healthy database: %v", err)
	}
	if n := countIn(t, path); n != 2 {
		t.Fatalf("the healthy database holds %d cases, want its 2", n)
	}
}
