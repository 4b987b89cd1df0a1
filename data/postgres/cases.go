package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"recoverydesk/casefile"
)

// CreateCase stores a new case with its attachments, gives it a number and records who
// opened it. On success c carries its ID, number, status and version.
func (s *Store) CreateCase(ctx context.Context, c *casefile.Case, operator string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.createCase(ctx, tx, c, operator) })
}

// ImportCases stores every case or none: an error in any of them leaves the database as it was.
func (s *Store) ImportCases(ctx context.Context, cs []*casefile.Case, operator string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for i, c := range cs {
			if err := s.createCase(ctx, tx, c, operator); err != nil {
				return fmt.Errorf("case %d: %w", i+1, err) // counted from 1, as a person reads the file
			}
		}
		return nil
	})
}

func (s *Store) createCase(ctx context.Context, tx *sql.Tx, c *casefile.Case, operator string) error {
	c.Normalize()
	if err := c.ValidateAt(s.Now()); err != nil {
		return err
	}
	now := s.now()
	if c.Status == "" {
		c.Status = casefile.StatusIntake
	}
	if c.Customer.Consent && c.Customer.ConsentAt.IsZero() {
		c.Customer.ConsentAt = now
	}
	year := casefile.NumberYear(now)
	seq, err := nextSeq(ctx, tx, year)
	if err != nil {
		return err
	}
	c.Number = casefile.FormatNumber(year, seq)
	c.CreatedAt, c.UpdatedAt, c.StatusSince, c.CreatedBy, c.Version = now, now, now, operator, 1
	body, err := caseBody(c)
	if err != nil {
		return err
	}
	// No branch named: the database's default is the person's own branch.
	if err := tx.QueryRowContext(ctx, `INSERT INTO cases (number, year, seq, status, status_since, created_at, created_by, updated_at, version, customer, model, imei1, body, branch)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11, $12, COALESCE(NULLIF($13, ''), default_branch())) RETURNING id, branch`,
		c.Number, year, seq, c.Status, now, now, operator, now, c.Customer.Name, c.Device.Model, c.Device.IMEI1, body,
		strings.ToUpper(strings.TrimSpace(c.Branch))).Scan(&c.ID, &c.Branch); err != nil {
		return branchError(err, c.Branch)
	}
	if err := indexCase(ctx, tx, c, false); err != nil {
		return err
	}
	if err := appendEvent(ctx, tx, c.ID, casefile.Event{At: now, Operator: operator, Action: casefile.ActionCreated, To: c.Status}); err != nil {
		return err
	}
	for i := range c.Attachments {
		if err := insertAttachment(ctx, tx, c.ID, &c.Attachments[i], now, operator); err != nil {
			return fmt.Errorf("attachments[%d]: %w", i, err)
		}
	}
	return nil
}

// caseBody is the JSON of the form's fields; what has columns or tables of its own is left out.
func caseBody(c *casefile.Case) (string, error) {
	b := *c
	b.Number, b.Status, b.Branch, b.Attachments = "", "", "", nil
	out, err := json.Marshal(&b)
	return string(out), err
}

// indexCase writes the search text and the IMEI index of a case; replace clears the old ones.
func indexCase(ctx context.Context, tx *sql.Tx, c *casefile.Case, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM case_imeis WHERE case_id = $1`, c.ID); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE cases SET haystack = $1 WHERE id = $2`, casefile.Haystack(c), c.ID); err != nil {
		return err
	}
	for _, im := range c.IMEIs() {
		if _, err := tx.ExecContext(ctx, `INSERT INTO case_imeis (case_id, imei) VALUES ($1, $2) ON CONFLICT DO NOTHING`, c.ID, im); err != nil {
			return err
		}
	}
	return nil
}

// Case loads a case by number with its attachments' descriptions (not their bytes) and history.
func (s *Store) Case(ctx context.Context, number string) (*casefile.Case, error) {
	var c *casefile.Case
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = loadCase(ctx, tx, number)
		return err
	})
	return c, err
}

func loadCase(ctx context.Context, tx *sql.Tx, number string) (*casefile.Case, error) {
	return loadCaseFor(ctx, tx, number, "")
}

// lockCase loads a case and locks its row until the transaction ends, so that two counters
// changing the same case take turns and the later one sees the earlier one's version.
func lockCase(ctx context.Context, tx *sql.Tx, number string) (*casefile.Case, error) {
	return loadCaseFor(ctx, tx, number, " FOR UPDATE")
}

