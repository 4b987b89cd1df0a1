package ui

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
	"recoverydesk/data/sqlite"
)

// BenchmarkOpenCaseDuringBackup opens cases from the list, one after another, while "Back up
// now" copies a large database beside them, and reports how long each open took: the case read
// from the store and its window built, as a click or Enter in the list does. The database holds
// 60 cases and one more whose photos fill it to BENCH_BACKUP_MB (2048 by default); BENCH_WORK
// keeps it between runs. Target: every open under 300 ms. Run it with -benchtime 1x.
func BenchmarkOpenCaseDuringBackup(b *testing.B) {
	mb := 2048
	if n, err := strconv.Atoi(os.Getenv("BENCH_BACKUP_MB")); err == nil && n > 0 {
		mb = n
	}
	dir := os.Getenv("BENCH_WORK")
	if dir == "" {
		dir = b.TempDir()
	}
	s, numbers := bigDatabase(b, filepath.Join(dir, fmt.Sprintf("backup-%dmb.db", mb)), mb)
	defer s.Close()
	set := casefile.DefaultSettings()
	set.Technician = "Bench"
	a := newApp(test.NewTempApp(b), s, Options{Operator: "bench", ExportDir: b.TempDir(), DataDir: b.TempDir()}, set, true)
	a.WaitIdle()

	open := func(num string) time.Duration {
		t0 := time.Now()
		a.showCase(num)
		d := time.Since(t0)
		if f := a.raise(num); f == nil {
			b.Fatalf("case %s did not open", num)
		} else {
			f.win.Close()
		}
		return d
	}
	for _, num := range numbers[:5] { // warm the page cache for the cases themselves
		open(num)
	}
	var quiet []time.Duration
	for _, num := range numbers {
		quiet = append(quiet, open(num))
	}

	b.ResetTimer()
	for range b.N {
		dest := filepath.Join(b.TempDir(), "backup.db")
		done := make(chan error, 1)
		t0 := time.Now()
		go func() { done <- s.Backup(context.Background(), dest) }()
		var during []time.Duration
		var backupErr error
	loop:
		for i := 0; ; i++ {
			select {
			case backupErr = <-done:
				break loop
			default:
			}
			during = append(during, open(numbers[i%len(numbers)]))
		}
		took := time.Since(t0)
		if backupErr != nil {
			b.Fatal(backupErr)
		}
		if fi, err := os.Stat(dest); err != nil || fi.Size() < int64(mb)<<20*9/10 {
			b.Fatalf("the backup is not whole: %v", err)
		}
		os.Remove(dest)
		b.ReportMetric(took.Seconds(), "backup-s")
		b.ReportMetric(float64(len(during)), "opens-during-backup")
		b.ReportMetric(ms(percentile(during, 50)), "p50-ms")
		b.ReportMetric(ms(percentile(during, 95)), "p95-ms")
		b.ReportMetric(ms(slices.Max(during)), "max-ms")
	}
	b.ReportMetric(ms(percentile(quiet, 95)), "quiet-p95-ms")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func percentile(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[(len(s)-1)*p/100]
}

// bigDatabase opens the database at path, first filling it to about mb megabytes if it is not
// there yet: 60 ordinary cases, and one whose attached files (40 MB each, incompressible, as
// photos are) make up the size.
func bigDatabase(b *testing.B, path string, mb int) (*sqlite.Store, []string) {
	b.Helper()
	_, statErr := os.Stat(path)
	s, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if statErr != nil {
		r := rand.New(rand.NewPCG(1, 2))
		cases := make([]*casefile.Case, 61)
		for i := range cases {
			imei := fmt.Sprintf("35209900%06d", i)
			cases[i] = seeded(fmt.Sprintf("Клиент %d", i), imei+luhnDigit(imei), casefile.StatusSubmitted, i%40)
		}
		if err := s.SeedCases(ctx, cases); err != nil {
			b.Fatal(err)
		}
		rows, err := s.Search(ctx, casefile.Query{Sort: casefile.SortOldest})
		if err != nil {
			b.Fatal(err)
		}
		store := rows[0].Number
		chunk := make([]byte, 40<<20)
		for i := 0; i*40 < mb; i++ {
			for j := range chunk {
				chunk[j] = byte(r.Uint32())
			}
			att := &casefile.Attachment{Kind: casefile.AttachOther, Name: fmt.Sprintf("scan-%02d.pdf", i), MediaType: "application/pdf",
				Size: int64(len(chunk)), SHA256: fmt.Sprintf("%064x", i), Data: chunk}
			if err := s.AddAttachment(ctx, store, att, "bench"); err != nil {
				b.Fatal(err)
			}
		}
	}
	rows, err := s.Search(ctx, casefile.Query{Sort: casefile.SortOldest})
	if err != nil {
		b.Fatal(err)
	}
	var numbers []string
	for _, r := range rows[1:] { // the first case holds the files
		numbers = append(numbers, r.Number)
	}
	return s, numbers
}

// luhnDigit is the check digit that makes the 14 digits in body a valid IMEI.
func luhnDigit(body string) string {
	sum := 0
	for i, c := range body {
		d := int(c - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return strconv.Itoa((10 - sum%10) % 10)
}
