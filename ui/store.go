package ui

import (
	"context"
	"errors"
	"time"

	"recoverydesk/casefile"
)

// Store is what the screens need from the database. The data package's store satisfies it;
// tests may pass anything else that does.
type Store interface {
	Search(ctx context.Context, q casefile.Query) ([]casefile.Summary, error)
	Count(ctx context.Context, q casefile.Query) (int, error)
	Case(ctx context.Context, number string) (*casefile.Case, error)
	CreateCase(ctx context.Context, c *casefile.Case, operator string) error
	SaveCase(ctx context.Context, c *casefile.Case, operator string) error
	ChangeStatus(ctx context.Context, number string, to casefile.Status, note string, details map[string]string, operator string) (*casefile.Case, error)
	AddAttachment(ctx context.Context, number string, a *casefile.Attachment, operator string) error
	RemoveAttachment(ctx context.Context, number string, attachmentID int64, note, operator string) error
	AttachmentData(ctx context.Context, attachmentID int64) (data, rendition []byte, err error)
	CasesWithIMEI(ctx context.Context, imei, exceptNumber string) ([]casefile.Summary, error)
	RecordEvent(ctx context.Context, number string, e casefile.Event) error
	Settings(ctx context.Context) (casefile.Settings, error)
	SaveSettings(ctx context.Context, s casefile.Settings) error

	// The manager's desk.
	Overview(ctx context.Context, now time.Time, waitingDays, weeks int) (casefile.Overview, error)
	ReportRows(ctx context.Context, f casefile.ReportFilter) ([]casefile.ReportRow, error)
	PurgePreview(ctx context.Context, retention time.Duration) ([]casefile.PurgeItem, error)
	Purge(ctx context.Context, retention time.Duration, operator string) ([]casefile.PurgeItem, error)
	Audit(ctx context.Context, f casefile.AuditFilter) ([]casefile.AuditEntry, error)
	Operators(ctx context.Context) ([]string, error)
}

// Maintainer is what a store that keeps its cases in one file can do besides; the window offers
// backups and restores only when the store has it.
type Maintainer interface {
	Backup(ctx context.Context, dest string) error
	DailyBackup(ctx context.Context, dir string, keep int) (string, error)
	// DailyBackups lists this database's own daily backups in dir (not another database's
	// that shares the folder).
	DailyBackups(dir string) []string
	ScheduleRestore(ctx context.Context, backup string) error
}

// Pager is what a store offers when it finds a typed search's page and how many cases it matches
// (up to q.CountLimit+1) in one reading of its index; the list then asks once per keystroke.
type Pager interface {
	SearchPage(ctx context.Context, q casefile.Query) ([]casefile.Summary, int, error)
}

// ServerBackuper is what a shared database offers in place of Maintainer: a backup made by the
// server's own tools while every counter keeps working. Restoring one replaces every counter's
// cases, so it is the administrator's, at the command line.
type ServerBackuper interface {
	Dump(ctx context.Context, dest string) error
}

// errNoFileBackup explains, in the log only, why a backup was refused: the store is not a file.
var errNoFileBackup = errors.New("the store keeps no file to back up")
