package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
)

// Pruning by count alone can delete the last copies of the real cases. A database emptied or
// replaced by mistake makes no backups while it is empty, but once someone types one case into
// it, its one-case backups resume, and a fortnight later they have pushed out every backup of
// the cases that were lost. So the prune keeps, beyond the count, the one backup it was about
// to delete that holds more cases than any it keeps (the newest kept one is the database as it
// is now): a mistake noticed weeks later can still be undone. Of several such, the one holding
// the most cases stays, the newest of them on a tie, and the others go: never more than one
// backup beyond the count. It goes too once a kept backup holds as many cases. The app deletes
// no case, so a database that only grows never has a backup kept beyond the count; one put
// back from an older backup does, and keeps the newer cases it lost within reach as well.

// pruneBackups deletes the oldest daily backups beyond keep, but for the one that alone holds
// the most cases, and records the rest in their order with their cases.
func pruneBackups(ctx context.Context, dir, prefix string, keep int) {
	files, recorded := backupsInOrder(dir, prefix)
	cases := make([]int, len(files))
	counted := make([]bool, len(files)) // counted now, not read from the record
	count := func(i int) { cases[i], counted[i] = backupCases(ctx, files[i]), true }
	for i, f := range files {
		if n, ok := recorded[filepath.Base(f)]; ok {
			cases[i] = n
		} else {
			count(i)
		}
	}
	cut := 0
	if keep > 0 && len(files) > keep {
		cut = len(files) - keep
	}
	// A file may have been damaged since it was counted: the backups the choice rests on are
	// counted again before anything goes, and the choice made again without those that fail.
	// They are two at most, and usually today's, counted just now, is one of them.
	spare := largestBeyond(cases[:cut], cases[cut:])
	for again := true; again; {
		again = false
		for _, i := range reliedOn(cases, cut, spare) {
			if !counted[i] {
				count(i)
				again = true
			}
		}
		spare = largestBeyond(cases[:cut], cases[cut:])
	}
	if ctx.Err() != nil {
		return // a count cut short is no reason to let a backup go; the next start prunes
	}
	var leftFiles []string
	var leftCases []int
	for i, f := range files {
		if i < cut && i != spare {
			os.Remove(f)
			continue
		}
		leftFiles = append(leftFiles, f)
		leftCases = append(leftCases, cases[i])
	}
	writeOrder(dir, prefix, leftFiles, leftCases)
}

// reliedOn is the backups whose counts the prune's choice rests on: the one kept beyond the
// count for its cases (spare, -1 for none), and, when some are to go, the newest of the kept
// ones holding the most cases, which lets them go.
func reliedOn(cases []int, cut, spare int) []int {
	var out []int
	if spare >= 0 {
		out = append(out, spare)
	}
	if cut == 0 {
		return out
	}
	top := -1
	for i := cut; i < len(cases); i++ {
		if cases[i] > 0 && (top < 0 || cases[i] >= cases[top]) {
			top = i
		}
	}
	if top >= 0 {
		out = append(out, top)
	}
	return out
}

// largestBeyond picks, of the backups about to go (oldest first), the one to keep anyway: the
// newest of those holding the most cases, when that is more than every kept backup holds. It
// is -1 when none is, and a backup that holds no case, or could not be counted (-1), never is.
func largestBeyond(going, kept []int) int {
	most := 0
	for _, n := range kept {
		most = max(most, n)
	}
	spare := -1
	for i, n := range going {
		if n > most && (spare < 0 || n >= going[spare]) {
			spare = i
		}
	}
	return spare
}

// backupCases counts the cases in the daily backup at path, opened read-only as CheckBackup
// opens one. It is -1 when the file cannot be read as a RecoveryDesk database (damaged,
// another file under a backup's name, gone), so that such a file is pruned like any other and
// does not stop the prune. It counts without CheckBackup's integrity check, which reads every
// page (gigabytes of photos at a busy counter) each start; a restore runs that check first.
func backupCases(ctx context.Context, path string) int {
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro&immutable=1"))
	if err != nil {
		return -1
	}
	defer db.Close()
	var n int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM cases").Scan(&n); err != nil {
		return -1
	}
	return n
}
