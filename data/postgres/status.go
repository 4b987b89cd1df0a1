package postgres

import (
	"context"
	"database/sql"

	"recoverydesk/casefile"
)

// ChangeStatus moves a case to a new status if the case life allows it, recording who, when
// and why. Details carry what the move needs beyond a note (the support address and reference
// of a submission). A refused change returns a *casefile.TransitionError and changes nothing.
func (s *Store) ChangeStatus(ctx context.Context, number string, to casefile.Status, note string, details map[string]string, operator string) (*casefile.Case, error) {
	var out *casefile.Case
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		c, err := lockCase(ctx, tx, number)
		if err != nil {
			return err
		}
		if err := casefile.CheckTransition(c, to, note); err != nil {
			return err
		}
		now := s.now()
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET status = $1, status_since = $2, updated_at = $3 WHERE id = $4`, to, now, now, c.ID); err != nil {
			return err
		}
		if err := appendEvent(ctx, tx, c.ID, casefile.Event{At: now, Operator: operator, Action: casefile.ActionStatus, From: c.Status, To: to, Note: note, Details: details}); err != nil {
			return err
		}
		out, err = loadCase(ctx, tx, number)
		return err
	})
	return out, err
}
