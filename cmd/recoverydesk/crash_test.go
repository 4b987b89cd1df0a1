package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/casefile/evidence"
	"recoverydesk/casefile/sample"
	"recoverydesk/data"
)

// The test binary doubles as the process that gets killed or that competes: with
// RECOVERYDESK_HELPER set it runs one job instead of the tests.
func TestMain(m *testing.M) {
	switch os.Getenv("RECOVERYDESK_HELPER") {
	case "":
		os.Exit(m.Run())
	case "cli":
		os.Exit(run(strings.Split(os.Getenv("RECOVERYDESK_ARGS"), "\x1f"), os.Stdin, os.Stdout, os.Stderr))
	case "attach":
		os.Exit(helperAttach(os.Getenv("RECOVERYDESK_DB_PATH"), os.Getenv("RECOVERYDESK_CASE")))
	case "edit":
		os.Exit(helperEdit(os.Getenv("RECOVERYDESK_DB_PATH"), os.Getenv("RECOVERYDESK_CASE"), os.Getenv("RECOVERYDESK_TAG")))
	}
}

// runHelpers starts one helper process per environment, all at once, waits for them all and
// returns what each printed on stderr, with its failure if it failed: "" for a clean run.
func runHelpers(t *testing.T, envs [][]string) []string {
	t.Helper()
	cmds := make([]*exec.Cmd, len(envs))
	outs := make([]*strings.Builder, len(envs))
	for i, env := range envs {
		cmds[i], outs[i] = helper(t, env...), &strings.Builder{}
		cmds[i].Stderr = outs[i]
		if err := cmds[i].Start(); err != nil {
			t.Fatal(err)
		}
	}
	said := make([]string, len(envs))
	for i, cmd := range cmds {
		said[i] = outs[i].String()
		if err := cmd.Wait(); err != nil {
			said[i] = fmt.Sprintf("%v: %s", err, outs[i])
		}
	}
	return said
}

// importBatch writes an import file of n cases, each with an IMEI of its own drawn from seed.
func importBatch(t *testing.T, n int, seed uint64) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	batch := make([]map[string]any, n)
	for i := range batch {
		batch[i] = map[string]any{
			"customer": map[string]any{"name": fmt.Sprintf("Клиент %d", i), "phone": "+7 912 345-67-89", "consent": true},
			"device":   map[string]any{"brand": "Xiaomi", "model": "Redmi Note 12", "imei1": sample.IMEI(r)},
		}
	}
	file := filepath.Join(t.TempDir(), "batch.json")
	raw, _ := json.Marshal(batch)
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}

func helper(t *testing.T, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// helperAttach adds photos to a case for ever, until it is killed.
func helperAttach(db, number string) int {
	s, err := data.Open(db, data.Options{})
	if err != nil {
		return 3
	}
	photo := sample.Photo(casefile.AttachBox, &casefile.Case{}, 640, 480)
	for i := 0; ; i++ {
		a, err := evidence.Prepare(casefile.AttachBox, fmt.Sprintf("box-%d.jpg", i), photo)
		if err != nil {
			return 4
		}
		if err := s.AddAttachment(context.Background(), number, &a, "crash"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 5
		}
	}
}

// helperEdit appends its tag to a case's notes 60 times, as a person would: open, edit, save,
// and on a conflict open again and redo the edit. Any other error fails.
func helperEdit(db, number, tag string) int {
	s, err := data.Open(db, data.Options{})
	if err != nil {
		return 3
	}
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		for {
			c, err := s.Case(ctx, number)
			if err != nil {
				fmt.Fprintln(os.Stderr, "read:", err)
				return 4
			}
			c.Notes += fmt.Sprintf(" %s-%d", tag, i)
			err = s.SaveCase(ctx, c, tag)
			if err == nil {
				break
			}
			if !errors.Is(err, data.ErrConflict) {
				fmt.Fprintln(os.Stderr, "save:", err)
				return 5
			}
		}
	}
	return 0
}

