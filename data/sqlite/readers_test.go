package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"recoverydesk/casefile"
)

// TestStore_ReadsAndWritesGoOnBesideASnapshot: while one reader holds a snapshot open, as a
// backup of a large database does for minutes, the store still opens cases, searches, saves
// and makes another backup. With one connection for everything each of these waited for the
// snapshot to end; the deadline turns such a wait into a failure instead of a hung test.
func TestStore_ReadsAndWritesGoOnBesideASnapshot(t *testing.T) {
	s := newStore(t)
	first := sampleCase()
	if err := s.CreateCase(ctx, first, "anna"); err != nil {
		t.Fatal(err)
	}
	num := first.Number
	snap, err := s.rdb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Rollback()
	var before int
	if err := snap.QueryRow(`SELECT COUNT(*) FROM cases`).Scan(&before); err != nil {
		t.Fatal(err)
	}

	dl, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if _, err := s.Case(dl, num); err != nil {
		t.Fatalf("opening a case beside the snapshot: %v", err)
	}
	if _, err := s.Search(dl, casefile.Query{Text: "Иванов"}); err != nil {
		t.Fatalf("searching beside the snapshot: %v", err)
	}
	c := sampleCase()
	if err := s.CreateCase(dl, c, "boris"); err != nil {
		t.Fatalf("saving beside the snapshot: %v", err)
	}
	second := c.Number
	dest := filepath.Join(t.TempDir(), "backup.db")
	if err := s.Backup(dl, dest); err != nil {
		t.Fatalf("a backup beside the snapshot: %v", err)
	}

	// The snapshot still sees the database as it was; the store and the backup see the save.
	var still int
	snap.QueryRow(`SELECT COUNT(*) FROM cases`).Scan(&still)
	if still != before {
		t.Fatalf("the snapshot moved: %d cases, then %d", before, still)
	}
	if _, err := s.Case(dl, second); err != nil {
		t.Fatalf("the case saved beside the snapshot: %v", err)
	}
	b, err := Open(dest)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.Case(dl, second); err != nil {
		t.Fatalf("the backup lacks the case saved before it began: %v", err)
	}
}

// TestStore_FailedBackupLeavesNothing: a backup that fails after it began (here its context
// is cancelled, as when the window closes) returns the error and leaves no partial copy and
// no journal beside where it was going.
func TestStore_FailedBackupLeavesNothing(t *testing.T) {
	s := newStore(t)
	for range 20 {
		s.CreateCase(ctx, withFiles(sampleCase()), "anna")
	}
	dir := t.TempDir()
	gone, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Backup(gone, filepath.Join(dir, "backup.db")); err == nil {
		t.Fatal("a cancelled backup reported success")
	}
	// Nor the folders it made for itself.
	if err := s.Backup(gone, filepath.Join(dir, "new", "folders", "backup.db")); err == nil {
		t.Fatal("a cancelled backup reported success")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a failed backup left %v", entries)
	}
}
