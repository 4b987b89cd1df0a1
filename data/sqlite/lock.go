package sqlite

import (
	"errors"
	"fmt"
	"os"

	"recoverydesk/casefile"
)

// ErrInUse is returned by Restore while the database is open in a window or a command: a
// restore under a live writer would send its writes into the file being replaced.
var ErrInUse = casefile.Classify(casefile.ErrInUse, errors.New("the database is open in a RecoveryDesk window or command; close it there and try again"))

// errRestoring is what Open says when a restore holds the database.
var errRestoring = casefile.Classify(casefile.ErrInUse, errors.New("the database is being restored from a backup; try again in a moment"))

// lockPath is the file beside the database that every store holds a shared lock on while open
// and a restore holds exclusively. A separate file, because SQLite locks byte ranges of the
// database itself (mandatory locks on Windows) and its locks must not be disturbed.
func lockPath(db string) string { return db + ".lock" }

// lockDatabase takes the database's lock, shared or exclusive, without waiting.
func lockDatabase(db string, exclusive bool) (*os.File, error) {
	f, err := os.OpenFile(lockPath(db), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("cannot lock the database: %w", err)
	}
	if err := lockFile(f, exclusive); err != nil {
		f.Close()
		if errors.Is(err, errLockBusy) {
			if exclusive {
				return nil, ErrInUse
			}
			return nil, errRestoring
		}
		return nil, fmt.Errorf("cannot lock the database: %w", err)
	}
	return f, nil
}
