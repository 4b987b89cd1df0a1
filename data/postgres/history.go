package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"recoverydesk/casefile"
)

// appendEvent is the only write the history table ever sees; triggers refuse the others.
func appendEvent(ctx context.Context, tx *sql.Tx, caseID int64, e casefile.Event) error {
	details := "{}"
	if len(e.Details) > 0 {
		b, err := json.Marshal(e.Details)
		if err != nil {
			return err
		}
		details = string(b)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO history (case_id, at, operator, action, from_status, to_status, note, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		caseID, e.At, e.Operator, e.Action, e.From, e.To, e.Note, details)
	return err
}

func loadHistory(ctx context.Context, tx *sql.Tx, caseID int64) ([]casefile.Event, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, at, operator, login, action, from_status, to_status, note, details FROM history WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []casefile.Event
	for rows.Next() {
		var (
			e              casefile.Event
			at             time.Time
			from, to, dets string
		)
		if err := rows.Scan(&e.ID, &at, &e.Operator, &e.Login, &e.Action, &from, &to, &e.Note, &dets); err != nil {
			return nil, err
		}
		e.At, e.From, e.To = utc(at), casefile.Status(from), casefile.Status(to)
		if dets != "{}" {
			json.Unmarshal([]byte(dets), &e.Details)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// RecordEvent appends an event (an export, for example) to a case's history.
func (s *Store) RecordEvent(ctx context.Context, number string, e casefile.Event) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM cases WHERE number = $1`, number).Scan(&id); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if e.At.IsZero() {
			e.At = s.now()
		}
		return appendEvent(ctx, tx, id, e)
	})
}
