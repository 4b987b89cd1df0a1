// Package trigram picks the trigrams of a search term that an index should be asked for. Both
// engines' search indexes are made of trigrams, and a term's common ones cost the most to read:
// "нов" and "ова" are in every third name, and reading them for "смирнова дарья" took 10 ms of a
// million cases on PostgreSQL and 30 on SQLite, where the two rarest of each word find the same
// rows in 3. How rare a trigram is comes from a sample of the newest cases.
package trigram

import (
	"database/sql"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Sample is how many of the newest cases the counts are taken from, and Age how long they
// stand before they are taken again.
const (
	Sample = 2000
	Age    = 10 * time.Minute
)

// Of lists the three-letter runs inside the words of s, words being runs of letters and digits
// as pg_trgm cuts them; each is also a token of SQLite's trigram tokenizer.
func Of(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)
		for i := 0; i+3 <= len(r); i++ {
			out = append(out, string(r[i:i+3]))
		}
	}
	return out
}

// Rarest is at most n distinct trigrams of term, the rarest first by count (a trigram the
// sample never saw is the rarest of all).
func Rarest(term string, count map[string]int, n int) []string {
	var grams []string
	for _, g := range Of(term) {
		if !slices.Contains(grams, g) {
			grams = append(grams, g)
		}
	}
	slices.SortStableFunc(grams, func(a, b string) int { return count[a] - count[b] })
	return grams[:min(len(grams), n)]
}

// Counts is how many cases of a sample hold each trigram, taken anew once older than Age.
// It is safe for concurrent use; the zero value is ready.
type Counts struct {
	mu    sync.Mutex
	taken time.Time
	count map[string]int
}

// Get returns the counts, taking them from sample (the newest cases' searchable texts) when
// there are none yet, they are older than Age at now, or the clock went back past them. Now is
// the wall clock, not a store's: the counts' age is a matter of speed, and a store's clock is
// one that tests move.
func (c *Counts) Get(now time.Time, sample func() ([]string, error)) (map[string]int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.count != nil && now.Sub(c.taken) < Age && !now.Before(c.taken) {
		return c.count, nil
	}
	texts, err := sample()
	if err != nil {
		return nil, err
	}
	count := map[string]int{}
	for _, t := range texts {
		seen := map[string]bool{}
		for _, g := range Of(t) {
			if !seen[g] {
				seen[g] = true
				count[g]++
			}
		}
	}
	c.count, c.taken = count, now
	return count, nil
}

// Texts reads the one text column of a sample's rows, as a store's query for them returns it.
func Texts(rows *sql.Rows, err error) ([]string, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var texts []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		texts = append(texts, t)
	}
	return texts, rows.Err()
}
