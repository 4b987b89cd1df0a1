package sqlite

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"recoverydesk/data/storetest"
)

// benchCases is the size of the searched database; BENCH_CASES overrides it.
func benchCases() int {
	if n, err := strconv.Atoi(os.Getenv("BENCH_CASES")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

func sampleCases(n int, seed uint64) []*casefile.Case {
	r := rand.New(rand.NewPCG(seed, 7))
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	out := make([]*casefile.Case, n)
	for i := range out {
		out[i] = sample.Case(r, now)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	return out
}

// BenchmarkImport10k imports 10,000 cases in one all-or-nothing transaction, as "import" does.
func BenchmarkImport10k(b *testing.B) {
	cases := sampleCases(10_000, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(filepath.Join(b.TempDir(), "import.db"))
		if err != nil {
			b.Fatal(err)
		}
		batch := make([]*casefile.Case, len(cases))
		for i, c := range cases {
			cc := *c
			cc.History = nil
			batch[i] = &cc
		}
		b.StartTimer()
		if err := s.ImportCases(ctx, batch, "bench"); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

var (
	bigOnce  sync.Once
	bigStore *Store
	bigErr   error
	bigDir   string
)

// bigDB seeds the search database once per run; BENCH_DB keeps it between runs.
func bigDB(b *testing.B) *Store {
	bigOnce.Do(func() {
		path := os.Getenv("BENCH_DB")
		if path == "" {
			bigDir, _ = os.MkdirTemp("", "recoverydesk-bench-")
			path = filepath.Join(bigDir, "cases.db")
		}
		_, statErr := os.Stat(path)
		bigStore, bigErr = Open(path)
		if bigErr != nil || statErr == nil {
			return
		}
		n := benchCases()
		all := sampleCases(n, 2)
		for i := 0; i < n; i += 5000 {
			if bigErr = bigStore.SeedCases(ctx, all[i:min(n, i+5000)]); bigErr != nil {
				return
			}
		}
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigStore
}

// BenchmarkSearch100k measures what the case list runs for one keystroke (the count and the first
// page of 200) against 100,000 cases, and reports the 50th and 95th percentiles.
func BenchmarkSearch100k(b *testing.B) { storetest.BenchSearch(b, bigDB(b)) }

// BenchmarkFirstPage100k is the list as the window opens: all cases, newest first, first page.
func BenchmarkFirstPage100k(b *testing.B) { storetest.BenchFirstPage(b, bigDB(b)) }

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