func loadCaseFor(ctx context.Context, tx *sql.Tx, number, lock string) (*casefile.Case, error) {
	var (
		c                       casefile.Case
		body, status            string
		since, created, updated time.Time
	)
	var branch string
	err := tx.QueryRowContext(ctx, `SELECT id, number, status, status_since, created_at, created_by, updated_at, version, body, branch FROM cases WHERE number = $1`+lock,
		strings.TrimSpace(number)).Scan(&c.ID, &c.Number, &status, &since, &created, &c.CreatedBy, &updated, &c.Version, &body, &branch)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("case %s: %w", number, ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	id, num, ver, by := c.ID, c.Number, c.Version, c.CreatedBy
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		return nil, fmt.Errorf("case %s is damaged: %w", number, err)
	}
	c.ID, c.Number, c.Version, c.CreatedBy, c.Branch = id, num, ver, by, branch
	c.Status = casefile.Status(status)
	c.StatusSince, c.CreatedAt, c.UpdatedAt = utc(since), utc(created), utc(updated)
	if c.Attachments, err = loadAttachments(ctx, tx, c.ID); err != nil {
		return nil, err
	}
	if c.History, err = loadHistory(ctx, tx, c.ID); err != nil {
		return nil, err
	}
	return &c, nil
}

// SaveCase writes the form's fields of a case loaded earlier. It is refused with ErrConflict
// when someone saved the case since it was loaded, and with a casefile.ValidationError when a
// field cannot be stored; either way the database is unchanged and c keeps what was typed.
// Status and attachments have operations of their own and are not touched.
func (s *Store) SaveCase(ctx context.Context, c *casefile.Case, operator string) error {
	draft := *c
	draft.Normalize()
	if err := draft.ValidateAt(s.Now()); err != nil {
		return err
	}
	now := s.now()
	var newVersion int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		old, err := lockCase(ctx, tx, c.Number)
		if err != nil {
			return err
		}
		if old.Version != c.Version {
			return fmt.Errorf("%w: saved by another window at %s; reopen it to see those changes (what you typed is still in your form)", ErrConflict, old.UpdatedAt.Local().Format("15:04"))
		}
		// The branch moves only by a manager's decision, not by a form save.
		draft.ID, draft.Attachments, draft.Status, draft.Branch = old.ID, old.Attachments, old.Status, old.Branch
		switch {
		case draft.Customer.Consent && !old.Customer.Consent:
			draft.Customer.ConsentAt = now
		case draft.Customer.Consent:
			draft.Customer.ConsentAt = old.Customer.ConsentAt
		default:
			draft.Customer.ConsentAt = time.Time{}
		}
		changed := casefile.ChangedFields(old, &draft)
		if len(changed) == 0 {
			newVersion = old.Version
			return nil
		}
		body, err := caseBody(&draft)
		if err != nil {
			return err
		}
		newVersion = old.Version + 1
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET body = $1, version = $2, updated_at = $3, customer = $4, model = $5, imei1 = $6 WHERE id = $7`,
			body, newVersion, now, draft.Customer.Name, draft.Device.Model, draft.Device.IMEI1, old.ID); err != nil {
			return err
		}
		if err := indexCase(ctx, tx, &draft, true); err != nil {
			return err
		}
		// A tick's history says whether the technician set it or the form read it from a
		// barcode: the note names the field alone.
		return appendEvent(ctx, tx, old.ID, casefile.Event{At: now, Operator: operator, Action: casefile.ActionEdited,
			Note: "changed: " + strings.Join(changed, ", "), Details: casefile.TickDetails(&draft, changed)})
	})
	if err != nil {
		return err
	}
	// Only a committed save updates the caller's copy.
	draft.Version, draft.UpdatedAt, draft.History = newVersion, now, c.History
	*c = draft
	return nil
}

// nextSeq takes the next number of year from its counter row. The row stays locked until the
// transaction ends, so numbers are never handed out twice, and a rolled-back transaction gives
// its number back.
func nextSeq(ctx context.Context, tx *sql.Tx, year int) (int, error) {
	var seq int
	err := tx.QueryRowContext(ctx, `INSERT INTO case_numbers (year, n) VALUES ($1, 1)
		ON CONFLICT (year) DO UPDATE SET n = case_numbers.n + 1 RETURNING n`, year).Scan(&seq)
	return seq, err
}
