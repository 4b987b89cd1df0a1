package postgres

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// The contract, checked at compile time.
var _ data.Watcher = (*Store)(nil)

// channel is where the history trigger announces changes: the new history row's id, nothing
// else (migration 0007).
const channel = "recoverydesk_changes"

// Watch listens on its own connection for the changes other connections commit and calls fn
// with each, until ctx ends. A lost connection is re-established with a growing pause (at
// most 30 s), so a server restart only delays the news. Changes made through this store's
// own pool are not reported: the windows that made them know.
func (s *Store) Watch(ctx context.Context, fn func(casefile.Change)) error {
	pause := time.Second
	for {
		err := s.listen(ctx, fn)
		if ctx.Err() != nil {
			return nil
		}
		_ = err // a dropped connection: try again
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(pause):
		}
		if pause < 30*time.Second {
			pause *= 2
		}
	}
}

func (s *Store) listen(ctx context.Context, fn func(casefile.Change)) error {
	conn, err := pgx.ConnectConfig(ctx, s.cfg.Copy())
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	if _, err := conn.Exec(ctx, "LISTEN "+channel); err != nil {
		return err
	}
	for {
		n, err := conn.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		s.ownMu.Lock()
		mine := s.own[n.PID]
		s.ownMu.Unlock()
		if mine {
			continue
		}
		id, err := strconv.ParseInt(n.Payload, 10, 64)
		if err != nil {
			continue
		}
		c, ok, err := changeOf(ctx, conn, id)
		if err != nil {
			return err
		}
		if ok {
			fn(c)
		}
	}
}

// changeOf reads the history row a notice named, under the connected person's security rules:
// a change to a case they may not see is no row, and nothing is reported.
func changeOf(ctx context.Context, conn *pgx.Conn, historyID int64) (casefile.Change, bool, error) {
	var (
		c  casefile.Change
		at time.Time
	)
	err := conn.QueryRow(ctx, `SELECT c.number, c.branch, h.action, h.operator, h.login, h.at
		FROM history h JOIN cases c ON c.id = h.case_id WHERE h.id = $1`, historyID).
		Scan(&c.Number, &c.Branch, &c.Action, &c.Operator, &c.Login, &at)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, false, nil
	}
	if err != nil {
		return c, false, err
	}
	c.At = at.UTC()
	return c, true, nil
}
