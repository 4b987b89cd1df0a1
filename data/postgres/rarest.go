package postgres

import (
	"context"
	"strconv"
	"strings"
	"unicode"

	"recoverydesk/casefile"
	"recoverydesk/data/trigram"
)

// The ordered search asks the index for each word's rarest trigrams alone (package trigram) and
// checks the whole term on the rows it returns with strpos, which the index does not answer:
// the same rows as LIKE '%term%', found with less of the index read.

// gramsPerTerm is how many trigrams of each word the index is asked for. A run of digits (a
// phone or IMEI fragment) keeps all of its trigrams: every digit trigram is about equally
// common, in one case of sixteen, so each one dropped lets many more rows through.
const gramsPerTerm = 2

// gramCounts returns how common each trigram is among the newest cases this person may see.
func (s *Store) gramCounts(ctx context.Context) (map[string]int, error) {
	return s.grams.Get(casefile.SystemClock(), func() ([]string, error) {
		return trigram.Texts(s.db.QueryContext(ctx, `SELECT c.haystack FROM case_search c ORDER BY c.case_id DESC LIMIT `+strconv.Itoa(trigram.Sample)))
	})
}

// rarestWhere is where(q) with each term's rarest trigrams for the index and the whole term
// checked on the rows it returns (a term of digits alone keeps every trigram). A term with no
// trigram (a run of two letters, or letters split by punctuation into such runs) keeps its
// LIKE.
func rarestWhere(q casefile.Query, count map[string]int) (string, []any) {
	plain := q
	plain.Text = ""
	cond, args := where(plain)
	var conds []string
	if cond != "" {
		conds = append(conds, strings.TrimPrefix(cond, " WHERE "))
	}
	for _, t := range casefile.SearchTerms(q.Text) {
		n := gramsPerTerm
		if strings.IndexFunc(t, unicode.IsLetter) < 0 {
			n = len(t)
		}
		grams := trigram.Rarest(t, count, n)
		if len(grams) == 0 {
			conds = append(conds, `c.haystack LIKE ? ESCAPE '\'`)
			args = append(args, "%"+likeEscaper.Replace(t)+"%")
			continue
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
