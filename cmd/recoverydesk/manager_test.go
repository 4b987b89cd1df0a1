package main

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func importExample(t *testing.T, db string, times int) []string {
	t.Helper()
	var nums []string
	for i := 0; i < times; i++ {
		out, errOut, code := runCLI(t, db, "import", filepath.Join("..", "..", "docs", "import-example", "case.json"))
		if code != exitOK {
			t.Fatal(errOut)
		}
		nums = append(nums, strings.Fields(out)...)
	}
	return nums
}

func TestCLI_BatchExportWithABrokenCase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	nums := importExample(t, db, 3) // cases 1, 3, 5 are ready; 2, 4, 6 are not
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE attachments SET data = X'00' WHERE kind = 'box' AND case_id = (SELECT id FROM cases WHERE number = ?)`, nums[2]); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out, errOut, code := runCLI(t, db, "export", "--all-ready", "--dir", filepath.Join(dir, "out"))
	if code != exitRefused {
		t.Errorf("a failed case must make the run exit 1, got %d", code)
	}
	if !strings.Contains(errOut, nums[2]+": not exported") || !strings.Contains(errOut, "exported 2 ready case(s); 1 failed; 3 not ready") {
		t.Errorf("stderr = %s", errOut)
	}
	for _, n := range []string{nums[0], nums[4]} {
		if !strings.Contains(out, n) {
			t.Errorf("%s was not exported", n)
		}
		for _, f := range []string{"dossier-" + n + ".pdf", "email-" + n + ".eml"} {
			if _, err := os.Stat(filepath.Join(dir, "out", f)); err != nil {
				t.Error(err)
			}
		}
	}
}

func TestCLI_ReportBackupRestorePurge(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	nums := importExample(t, db, 1)
	csvPath := filepath.Join(dir, "r.csv")
	if _, errOut, code := runCLI(t, db, "report", "--csv", csvPath, "--lang", "ru", "--since", "2000-01-01"); code != exitOK {
		t.Fatal(errOut)
	}
	b, _ := os.ReadFile(csvPath)
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil || len(recs) != 3 || recs[1][3] != "Иванова Алёна Сергеевна" {
		t.Fatalf("report = %q, %v", recs, err)
	}
	if _, _, code := runCLI(t, db, "report", "--csv", csvPath, "--since", "yesterday"); code != exitRefused {
		t.Error("a bad date was taken")
	}
	// Swapped dates would make an empty report that looks like a quiet month; one day is fine.
	if _, errOut, code := runCLI(t, db, "report", "--csv", csvPath, "--since", "31.12.2026", "--until", "01.01.2026"); code != exitRefused || !strings.Contains(errOut, "after --until") {
		t.Errorf("swapped dates: exit %d, %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, db, "report", "--csv", csvPath, "--since", "2026-03-15", "--until", "2026-03-15"); code != exitOK {
		t.Errorf("a one-day report refused: %q", errOut)
	}

	backup := filepath.Join(dir, "backup.db")
	if _, errOut, code := runCLI(t, db, "backup", backup); code != exitOK {
		t.Fatal(errOut)
	}
	runCLI(t, db, "status", nums[1], "closed", "--note", "customer withdrew")
	out, _, _ := runCLI(t, db, "purge", "--dry-run", "--days", "30")
	if !strings.Contains(out, "would purge 0 file(s)") {
		t.Errorf("dry run = %s", out)
	}
	os.WriteFile(filepath.Join(dir, "junk.db"), []byte("junk"), 0o600)
	if _, errOut, code := runCLI(t, db, "restore", filepath.Join(dir, "junk.db")); code != exitRefused || !strings.Contains(errOut, "untouched") {
		t.Errorf("junk restore: %d %s", code, errOut)
	}
	out, errOut, code := runCLI(t, db, "restore", backup)
	if code != exitOK || !strings.Contains(out, "kept as") {
		t.Fatalf("restore: %d %s %s", code, out, errOut)
	}
	out, _, _ = runCLI(t, db, "list", "--status", "closed")
	if strings.Contains(out, nums[1]) {
		t.Error("the restore did not bring back the earlier state")
	}
}
