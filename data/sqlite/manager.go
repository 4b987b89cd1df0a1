package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"recoverydesk/casefile"
)

// ReportRows reads the cases a report selects, with the dates of their statuses and exports.
func (s *Store) ReportRows(ctx context.Context, f casefile.ReportFilter) ([]casefile.ReportRow, error) {
	var out []casefile.ReportRow
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		var (
			conds []string
			args  []any
		)
		if f.Status != "" {
			conds, args = append(conds, "c.status = ?"), append(args, f.Status)
		}
		if !f.Since.IsZero() {
			conds, args = append(conds, "c.created_at >= ?"), append(args, ts(f.Since))
		}
		if !f.Until.IsZero() {
			conds, args = append(conds, "c.created_at < ?"), append(args, ts(f.Until))
		}
		if f.Operator != "" {
			conds, args = append(conds, "c.created_by = ?"), append(args, f.Operator)
		}
		where := ""
		if len(conds) > 0 {
			where = " WHERE " + strings.Join(conds, " AND ")
		}
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.number, c.created_at, c.created_by, c.customer, c.model, c.imei1, c.status, c.status_since,
			h.action, h.to_status, h.at, h.note
			FROM cases c LEFT JOIN history h ON h.case_id = c.id AND h.action IN ('status', 'exported', 'created')`+where+` ORDER BY c.id, h.id`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var cur *casefile.ReportRow
		var curID int64 = -1
		for rows.Next() {
			var (
				id                   int64
				r                    casefile.ReportRow
				created, since       string
				action, to, at, note sql.NullString
			)
			if err := rows.Scan(&id, &r.Number, &created, &r.CreatedBy, &r.Customer, &r.Model, &r.IMEI1, &r.Status, &since, &action, &to, &at, &note); err != nil {
				return err
			}
			if id != curID {
				r.CreatedAt, r.StatusSince = parseTS(created), parseTS(since)
				r.Reached = map[casefile.Status]time.Time{}
				out = append(out, r)
				cur, curID = &out[len(out)-1], id
			}
			when := parseTS(at.String)
			switch action.String {
			case "created":
				cur.Reached[casefile.StatusIntake] = when
			case "status":
				st := casefile.Status(to.String)
				if _, seen := cur.Reached[st]; !seen {
					cur.Reached[st] = when
				}
				if st == casefile.StatusRejected {
					cur.RefusalNotes = note.String
				}
			case "exported":
				cur.Exports++
				cur.LastExport = when
			}
		}
		return rows.Err()
	})
	return out, err
}

// Overview computes the manager's statistics over every case.
func (s *Store) Overview(ctx context.Context, now time.Time, waitingDays, weeks int) (casefile.Overview, error) {
	var o casefile.Overview
	err := s.inReadTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT c.id, c.created_at, h.at, h.from_status, h.to_status, h.note
			FROM cases c LEFT JOIN history h ON h.case_id = c.id AND h.action = 'status' ORDER BY c.id, h.id`)
		if err != nil {
			return err
		}
		var lives []casefile.CaseLife
		var curID int64 = -1
		for rows.Next() {
			var (
				id                 int64
				created            string
				at, from, to, note sql.NullString
			)
			if err := rows.Scan(&id, &created, &at, &from, &to, &note); err != nil {
				rows.Close()
				return err
			}
			if id != curID {
				lives = append(lives, casefile.CaseLife{CreatedAt: parseTS(created)})
				curID = id
			}
			if at.Valid {
				l := &lives[len(lives)-1]
				l.Events = append(l.Events, casefile.Event{At: parseTS(at.String), From: casefile.Status(from.String), To: casefile.Status(to.String), Note: note.String})
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		o = casefile.BuildOverview(lives, now, weeks)
		counts, err := tx.QueryContext(ctx, `SELECT status, COUNT(*) FROM cases GROUP BY status`)
		if err != nil {
			return err
		}
		for counts.Next() {
			var st string
			var n int
			counts.Scan(&st, &n)
			o.ByStatus[casefile.Status(st)] = n
		}
		counts.Close()
		waiting, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM cases c WHERE c.status = 'submitted' ORDER BY c.status_since LIMIT 500`)
		if err != nil {
			return err
		}
		if o.Waiting, err = scanSummaries(waiting); err != nil {
			return err
		}
		for _, w := range o.Waiting {
			if w.DaysInStatus(now) > waitingDays {
				o.Overdue++
			}
		}
		return nil
	})
	return o, err
}

// Audit lists history events across all cases, newest first. It only reads.
func (s *Store) Audit(ctx context.Context, f casefile.AuditFilter) ([]casefile.AuditEntry, error) {
	var (
		conds []string
		args  []any
	)
	if f.Operator != "" {
		conds, args = append(conds, "h.operator = ?"), append(args, f.Operator)
	}
	if f.Case != "" {
		conds, args = append(conds, "c.number = ?"), append(args, f.Case)
	}
	if !f.Since.IsZero() {
		conds, args = append(conds, "h.at >= ?"), append(args, ts(f.Since))
	}
	if !f.Until.IsZero() {
		conds, args = append(conds, "h.at < ?"), append(args, ts(f.Until))
	}
	q := `SELECT c.number, h.at, h.operator, h.action, h.from_status, h.to_status, h.note, h.details FROM history h JOIN cases c ON c.id = h.case_id`
	if len(conds) > 0 {
		q += " WHERE " + strings.Join(conds, " AND ")
	}
	q += " ORDER BY h.id DESC"
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := s.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []casefile.AuditEntry
	for rows.Next() {
		var (
			e                  casefile.AuditEntry
			at, from, to, dets string
		)
		if err := rows.Scan(&e.Case, &at, &e.Operator, &e.Action, &from, &to, &e.Note, &dets); err != nil {
			return nil, err
		}
		e.At, e.From, e.To = parseTS(at), casefile.Status(from), casefile.Status(to)
		// The details say what the note does not (how an edit left a tick, which file a
		// removal took): the history of all cases reads as the case's own.
		if dets != "{}" {
			json.Unmarshal([]byte(dets), &e.Details)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Operators lists everyone named in the history, for the audit filter.
func (s *Store) Operators(ctx context.Context) ([]string, error) {
	rows, err := s.rdb.QueryContext(ctx, `SELECT DISTINCT operator FROM history ORDER BY operator`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var op string
		rows.Scan(&op)
		out = append(out, op)
	}
	return out, rows.Err()
}
