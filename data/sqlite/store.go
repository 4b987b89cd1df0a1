// Package sqlite keeps RecoveryDesk's cases in one SQLite file: schema migrations, one
// transaction per operation, attachments stored with their case, an append-only history,
// and search that folds Cyrillic.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	_ "github.com/mattn/go-sqlite3" // the SQLite driver

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/trigram"
)

// Store is an open case database. It is safe for concurrent use.
type Store struct {
	// db is the one writer: SQLite has one anyway, and a single connection makes every
	// write's transaction simple to reason about.
	db *sql.DB
	// rdb is the pool of readers beside it. In WAL mode a reader sees the last commit and
	// neither waits for the writer nor holds it up, so a long report, a large attachment or a
	// backup of a large database never keeps a window from opening a case or saving one.
	rdb  *sql.DB
	path string
	// lock is held shared while the store is open, so that a restore cannot replace the file
	// under it (see Restore).
	lock *os.File
	// grams are how common each trigram is, for a search of several words (search.go).
	grams trigram.Counts
	// Now is the clock; tests replace it to get stable timestamps.
	Now func() time.Time
}

// Errors a caller can act on; the domain's, so that callers need not import the store.
var (
	ErrNotFound = casefile.ErrNotFound
	ErrConflict = casefile.ErrConflict
)

// The engine for SQLite files, under the name data.EngineFor gives a path.
func init() {
	data.Register("sqlite", func(path string, o data.Options) (data.Store, error) {
		s, err := Open(path)
		if err != nil {
			return nil, err // never a typed nil inside the interface
		}
		s.Now = o.Now
		return s, nil
	})
}

// The contract, checked at compile time.
var (
	_ data.Store       = (*Store)(nil)
	_ data.Maintenance = (*Store)(nil)
)

// Open opens the database at path, creating it (and its folder) readable by the current user
// alone, and brings its schema up to date.
func Open(path string) (*Store, error) {
	if err := refuseNotRegular(path); err != nil {
		return nil, err
	}
	// A file its owner made read-only (an archived counter, a copy to look at) is refused as
	// it is, before anything is made beside it, and never made writable behind the owner's
	// back: the store writes on every open.
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o200 == 0 {
		return nil, casefile.Classify(casefile.ErrReadOnly, fmt.Errorf("the database file %s is read-only; RecoveryDesk writes to it as it opens it: "+
			"%s to work in it, or open a copy to look at it", path, makeWritable))
	}
	// A file that is not ours (a text file, another application's database) is refused before
	// anything is made beside it; open checks again under the lock, where it counts.
	if err := refuseForeign(path); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create the database folder: %w", err)
	}
	// Create the file ourselves so SQLite's own default (0644 under the usual umask) never
	// applies; SQLite gives the -wal and -shm files the database file's permissions.
	lock, err := lockDatabase(path, false)
	if err != nil {
		return nil, err
	}
	s, err := open(path)
	if err != nil {
		lock.Close()
		return nil, err
	}
	s.lock = lock
	return s, nil
}

func open(path string) (*Store, error) {
	if err := refuseNotRegular(path); err != nil {
		return nil, err
	}
	if err := refuseForeign(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the database file: %w", err)
	}
	f.Close()
	// Only the owner may read it: the group's and others' bits go, the owner's stay as they are.
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, fi.Mode().Perm()&0o700); err != nil {
			return nil, fmt.Errorf("restrict the database file: %w", err)
		}
	}
	db, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	// Opened after the migrations, so that no reader ever sees an older schema.
	rdb, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		db.Close()
		return nil, err
	}
	rdb.SetMaxOpenConns(readers)
	rdb.SetMaxIdleConns(readers)
	return &Store{db: db, rdb: rdb, path: path, Now: casefile.SystemClock}, nil
}

// readers is how many reads run at once beside the writer: the list, a case being opened,
// thumbnails and a report or backup, with room to spare.
const readers = 4

// dsn is the connection string of the writer, or of a reader: a reader's transactions start
// deferred, so they never ask for the write lock.
func dsn(path string, writer bool) string {
	v := url.Values{}
	v.Set("_fk", "1")
	v.Set("_journal_mode", "WAL")
	v.Set("_busy_timeout", "10000")
	if writer {
		v.Set("_txlock", "immediate")
	}
	v.Set("_sync", "NORMAL")
	return fileURI(path, v.Encode())
}

// fileURI is the SQLite URI of a file path with its options; the path is escaped, so that a
// '?' or '#' in a folder name is part of the name, not the start of options.
func fileURI(path, query string) string {
	u := "file:" + (&url.URL{Path: path}).EscapedPath()
	if query != "" {
		u += "?" + query
	}
	return u
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database and lets a restore replace it.
func (s *Store) Close() error {
	err := errors.Join(s.rdb.Close(), s.db.Close())
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

// now returns the clock in UTC, at millisecond precision, as stored.
func (s *Store) now() time.Time { return s.Now().UTC().Truncate(time.Millisecond) }

// tsLayout is fixed-width so that text order is time order.
const tsLayout = "2006-01-02T15:04:05.000Z"

func ts(t time.Time) string { return t.UTC().Format(tsLayout) }

func parseTS(s string) time.Time {
	t, _ := time.Parse(tsLayout, s)
	return t
}

// inTx runs fn in one transaction, committed only if fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// refuseNotRegular refuses a database path that is, or links to, something other than a file:
// a device (/dev/null), a pipe or a folder. Opening one would narrow its mode to the owner's
// (a shared device made unusable for everyone else) before SQLite found it is no database.
func refuseNotRegular(path string) error {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().IsRegular() {
		return nil // a new database, or a path whose problem os.OpenFile says
	}
	return casefile.Classify(casefile.ErrNotFile, fmt.Errorf("%s is not a database file (a device, a pipe or a folder): give the database file itself", path))
}
