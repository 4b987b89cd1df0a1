package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mattn/go-sqlite3"

	"recoverydesk/casefile"
)

// Backup writes a consistent copy of the database to dest with SQLite's online backup, so the
// app and other counters may go on writing meanwhile. The copy is readable by its owner alone.
func (s *Store) Backup(ctx context.Context, dest string) error {
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return err
	}
	tmp := dest + ".partial"
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("cannot write the backup: %w", err)
	}
	f.Close()
	defer os.Remove(tmp)
	destDB, err := sql.Open("sqlite3", "file:"+tmp)
	if err != nil {
		return err
	}
	defer destDB.Close()
	destConn, err := destDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer destConn.Close()
	srcConn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer srcConn.Close()
	err = destConn.Raw(func(d any) error {
		return srcConn.Raw(func(src any) error {
			b, err := d.(*sqlite3.SQLiteConn).Backup("main", src.(*sqlite3.SQLiteConn), "main")
			if err != nil {
				return err
			}
			for {
				done, err := b.Step(256)
				if err != nil {
					b.Finish()
					return err
				}
				if done {
					return b.Finish()
				}
			}
		})
	})
	if err != nil {
		return fmt.Errorf("back up: %w", err)
	}
	destConn.Close()
	destDB.Close()
	return os.Rename(tmp, dest)
}

// CheckBackup opens a file read-only and proves it is a RecoveryDesk database this program can
// use: SQLite's integrity check passes and its schema is one this build knows.
func CheckBackup(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	if fi.Size() == 0 {
		return errors.New("the file is empty")
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&immutable=1")
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
	if version < 1 || version > SchemaVersion() {
		return fmt.Errorf("the file is not a RecoveryDesk database this version can read (schema %d)", version)
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM cases").Scan(&n); err != nil {
		return fmt.Errorf("the file is not a RecoveryDesk database: %v", err)
	}
	return nil
}

// Restore replaces the database at path with a checked backup. The replaced database is kept
// aside (its name says when) and returned. Nothing is touched when the backup fails its check.
// The app must not have the database open.
func Restore(ctx context.Context, path, backup string) (keptAside string, err error) {
	if err := CheckBackup(ctx, backup); err != nil {
		return "", fmt.Errorf("%s was not restored: %w", backup, err)
	}
	if _, err := os.Stat(path); err == nil {
		// Fold the write-ahead log into the file so the copy kept aside is complete.
		if s, err := Open(path); err == nil {
			s.db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
			s.Close()
		}
		keptAside = fmt.Sprintf("%s.replaced-%s", path, casefile.SystemClock().Format("20060102-150405"))
		if err := os.Rename(path, keptAside); err != nil {
			return "", err
		}
		for _, ext := range []string{"-wal", "-shm"} {
			os.Remove(path + ext)
		}
	}
	if err := copyFile(backup, path); err != nil {
		if keptAside != "" {
			os.Rename(keptAside, path)
		}
		return "", err
	}
	return keptAside, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to+".partial", os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
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
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(to+".partial", to)
}

// DailyBackup makes today's backup in dir unless one exists, and keeps the newest keep backups.
// Backups are named after the database ("cases-2026-11-25.db" for cases.db), so that two
// databases in one folder neither overwrite each other's day nor prune each other's backups.
func (s *Store) DailyBackup(ctx context.Context, dir string, keep int) (string, error) {
	prefix := dailyPrefix(s.Path())
	name := filepath.Join(dir, prefix+s.Now().Format("2006-01-02")+".db")
	if _, err := os.Stat(name); err == nil {
		return "", nil
	}
	if err := s.Backup(ctx, name); err != nil {
		return "", err
	}
	old := dailyBackups(dir, prefix)
	sort.Strings(old)
	for len(old) > keep && keep > 0 {
		if !strings.HasSuffix(old[0], ".partial") {
			os.Remove(old[0])
		}
		old = old[1:]
	}
	return name, nil
}
