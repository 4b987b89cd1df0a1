package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"

	"recoverydesk/casefile"
)

//go:embed migrations/*.sql
var migrations embed.FS

// schema holds every table of the app, so that pg_dump -n takes exactly the app's data and a
// shared server can host other things beside it.
const schema = "recoverydesk"

// migrate applies, in name order, every embedded migration not yet recorded in
// schema_migrations, each in one transaction with its record. An advisory lock makes two
// counters starting a new build at once apply each step once.
func migrate(ctx context.Context, db *sql.DB) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	// People's logins may not create or alter anything: a database already up to date is only
	// read, and one that needs a step says who can take it.
	var (
		current int
		exists  bool
	)
	err = db.QueryRowContext(ctx, `SELECT to_regclass('`+schema+`.schema_migrations') IS NOT NULL`).Scan(&exists)
	if err == nil && exists {
		err = db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM `+schema+`.schema_migrations`).Scan(&current)
	}
	if err == nil && current == len(names) {
		return nil
	}
	if err == nil && current < len(names) {
		var super bool
		if err := db.QueryRowContext(ctx, `SELECT rolsuper FROM pg_roles WHERE rolname = current_user`).Scan(&super); err == nil && !super {
			return fmt.Errorf("%w: the database is at schema %d and this RecoveryDesk needs %d; open it once with the server's superuser "+
				"(for example postgres://postgres@HOST/DATABASE), which sets up the roles and the security rules, then sign in again", ErrSetup, current, len(names))
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7406120901)`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `CREATE SCHEMA IF NOT EXISTS `+schema); err != nil {
		return fmt.Errorf("create schema %s: %w", schema, err)
	}
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS `+schema+`.schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM `+schema+`.schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if current > len(names) {
		return casefile.Classify(casefile.ErrNewer, fmt.Errorf("the database was written by a newer RecoveryDesk (schema %d, this one knows %d): update the program", current, len(names)))
	}
	for i := current; i < len(names); i++ {
		script, err := migrations.ReadFile(names[i])
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `SET LOCAL search_path TO `+schema+`, public`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(script)); err != nil {
			return fmt.Errorf("apply %s: %w", names[i], err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO `+schema+`.schema_migrations (version, name) VALUES ($1, $2)`, i+1, names[i]); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// ErrSetup means the database needs a schema step that only the server's superuser may take.
var ErrSetup = errors.New("the shared database needs its administrator")

// SchemaVersion is the schema this build writes.
func SchemaVersion() int {
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	return len(names)
}
