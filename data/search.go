package data

import (
	"context"
	"database/sql"
	"strings"

	"recoverydesk/casefile"
)

func where(q casefile.Query) (string, []any) {
	var (
		conds []string
		args  []any
	)
	if q.Status != "" {
		conds = append(conds, "c.status = ?")
		args = append(args, q.Status)
	}
	if terms := searchTerms(q.Text); len(terms) > 0 {
		sub := make([]string, len(terms))
		for i, t := range terms {
			sub[i] = `haystack LIKE ? ESCAPE '\'`
			args = append(args, likeEscape(t))
		}
		conds = append(conds, "c.id IN (SELECT rowid FROM case_search WHERE "+strings.Join(sub, " AND ")+")")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// Search lists the cases a query selects, in its order.
func (s *Store) Search(ctx context.Context, q casefile.Query) ([]casefile.Summary, error) {
	where, args := where(q)
	order := " ORDER BY c.id DESC"
	switch q.Sort {
	case casefile.SortOldest:
		order = " ORDER BY c.id"
	case casefile.SortWaitingLongest:
		order = " ORDER BY c.status_since, c.id"
	}
	query := `SELECT ` + summaryColumns + ` FROM cases c` + where + order
	if q.Limit > 0 {
		query += " LIMIT ? OFFSET ?"
		args = append(args, q.Limit, q.Offset)
	}
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows)
}

// Count tells how many cases a query selects, ignoring its limit.
func (s *Store) Count(ctx context.Context, q casefile.Query) (int, error) {
	where, args := where(q)
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM cases c`+where, args...).Scan(&n)
	return n, err
}

// CasesWithIMEI lists the other cases that carry the same IMEI (either slot): the same phone
// brought by two different customers is a fraud signal.
func (s *Store) CasesWithIMEI(ctx context.Context, imei, exceptNumber string) ([]casefile.Summary, error) {
	im, err := casefile.ParseIMEI(imei)
	if err != nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT `+summaryColumns+`
		FROM case_imeis i JOIN cases c ON c.id = i.case_id WHERE i.imei = ? AND c.number <> ? ORDER BY c.id`, im.Digits, exceptNumber)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows)
}

// summaryColumns are what scanSummaries reads, in its order.
const summaryColumns = `c.number, c.customer, c.model, c.imei1, c.status, c.status_since, c.created_at`

func scanSummaries(rows *sql.Rows) ([]casefile.Summary, error) {
	defer rows.Close()
	var out []casefile.Summary
	for rows.Next() {
		var (
			r             casefile.Summary
			since, create string
		)
		if err := rows.Scan(&r.Number, &r.Customer, &r.Model, &r.IMEI1, &r.Status, &since, &create); err != nil {
			return nil, err
		}
		r.StatusSince, r.CreatedAt = parseTS(since), parseTS(create)
		out = append(out, r)
	}
	return out, rows.Err()
}
