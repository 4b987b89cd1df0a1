package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// maxAttempts bounds the retries of a transaction the server aborted to resolve a conflict
// between counters; each retry starts over from the beginning.
const maxAttempts = 8

// inTx runs fn in one transaction, committed only if fn returns nil. A serialization failure or
// a deadlock is retried with fn run again from scratch, so a person never sees one.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.retry(ctx, func() error {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if err := fn(tx); err != nil {
			return err
		}
		return tx.Commit()
	})
}

// inReadTx runs fn in a read-only transaction, so that a case and its history are one snapshot.
func (s *Store) inReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.retry(ctx, func() error {
		tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead})
		if err != nil {
			return err
		}
		defer tx.Rollback()
		return fn(tx)
	})
}

func (s *Store) retry(ctx context.Context, attempt func() error) error {
	var err error
	for i := 0; i < maxAttempts; i++ {
		err = attempt()
		if !retryable(err) {
			break
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i+1) * 10 * time.Millisecond):
		}
	}
	return s.wrap(err)
}

// retryable is a serialization failure (40001) or a deadlock (40P01).
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

// wrap turns a failure to reach the server into data.ErrUnreachable naming the host (and no
// personal data); other errors pass as they are.
func (s *Store) wrap(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" && !errors.Is(err, casefile.ErrForbidden) {
		// The server's own sentence names a table or a policy, never a row's data.
		return fmt.Errorf("%w (the database said: %s); a manager or the administrator can do it", casefile.ErrForbidden, pe.Message)
	}
	if err == nil || !unreachable(err) {
		return err
	}
	return &unreachableError{host: s.host, err: err}
}

// unreachableError is data.ErrUnreachable said once, with the host and what the network
// reported, and what a person can do about it.
type unreachableError struct {
	host string
	err  error
}

func (e *unreachableError) Error() string {
	return fmt.Sprintf("the shared database at %s cannot be reached (%v); check the network, or ask whoever runs the server", e.host, e.err)
}

func (e *unreachableError) Is(target error) bool { return target == data.ErrUnreachable }
func (e *unreachableError) Unwrap() error        { return e.err }

// UnreachableHost names the server that did not answer, for a window that words the message in
// its own language.
func (e *unreachableError) UnreachableHost() string { return e.host }

func unreachable(err error) bool {
	if errors.Is(err, data.ErrUnreachable) {
		return false // already wrapped
	}
	var (
		ce *pgconn.ConnectError
		ne net.Error
		pe *pgconn.PgError
	)
	if errors.As(err, &pe) {
		// The server going down under a session: admin_shutdown, crash_shutdown, cannot_connect_now.
		return pe.Code == "57P01" || pe.Code == "57P02" || pe.Code == "57P03"
	}
	return errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, net.ErrClosed) || pgconn.SafeToRetry(err) || isEOF(err)
}

func isEOF(err error) bool { return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) }
