package casefile

import "errors"

// Why a database was not opened, so that a window can say it in the person's language and
// offer the way out that fits (a restore for a damaged file, for instance). An engine keeps its
// own sentence, which names the file or server, and marks it with one of these by Classify.
var (
	// ErrReadOnly: the database file is read-only (an archived counter, a copy to look at).
	ErrReadOnly = errors.New("the database file is read-only")
	// ErrForeign: the file holds another application's tables, not a RecoveryDesk database.
	ErrForeign = errors.New("the file is not a RecoveryDesk database")
	// ErrNotFile: the path is a folder, a device or a pipe, not a file at all.
	ErrNotFile = errors.New("the path is not a file")
	// ErrBroken: the file cannot be read as a database any more, or its schema is beyond
	// repair; a backup is the way back.
	ErrBroken = errors.New("the database is damaged")
	// ErrNewer: a newer RecoveryDesk wrote the database; this one must not touch it.
	ErrNewer = errors.New("the database was written by a newer RecoveryDesk")
	// ErrInUse: another window or command holds the database, or a restore is replacing it.
	ErrInUse = errors.New("the database is in use elsewhere")
	// ErrNotDamaged: a restore meant for a damaged database found it opening fine (restored or
	// mended meanwhile) and replaced nothing.
	ErrNotDamaged = errors.New("the database is no longer damaged")
)

// Classify marks err as being of kind (one of the errors above) while keeping its own words:
// errors.Is(Classify(kind, err), kind) holds, and so does errors.Is for whatever err wraps.
func Classify(kind, err error) error {
	if err == nil {
		return nil
	}
	return &classified{err: err, kind: kind}
}

type classified struct{ err, kind error }

func (c *classified) Error() string   { return c.err.Error() }
func (c *classified) Unwrap() []error { return []error{c.err, c.kind} }
