package postgres_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"recoverydesk/data/postgres"
	"recoverydesk/data/storetest"
)

// The same measurements as the SQLite engine's benchmarks (data/sqlite/bench_test.go), on a
// shared database of BENCH_CASES cases (100,000 by default), so that make bench prints the two
// engines side by side.

func benchCases() int {
	if n, err := strconv.Atoi(os.Getenv("BENCH_CASES")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

var (
	bigOnce  sync.Once
	bigStore *postgres.Store
	bigErr   error
	bigDrop  func() // drops the benchmarks' database once every benchmark ran
)

// TestMain drops the database the search benchmarks share, which outlives any one of them.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigDrop != nil {
		bigStore.Close()
		bigDrop()
	}
	os.Exit(code)
}

// bigDB seeds one database for every benchmark of the run.
func bigDB(b *testing.B) *postgres.Store {
	bigOnce.Do(func() {
		var addr string
		addr, bigDrop, bigErr = createDatabase()
		if bigErr != nil {
			return
		}
		bigStore, bigErr = postgres.Open(addr)
		if bigErr != nil {
			return
		}
		n := benchCases()
		// Past 100,000 cases the sample is copied whole, each copy with numbers of its own:
		// seeding case by case through the store takes PostgreSQL two hours for a million,
		// and the copies match each search term as often, in proportion, as new samples would.
		seeded := min(n, 100_000)
		r := rand.New(rand.NewPCG(2, 7))
		now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
		all := make([]*casefile.Case, seeded)
		for i := range all {
			all[i] = sample.Case(r, now)
		}
		sort.Slice(all, func(i, j int) bool { return all[i].CreatedAt.Before(all[j].CreatedAt) })
		for i := 0; i < seeded; i += 5000 {
			if bigErr = bigStore.SeedCases(ctx, all[i:min(seeded, i+5000)]); bigErr != nil {
				return
			}
		}
		for k := 1; k < n/seeded; k++ {
			if _, bigErr = bigStore.DB().ExecContext(ctx, `INSERT INTO recoverydesk.cases (number, year, seq, status,
					status_since, created_at, created_by, updated_at, version, customer, model, imei1, haystack, body, branch)
				SELECT c.year || '-' || lpad((c.seq + $1 * m.top)::text, 6, '0'), c.year, c.seq + $1 * m.top, c.status,
					c.status_since, c.created_at, c.created_by, c.updated_at, c.version, c.customer, c.model, c.imei1,
					c.haystack, c.body, c.branch
				FROM recoverydesk.cases c, (SELECT max(seq) AS top FROM recoverydesk.cases WHERE id <= $2) m
				WHERE c.id <= $2 ORDER BY c.id`, k, seeded); bigErr != nil {
				return
			}
		}
		// As autovacuum leaves a database a while after a bulk load: the visibility map set (so
		// a count reads the index alone) and the planner's statistics up to date. Measured
		// right after the load, a count of every case reads the whole table instead.
		_, bigErr = bigStore.DB().ExecContext(ctx, `VACUUM ANALYZE`)
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigStore
}

// BenchmarkSearch100k is one keystroke in the list's search (the count and the first 200 rows).
func BenchmarkSearch100k(b *testing.B) { storetest.BenchSearch(b, bigDB(b)) }

// BenchmarkFirstPage100k is the list as the window opens: all cases, newest first, first page.
func BenchmarkFirstPage100k(b *testing.B) { storetest.BenchFirstPage(b, bigDB(b)) }

// BenchmarkImport10k imports 10,000 cases in one all-or-nothing transaction, as "import" does,
// each time into a new database, beside the SQLite engine's same benchmark.
func BenchmarkImport10k(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 7))
	now := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	cases := make([]*casefile.Case, 10_000)
	for i := range cases {
		cases[i] = sample.Case(r, now)
		cases[i].History = nil
	}
	for b.Loop() {
		b.StopTimer()
		s, err := postgres.Open(newDatabase(b))
		if err != nil {
			b.Fatal(err)
		}
		batch := make([]*casefile.Case, len(cases))
		for i, c := range cases {
			cc := *c
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

// BenchmarkEightCountersSave: eight counters, each with a connection of its own, save their own
// cases at the same time for a few seconds; saves per second over all and the p95 of one save.
func BenchmarkEightCountersSave(b *testing.B) {
	db := newDatabase(b)
	const counters = 8
	stores := make([]*postgres.Store, counters)
	numbers := make([]string, counters)
	for i := range stores {
		s, err := postgres.Open(db)
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		c := sample.Case(rand.New(rand.NewPCG(uint64(i), 9)), time.Now())
		c.History, c.Number = nil, ""
		if err := s.CreateCase(ctx, c, fmt.Sprint("counter", i)); err != nil {
			b.Fatal(err)
		}
		stores[i], numbers[i] = s, c.Number
	}
	for b.Loop() {
		var mu sync.Mutex
		var times []time.Duration
		var wg sync.WaitGroup
		stop := time.Now().Add(3 * time.Second)
		for i := range counters {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; time.Now().Before(stop); n++ {
					t0 := time.Now()
					c, err := stores[i].Case(ctx, numbers[i])
					if err == nil {
						c.Notes = fmt.Sprint("save ", n)
						err = stores[i].SaveCase(ctx, c, fmt.Sprint("counter", i))
					}
					if err != nil {
						b.Error(err)
						return
					}
					mu.Lock()
					times = append(times, time.Since(t0))
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		b.ReportMetric(float64(len(times))/3, "saves/s")
		storetest.ReportPercentiles(b, times)
	}
}
