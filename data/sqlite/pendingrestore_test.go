package sqlite

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"recoverydesk/casefile"
)

func TestScheduledRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.db")
	s, _ := Open(path)
	s.CreateCase(ctx, sampleCase(), "anna")
	backup := filepath.Join(dir, "b.db")
	if err := s.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.CreateCase(ctx, sampleCase(), "anna") // made after the backup
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte("junk"), 0o600)
	if err := s.ScheduleRestore(ctx, junk); err == nil {
		t.Fatal("a junk file was scheduled")
	}
	if err := s.ScheduleRestore(ctx, backup); err != nil {
		t.Fatal(err)
	}
	s.Close()
	from, aside, err := RestorePending(ctx, path)
	if err != nil || from != backup || !strings.Contains(aside, "cases.db.replaced-") {
		t.Fatalf("RestorePending = %q %q, %v", from, aside, err)
	}
	if again, _, _ := RestorePending(ctx, path); again != "" {
		t.Error("the restore ran twice")
	}
	s, _ = Open(path)
	defer s.Close()
	if n, _ := s.Count(ctx, casefile.Query{}); n != 1 {
		t.Errorf("%d cases after restoring a one-case backup", n)
	}
}
