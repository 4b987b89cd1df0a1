package sqlite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"recoverydesk/casefile"
)

// damaged stands, in TestPruneBackups, for a backup whose header was overwritten.
const damaged = -1

// backupsHolding makes backups of a database holding 0, 1, … up to most cases, by count.
func backupsHolding(t *testing.T, most int) []string {
	t.Helper()
	s := newStore(t)
	dir := t.TempDir()
	var out []string
	for n := 0; n <= most; n++ {
		if n > 0 {
			if err := s.CreateCase(ctx, sampleCase(), "anna"); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(dir, fmt.Sprintf("holds-%d.db", n))
		if err := s.Backup(ctx, path); err != nil {
			t.Fatal(err)
		}
		out = append(out, path)
	}
	return out
}

// TestPruneBackups: the prune keeps the newest backups by count, and beyond them the one backup
// that alone holds the most cases, whatever the order file says or lacks and whatever backups
// cannot be read.
func TestPruneBackups(t *testing.T) {
	holding := backupsHolding(t, 3)
	const keep = 3
	for _, tt := range []struct {
		name     string
		cases    []int // what each backup holds, oldest made first (damaged: cannot be read)
		recorded []int // what the order file says each holds (-1: no count); nil: names alone
		noRecord bool  // no order file at all: the backups were made before it existed
		wantLeft []int // the backups left, by place
	}{
		{name: "similar counts: the newest three", cases: []int{2, 2, 2, 2, 2}, wantLeft: []int{2, 3, 4}},
		{name: "growing: the newest three", cases: []int{0, 1, 2, 3, 3}, wantLeft: []int{2, 3, 4}},
		{name: "emptied, then one case typed: the newest real one stays", cases: []int{3, 3, 1, 1, 1}, wantLeft: []int{1, 2, 3, 4}},
		{name: "the same, made before the order file", cases: []int{3, 3, 1, 1, 1}, noRecord: true, wantLeft: []int{1, 2, 3, 4}},
		{name: "the same, its counts recorded", cases: []int{3, 3, 1, 1, 1}, recorded: []int{3, 3, 1, 1, 1}, wantLeft: []int{1, 2, 3, 4}},
		{name: "of several, the one holding the most", cases: []int{3, 2, 1, 1, 1}, wantLeft: []int{0, 2, 3, 4}},
		{name: "never more than one beyond the count", cases: []int{3, 3, 3, 3, 1, 1, 1}, wantLeft: []int{3, 4, 5, 6}},
		{name: "a kept one holds as many", cases: []int{3, 1, 3, 1, 1}, wantLeft: []int{2, 3, 4}},
		{name: "a backup of no case is nothing to keep", cases: []int{0, damaged, damaged, damaged}, wantLeft: []int{1, 2, 3}},
		{name: "a damaged backup among them", cases: []int{3, damaged, 1, 1, 1}, wantLeft: []int{0, 2, 3, 4}},
		{name: "a kept one damaged since it was counted", cases: []int{3, 3, damaged, 1, 1}, recorded: []int{3, 3, 3, 1, 1}, wantLeft: []int{1, 2, 3, 4}},
		{name: "the one to keep damaged since it was counted", cases: []int{3, damaged, 1, 1, 1}, recorded: []int{3, 3, 1, 1, 1}, wantLeft: []int{0, 2, 3, 4}},
		// The record is what spares a backup a daily opening: what it says is believed.
		{name: "recorded counts are not read again", cases: []int{3, 3, 1, 1, 1}, recorded: []int{1, 1, 1, 1, 1}, wantLeft: []int{2, 3, 4}},
		{name: "nothing beyond the count", cases: []int{3, 1, 1}, wantLeft: []int{0, 1, 2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			var names []string
			var order strings.Builder
			for i, n := range tt.cases {
				name := fmt.Sprintf("cases-2026-11-%02d.db", i+1)
				names = append(names, name)
				src := n
				if n == damaged {
					src = 3
				}
				raw, err := os.ReadFile(holding[src])
				if err != nil {
					t.Fatal(err)
				}
				if n == damaged {
					copy(raw, strings.Repeat("damaged ", 13)) // over SQLite's 100-byte header
				}
				if err := os.WriteFile(filepath.Join(dir, name), raw, 0o600); err != nil {
					t.Fatal(err)
				}
				order.WriteString(name)
				if tt.recorded != nil && tt.recorded[i] >= 0 {
					fmt.Fprintf(&order, "\t%d", tt.recorded[i])
				}
				order.WriteString("\n")
			}
			if !tt.noRecord {
				os.WriteFile(orderFile(dir, "cases-"), []byte(order.String()), 0o600)
			}

			pruneBackups(ctx, dir, "cases-", keep)

			files, recorded := backupsInOrder(dir, "cases-")
			var want []string
			for _, i := range tt.wantLeft {
				want = append(want, names[i])
			}
			var got []string
			for _, f := range files {
				got = append(got, filepath.Base(f))
			}
			if !slices.Equal(got, want) {
				t.Fatalf("left %v, want %v", got, want)
			}
			// What is left is recorded in its order with what each holds, or without a count
			// where it cannot be read, to be counted again next time.
			for _, i := range tt.wantLeft {
				n, ok := recorded[names[i]]
				if tt.cases[i] == damaged && ok {
					t.Errorf("%s, damaged, recorded as holding %d", names[i], n)
				}
				if tt.cases[i] != damaged && (!ok || n != tt.cases[i]) {
					t.Errorf("%s recorded as holding %d (%v), holds %d", names[i], n, ok, tt.cases[i])
				}
			}
		})
	}
}

func TestOrderLine(t *testing.T) {
	for _, tt := range []struct {
		line  string
		name  string
		cases int
	}{
		{"cases-2026-11-01.db", "cases-2026-11-01.db", -1}, // as written before the counts
		{"cases-2026-11-01.db\t3000", "cases-2026-11-01.db", 3000},
		{"cases-2026-11-01.db\t0", "cases-2026-11-01.db", 0},
		{"a\tb-2026-11-01.db", "a\tb-2026-11-01.db", -1}, // a tab in the database's own name
		{"a\tb-2026-11-01.db\t7", "a\tb-2026-11-01.db", 7},
		{"cases-2026-11-01.db\t-2", "cases-2026-11-01.db\t-2", -1},
	} {
		if name, n := orderLine(tt.line); name != tt.name || n != tt.cases {
			t.Errorf("orderLine(%q) = %q, %d; want %q, %d", tt.line, name, n, tt.name, tt.cases)
		}
	}
}

// TestStore_DailyBackupKeepsTheRealCasesPastTheCount: a database emptied by mistake, into which
// one case is then typed, is backed up again every day; three weeks later, when the mistake is
// noticed, the last backup of the real cases is still there and restores them. Once the
// database holds as many cases again, that backup goes with the other old ones.
func TestStore_DailyBackupKeepsTheRealCasesPastTheCount(t *testing.T) {
	s, dir, day := dailyStore(t)
	for i := 0; i < 2; i++ {
		s.CreateCase(ctx, sampleCase(), "anna")
	}
	var last string
	for i := 0; i < 5; i++ {
		made, err := s.DailyBackup(ctx, dir, 14)
		if err != nil || made == "" {
			t.Fatalf("day %d: %q, %v", i, made, err)
		}
		last = made
		*day = day.AddDate(0, 0, 1)
	}
	path := s.Path()
	s.Close()
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + "-wal")
	emptied, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	emptied.Now = func() time.Time { return *day }
	emptied.CreateCase(ctx, sampleCase(), "boris")
	for i := 0; i < 20; i++ {
		if made, err := emptied.DailyBackup(ctx, dir, 14); err != nil || made == "" {
			t.Fatalf("day %d after: %q, %v", i, made, err)
		}
		if n := len(dailyBackups(dir, dailyPrefix(path))); n > 15 {
			t.Fatalf("day %d after: %d backups, more than one beyond the 14", i, n)
		}
		*day = day.AddDate(0, 0, 1)
	}
	emptied.Close()
	files, _ := backupsInOrder(dir, dailyPrefix(path))
	if len(files) != 15 || files[0] != last {
		t.Fatalf("kept %v, want %s and the newest 14", files, filepath.Base(last))
	}
	for _, f := range files[1:] {
		if n := backupCases(ctx, f); n != 1 {
			t.Errorf("%s holds %d cases, want the emptied database's 1", filepath.Base(f), n)
		}
	}

	if _, err := Restore(ctx, path, last); err != nil {
		t.Fatal(err)
	}
	restored, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	if n, err := restored.Count(ctx, casefile.Query{}); err != nil || n != 3 {
		t.Fatalf("restored %d cases, %v; want 3", n, err)
	}
	restored.Now = func() time.Time { return *day }
	if _, err := restored.DailyBackup(ctx, dir, 14); err != nil {
		t.Fatal(err)
	}
	if files, _ := backupsInOrder(dir, dailyPrefix(path)); len(files) != 14 || slices.Contains(files, last) {
		t.Errorf("after the restore and a day: %d backups, %s among them: %v", len(files), filepath.Base(last), slices.Contains(files, last))
	}
}

