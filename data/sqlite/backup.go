package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// Backup writes a consistent copy of the database to dest with VACUUM INTO on a reader: one
// read transaction, so the copy is the database as of one commit, while the app and other
// counters go on reading and writing (SQLite's online backup API holds the only writer for the
// whole copy, or starts again whenever another connection writes). The copy is compact and
// readable by its owner alone; it appears under dest only once complete.
func (s *Store) Backup(ctx context.Context, dest string) (err error) {
	// The copy is renamed over dest: never over a device (/dev/null), a link, a folder or the
	// database itself, which would be replaced instead of written into.
	if fi, err := os.Lstat(dest); err == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file (a device, a link or a folder); give the backup a file name of its own", dest)
		}
		if db, err := os.Stat(s.path); err == nil && os.SameFile(fi, db) {
			return fmt.Errorf("%s is the database itself; give the backup a file name of its own", dest)
		}
	}
	undo, err := data.MakeBackupFolder(filepath.Dir(dest))
	if err != nil {
		return fmt.Errorf("cannot write the backup: %w", err)
	}
	defer func() {
		if err != nil {
			undo() // after the copy and its journal are removed: defers run last first
		}
	}()
	// VACUUM INTO fills an empty file it finds, keeping its owner-only mode. A short name of
	// its own: the backup's name may already be as long as a name can be.
	f, err := os.CreateTemp(filepath.Dir(dest), ".recoverydesk-backup-*.partial")
	if err != nil {
		return fmt.Errorf("cannot write the backup: %w", err)
	}
	tmp := f.Name()
	f.Close()
	defer func() { err = data.HideTemp(err, tmp, dest) }()
	// Neither the copy nor SQLite's journal of it outlives a failed backup.
	defer os.Remove(tmp)
	defer os.Remove(tmp + "-journal")
	if _, err := s.rdb.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	// The copy is on disk before its name says it is a backup.
	// Opened for writing: Windows flushes only a handle that may write (FlushFileBuffers).
	if f, err := os.OpenFile(tmp, os.O_RDWR, 0); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("back up: %w", err)
		}
	}
	return data.PlaceBackup(tmp, dest)
}

// CheckBackup opens a file read-only and proves it is a RecoveryDesk database this program can
// use: SQLite's integrity check passes, and its tables, columns, indexes and triggers are
// exactly what this build's migrations make at its schema version.
func CheckBackup(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	if fi.Size() == 0 {
		return errors.New("the file is empty")
	}
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro&immutable=1"))
	if err != nil {
		return err
	}
	defer db.Close()
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil {
		return fmt.Errorf("the file is not a readable database (%v)", err)
	}
	if check != "ok" {
		return fmt.Errorf("the database is damaged: %s", check)
	}
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > SchemaVersion() {
		return casefile.Classify(casefile.ErrNewer, fmt.Errorf("the file was written by a newer RecoveryDesk (schema %d, this one knows %d)", version, SchemaVersion()))
	}
	if version < 1 {
		return fmt.Errorf("the file is not a RecoveryDesk database this version can read (schema %d)", version)
	}
	if err := checkSchema(ctx, db, version); err != nil {
		return fmt.Errorf("the file is not a usable RecoveryDesk database: %w", err)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM cases").Scan(&n); err != nil {
		return fmt.Errorf("the file is not a RecoveryDesk database: %v", err)
	}
	return nil
}

// Restore replaces the database at path with a checked backup, so that at every instant either
// the old or the new database is complete under path: the backup is copied beside the database
// and checked again there, the old database is linked (or copied) aside under a name no other
// restore uses, and only then is the copy renamed over it. It refuses while a window or a
// command has the database open (ErrInUse). Nothing is touched when the backup fails a check.
func Restore(ctx context.Context, path, backup string) (keptAside string, err error) {
	if err := CheckBackup(ctx, backup); err != nil {
		return "", fmt.Errorf("%s was not restored: %w", backup, err)
	}
	lock, err := lockDatabase(path, true)
	if err != nil {
		return "", err
	}
	defer lock.Close()
	// A restore killed half-way leaves its copy behind; the lock says no restore runs now.
	for _, pattern := range []string{path + ".restoring-*", path + "-wal.restoring-*"} {
		stale, _ := filepath.Glob(pattern)
		for _, f := range stale {
			os.Remove(f)
		}
	}
	tmp, err := copyBeside(backup, path)
	if err != nil {
		return "", fmt.Errorf("%s was not restored: %w", backup, err)
	}
	defer os.Remove(tmp)
	if err := CheckBackup(ctx, tmp); err != nil {
		return "", fmt.Errorf("%s was not restored: its copy failed the check: %w", backup, err)
	}
	if _, err := os.Stat(path); err == nil {
		// Fold the write-ahead log into the file, so that the copy kept aside is complete and
		// the log left behind is empty; nobody else has the database open (the lock says so).
		// The log is copied first: SQLite resets a log it cannot use while it tries to fold it in.
		logCopy, err := copyLog(path)
		if err != nil {
			return "", fmt.Errorf("the current database could not be prepared for the restore: %w", err)
		}
		if logCopy != "" {
			defer os.Remove(logCopy)
		}
		damaged := false
		if err := checkpoint(ctx, path); err != nil {
			if errors.Is(err, ErrInUse) || ctx.Err() != nil {
				return "", fmt.Errorf("the current database could not be prepared for the restore: %w", err)
			}
			// A damaged database, the very one a restore is for, cannot fold its log in: it
			// is kept aside as it is, its log beside it, so that nothing a specialist might
			// still read from them is lost.
			damaged = true
		}
		if keptAside, err = keepAside(path); err != nil {
			return "", err
		}
		if damaged && logCopy != "" {
			if err := os.Rename(logCopy, keptAside+"-wal"); err != nil {
				return "", fmt.Errorf("the damaged database's log could not be kept aside: %w", err)
			}
		}
		for _, ext := range []string{"-wal", "-shm"} {
			if err := os.Remove(path + ext); err != nil && !errors.Is(err, os.ErrNotExist) {
				return "", err
			}
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", err
	}
	syncDir(filepath.Dir(path))
	return keptAside, nil
}

// copyLog copies the database's write-ahead log, when it has one that is not empty, into a new
// owner-only file beside it, and returns its name ("" when there is no log to copy).
func copyLog(path string) (string, error) {
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		return "", nil
	}
	return copyBeside(path+"-wal", path+"-wal")
}

