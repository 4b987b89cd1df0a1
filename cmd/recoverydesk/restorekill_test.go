package main

import (
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestCrash_RestoreKilledHalfWay kills the real restore at random moments while it copies a
// large backup into place. After every kill the database path holds a complete database, the old
// one or the new one, and the next command works on it.
func TestCrash_RestoreKilledHalfWay(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	importExample(t, db, 1) // two cases
	// Make the restore take long enough to be killed inside it: 15 MB of attachment data.
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE attachments SET data = randomblob(5000000)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	backup := filepath.Join(dir, "backup.db")
	if _, errOut, code := runCLI(t, db, "backup", backup); code != exitOK {
		t.Fatal(errOut)
	}
	// One restore left alone tells how long a restore takes here; the kills fall inside that.
	start := time.Now()
	if _, errOut, code := runCLI(t, db, "restore", backup); code != exitOK {
		t.Fatal(errOut)
	}
	took := time.Since(start) + 50*time.Millisecond // the child process starts, too
	rng := rand.New(rand.NewPCG(7, 11))
	kills, completed := 0, 0
	for i := 0; i < 6; i++ {
		if len(listNumbers(t, db)) == 2 {
			importExample(t, db, 1) // four cases again; the backup has two
		}
		cmd := helper(t, "RECOVERYDESK_HELPER=cli", "RECOVERYDESK_ARGS="+strings.Join([]string{"restore", backup, "--db", db}, "\x1f"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(took))))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			kills++
		}
		cmd.Wait()
		n := len(listNumbers(t, db))
		if n != 2 && n != 4 {
			t.Fatalf("after kill %d the database holds %d cases, neither the old 4 nor the restored 2", i+1, n)
		}
		if n == 2 {
			completed++
		}
	}
	t.Logf("%d restores killed at random moments within %v (%d had finished), the database complete after each", kills, took, completed)
	leftovers, _ := filepath.Glob(db + ".restoring-*")
	if _, _, code := runCLI(t, db, "restore", backup); code != exitOK {
		t.Fatal("a restore after the kills failed")
	}
	if after, _ := filepath.Glob(db + ".restoring-*"); len(after) > 0 {
		t.Errorf("copies of killed restores are left behind: %v (before the last restore: %d)", after, len(leftovers))
	}
	if n := len(listNumbers(t, db)); n != 2 {
		t.Errorf("the final restore left %d cases, want 2", n)
	}
	if fi, err := os.Stat(db); err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("the restored database: %v %v", fi, err)
	}
}

// listNumbers lists the cases in db through the command line, one JSON line each.
func listNumbers(t *testing.T, db string) []string {
	t.Helper()
	out, errOut, code := runCLI(t, db, "list", "--json")
	if code != exitOK {
		t.Fatalf("list: %s", errOut)
	}
	return strings.FieldsFunc(out, func(r rune) bool { return r == '\n' })
}
