package sqlite

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"recoverydesk/casefile"
)

// A search of several words asks the index for each word's rarest trigrams and checks the word
// whole; its answer must be the one the whole phrases give, in every order, with a status
// filter, counted exactly and up to a limit.
func TestSearch_RareTrigramsAnswerAsThePhrases(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SeedCases(ctx, sampleCases(3000, 5)); err != nil {
		t.Fatal(err)
	}
	phrases := func(q casefile.Query) ([]string, int) {
		query, args := selectCases(q, "c.number", nil)
		rows, err := s.rdb.QueryContext(ctx, query, args...)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var n string
			if err := rows.Scan(&n); err != nil {
				t.Fatal(err)
			}
			out = append(out, n)
		}
		return out, len(out)
	}
	for _, text := range []string{"смирнова дарья", "иванов иван", "алёна петровна", "xiaomi redmi", "иванов 8 (903) 1",
		"мария ab", "нетакого имени", `ива"нов петр`, "100% иван"} {
		for _, sort := range []casefile.Sort{casefile.SortNewest, casefile.SortOldest, casefile.SortWaitingLongest} {
			for _, status := range []casefile.Status{"", casefile.StatusSubmitted} {
				q := casefile.Query{Text: text, Sort: sort, Status: status}
				want, wantN := phrases(q)
				got, err := s.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if !slices.EqualFunc(got, want, func(a casefile.Summary, b string) bool { return a.Number == b }) {
					t.Errorf("%q %s %q: %d cases, the phrases find %d", text, sort, status, len(got), len(want))
				}
				if n, err := s.Count(ctx, q); err != nil || n != wantN {
					t.Errorf("%q %s %q: counted %d (%v), want %d", text, sort, status, n, err, wantN)
				}
				q.CountLimit = 3
				if n, err := s.Count(ctx, q); err != nil || n != min(wantN, 4) {
					t.Errorf("%q %s %q: counted %d up to 3 (%v), want %d", text, sort, status, n, err, min(wantN, 4))
				}
			}
		}
	}
	if s.gramCounts(ctx, "смирнова дарья") == nil {
		t.Error("no trigram counts were taken: the test compared the phrases with themselves")
	}
}
