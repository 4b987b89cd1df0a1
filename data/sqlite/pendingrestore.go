package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
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

// RestorePending carries out a restore scheduled by the window, before the store is opened.
// It returns the backup restored and where the replaced database was kept; both empty when
// nothing was pending.
func RestorePending(ctx context.Context, db string) (backup, keptAside string, err error) {
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
