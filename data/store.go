// Package data is the store's contract: the interfaces the window and the commands use, the
// domain's errors, and Open, which picks an engine from the address it is given. The engines
// live beside it (data/sqlite, and a shared one for a team) and register themselves here, so
// that this package links none of them and callers choose which to build in.
package data

import (
	"context"
	"errors"
	"time"

	"recoverydesk/casefile"
)

// Store is an open case database, whatever the engine. It is safe for concurrent use.
type Store interface {
	Search(ctx context.Context, q casefile.Query) ([]casefile.Summary, error)
	Count(ctx context.Context, q casefile.Query) (int, error)
	Case(ctx context.Context, number string) (*casefile.Case, error)
	CasesWithIMEI(ctx context.Context, imei, exceptNumber string) ([]casefile.Summary, error)
	CreateCase(ctx context.Context, c *casefile.Case, operator string) error
	// ImportCases creates every case or none.
	ImportCases(ctx context.Context, cs []*casefile.Case, operator string) error
	// SeedCases stores demo cases as given, with their own dates and history.
	SeedCases(ctx context.Context, cs []*casefile.Case) error
	SaveCase(ctx context.Context, c *casefile.Case, operator string) error
	ChangeStatus(ctx context.Context, number string, to casefile.Status, note string, details map[string]string, operator string) (*casefile.Case, error)
	RecordEvent(ctx context.Context, number string, e casefile.Event) error

	AddAttachment(ctx context.Context, number string, a *casefile.Attachment, operator string) error
	RemoveAttachment(ctx context.Context, number string, attachmentID int64, note, operator string) error
	AttachmentData(ctx context.Context, attachmentID int64) (data, rendition []byte, err error)

	Settings(ctx context.Context) (casefile.Settings, error)
	SaveSettings(ctx context.Context, s casefile.Settings) error

	// The manager's desk.
	Overview(ctx context.Context, now time.Time, waitingDays, weeks int) (casefile.Overview, error)
	ReportRows(ctx context.Context, f casefile.ReportFilter) ([]casefile.ReportRow, error)
	PurgePreview(ctx context.Context, retention time.Duration) ([]casefile.PurgeItem, error)
	Purge(ctx context.Context, retention time.Duration, operator string) ([]casefile.PurgeItem, error)
	Audit(ctx context.Context, f casefile.AuditFilter) ([]casefile.AuditEntry, error)
	Operators(ctx context.Context) ([]string, error)

	Close() error
}

// Maintenance is what only an engine that keeps its cases in one file can do: copy the file,
// keep daily copies, and swap a backup in at the next start. Callers reach it with a type
// assertion (s.(data.Maintenance)) and say so plainly when the engine has none.
type Maintenance interface {
	// Backup writes a consistent copy of the database to dest.
	Backup(ctx context.Context, dest string) error
	// DailyBackup makes today's copy in dir unless there is one, keeping the newest keep copies
	// and, beyond them, one older copy that holds more cases than they all do.
	DailyBackup(ctx context.Context, dir string, keep int) (string, error)
	// CheckBackup says whether the file at path is a backup this build can restore.
	CheckBackup(ctx context.Context, path string) error
	// ScheduleRestore checks backup and arranges for it to replace the database at the next start.
	ScheduleRestore(ctx context.Context, backup string) error
	// Path is the database file.
	Path() string
}

// Pager is what an engine offers when it finds a typed search's page and how many cases it
// matches (up to q.CountLimit+1, meaning more) in one reading of its index: the list then asks
// once per keystroke instead of counting beside the page.
type Pager interface {
	SearchPage(ctx context.Context, q casefile.Query) ([]casefile.Summary, int, error)
}

// ServerBackup is what a shared database's engine offers in place of Maintenance: a backup
// made by the server's own tools while counters keep working, and putting one back.
type ServerBackup interface {
	// Dump writes a consistent backup of the app's data to dest.
	Dump(ctx context.Context, dest string) error
	// RestoreDump replaces the app's data with the backup at path, after writing the current
	// data to aside; a restore that fails changes nothing.
	RestoreDump(ctx context.Context, path, aside string) error
}

// Errors a caller can act on; the domain's, so that callers need not import an engine.
var (
	ErrNotFound = casefile.ErrNotFound
	ErrConflict = casefile.ErrConflict
	// ErrUnreachable: a shared database's server cannot be reached now; what was typed stays
	// in the form, and the same operation works once the server is back.
	ErrUnreachable = errors.New("the shared database cannot be reached")
)

// Team is what a shared database adds: branches, people with their own logins, and the
// identity the database sees. A counter's own database has none of it.
type Team interface {
	// Identity is who the store is connected as.
	Identity(ctx context.Context) (casefile.Identity, error)
	Branches(ctx context.Context) ([]casefile.Branch, error)
	// SaveBranch adds a branch or changes the details of an existing code.
	SaveBranch(ctx context.Context, b casefile.Branch) error
	// Staff lists everyone ever added, the removed too.
	Staff(ctx context.Context) ([]casefile.Person, error)
	AddStaff(ctx context.Context, p casefile.Person, password string) error
	RemoveStaff(ctx context.Context, login string) error
}

// Adopter is a shared database that takes in the cases of a counter's own database as they
// were there (`recoverydesk migrate`): numbers, dates, history and files, at one branch, all
// or nothing. A number already taken is refused unless renumber; the result maps each old
// number to the one the case has now.
type Adopter interface {
	Adopt(ctx context.Context, cs []*casefile.Case, branch string, renumber bool, operator string) (map[string]string, error)
}

// Watcher is a store that tells about changes other programs make: a shared database, where
// several counters work at once.
type Watcher interface {
	// Watch calls fn with every change committed by another connection until ctx ends; it
	// reconnects by itself when the server goes away for a while.
	Watch(ctx context.Context, fn func(casefile.Change)) error
}
