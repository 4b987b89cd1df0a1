package postgres_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"recoverydesk/data/postgres"
)

// The list's search reads the newest blocks of cases first and widens step by step (recent.go),
// asking the index for each word's rarest trigrams; the answer must be exactly the one the plain
// question gives (Search and Count, which read every match), for every kind of term, in both
// orders, with a status filter, and whichever way the steps end: at the first block, after
// several, with a count of the rest asked beside a step or in the same transaction, or reading
// everything for a rare term.
func TestStore_OrderedSearchAnswersAsThePlainOne(t *testing.T) {
	s, err := postgres.Open(newDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// 1,500 sample cases, then the same copied with numbers of their own, to 24,000 cases: six
	// blocks of the index, and as many matches of each term, in proportion, as new samples.
	r := rand.New(rand.NewPCG(4, 9))
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	all := make([]*casefile.Case, 1500)
	for i := range all {
		all[i] = sample.Case(r, now)
	}
	if err := s.SeedCases(ctx, all); err != nil {
		t.Fatal(err)
	}
	for k := 1; k < 16; k++ {
		if _, err := s.DB().ExecContext(ctx, `INSERT INTO recoverydesk.cases (number, year, seq, status,
				status_since, created_at, created_by, updated_at, version, customer, model, imei1, haystack, body, branch)
			SELECT c.year || '-' || lpad((c.seq + $1 * 1500)::text, 6, '0'), c.year, c.seq + $1 * 1500, c.status,
				c.status_since, c.created_at, c.created_by, c.updated_at, c.version, c.customer, c.model, c.imei1,
				c.haystack, c.body, c.branch
			FROM recoverydesk.cases c WHERE c.id <= 1500 ORDER BY c.id`, k); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DB().ExecContext(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	terms := []string{
		"иванов",           // a sixth of the cases: the first step holds more than the limit
		"Алёна",            // ё the same as е, a few per cent: two steps
		"смирнова дарья",   // two words, each checked whole on the rows of its rarest trigrams
		"петровна",         // a patronymic
		"4567",             // phone digits: every trigram of a digit run
		"35209",            // a rare IMEI fragment: the last step reads every match
		"912 345",          // a phone as typed, digits alone
		"ivan",             // Latin letters of an e-mail
		"xiaomi redmi",     // the model, two words
		"ab",               // too short for a trigram: a plain LIKE
		"нетакогоимени",    // nothing
		"2026-0000",        // a case number as printed
		"а-б",              // letters split by punctuation into runs with no trigram
		"@mail",            // punctuation first
		"иванов 8 (903) 1", // a name and digits
		"ива_нов",          // LIKE's own characters, matched as themselves
		"100%",
		`ива\нов`,
	}
	// Sixteen searches at once on a pool of eight connections, each of which may want a second
	// one for its count: a count that cannot get one is counted in its step's transaction, so
	// none waits for another and every answer is the one a search alone gets.
	t.Run("sixteen at once", func(t *testing.T) {
		q := casefile.Query{Text: "Алёна", Status: casefile.StatusSubmitted, Limit: 130, CountLimit: 300}
		want, wantN, err := s.SearchPage(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 16*5)
		for range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range 5 {
					page, n, err := s.SearchPage(ctx, q)
					if err == nil && (n != wantN || len(page) != len(want)) {
						err = fmt.Errorf("%d cases on the page and a count of %d, want %d and %d", len(page), n, len(want), wantN)
					}
					errs <- err
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
	})
	for _, term := range terms {
		for _, sort := range []casefile.Sort{casefile.SortNewest, casefile.SortOldest} {
			for _, status := range []casefile.Status{"", casefile.StatusSubmitted} {
				for _, limits := range [][2]int{{200, 1000}, {50, 100}, {130, 300}, {30, 80}, {250, 700}} {
					q := casefile.Query{Text: term, Sort: sort, Status: status, Limit: limits[0], CountLimit: limits[1]}
					t.Run(fmt.Sprintf("%s/%s/%s/%d", term, sort, status, limits[1]), func(t *testing.T) {
						page, n, err := s.SearchPage(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						plain := q
						plain.CountLimit = 0
						want, err := s.Search(ctx, plain)
						if err != nil {
							t.Fatal(err)
						}
						wantN, err := s.Count(ctx, q)
						if err != nil {
							t.Fatal(err)
						}
						if n != wantN {
							t.Errorf("count %d, want %d", n, wantN)
						}
						if !slices.EqualFunc(page, want, func(a, b casefile.Summary) bool { return a.Number == b.Number }) {
							t.Errorf("page of %d differs from the plain search's %d", len(page), len(want))
						}
					})
				}
			}
		}
	}
}
