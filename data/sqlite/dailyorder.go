package sqlite

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The daily backups are pruned in the order they were made, which a file beside them records,
// not in the order of the dates in their names: a computer whose clock was set back (a dead
// CMOS battery) names today's backup 2020-01-01, and by name that sorts first and would be the
// first deleted, tomorrow after it. Backups made before the record existed count as older
// than every recorded one, among themselves by name.

// orderFile is where the order of one database's daily backups in dir is kept.
func orderFile(dir, prefix string) string { return filepath.Join(dir, "."+prefix+"order") }

// recordBackup notes that the backup at path was just made.
func recordBackup(dir, prefix, path string) error {
	f, err := os.OpenFile(orderFile(dir, prefix), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(filepath.Base(path) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// backupsInOrder is the daily backups of one database in dir, oldest made first.
func backupsInOrder(dir, prefix string) []string {
	files := dailyBackups(dir, prefix)
	slices.Sort(files)
	raw, _ := os.ReadFile(orderFile(dir, prefix))
	made := map[string]int{}
	for i, name := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		if name != "" {
			made[name] = i + 1 // a name made again later (a clock back twice) takes its last place
		}
	}
	slices.SortStableFunc(files, func(a, b string) int {
		return made[filepath.Base(a)] - made[filepath.Base(b)]
	})
	return files
}

// pruneBackups deletes the oldest daily backups beyond keep, and forgets them.
func pruneBackups(dir, prefix string, keep int) {
	files := backupsInOrder(dir, prefix)
	for len(files) > keep && keep > 0 {
		os.Remove(files[0])
		files = files[1:]
	}
	var b strings.Builder
	for _, f := range files {
		b.WriteString(filepath.Base(f) + "\n")
	}
	tmp := orderFile(dir, prefix) + ".tmp"
	if os.WriteFile(tmp, []byte(b.String()), 0o600) == nil {
		os.Rename(tmp, orderFile(dir, prefix))
	}
}
