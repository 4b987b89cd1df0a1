package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"recoverydesk/casefile"
)

// SeedCases stores sample cases as they are, with their status, dates and history, in one
// transaction. It exists for the demo database and the benchmarks; real cases come in through
// CreateCase and ImportCases, which start every case at intake.
func (s *Store) SeedCases(ctx context.Context, cs []*casefile.Case) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i, c := range cs {
			if err := seedCase(ctx, tx, c); err != nil {
				return fmt.Errorf("sample case %d: %w", i, err)
			}
		}
		return nil
	})
}

func seedCase(ctx context.Context, tx *sql.Tx, c *casefile.Case) error {
	c.Normalize()
	// A sample case is checked as of its latest change, the day it stands in its status.
	if err := c.ValidateAt(c.StatusSince); err != nil {
		return err
	}
	year := casefile.NumberYear(c.CreatedAt)
	seq, err := nextSeq(ctx, tx, year)
	if err != nil {
		return err
	}
	c.Number = casefile.FormatNumber(year, seq)
	c.Version, c.UpdatedAt = 1, c.StatusSince
	if c.Customer.Consent {
		c.Customer.ConsentAt = c.CreatedAt
	}
	body, err := caseBody(c)
	if err != nil {
		return err
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO cases (number, year, seq, status, status_since, created_at, created_by, updated_at, version, customer, model, imei1, body)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11, $12) RETURNING id`,
		c.Number, year, seq, c.Status, c.StatusSince, c.CreatedAt, c.CreatedBy, c.UpdatedAt, c.Customer.Name, c.Device.Model, c.Device.IMEI1, body).Scan(&c.ID); err != nil {
		return err
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
		if err := insertAttachment(ctx, tx, c.ID, &c.Attachments[i], c.CreatedAt, c.CreatedBy); err != nil {
			return err
		}
	}
	return nil
}
