package sqlite

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// dailyPrefix is the start of a daily backup's name: the database's own name and a dash.
func dailyPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// dailyBackups lists the daily backups of one database in dir: its prefix, then a date, then
// .db. Matching the date exactly keeps "cases-old-2026-01-01.db" from counting as cases.db's.
func dailyBackups(dir, prefix string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		day, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !strings.HasSuffix(day, ".db") {
			continue
		}
		if _, err := time.Parse("2006-01-02", strings.TrimSuffix(day, ".db")); err != nil {
			continue
		}
		out = append(out, filepath.Join(dir, e.Name()))
	}
	return out
}
