package storetest

import (
	"sort"
	"testing"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// The measurements both engines' benchmarks make on their own large database, so that
// make bench prints them side by side for the same searches.

// BenchSearch times what the case list runs for one keystroke in its search (the count, which
// stops past casefile.SearchCountLimit as the list's does, and the first page of 200), for Cyrillic names, phone digits and partial IMEIs, and reports the 50th
// and 95th percentiles of each kind.
func BenchSearch(b *testing.B, s data.Store) {
	queries := []struct {
		name  string
		terms []string
	}{
		{"cyrillic_name", []string{"иванов", "Алёна", "смирнова дарья", "соловьёв", "петровна", "зайцев"}},
		{"partial_imei", []string{"8612345", "86403768", "35209", "1761481", "8655"}},
		{"phone_digits", []string{"912 345", "8 (903) 1", "+7 915 20", "4567", "909 12-3"}},
	}
	// Each term once before the stopwatch runs: a counter that has been searching all day has
	// the indexes in memory, and a first search after the server started reads them from disk
	// once, which is not what each keystroke costs.
	for _, q := range queries {
		for _, term := range q.terms {
			firstPage(b, s, casefile.Query{Text: term, Limit: 200})
		}
	}
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			var times []time.Duration
			for b.Loop() {
				for _, term := range q.terms {
					times = append(times, firstPage(b, s, casefile.Query{Text: term, Limit: 200, CountLimit: casefile.SearchCountLimit}))
				}
			}
			ReportPercentiles(b, times)
		})
	}
	// The same names counted to the last case, as a report or the command line's list does.
	b.Run("cyrillic_name_exact_count", func(b *testing.B) {
		var times []time.Duration
		for b.Loop() {
			for _, term := range queries[0].terms {
				times = append(times, firstPage(b, s, casefile.Query{Text: term, Limit: 200}))
			}
		}
		ReportPercentiles(b, times)
	})
}

// BenchFirstPage times the list as the window opens: every case, newest first, the first page.
func BenchFirstPage(b *testing.B, s data.Store) {
	var times []time.Duration
	for b.Loop() {
		times = append(times, firstPage(b, s, casefile.Query{Limit: 200}))
	}
	ReportPercentiles(b, times)
}

// firstPage times one count and first page as the list asks for them (in one question where the
// engine offers it, else side by side); the
// stopwatch is the domain's clock, the one place the program reads the wall clock.
func firstPage(b *testing.B, s data.Store, q casefile.Query) time.Duration {
	t0 := casefile.SystemClock()
	if p, ok := s.(data.Pager); ok && q.CountLimit > 0 {
		if _, _, err := p.SearchPage(ctx, q); err != nil {
			b.Fatal(err)
		}
		return casefile.SystemClock().Sub(t0)
	}
	counted := make(chan error, 1)
	go func() {
		_, err := s.Count(ctx, q)
		counted <- err
	}()
	_, err := s.Search(ctx, q)
	if cerr := <-counted; err == nil {
		err = cerr
	}
	if err != nil {
		b.Fatal(err)
	}
	return casefile.SystemClock().Sub(t0)
}

// ReportPercentiles reports the median and the 95th percentile of times, in milliseconds.
func ReportPercentiles(b *testing.B, times []time.Duration) {
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
	b.ReportMetric(ms(times[len(times)*95/100]), "p95-ms")
}
