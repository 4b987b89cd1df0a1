package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"recoverydesk/casefile"
)

// A restore cannot replace the database the app has open, so the window records the checked
// backup here and the next start restores it before opening the store.
func pendingRestorePath(db string) string { return db + ".restore-pending" }

// CheckBackup proves a backup file is usable (see the package function of the same name).
func (s *Store) CheckBackup(ctx context.Context, path string) error { return CheckBackup(ctx, path) }

// ScheduleRestore checks a backup and marks it to replace the database at the next start.
func (s *Store) ScheduleRestore(ctx context.Context, backup string) error {
	if err := CheckBackup(ctx, backup); err != nil {
		return err
	}
	return os.WriteFile(pendingRestorePath(s.path), []byte(backup), 0o600)
}

// ErrNotDamaged: the database a restore was to replace opens fine now.
var ErrNotDamaged = casefile.Classify(casefile.ErrNotDamaged, errors.New("the database is no longer damaged (it was restored or mended meanwhile), so nothing was replaced; start RecoveryDesk again"))

// restoredPath is where a restore done before the desk could open (the database was damaged)
// leaves what it did, for the next start to say.
func restoredPath(db string) string { return db + ".restored" }

// RestoreDamaged restores a backup over a database that could not be opened, at once, and
// leaves a note of it that the next start's RestorePending reports like a scheduled restore.
func RestoreDamaged(ctx context.Context, db, backup string) error {
	// A window left open since the database was found damaged must not put an old backup over
	// one that was restored or mended meanwhile and worked in since.
	if CheckBackup(ctx, db) == nil {
		return ErrNotDamaged
	}
	keptAside, err := Restore(ctx, db, backup)
	if err != nil {
		return err
	}
	os.WriteFile(restoredPath(db), []byte(backup+"\n"+keptAside), 0o600) // only the message depends on it
	return nil
}

// RestorePending carries out a restore scheduled by the window, before the store is opened,
// or reports one RestoreDamaged did. It returns the backup restored and where the replaced
// database was kept; both empty when nothing was pending.
func RestorePending(ctx context.Context, db string) (backup, keptAside string, err error) {
	if raw, err := os.ReadFile(restoredPath(db)); err == nil {
		os.Remove(restoredPath(db))
		backup, keptAside, _ = strings.Cut(string(raw), "\n")
		return backup, keptAside, nil
	}
	marker := pendingRestorePath(db)
	raw, err := os.ReadFile(marker)
	if errors.Is(err, os.ErrNotExist) {
		return "", "", nil
	}
	if err != nil {
		return "", "", err
	}
	os.Remove(marker) // once, whatever happens: a failing restore must not block every start
	backup = strings.TrimSpace(string(raw))
	keptAside, err = Restore(ctx, db, backup)
	if err != nil {
		return backup, "", fmt.Errorf("restore %s: %w", backup, err)
	}
	return backup, keptAside, nil
}
