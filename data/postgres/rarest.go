package postgres

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"recoverydesk/casefile"
)

// A trigram index answers LIKE '%смирнова%' with every trigram of the term, and the common
// ones cost the most: "нов" and "ова" are in every third name, and stepping through them took
// "смирнова дарья" 10 ms of a million cases where its two rarest trigrams with each word take 3.
// So the ordered search asks the index for each term's rarest trigrams alone and checks the
// whole term on the rows it returns (strpos, which the index does not answer): the same rows,
// found with less of the index read. How rare a trigram is comes from the newest cases.

// gramSample is how many of the newest cases the trigram counts are taken from, and gramAge how
// long they stand before they are taken again.
const (
	gramSample = 2000
	gramAge    = 10 * time.Minute
)

// gramsPerTerm is how many trigrams of each word the index is asked for. A run of digits (a
// phone or IMEI fragment) keeps all of its trigrams: every digit trigram is about equally
// common, in one case of sixteen, so each one dropped lets many more rows through.
const gramsPerTerm = 2

// gramCounts is how many of a sample of cases hold each trigram.
type gramCounts struct {
	mu    sync.Mutex
	taken time.Time
	count map[string]int
}

// gramCounts returns the trigram counts, taking them anew when they are older than gramAge.
func (s *Store) gramCounts(ctx context.Context) (map[string]int, error) {
	g := &s.grams
	g.mu.Lock()
	defer g.mu.Unlock()
	if now := s.Now(); g.count != nil && now.Sub(g.taken) < gramAge && !now.Before(g.taken) {
		return g.count, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT c.haystack FROM case_search c ORDER BY c.case_id DESC LIMIT `+strconv.Itoa(gramSample))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	count := map[string]int{}
	for rows.Next() {
		var h string
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, g := range trigrams(h) {
			if !seen[g] {
				seen[g] = true
				count[g]++
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	g.count, g.taken = count, s.Now()
	return count, nil
}

// trigrams lists the three-letter runs inside the words of s, as pg_trgm cuts words: runs of
// letters and digits.
func trigrams(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)
		for i := 0; i+3 <= len(r); i++ {
			out = append(out, string(r[i:i+3]))
		}
	}
	return out
}

// rarestWhere is where(q) with each term's rarest trigrams for the index and the whole term
// checked on the rows it returns. A term with no trigram (a run of two letters, or letters
// split by punctuation into such runs) keeps its LIKE.
func rarestWhere(q casefile.Query, count map[string]int) (string, []any) {
	terms := casefile.SearchTerms(q.Text)
	plain := q
	plain.Text = ""
	cond, args := where(plain)
	var conds []string
	if cond != "" {
		conds = append(conds, strings.TrimPrefix(cond, " WHERE "))
	}
	for _, t := range terms {
		var grams []string
		for _, g := range trigrams(t) {
			if !slices.Contains(grams, g) {
				grams = append(grams, g)
			}
		}
		if len(grams) == 0 {
			conds = append(conds, `c.haystack LIKE ? ESCAPE '\'`)
			args = append(args, "%"+likeEscaper.Replace(t)+"%")
			continue
		}
		if strings.IndexFunc(t, unicode.IsLetter) >= 0 {
			slices.SortStableFunc(grams, func(a, b string) int { return count[a] - count[b] })
			grams = grams[:min(len(grams), gramsPerTerm)]
		}
		for _, g := range grams {
			conds = append(conds, `c.haystack LIKE ? ESCAPE '\'`)
			args = append(args, "%"+likeEscaper.Replace(g)+"%")
		}
		conds = append(conds, `strpos(c.haystack, ?) > 0`)
		args = append(args, t)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}