// checkpoint empties the database's write-ahead log into the file.
func checkpoint(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", fileURI(path, "_busy_timeout=10000"))
	if err != nil {
		return err
	}
	defer db.Close()
	var busy, logged, moved int
	if err := db.QueryRowContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)").Scan(&busy, &logged, &moved); err != nil {
		return err
	}
	if busy != 0 {
		return ErrInUse
	}
	return nil
}

// keepAside keeps the database at path under a name that says when it was replaced and that no
// other restore can take: a second restore within the same second gets "-2", and so on. A hard
// link costs nothing and leaves path in place; where links are impossible the file is copied.
func keepAside(path string) (string, error) {
	stamp := fmt.Sprintf("%s.replaced-%s", path, casefile.SystemClock().Format("20060102-150405"))
	for i := 1; i < 1000; i++ {
		name := stamp
		if i > 1 {
			name = fmt.Sprintf("%s-%d", stamp, i)
		}
		if _, err := os.Lstat(name); err == nil {
			continue
		}
		err := os.Link(path, name)
		if err == nil {
			return name, nil
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err := copyExclusive(path, name); err != nil {
			if errors.Is(err, os.ErrExist) {
				continue
			}
			return "", fmt.Errorf("the current database could not be kept aside: %w", err)
		}
		return name, nil
	}
	return "", errors.New("the current database could not be kept aside: too many restores in one second")
}

// copyBeside copies from into a new owner-only file in to's folder and syncs it, so that a
// rename can put it in place of to.
func copyBeside(from, to string) (string, error) {
	in, err := os.Open(from)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(filepath.Dir(to), filepath.Base(to)+".restoring-*")
	if err != nil {
		return "", err
	}
	if err := fillAndSync(out, in); err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

// copyExclusive copies from to a file named to that must not exist yet.
func copyExclusive(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if err := fillAndSync(out, in); err != nil {
		os.Remove(to)
		return err
	}
	return nil
}

func fillAndSync(out *os.File, in io.Reader) error {
	if err := out.Chmod(0o600); err != nil {
		out.Close()
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// syncDir makes a rename in dir durable across a power cut where the system allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// DailyBackup makes today's backup in dir unless one exists, and keeps the newest keep backups,
// and beyond them one older backup when it holds more cases than all of them (pruneBackups says
// why). Backups are named after the database ("cases-2026-11-25.db" for cases.db), so that two
// databases in one folder neither overwrite each other's day nor prune each other's backups.
func (s *Store) DailyBackup(ctx context.Context, dir string, keep int) (string, error) {
	prefix := dailyPrefix(s.Path())
	name := filepath.Join(dir, prefix+s.Now().Format("2006-01-02")+".db")
	if _, err := os.Stat(name); err == nil {
		return "", nil
	}
	// A database without a single case (emptied, replaced, or new) has nothing to keep, and its
	// backups, kept by count, would push the real ones out day after day.
	var any bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM cases)`).Scan(&any); err != nil {
		return "", err
	}
	if !any {
		return "", nil
	}
	if err := s.Backup(ctx, name); err != nil {
		return "", err
	}
	if err := recordBackup(dir, prefix, name); err != nil {
		return name, err
	}
	pruneBackups(ctx, dir, prefix, keep)
	return name, nil
}

// DailyBackups lists this database's own daily backups in dir, oldest first.
func (s *Store) DailyBackups(dir string) []string { return dailyBackups(dir, dailyPrefix(s.Path())) }
