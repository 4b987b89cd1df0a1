package postgres

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// The contract, checked at compile time.
var _ data.Watcher = (*Store)(nil)

// channel is where the history trigger announces changes (migration 0004).
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
		var c casefile.Change
		if json.Unmarshal([]byte(n.Payload), &c) != nil || c.Number == "" {
			continue
		}
		c.At = c.At.UTC()
		fn(c)
	}
}
