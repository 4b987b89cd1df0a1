package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_SixDigitNumbers: past 99,999 cases in a year the number grows a digit (2026-100000):
// it is found, shown and listed, the list stays a table, and the newest is still first.
func TestCLI_SixDigitNumbers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	first := importExample(t, db, 1)[0]
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	year := first[:4]
	// As if the year had run to 99,998 cases already.
	if _, err := raw.Exec(`UPDATE cases SET seq = 99998, number = ? WHERE number = ?`, year+"-99998", first); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	nums := importExample(t, db, 1) // the example holds two cases
	if nums[0] != year+"-99999" || nums[1] != year+"-100000" {
		t.Fatalf("numbered %v", nums)
	}
	out, errOut, code := runCLI(t, db, "list")
	if code != exitOK {
		t.Fatal(errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !strings.HasPrefix(lines[0], year+"-100000 ") {
		t.Fatalf("the newest case is not first: %q", lines[0])
	}
	at := strings.Index(lines[0], "intake")
	for _, l := range lines {
		if strings.Index(l, "intake") != at {
			t.Fatalf("the list is no longer a table:\n%s", out)
		}
	}
	if shown, errOut, code := runCLI(t, db, "show", year+"-100000"); code != exitOK || !strings.Contains(shown, year+"-100000") {
		t.Fatalf("show: %d %q %q", code, shown, errOut)
	}
	if found, _, _ := runCLI(t, db, "list", "--search", year+"-100000"); strings.Count(found, "\n") != 1 {
		t.Fatalf("searching the number found %q", found)
	}
}
