package sqlite

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"unicode/utf8"

	"recoverydesk/casefile"
	"recoverydesk/data/trigram"
)

func where(q casefile.Query, count map[string]int) (string, []any) {
	var (
		conds []string
		args  []any
	)
	if q.Status != "" {
		conds = append(conds, "c.status = ?")
		args = append(args, q.Status)
	}
	if cond, targs := textFilter(q.Text, count); cond != "" {
		conds = append(conds, "c.id IN (SELECT rowid FROM case_search WHERE "+cond+")")
		args = append(args, targs...)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// textFilter is the condition on case_search that a search text makes. Terms of three
// characters or more go to the trigram index as quoted phrases (a substring match, all of them
// required); shorter ones cannot use trigrams and scan. LIKE is not used: with an ESCAPE clause
// FTS5 ignores the index.
//
// Of several words, each is asked for by its two rarest trigrams (count, package trigram) and
// checked whole with instr: a phrase is read token by token, and two phrases together walk the
// index until both hold, so "смирнова дарья" read every case's "нов" and "ова" back to the
// 1,001st match (30 ms of a million cases), where four rare trigrams find the same rows in a
// few. A single word stops at its first matches soon enough and keeps its phrase.
func textFilter(text string, count map[string]int) (string, []any) {
	terms := casefile.SearchTerms(text)
	if len(terms) == 0 {
		return "", nil
	}
	long := 0
	for _, t := range terms {
		if utf8.RuneCountInString(t) >= 3 {
			long++
		}
	}
	var (
		phrases []string
		conds   []string
		args    []any
	)
	quote := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for _, t := range terms {
		if utf8.RuneCountInString(t) < 3 {
			conds = append(conds, "instr(haystack, ?) > 0")
			args = append(args, t)
			continue
		}
		if grams := trigram.Rarest(t, count, 2); long > 1 && count != nil && len(grams) > 0 {
			for _, g := range grams {
				phrases = append(phrases, quote(g))
			}
			conds = append(conds, "instr(haystack, ?) > 0")
			args = append(args, t)
			continue
		}
		phrases = append(phrases, quote(t))
	}
	if len(phrases) > 0 {
		conds = append([]string{"case_search MATCH ?"}, conds...)
		args = append([]any{strings.Join(phrases, " ")}, args...)
	}
	return strings.Join(conds, " AND "), args
}

// gramCounts returns how common each trigram is among the newest cases, for a text of several
// words of three letters or more (nil for another, which does not use them).
func (s *Store) gramCounts(ctx context.Context, text string) map[string]int {
	long := 0
	for _, t := range casefile.SearchTerms(text) {
		if utf8.RuneCountInString(t) >= 3 {
			long++
		}
	}
	if long < 2 {
		return nil
	}
	count, err := s.grams.Get(casefile.SystemClock(), func() ([]string, error) {
		return trigram.Texts(s.rdb.QueryContext(ctx, `SELECT haystack FROM case_search ORDER BY rowid DESC LIMIT `+strconv.Itoa(trigram.Sample)))
	})
	if err != nil {
		return nil // the search asks for whole phrases, as it did before the counts
	}
	return count
}

// Search lists the cases a query selects, in its order.
func (s *Store) Search(ctx context.Context, q casefile.Query) ([]casefile.Summary, error) {
	query, args := selectCases(q, summaryColumns, s.gramCounts(ctx, q.Text))
	if q.Limit > 0 {
		query += " LIMIT ? OFFSET ?"
		args = append(args, q.Limit, q.Offset)
	}
	rows, err := s.rdb.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return scanSummaries(rows)
}

// selectCases is the query of the cases q selects, in its order, with the given columns.
//
// A search by words newest or oldest first is driven by the trigram index: it hands out its
// matches in the order of their ids, which is the cases' order, so the first page is read
// after its 200 matches instead of after all of them (a common surname matches a hundred
// thousand of a million cases; gathering them all first cost 50 ms a keystroke).
func selectCases(q casefile.Query, columns string, count map[string]int) (string, []any) {
	dir := ""
	switch q.Sort {
	case casefile.SortOldest:
	case casefile.SortWaitingLongest:
		where, args := where(q, count)
		return `SELECT ` + columns + ` FROM cases c` + where + ` ORDER BY c.status_since, c.id`, args
	default:
		dir = " DESC"
	}
	if cond, args := textFilter(q.Text, count); strings.HasPrefix(cond, "case_search MATCH") {
		if q.Status != "" {
			cond += " AND c.status = ?"
			args = append(args, q.Status)
		}
		return `SELECT ` + columns + ` FROM case_search s JOIN cases c ON c.id = s.rowid WHERE ` + cond +
			` ORDER BY s.rowid` + dir, args
	}
	where, args := where(q, count)
	return `SELECT ` + columns + ` FROM cases c` + where + ` ORDER BY c.id` + dir, args
}

// Count tells how many cases a query selects, ignoring its limit.
func (s *Store) Count(ctx context.Context, q casefile.Query) (int, error) {
	var n int
	count := s.gramCounts(ctx, q.Text)
	if q.CountLimit > 0 {
		// Past q.CountLimit counting stops at CountLimit+1, walking the cases in the list's
		// own order, so that a common word stops after its first thousand matches.
		inner, args := selectCases(casefile.Query{Text: q.Text, Status: q.Status}, "1", count)
		err := s.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+inner+` LIMIT `+strconv.Itoa(q.CountLimit+1)+`)`, args...).Scan(&n)
		return n, err
	}
	if cond, args := textFilter(q.Text, count); cond != "" && q.Status == "" {
		// The index alone answers: joining thousands of matches back to cases costs more.
		err := s.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM case_search WHERE `+cond, args...).Scan(&n)
		return n, err
	}
	where, args := where(q, count)
	err := s.rdb.QueryRowContext(ctx, `SELECT COUNT(*) FROM cases c`+where, args...).Scan(&n)
	return n, err
}

// CasesWithIMEI lists the other cases that carry the same IMEI (either slot): the same phone
// brought by two different customers is a fraud signal.
func (s *Store) CasesWithIMEI(ctx context.Context, imei, exceptNumber string) ([]casefile.Summary, error) {
	im, err := casefile.ParseIMEI(imei)
	if err != nil {
		return nil, nil
	}
	rows, err := s.rdb.QueryContext(ctx, `SELECT DISTINCT `+summaryColumns+`
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
