// Package postgres keeps RecoveryDesk's cases in a PostgreSQL database that every counter of a
// service center shares: the same schema and behaviour as the SQLite engine, case numbers that
// stay unique while several counters create cases at once, and search through pg_trgm indexes
// on text folded the same way.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/trigram"
)

// Store is an open shared database. It is safe for concurrent use.
type Store struct {
	db   *sql.DB
	host string
	cfg  *pgx.ConnConfig
	// sslParams are the address's TLS settings as written, for pg_dump and pg_restore.
	sslParams map[string]string
	// own holds the backend process ids of the pool's connections (see Watch).
	ownMu sync.Mutex
	own   map[uint32]bool
	// grams are how common each trigram is, for the ordered search (rarest.go).
	grams trigram.Counts
	// Now is the clock; tests replace it to get stable timestamps.
	Now func() time.Time
}

// Errors a caller can act on; the domain's, so that callers need not import the store.
var (
	ErrNotFound = casefile.ErrNotFound
	ErrConflict = casefile.ErrConflict
)

// The engine for postgres:// and postgresql:// addresses.
func init() {
	data.Register("postgres", func(dsn string, o data.Options) (data.Store, error) {
		s, err := OpenAs(dsn, o.Login, o.Password)
		if err != nil {
			return nil, err // never a typed nil inside the interface
		}
		s.Now = o.Now
		return s, nil
	})
}

// The contract, checked at compile time.
var _ data.Store = (*Store)(nil)

// ErrSignIn means the server refused the login itself: a wrong password, a removed person or
// a login it does not know. The window asks for the login and password again.
var ErrSignIn = casefile.ErrSignIn

// ErrLocale means the database's character type cannot fold Cyrillic, so search would miss
// names typed in another case.
var ErrLocale = errors.New("the database cannot fold Cyrillic letters")

// Open connects to the database at dsn (a postgres:// URL; PGHOST, PGUSER, PGPASSWORD,
// ~/.pgpass and sslmode work as with psql), checks that it can fold Cyrillic, and brings its
// schema up to date.
func Open(dsn string) (*Store, error) { return OpenAs(dsn, "", "") }

// OpenAs is Open signed in as login with password, whatever login the address names; an empty
// login keeps the address's (and PGUSER, PGPASSWORD, ~/.pgpass).
func OpenAs(dsn, login, password string) (*Store, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("the shared database address is not valid: %w", err)
	}
	if login != "" {
		cfg.User, cfg.Password = login, password
	}
	cfg.RuntimeParams["search_path"] = schema + ", public"
	// Each search is planned for its own words: a common surname matches thousands of cases
	// and a rare one a handful, and the plan the driver's cached statements would otherwise
	// settle on after five runs fits neither.
	cfg.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	cfg.ConnectTimeout = 10 * time.Second
	s := &Store{host: cfg.Host, cfg: cfg.Copy(), sslParams: sslParamsOf(dsn), Now: casefile.SystemClock, own: map[uint32]bool{}}
	// The server's process ids of this store's own connections, so that Watch does not tell
	// the window about what it did itself.
	s.db = stdlib.OpenDB(*cfg, stdlib.OptionAfterConnect(func(_ context.Context, conn *pgx.Conn) error {
		s.ownMu.Lock()
		s.own[conn.PgConn().PID()] = true
		s.ownMu.Unlock()
		return nil
	}))
	// A counter keeps a few connections; the server is shared by every counter.
	s.db.SetMaxOpenConns(8)
	s.db.SetMaxIdleConns(4)
	s.db.SetConnMaxIdleTime(5 * time.Minute)
	ctx := context.Background()
	if err := s.db.PingContext(ctx); err != nil {
		s.db.Close()
		var pe *pgconn.PgError
		if errors.As(err, &pe) && strings.HasPrefix(pe.Code, "28") {
			// Invalid authorization: a wrong password, a removed person, an unknown login.
			return nil, fmt.Errorf("%w: the shared database at %s refused the login %s (%s); check the login and password, "+
				"or ask the administrator (recoverydesk staff list)", ErrSignIn, s.host, cfg.User, pe.Message)
		}
		if errors.As(err, &pe) && pe.Code == "3D000" {
			// invalid_catalog_name: the server is there, the database is not.
			return nil, fmt.Errorf("the server at %s has no database %q: check the address, or create it as the README says "+
				"(createdb -E UTF8 --locale=C.UTF-8 -T template0 %s, then recoverydesk db init)", s.host, cfg.Database, cfg.Database)
		}
		return nil, s.wrap(err)
	}
	if err := checkLocale(ctx, s.db); err != nil {
		s.db.Close()
		return nil, err
	}
	if err := migrate(ctx, s.db); err != nil {
		s.db.Close()
		return nil, s.wrap(err)
	}
	return s, nil
}

// checkLocale refuses a database whose LC_CTYPE is C or POSIX: lower() leaves Cyrillic as it
// is there and pg_trgm makes no trigrams of it.
func checkLocale(ctx context.Context, db *sql.DB) error {
	var folds bool
	var name, enc string
	if err := db.QueryRowContext(ctx, `SELECT lower('ИВАНОВ') = 'иванов', current_database(), pg_encoding_to_char(encoding)
		FROM pg_database WHERE datname = current_database()`).Scan(&folds, &name, &enc); err != nil {
		return fmt.Errorf("check the database's locale: %w", err)
	}
	if !folds || enc != "UTF8" {
		return fmt.Errorf("%w: database %q was created with encoding %s and a C character type; create it with "+
			"CREATE DATABASE %s ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0 (or an ICU locale)",
			ErrLocale, name, enc, pgx.Identifier{name}.Sanitize())
	}
	return nil
}

// Close closes the connections.
func (s *Store) Close() error { return s.db.Close() }

// Host is the server the store talks to, for messages.
func (s *Store) Host() string { return s.host }

// DB is the connection pool, for the commands that move data in and verify it.
func (s *Store) DB() *sql.DB { return s.db }

// now returns the clock in UTC at millisecond precision, as the SQLite engine stores it.
func (s *Store) now() time.Time { return s.Now().UTC().Truncate(time.Millisecond) }

// utc gives a time read from the database in UTC, as the domain expects.
func utc(t time.Time) time.Time { return t.UTC() }
