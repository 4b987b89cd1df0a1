package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"recoverydesk/casefile"
)

// Adopt stores cases moved in from a counter's own database as they were there: their numbers,
// dates, versions, history and files, at branch (empty: the database's default branch). All or
// nothing. A case already here (the same moment of opening, customer and phone) is refused, so
// that a second run cannot double a counter's cases. A number already taken is refused, naming it, unless renumber, which gives the
// case the next number of its year and records the old one in its history; the result maps
// each old number to the new one. The year's numbering moves past every number kept, so that
// cases opened here later never collide with them. Every history entry keeps its operator; the
// database records the login that moved it.
func (s *Store) Adopt(ctx context.Context, cs []*casefile.Case, branch string, renumber bool, operator string) (map[string]string, error) {
	var moved map[string]string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		moved = map[string]string{} // afresh on a retried transaction
		for _, src := range cs {
			c := *src // a retry starts again from the case as given
			c.History = append([]casefile.Event(nil), src.History...)
			c.Attachments = append([]casefile.Attachment(nil), src.Attachments...)
			c.Branch = branch
			c.Normalize()
			old := c.Number
			var year, seq int
			if _, err := fmt.Sscanf(old, "%d-%d", &year, &seq); err != nil || casefile.FormatNumber(year, seq) != old {
				return fmt.Errorf("case %q: not a case number", old)
			}
			// The same case moved before (under its number or another) is never moved twice:
			// opened at the same instant, for the same customer and phone.
			var already string
			err := tx.QueryRowContext(ctx, `SELECT c.number FROM cases c
				WHERE c.created_at = $1 AND c.customer = $2 AND c.imei1 = $3 LIMIT 1`, c.CreatedAt, c.Customer.Name, c.Device.IMEI1).Scan(&already)
			switch {
			case err == nil:
				return fmt.Errorf("case %s is already in the shared database as %s (moved before?)", old, already)
			case !errors.Is(err, sql.ErrNoRows):
				return err
			}
			var taken bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM cases WHERE number = $1)`, old).Scan(&taken); err != nil {
				return err
			}
			switch {
			case taken && !renumber:
				return fmt.Errorf("case %s: the shared database already has another case with this number (--renumber gives such cases the next free numbers)", old)
			case taken:
				n, err := nextSeq(ctx, tx, year)
				if err != nil {
					return err
				}
				seq, c.Number = n, casefile.FormatNumber(year, n)
				c.History = append(c.History, casefile.Event{At: s.now(), Operator: operator, Action: casefile.ActionMoved,
					Note: old, Details: map[string]string{"from_number": old}})
			default:
				if _, err := tx.ExecContext(ctx, `INSERT INTO case_numbers (year, n) VALUES ($1, $2)
					ON CONFLICT (year) DO UPDATE SET n = GREATEST(case_numbers.n, excluded.n)`, year, seq); err != nil {
					return err
				}
			}
			if err := adoptCase(ctx, tx, &c, year, seq); err != nil {
				return fmt.Errorf("case %s: %w", old, err)
			}
			moved[old] = c.Number
		}
		return nil
	})
	return moved, err
}

func adoptCase(ctx context.Context, tx *sql.Tx, c *casefile.Case, year, seq int) error {
	c.Normalize()
	body, err := caseBody(c)
	if err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO cases (number, year, seq, status, status_since, created_at, created_by, updated_at, version, customer, model, imei1, body, branch)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, COALESCE(NULLIF($14, ''), default_branch())) RETURNING id, branch`,
		c.Number, year, seq, c.Status, c.StatusSince, c.CreatedAt, c.CreatedBy, c.UpdatedAt, max(c.Version, 1), c.Customer.Name, c.Device.Model, c.Device.IMEI1, body,
		strings.ToUpper(strings.TrimSpace(c.Branch))).Scan(&c.ID, &c.Branch); err != nil {
		return branchError(err, c.Branch)
	}
	if err := indexCase(ctx, tx, c, false); err != nil {
		return err
	}
	for _, e := range c.History {
		if err := appendEvent(ctx, tx, c.ID, e); err != nil {
			return err
		}
	}
	for i := range c.Attachments {
		a := &c.Attachments[i]
		if a.Purged {
			// Retention removed the file there: the record moves, without it.
			if _, err := tx.ExecContext(ctx, `INSERT INTO attachments (case_id, kind, name, media_type, size, sha256, note, added_at, added_by, width, height, purged, barcodes)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12)`,
				c.ID, a.Kind, a.Name, a.MediaType, a.Size, a.SHA256, a.Note, a.AddedAt, a.AddedBy, a.Width, a.Height, casefile.BarcodesColumn(a.Barcodes)); err != nil {
				return err
			}
			continue
		}
		at, by := a.AddedAt, a.AddedBy
		if at.IsZero() {
			at, by = c.CreatedAt, c.CreatedBy
		}
		if err := insertAttachment(ctx, tx, c.ID, a, at, by); err != nil {
			return err
		}
	}
	return nil
}
