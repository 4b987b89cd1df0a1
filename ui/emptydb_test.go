package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
	"recoverydesk/data/sqlite"
)

// TestStart_EmptyDatabaseBesideBackups: a database without a case, whose backups folder holds
// backups of its own, was emptied or replaced: the desk says so and where the way back is. A new
// counter, with no backups yet or beside another database's, is not warned.
func TestStart_EmptyDatabaseBesideBackups(t *testing.T) {
	for _, tt := range []struct {
		name   string
		backup string // a file in the backups folder, or none
		warned bool
	}{
		{"emptied, its backups beside it", "cases-2026-11-26.db", true},
		{"a new counter", "", false},
		{"a new database beside another one's backups", "branch-2026-11-26.db", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.backup != "" {
				os.MkdirAll(filepath.Join(dir, "backups"), 0o700)
				os.WriteFile(filepath.Join(dir, "backups", tt.backup), []byte("a backup"), 0o600)
			}
			s, err := sqlite.Open(filepath.Join(dir, "cases.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			set := casefile.DefaultSettings()
			set.Technician = "Анна Котова"
			a := newApp(test.NewTempApp(t), s, Options{Operator: "tester", ExportDir: t.TempDir(), DataDir: dir}, set, true)
			a.dailyBackup() // as the start runs it
			a.WaitIdle()
			said := ""
			if top := a.main.Canvas().Overlays().Top(); top != nil {
				said = plainText(test.RenderObjectToMarkup(top))
			}
			if warned := strings.Contains(said, T("No cases in this database")); warned != tt.warned {
				t.Fatalf("warned %v, want %v: %q", warned, tt.warned, said)
			}
			if entries, _ := os.ReadDir(filepath.Join(dir, "backups")); tt.backup != "" && len(entries) != 1 {
				t.Errorf("the empty database was backed up beside the real one: %d files", len(entries))
			}
		})
	}
}
