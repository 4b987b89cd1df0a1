package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"recoverydesk/casefile"
)

// PurgePreview lists the files of cases closed more than retention ago; nothing is changed.
func (s *Store) PurgePreview(ctx context.Context, retention time.Duration) ([]casefile.PurgeItem, error) {
	var out []casefile.PurgeItem
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = purgeCandidates(ctx, tx, s.now().Add(-retention))
		return err
	})
	return out, err
}

func purgeCandidates(ctx context.Context, tx *sql.Tx, before time.Time) ([]casefile.PurgeItem, error) {
	rows, err := tx.QueryContext(ctx, `SELECT c.number, a.id, a.kind, a.name, a.sha256, a.size, c.status_since
		FROM attachments a JOIN cases c ON c.id = a.case_id
		WHERE c.status = 'closed' AND c.status_since < $1 AND a.removed = false AND a.purged = false
		ORDER BY c.id, a.id`, before)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []casefile.PurgeItem
	for rows.Next() {
		var (
			p      casefile.PurgeItem
			closed time.Time
		)
		if err := rows.Scan(&p.Case, &p.AttachmentID, &p.Kind, &p.Name, &p.SHA256, &p.Size, &closed); err != nil {
			return nil, err
		}
		p.ClosedAt = utc(closed)
		out = append(out, p)
	}
	return out, rows.Err()
}

// Purge removes the files that PurgePreview lists, in one transaction: the bytes go, the
// description stays, and each case's history gains an entry naming the files and their SHA-256.
func (s *Store) Purge(ctx context.Context, retention time.Duration, operator string) ([]casefile.PurgeItem, error) {
	var out []casefile.PurgeItem
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		now := s.now()
		items, err := purgeCandidates(ctx, tx, now.Add(-retention))
		if err != nil {
			return err
		}
		out = items
		byCase := map[string][]casefile.PurgeItem{}
		var order []string
		for _, it := range items {
			if _, seen := byCase[it.Case]; !seen {
				order = append(order, it.Case)
			}
			byCase[it.Case] = append(byCase[it.Case], it)
			if _, err := tx.ExecContext(ctx, `UPDATE attachments SET data = NULL, rendition = NULL, purged = true WHERE id = $1`, it.AttachmentID); err != nil {
				return err
			}
		}
		for _, num := range order {
			files := make([]map[string]string, 0, len(byCase[num]))
			for _, it := range byCase[num] {
				files = append(files, map[string]string{"kind": string(it.Kind), "name": it.Name, "sha256": it.SHA256})
			}
			list, _ := json.Marshal(files)
			var id int64
			if err := tx.QueryRowContext(ctx, `SELECT id FROM cases WHERE number = $1`, num).Scan(&id); err != nil {
				return err
			}
			if err := appendEvent(ctx, tx, id, casefile.Event{At: now, Operator: operator, Action: casefile.ActionPurged,
				Note:    fmt.Sprintf("%d file(s) purged after the retention period", len(files)),
				Details: map[string]string{"files": string(list), "retention_days": fmt.Sprint(int(retention.Hours() / 24))}}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
