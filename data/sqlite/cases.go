package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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
	casefile.StampDeclarations(c, nil, now)
	year := casefile.NumberYear(now)
	var seq int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM cases WHERE year = ?`, year).Scan(&seq); err != nil {
		return err
	}
	c.Number = casefile.FormatNumber(year, seq)
	c.CreatedAt, c.UpdatedAt, c.StatusSince, c.CreatedBy, c.Version = now, now, now, operator, 1
	body, err := caseBody(c)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO cases (number, year, seq, status, status_since, created_at, created_by, updated_at, version, customer, model, imei1, body)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
		c.Number, year, seq, c.Status, ts(now), ts(now), operator, ts(now), c.Customer.Name, c.Device.Model, c.Device.IMEI1, body)
	if err != nil {
		return err
	}
	if c.ID, err = res.LastInsertId(); err != nil {
		return err
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
	b.Number, b.Status, b.Attachments = "", "", nil
	out, err := json.Marshal(&b)
	return string(out), err
}

// indexCase writes the search text and the IMEI index of a case; replace clears the old ones.
func indexCase(ctx context.Context, tx *sql.Tx, c *casefile.Case, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM case_search WHERE rowid = ?`, c.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM case_imeis WHERE case_id = ?`, c.ID); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO case_search (rowid, haystack) VALUES (?, ?)`, c.ID, casefile.Haystack(c)); err != nil {
		return err
	}
	for _, im := range c.IMEIs() {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO case_imeis (case_id, imei) VALUES (?, ?)`, c.ID, im); err != nil {
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

func (s *Store) inReadTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.rdb.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

func loadCase(ctx context.Context, tx *sql.Tx, number string) (*casefile.Case, error) {
	var (
		c                                     casefile.Case
		body, since, created, updated, status string
	)
	err := tx.QueryRowContext(ctx, `SELECT id, number, status, status_since, created_at, created_by, updated_at, version, body FROM cases WHERE number = ?`,
		strings.TrimSpace(number)).Scan(&c.ID, &c.Number, &status, &since, &created, &c.CreatedBy, &updated, &c.Version, &body)
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
	c.ID, c.Number, c.Version, c.CreatedBy = id, num, ver, by
	c.Status = casefile.Status(status)
	c.StatusSince, c.CreatedAt, c.UpdatedAt = parseTS(since), parseTS(created), parseTS(updated)
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
		old, err := loadCase(ctx, tx, c.Number)
		if err != nil {
			return err
		}
		if old.Version != c.Version {
			return fmt.Errorf("%w: saved by another window at %s; reopen it to see those changes (what you typed is still in your form)", ErrConflict, old.UpdatedAt.Local().Format("15:04"))
		}
		draft.ID, draft.Attachments, draft.Status = old.ID, old.Attachments, old.Status
		casefile.StampDeclarations(&draft, old, now)
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
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET body = ?, version = ?, updated_at = ?, customer = ?, model = ?, imei1 = ? WHERE id = ?`,
			body, newVersion, ts(now), draft.Customer.Name, draft.Device.Model, draft.Device.IMEI1, old.ID); err != nil {
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
