package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"

	"recoverydesk/casefile"
)

// schemaObject is one entry of sqlite_master: a table, index, trigger or view with its SQL.
type schemaObject struct {
	kind, name, sql string
}

// expected holds, per schema version, what the migrations produce: the reference a database is
// held against, built once in memory from the embedded migrations themselves.
var expected = struct {
	sync.Mutex
	byVersion map[int]map[string]schemaObject
}{byVersion: map[int]map[string]schemaObject{}}

func expectedSchema(ctx context.Context, version int) (map[string]schemaObject, error) {
	expected.Lock()
	defer expected.Unlock()
	if s, ok := expected.byVersion[version]; ok {
		return s, nil
	}
	db, err := sql.Open("sqlite3", "file::memory:?_fk=1")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if err := migrateTo(ctx, db, version); err != nil {
		return nil, err
	}
	s, err := readSchema(ctx, db)
	if err != nil {
		return nil, err
	}
	expected.byVersion[version] = s
	return s, nil
}

// readSchema lists a database's own objects, SQLite's internal ones left out.
func readSchema(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string]schemaObject, error) {
	rows, err := q.QueryContext(ctx, `SELECT type, name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite\_%' ESCAPE '\'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]schemaObject{}
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			return nil, err
		}
		o.sql = strings.Join(strings.Fields(o.sql), " ")
		out[o.kind+" "+o.name] = o
	}
	return out, rows.Err()
}

// SchemaError says how a database differs from what RecoveryDesk's migrations make of it.
type SchemaError struct {
	Missing, Changed, Extra []string
}

func (e *SchemaError) Error() string {
	var parts []string
	for _, p := range []struct {
		what  string
		names []string
	}{{"missing", e.Missing}, {"changed", e.Changed}, {"not RecoveryDesk's", e.Extra}} {
		if len(p.names) > 0 {
			parts = append(parts, p.what+": "+strings.Join(p.names, ", "))
		}
	}
	return "its structure is not what RecoveryDesk made (" + strings.Join(parts, "; ") + ")"
}

// onlyTriggersOrIndexesMissing tells a difference the app can mend by itself: indexes and
// triggers dropped, every table and column intact.
func (e *SchemaError) onlyTriggersOrIndexesMissing() bool {
	if len(e.Changed) > 0 || len(e.Extra) > 0 {
		return false
	}
	for _, m := range e.Missing {
		if !strings.HasPrefix(m, "trigger ") && !strings.HasPrefix(m, "index ") {
			return false
		}
	}
	return true
}

// compareSchema holds got against want, object by object and word for word.
func compareSchema(got, want map[string]schemaObject) error {
	e := &SchemaError{}
	for k, w := range want {
		g, ok := got[k]
		switch {
		case !ok:
			e.Missing = append(e.Missing, k)
		case g.sql != w.sql:
			e.Changed = append(e.Changed, k)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			e.Extra = append(e.Extra, k)
		}
	}
	if len(e.Missing)+len(e.Changed)+len(e.Extra) == 0 {
		return nil
	}
	sort.Strings(e.Missing)
	sort.Strings(e.Changed)
	sort.Strings(e.Extra)
	return e
}

// checkSchema holds an open database at the given version against the migrations' schema.
func checkSchema(ctx context.Context, db *sql.DB, version int) error {
	want, err := expectedSchema(ctx, version)
	if err != nil {
		return err
	}
	got, err := readSchema(ctx, db)
	if err != nil {
		return err
	}
	return compareSchema(got, want)
}

// reassert puts back the triggers and indexes of the current schema that were dropped from the
// live database, on every open: the history triggers are what makes the history append-only,
// and a database that lost them (by hand, with a SQLite browser) must not stay editable.
// Tables and columns that are missing or changed are not guessed at: the open is refused.
func reassert(ctx context.Context, db *sql.DB) error {
	version := SchemaVersion()
	err := checkSchema(ctx, db, version)
	var se *SchemaError
	if err == nil || !errors.As(err, &se) || !se.onlyTriggersOrIndexesMissing() {
		return err
	}
	want, _ := expectedSchema(ctx, version)
	for _, k := range se.Missing {
		if _, err := db.ExecContext(ctx, want[k].sql); err != nil {
			return fmt.Errorf("put back %s: %w", k, err)
		}
	}
	return nil
}

// refuseForeign looks at an existing file read-only before anything opens it for writing:
// opening in WAL mode alone would rewrite another application's file header.
func refuseForeign(path string) error {
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		return nil // a new database; os.OpenFile reports what else is wrong
	}
	db, err := sql.Open("sqlite3", fileURI(path, "mode=ro"))
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	var version int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return casefile.Classify(casefile.ErrBroken, fmt.Errorf("%s is not a database RecoveryDesk can open: %w", path, err))
	}
	if version != 0 {
		return nil
	}
	return checkForeign(ctx, db)
}

// checkForeign refuses a file that holds another application's tables and no RecoveryDesk
// schema: migrating into it would mix our tables into someone else's data. An empty file is a
// new database.
func checkForeign(ctx context.Context, db *sql.DB) error {
	got, err := readSchema(ctx, db)
	if err != nil {
		return err
	}
	if len(got) == 0 {
		return nil
	}
	var names []string
	for _, o := range got {
		if o.kind == "table" {
			names = append(names, o.name)
		}
	}
	sort.Strings(names)
	if len(names) > 5 {
		names = append(names[:5], "…")
	}
	return casefile.Classify(casefile.ErrForeign, fmt.Errorf("the file is another application's database (tables: %s), not a RecoveryDesk one; RecoveryDesk will not write into it. Choose the RecoveryDesk database, or a new file name", strings.Join(names, ", ")))
}