// checkConsistent proves the database survived: integrity check, every case complete, every
// attachment whole and recorded in its case's history.
func checkConsistent(t *testing.T, path string, importSize int) {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	var cases, searchRows, orphans, unrecorded int
	raw.QueryRow("SELECT COUNT(*) FROM cases").Scan(&cases)
	raw.QueryRow("SELECT COUNT(*) FROM case_search").Scan(&searchRows)
	raw.QueryRow("SELECT COUNT(*) FROM attachments a LEFT JOIN cases c ON c.id = a.case_id WHERE c.id IS NULL").Scan(&orphans)
	raw.QueryRow(`SELECT COUNT(*) FROM attachments a WHERE a.removed = 0 AND NOT EXISTS (SELECT 1 FROM history h WHERE h.case_id = a.case_id
		AND (h.action = 'created' OR (h.action = 'attachment_added' AND json_extract(h.details, '$.sha256') = a.sha256)))`).Scan(&unrecorded)
	if importSize > 0 && (cases-1)%importSize != 0 {
		t.Fatalf("%d cases: a half-written import (batches of %d plus one)", cases, importSize)
	}
	if searchRows != cases || orphans != 0 || unrecorded != 0 {
		t.Fatalf("cases %d, search rows %d, orphaned attachments %d, unrecorded attachments %d", cases, searchRows, orphans, unrecorded)
	}
	s, err := data.Open(path, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// Reading every file back each round would grow with the database; the newest cases and the
	// one that photos are added to are where a torn write would show.
	rows, _ := s.Search(context.Background(), casefile.Query{Limit: 20})
	oldest, _ := s.Search(context.Background(), casefile.Query{Sort: casefile.SortOldest, Limit: 1})
	for _, r := range append(rows, oldest...) {
		c, err := s.Case(context.Background(), r.Number)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range c.Attachments {
			if _, _, err := s.AttachmentData(context.Background(), a.ID); err != nil {
				t.Fatalf("%s/%s: %v", c.Number, a.Name, err)
			}
		}
	}
}

func TestCrash_KilledDuringImportAndAttach(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	// Tiny photos keep the preparation short, so the import's time goes to writing.
	os.WriteFile(filepath.Join(dir, "box.jpg"), sample.Photo(casefile.AttachBox, &casefile.Case{}, 64, 48), 0o600)
	var batch []map[string]any
	const size = 400
	for i := 0; i < size; i++ {
		batch = append(batch, map[string]any{"customer": map[string]any{"name": "Клиент " + strconv.Itoa(i)},
			"device":      map[string]any{"imei1": sample.IMEI(rand.New(rand.NewPCG(uint64(i), 1)))},
			"attachments": []map[string]any{{"kind": "box", "path": "box.jpg"}}})
	}
	js, _ := json.Marshal(batch)
	importFile := filepath.Join(dir, "batch.json")
	os.WriteFile(importFile, js, 0o600)
	// One case to attach photos to; every other case comes from whole imports.
	s, _ := data.Open(db, data.Options{})
	first := &casefile.Case{Customer: casefile.Customer{Name: "Первый"}}
	s.CreateCase(context.Background(), first, "t")
	s.Close()

	// Time one whole import, so the kills can aim at its writing end.
	start := time.Now()
	full := helper(t, "RECOVERYDESK_HELPER=cli", "RECOVERYDESK_ARGS="+strings.Join([]string{"import", importFile, "--db", db, "--operator", "crash"}, "\x1f"))
	if out, err := full.CombinedOutput(); err != nil {
		t.Fatalf("import: %v %s", err, out)
	}
	whole := time.Since(start)

	r := rand.New(rand.NewPCG(1, 2))
	rounds := 30
	imported, interrupted, midWrite := 0, 0, 0
	for i := 0; i < rounds; i++ {
		before := countCases(t, db)
		walBefore := modTime(db + "-wal")
		var cmd *exec.Cmd
		if i%2 == 0 {
			cmd = helper(t, "RECOVERYDESK_HELPER=cli", "RECOVERYDESK_ARGS="+strings.Join([]string{"import", importFile, "--db", db, "--operator", "crash"}, "\x1f"))
		} else {
			cmd = helper(t, "RECOVERYDESK_HELPER=attach", "RECOVERYDESK_DB_PATH="+db, "RECOVERYDESK_CASE="+first.Number)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(100+r.IntN(900)) * time.Millisecond
		if i%2 == 0 {
			// Aim near the commit: whole is nudged after every import (below) so the kills
			// close in on the moment the transaction is written.
			delay = whole*8/10 + time.Duration(r.Int64N(int64(whole*3/10)))
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		checkConsistent(t, db, size)
		if i%2 == 0 {
			switch {
			case countCases(t, db) > before:
				imported++
				whole = whole * 85 / 100
			case modTime(db+"-wal") != walBefore:
				midWrite++ // pages of the import reached the log, and none of it counts
			default:
				interrupted++
				whole = whole * 110 / 100
			}
		}
	}
	t.Logf("imports (the last kill aimed at %v): %d finished before the kill, %d killed while writing, %d killed before writing; none left a trace",
		whole.Round(time.Millisecond), imported, midWrite, interrupted)
	if imported == 0 || midWrite+interrupted == 0 {
		t.Error("the kills did not land on both sides of the commit: the test proved nothing")
	}
}

func countCases(t *testing.T, db string) int {
	raw, err := sql.Open("sqlite3", "file:"+db+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	raw.QueryRow("SELECT COUNT(*) FROM cases").Scan(&n)
	return n
}

// TestConcurrent_TwoProcessesEditOneCase: two processes save the same case 60 times each, on a
// counter's file and on a shared database; every edit survives (a save that lost the race is
// refused as a conflict and made again on the fresh case), and the version counts all 120.
func TestConcurrent_TwoProcessesEditOneCase(t *testing.T) {
	for _, engine := range []string{"sqlite", "postgres"} {
		t.Run(engine, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "cases.db")
			if engine == "postgres" {
				db = sharedDB(t)
			}
			s, err := data.Open(db, data.Options{})
			if err != nil {
				t.Fatal(err)
			}
			c := &casefile.Case{Customer: casefile.Customer{Name: "Общий клиент"}}
			if err := s.CreateCase(context.Background(), c, "t"); err != nil {
				t.Fatal(err)
			}
			s.Close()
			var envs [][]string
			for _, tag := range []string{"A", "B"} {
				envs = append(envs, []string{"RECOVERYDESK_HELPER=edit", "RECOVERYDESK_DB_PATH=" + db, "RECOVERYDESK_CASE=" + c.Number, "RECOVERYDESK_TAG=" + tag})
			}
			for i, out := range runHelpers(t, envs) {
				if out != "" {
					t.Errorf("editor %d: %s", i, out)
				}
			}
			s, err = data.Open(db, data.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			got, err := s.Case(context.Background(), c.Number)
			if err != nil {
				t.Fatal(err)
			}
			for _, tag := range []string{"A", "B"} {
				for i := 0; i < 60; i++ {
					if !strings.Contains(" "+got.Notes+" ", fmt.Sprintf(" %s-%d ", tag, i)) {
						t.Fatalf("edit %s-%d was lost", tag, i)
					}
				}
			}
			if got.Version != 121 {
				t.Errorf("version %d after 120 saves", got.Version)
			}
		})
	}
}

// TestConcurrent_EightCountersImport: eight processes import 500 cases each into one shared
// database at the same moment: 4,000 cases, 4,000 distinct numbers in sequence, and not one
// error for a person to read.
func TestConcurrent_EightCountersImport(t *testing.T) {
	db := sharedDB(t)
	file := importBatch(t, 500, 8)
	// The schema is made once, before the counters start, as the administrator does.
	if _, errOut, code := runCLI(t, db, "list"); code != exitOK {
		t.Fatal(errOut)
	}
	var envs [][]string
	for i := range 8 {
		envs = append(envs, []string{"RECOVERYDESK_HELPER=cli", "RECOVERYDESK_ARGS=" + strings.Join([]string{"import", file, "--db", db, "--operator", fmt.Sprintf("counter%d", i)}, "\x1f")})
	}
	for i, out := range runHelpers(t, envs) {
		if out != "" {
			t.Errorf("counter %d: %s", i, out)
		}
	}
	raw2, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw2.Close()
	var n, distinct, top int
	if err := raw2.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT number), MAX(seq) FROM recoverydesk.cases`).Scan(&n, &distinct, &top); err != nil {
		t.Fatal(err)
	}
	if n != 4000 || distinct != 4000 || top != 4000 {
		t.Fatalf("%d cases, %d distinct numbers, the highest %d; want 4,000 of each", n, distinct, top)
	}
}

func modTime(path string) time.Time {
	fi, err := os.Stat(path)
	if err != nil {
		return time.Time{}
	}
	return fi.ModTime()
}
