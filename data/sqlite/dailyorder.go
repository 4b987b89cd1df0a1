package sqlite

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The daily backups are pruned in the order they were made, which a file beside them records,
// not in the order of the dates in their names: a computer whose clock was set back (a dead
// CMOS battery) names today's backup 2020-01-01, and by name that sorts first and would be the
// first deleted, tomorrow after it. Backups made before the record existed count as older
// than every recorded one, among themselves by name.
//
// Each line is a backup's name, and, once the prune has counted them, a tab and the cases it
// holds, so that no backup is opened again to be counted (see dailyprune.go). A line of a
// name alone, as the file held before the counts, is a backup not counted yet.

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

// backupsInOrder is the daily backups of one database in dir, oldest made first, and the cases
// the order file says each holds, by file name (none for a backup not counted yet).
func backupsInOrder(dir, prefix string) (files []string, cases map[string]int) {
	files = dailyBackups(dir, prefix)
	slices.Sort(files)
	raw, _ := os.ReadFile(orderFile(dir, prefix))
	made, cases := map[string]int{}, map[string]int{}
	for i, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		name, n := orderLine(line)
		if name == "" {
			continue
		}
		made[name] = i + 1 // a name made again later (a clock back twice) takes its last place
		delete(cases, name)
		if n >= 0 {
			cases[name] = n
		}
	}
	slices.SortStableFunc(files, func(a, b string) int {
		return made[filepath.Base(a)] - made[filepath.Base(b)]
	})
	return files, cases
}

// orderLine reads one line of the order file: a name, and the cases after a tab, or -1 when
// the line holds no count. A backup's name ends in ".db", so a tab inside a database's own name
// is never taken for the count's.
func orderLine(line string) (name string, cases int) {
	if i := strings.LastIndexByte(line, '\t'); i >= 0 {
		if n, err := strconv.Atoi(line[i+1:]); err == nil && n >= 0 {
			return line[:i], n
		}
	}
	return line, -1
}

// writeOrder replaces the order file with files, in their order, each with its count of cases
// where it is known (not -1).
func writeOrder(dir, prefix string, files []string, cases []int) {
	var b strings.Builder
	for i, f := range files {
		b.WriteString(filepath.Base(f))
		if cases[i] >= 0 {
			b.WriteString("\t" + strconv.Itoa(cases[i]))
		}
		b.WriteString("\n")
	}
	tmp := orderFile(dir, prefix) + ".tmp"
	if os.WriteFile(tmp, []byte(b.String()), 0o600) == nil {
		os.Rename(tmp, orderFile(dir, prefix))
	}
}
