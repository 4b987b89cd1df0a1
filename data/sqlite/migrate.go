package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"

	"recoverydesk/casefile"
)

//go:embed migrations/*.sql
var migrations embed.FS

// migrate applies, in name order, every embedded migration newer than the database's
// user_version, each in its own transaction together with the version bump, so that a crash
// leaves the schema at a step boundary.
// A file with tables but no schema version is another application's and is refused; a database
// whose tables differ from what the migrations made is refused; dropped triggers and indexes
// are put back.
func migrate(ctx context.Context, db *sql.DB) error {
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current == 0 {
		if err := checkForeign(ctx, db); err != nil {
			return err
		}
	}
	if err := migrateTo(ctx, db, SchemaVersion()); err != nil {
		return err
	}
	if err := reassert(ctx, db); err != nil {
		return casefile.Classify(casefile.ErrBroken, fmt.Errorf("the database cannot be used: %w", err))
	}
	return nil
}

// migrateTo applies the migrations up to version.
func migrateTo(ctx context.Context, db *sql.DB, version int) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var current int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > len(names) {
		return casefile.Classify(casefile.ErrNewer, fmt.Errorf("the database was written by a newer RecoveryDesk (schema %d, this one knows %d): update the program", current, len(names)))
	}
	for i := current; i < version && i < len(names); i++ {
		script, err := migrations.ReadFile(names[i])
		if err != nil {
			return err
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(script)); err != nil {
			tx.Rollback()
			return fmt.Errorf("apply %s: %w", names[i], err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("apply %s: %w", names[i], err)
		}
	}
	return nil
}

// SchemaVersion is the schema this build writes; restore refuses other versions.
func SchemaVersion() int {
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	return len(names)
}
