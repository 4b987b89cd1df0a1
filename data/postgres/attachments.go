package postgres

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"recoverydesk/casefile"
)

// insertAttachment stores a prepared attachment (its Data, and for images its Rendition).
func insertAttachment(ctx context.Context, tx *sql.Tx, caseID int64, a *casefile.Attachment, now time.Time, operator string) error {
	data, rendition, err := a.Contents()
	if err != nil {
		return fmt.Errorf("%s: %w", a.Name, err)
	}
	if len(data) == 0 {
		return fmt.Errorf("%s: the file is empty", a.Name)
	}
	if !a.Kind.Valid() {
		return fmt.Errorf("%q is not an evidence kind", a.Kind)
	}
	sum := sha256.Sum256(data)
	a.SHA256, a.Size, a.AddedAt, a.AddedBy = hex.EncodeToString(sum[:]), int64(len(data)), now, operator
	return tx.QueryRowContext(ctx, `INSERT INTO attachments (case_id, kind, name, media_type, size, sha256, note, added_at, added_by, width, height, data, rendition, barcodes)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		caseID, a.Kind, a.Name, a.MediaType, a.Size, a.SHA256, a.Note, now, operator, a.Width, a.Height, data, rendition, casefile.BarcodesColumn(a.Barcodes)).Scan(&a.ID)
}

func loadAttachments(ctx context.Context, tx *sql.Tx, caseID int64) ([]casefile.Attachment, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, kind, name, media_type, size, sha256, note, added_at, added_by, width, height, purged, barcodes
		FROM attachments WHERE case_id = $1 AND removed = false ORDER BY id`, caseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []casefile.Attachment
	for rows.Next() {
		var (
			a     casefile.Attachment
			codes string
			at    time.Time
		)
		if err := rows.Scan(&a.ID, &a.Kind, &a.Name, &a.MediaType, &a.Size, &a.SHA256, &a.Note, &at, &a.AddedBy, &a.Width, &a.Height, &a.Purged, &codes); err != nil {
			return nil, err
		}
		a.Barcodes = casefile.ParseBarcodesColumn(codes)
		a.Derive()
		a.AddedAt = utc(at)
		out = append(out, a)
	}
	return out, rows.Err()
}

// AddAttachment stores one prepared file with the case and records it in the history.
func (s *Store) AddAttachment(ctx context.Context, number string, a *casefile.Attachment, operator string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM cases WHERE number = $1`, number).Scan(&id); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("case %s: %w", number, ErrNotFound)
			}
			return err
		}
		now := s.now()
		if err := insertAttachment(ctx, tx, id, a, now, operator); err != nil {
			return err
		}
		return appendEvent(ctx, tx, id, casefile.Event{At: now, Operator: operator, Action: casefile.ActionAttachmentAdded,
			Note: fmt.Sprintf("%s: %s", a.Kind, a.Name), Details: map[string]string{"sha256": a.SHA256, "kind": string(a.Kind), "name": a.Name}})
	})
}

// RemoveAttachment takes a file off a case. Its bytes are deleted; its description stays in the
// history, as evidence that it was there and who removed it.
func (s *Store) RemoveAttachment(ctx context.Context, number string, attachmentID int64, note, operator string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var (
			caseID           int64
			kind, name, hash string
		)
		err := tx.QueryRowContext(ctx, `SELECT a.case_id, a.kind, a.name, a.sha256 FROM attachments a JOIN cases c ON c.id = a.case_id
			WHERE c.number = $1 AND a.id = $2 AND a.removed = false`, number, attachmentID).Scan(&caseID, &kind, &name, &hash)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("attachment %d of case %s: %w", attachmentID, number, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE attachments SET removed = true, data = NULL, rendition = NULL WHERE id = $1`, attachmentID); err != nil {
			return err
		}
		return appendEvent(ctx, tx, caseID, casefile.Event{At: s.now(), Operator: operator, Action: casefile.ActionAttachmentRemoved,
			Note: note, Details: map[string]string{"kind": kind, "name": name, "sha256": hash}})
	})
}

// ErrDamaged means a stored file no longer matches the SHA-256 recorded when it was added.
var ErrDamaged = casefile.ErrDamaged

// AttachmentData returns a file's bytes and its prepared rendition (nil for PDFs), checking
// the bytes against the SHA-256 recorded when it was added.
func (s *Store) AttachmentData(ctx context.Context, attachmentID int64) (data, rendition []byte, err error) {
	var want string
	err = s.db.QueryRowContext(ctx, `SELECT data, rendition, sha256 FROM attachments WHERE id = $1 AND removed = false`, attachmentID).Scan(&data, &rendition, &want)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, fmt.Errorf("attachment %d: %w", attachmentID, ErrNotFound)
	}
	if err != nil {
		return nil, nil, err
	}
	if data == nil {
		return nil, nil, fmt.Errorf("attachment %d was purged: %w", attachmentID, ErrNotFound)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != want {
		return nil, nil, fmt.Errorf("attachment %d: %w", attachmentID, ErrDamaged)
	}
	return data, rendition, nil
}
