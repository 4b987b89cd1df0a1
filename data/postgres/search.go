package postgres

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/trigram"
)

// numbered turns the ? of a query built from parts into PostgreSQL's $1, $2 … in order; the
// parts never hold a ? of their own.
func numbered(q string) string {
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func where(q casefile.Query) (string, []any) {
	var (
		conds []string
		args  []any
	)
	if q.Status != "" {
		conds = append(conds, "c.status = ?")
		args = append(args, q.Status)
	}
	if q.Branch != "" {
		conds = append(conds, "c.branch = ?")
		args = append(args, strings.ToUpper(q.Branch))
	}
	for _, t := range casefile.SearchTerms(q.Text) {
		// The haystack is folded in Go, so a plain LIKE suffices, and pg_trgm's GIN index
		// answers it for terms of three characters or more.
		conds = append(conds, `c.haystack LIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscaper.Replace(t)+"%")
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// The list's one question per keystroke, checked at compile time.
var _ data.Pager = (*Store)(nil)

// fewMatches is how many matches of a search are sorted from the trigram index's answer; past
// it the cases are walked newest first instead. Sorting M matches costs about M rows read;
// walking N cases until 200 match costs about 200·N/M, 20,000 rows at worst for 100,000 cases
// (a term matching just over 1,000); more matches come sooner. A threshold that grew with the
// table (√(200·N)) was tried: the planner, not knowing the limit, then took slower plans.
const fewMatches = 1000

// Search lists the cases a query selects, in its order. The page is chosen in the narrow copy
// of the searchable columns (case_search: the same column names and security rules as cases),
// then only its rows are read from cases.
func (s *Store) Search(ctx context.Context, q casefile.Query) ([]casefile.Summary, error) {
	out, _, err := s.page(ctx, q)
	return out, err
}

// SearchPage is Search and, for a typed search with q.CountLimit of at most 1,000, how many cases
// it matches (CountLimit+1 meaning more): the list asks once per keystroke instead of counting
// beside it. Newest or oldest first, the first page, the list's question as it opens a search,
// is found by steps through the newest (oldest) blocks of cases (recent.go); the order of the
// longest wait, from the same reading of the trigram index as the count.
func (s *Store) SearchPage(ctx context.Context, q casefile.Query) ([]casefile.Summary, int, error) {
	if q.CountLimit <= 0 || q.CountLimit > fewMatches || q.Offset > 0 || len(casefile.SearchTerms(q.Text)) == 0 {
		out, err := s.Search(ctx, q)
		if err != nil {
			return nil, 0, err
		}
		n, err := s.Count(ctx, q)
		return out, n, err
	}
	if (q.Sort == "" || q.Sort == casefile.SortNewest || q.Sort == casefile.SortOldest) && q.Limit > 0 && q.Limit <= q.CountLimit && indexed(q.Text) {
		return s.orderedPage(ctx, q)
	}
	out, matched, err := s.page(ctx, q)
	return out, min(matched, q.CountLimit+1), err
}

// indexed tells whether a word of text has a trigram for the index to read. Without one (a
// term of one or two letters, or of punctuation) the index has nothing to narrow the steps
// with, and the ordered search, held to the indexes, would read all of it; the plain question
// scans the table instead, as it always did for such terms.
func indexed(text string) bool {
	for _, t := range casefile.SearchTerms(text) {
		if len(trigram.Of(t)) > 0 {
			return true
		}
	}
	return false
}

// orderedPage is SearchPage by ordered steps, its page read in the same snapshot as its count.
func (s *Store) orderedPage(ctx context.Context, q casefile.Query) ([]casefile.Summary, int, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return nil, 0, s.wrap(err)
	}
	defer tx.Rollback()
	oldest := q.Sort == casefile.SortOldest
	ids, matched, err := s.ordered(ctx, tx, q, oldest, q.Limit, q.CountLimit)
	if err != nil {
		return nil, 0, s.wrap(err)
	}
	var out []casefile.Summary
	if len(ids) > 0 {
		order := " ORDER BY c.id DESC"
		if oldest {
			order = " ORDER BY c.id"
		}
		rows, err := tx.QueryContext(ctx, `SELECT `+summaryColumns+` FROM cases c WHERE c.id = ANY($1)`+order, ids[:min(len(ids), q.Limit)])
		if err != nil {
			return nil, 0, s.wrap(err)
		}
		if out, err = scanSummaries(rows); err != nil {
			return nil, 0, s.wrap(err)
		}
	}
	return out, min(matched, q.CountLimit+1), s.wrap(tx.Commit())
}

// page reads a page of a query and, for a typed search, how many cases match up to
// fewMatches+1 (0 otherwise; also 0 when nothing matches).
func (s *Store) page(ctx context.Context, q casefile.Query) ([]casefile.Summary, int, error) {
	where, args := where(q)
	// The page's key order in case_search, and the same order for its rows read from cases.
	key, order := " ORDER BY c.case_id DESC", " ORDER BY c.id DESC"
	switch q.Sort {
	case casefile.SortOldest:
		key, order = " ORDER BY c.case_id", " ORDER BY c.id"
	case casefile.SortWaitingLongest:
		key, order = " ORDER BY c.status_since, c.case_id", " ORDER BY c.status_since, c.id"
	}
	// The subquery's c is case_search, the outer one cases: the conditions name columns both have.
	limit := ""
	if q.Limit > 0 {
		// Written into the query, not passed as parameters, so that the planner knows how few
		// rows are wanted whatever plan the driver's cached statement would settle on.
		limit = " LIMIT " + strconv.Itoa(max(q.Limit, 0)) + " OFFSET " + strconv.Itoa(max(q.Offset, 0))
	}
	query := `SELECT ` + summaryColumns + `, 0 FROM cases c WHERE c.id IN (SELECT c.case_id FROM case_search c` + where + key + limit + `)` + order
	if len(casefile.SearchTerms(q.Text)) > 0 {
		// The newest 200 of a search are found one of two ways, and the planner's guess of how
		// many cases match a pattern picks between them badly: a term it thinks common walks the
		// cases newest first until 200 match, and a 4-digit phone fragment matching 353 of
		// 100,000 then reads 58,000 rows (58 ms). So the matches are first taken from the
		// trigram index, at most fewMatches+1 of them: when that is all there are, the page is
		// sorted from them alone; only a truly common term walks the cases in order, where 200
		// matches come soon. Each branch runs only when its one-time condition holds, and how
		// many were taken is the list's count.
		few, many := strconv.Itoa(fewMatches+1), strconv.Itoa(fewMatches)
		query = `WITH few AS MATERIALIZED (SELECT c.case_id, c.status_since FROM case_search c` + where + ` LIMIT ` + few + `),
			page AS ((SELECT c.case_id FROM few c WHERE (SELECT count(*) FROM few) <= ` + many + key + limit + `)
				UNION ALL
				(SELECT c.case_id FROM case_search c` + where + ` AND (SELECT count(*) FROM few) > ` + many + key + limit + `))
			SELECT ` + summaryColumns + `, (SELECT count(*) FROM few) FROM cases c WHERE c.id IN (SELECT case_id FROM page)` + order
		args = append(args, args...)
	}
	rows, err := s.db.QueryContext(ctx, numbered(query), args...)
	if err != nil {
		return nil, 0, s.wrap(err)
	}
	defer rows.Close()
	var (
		out     []casefile.Summary
		matched int
	)
	for rows.Next() {
		var (
			r             casefile.Summary
			since, create time.Time
		)
		if err := rows.Scan(&r.Number, &r.Customer, &r.Model, &r.IMEI1, &r.Status, &since, &create, &r.Branch, &matched); err != nil {
			return nil, 0, err
		}
		r.StatusSince, r.CreatedAt = utc(since), utc(create)
		out = append(out, r)
	}
	return out, matched, rows.Err()
}

// Count tells how many cases a query selects, ignoring its limit; past q.CountLimit, when set,
// it stops at CountLimit+1. It reads the narrow copy of the searchable columns (case_search),
// which has the same column names and the same security rules as cases.
func (s *Store) Count(ctx context.Context, q casefile.Query) (int, error) {
	var n int
	where, args := where(q)
	query := `SELECT COUNT(*) FROM case_search c` + where
	if q.CountLimit > 0 {
		query = `SELECT COUNT(*) FROM (SELECT 1 FROM case_search c` + where + ` LIMIT ` + strconv.Itoa(q.CountLimit+1) + `) counted`
	}
	err := s.db.QueryRowContext(ctx, numbered(query), args...).Scan(&n)
	return n, s.wrap(err)
}

// CasesWithIMEI lists the other cases that carry the same IMEI (either slot): the same phone
// brought by two different customers is a fraud signal.
func (s *Store) CasesWithIMEI(ctx context.Context, imei, exceptNumber string) ([]casefile.Summary, error) {
	im, err := casefile.ParseIMEI(imei)
	if err != nil {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+summaryColumns+`
		FROM cases c WHERE c.id IN (SELECT case_id FROM case_imeis WHERE imei = $1) AND c.number <> $2 ORDER BY c.id`, im.Digits, exceptNumber)
	if err != nil {
		return nil, s.wrap(err)
	}
	return scanSummaries(rows)
}

// summaryColumns are what scanSummaries reads, in its order.
const summaryColumns = `c.number, c.customer, c.model, c.imei1, c.status, c.status_since, c.created_at, c.branch`

func scanSummaries(rows *sql.Rows) ([]casefile.Summary, error) {
	defer rows.Close()
	var out []casefile.Summary
	for rows.Next() {
		var (
			r             casefile.Summary
			since, create time.Time
		)
		if err := rows.Scan(&r.Number, &r.Customer, &r.Model, &r.IMEI1, &r.Status, &since, &create, &r.Branch); err != nil {
			return nil, err
		}
		r.StatusSince, r.CreatedAt = utc(since), utc(create)
		out = append(out, r)
	}
	return out, rows.Err()
}