// TestStore_DailyBackupSimilarCountsKeepFourteen: a database that grows slowly, or not at all,
// keeps exactly as many backups as asked, the newest, and nothing beyond.
func TestStore_DailyBackupSimilarCountsKeepFourteen(t *testing.T) {
	s, dir, day := dailyStore(t)
	for i := 0; i < 20; i++ {
		if i%3 == 0 {
			s.CreateCase(ctx, sampleCase(), "anna")
		}
		if made, err := s.DailyBackup(ctx, dir, 14); err != nil || made == "" {
			t.Fatalf("day %d: %q, %v", i, made, err)
		}
		if n := len(dailyBackups(dir, dailyPrefix(s.Path()))); n != min(i+1, 14) {
			t.Fatalf("day %d: %d backups", i, n)
		}
		*day = day.AddDate(0, 0, 1)
	}
	files, _ := backupsInOrder(dir, dailyPrefix(s.Path()))
	if !strings.HasSuffix(files[0], "2026-11-07.db") || !strings.HasSuffix(files[13], "2026-11-20.db") {
		t.Errorf("kept %s … %s, want 2026-11-07 … 2026-11-20", filepath.Base(files[0]), filepath.Base(files[13]))
	}
}

// TestPruneBackups_Cancelled: counts cut short by the app closing say nothing of what a backup
// holds, so nothing goes.
func TestPruneBackups_Cancelled(t *testing.T) {
	holding := backupsHolding(t, 1)
	dir := t.TempDir()
	for i := 1; i <= 5; i++ {
		raw, _ := os.ReadFile(holding[1])
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("cases-2026-11-%02d.db", i)), raw, 0o600)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	pruneBackups(cancelled, dir, "cases-", 3)
	if n := len(dailyBackups(dir, "cases-")); n != 5 {
		t.Errorf("%d backups left of 5", n)
	}
}
