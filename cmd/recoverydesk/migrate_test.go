package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_Migrate: a counter's database moves into the shared one with every case, its history
// and its files, each read back and compared; a second counter whose numbers are taken there is
// refused whole unless --renumber, which keeps the old number in the history; the numbering of
// the shared database moves past every number it took in.
func TestCLI_Migrate(t *testing.T) {
	shared := sharedDB(t)
	must := func(db string, args ...string) string {
		t.Helper()
		out, errOut, code := runCLI(t, db, args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
		return out
	}
	count := func(db string) int {
		t.Helper()
		return strings.Count(strings.TrimSpace(must(db, "list", "--json")), "\n") + 1
	}
	must(shared, "branch", "add", "MSK-1", "--name", "Москва")

	first := filepath.Join(t.TempDir(), "counter1.db")
	must(first, "demo", "--cases", "12", "--photos", "2", "--seed", "5")
	must(first, "import", filepath.Join("..", "..", "docs", "import-example", "case.json"))
	total := count(first)
	out := must(first, "migrate", "--to", shared, "--branch", "MSK-1")
	if !strings.Contains(out, fmt.Sprintf("moved %d cases", total)) || !strings.Contains(out, "read back and compared") || strings.Contains(out, "postgres://") {
		t.Fatalf("migrate said: %s", out)
	}
	if n := count(shared); n != total {
		t.Fatalf("the shared database has %d cases, want %d", n, total)
	}
	if n := count(first); n != total {
		t.Fatalf("the counter's file has %d cases after the move, want %d", n, total)
	}
	// A case there is the case here: its fields, history and files.
	var here, there struct {
		Number      string            `json:"number"`
		Branch      string            `json:"branch"`
		Customer    map[string]any    `json:"customer"`
		History     []map[string]any  `json:"history"`
		Attachments []json.RawMessage `json:"attachments"`
	}
	num := strings.Fields(must(first, "list", "--limit", "1"))[0]
	json.Unmarshal([]byte(must(first, "show", num, "--json", "--show-id")), &here)
	json.Unmarshal([]byte(must(shared, "show", num, "--json", "--show-id")), &there)
	if there.Branch != "MSK-1" || len(there.History) != len(here.History) || len(there.Attachments) != len(here.Attachments) ||
		there.Customer["name"] != here.Customer["name"] {
		t.Fatalf("%s moved as branch %q, %d history entries (%d), %d files (%d)", num, there.Branch, len(there.History), len(here.History), len(there.Attachments), len(here.Attachments))
	}

	// The same file again, even with --renumber: refused, nothing doubled.
	if _, errOut, code := runCLI(t, first, "migrate", "--to", shared, "--branch", "MSK-1", "--renumber"); code != exitRefused || !strings.Contains(errOut, "already in the shared database") {
		t.Fatalf("moving the same counter twice: exit %d, %s", code, errOut)
	}
	if n := count(shared); n != total {
		t.Fatalf("a second move doubled the cases: %d", n)
	}

	// A second counter's numbers collide: refused whole, then moved under new numbers.
	second := filepath.Join(t.TempDir(), "counter2.db")
	must(second, "demo", "--cases", "3", "--photos", "1", "--seed", "6")
	if _, errOut, code := runCLI(t, second, "migrate", "--to", shared, "--branch", "MSK-1"); code != exitRefused || !strings.Contains(errOut, "--renumber") {
		t.Fatalf("colliding numbers: exit %d, %s", code, errOut)
	}
	if n := count(shared); n != total {
		t.Fatalf("a refused move stored something: %d cases", n)
	}
	more := count(second)
	out = must(second, "migrate", "--to", shared, "--branch", "MSK-1", "--renumber")
	if !strings.Contains(out, fmt.Sprintf("moved %d cases", more)) || !strings.Contains(out, "renumbered") || !strings.Contains(out, "→") {
		t.Fatalf("migrate --renumber said: %s", out)
	}
	line := strings.SplitN(out, "\n", 2)[0]
	old, renamed, _ := strings.Cut(line, " → ")
	if show := must(shared, "show", renamed); !strings.Contains(show, old) {
		t.Fatalf("the renumbered case's history does not name %s:\n%s", old, show)
	}
	// A case opened in the shared database afterwards takes a number no moved case has.
	fresh := strings.TrimSpace(must(shared, "import", filepath.Join("..", "..", "docs", "import-example", "case.json")))
	if strings.Contains(must(first, "list"), fresh) || strings.Contains(must(second, "list"), fresh) {
		t.Fatalf("the new case %s took a moved case's number", fresh)
	}

	// What migrate refuses before it reads anything: wrong usage, exit 2.
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"migrate"}, "--to"},
		{[]string{"migrate", "--to", filepath.Join(t.TempDir(), "other.db")}, "--to"},
	} {
		if _, errOut, code := runCLI(t, first, tt.args...); code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, %s", tt.args, code, errOut)
		}
	}
	// A mistyped --db names no counter: nothing is made there, nothing is moved, and the
	// shared database's address (which may carry a password) is not repeated.
	typo := filepath.Join(t.TempDir(), "typo.db")
	if _, errOut, code := runCLI(t, typo, "migrate", "--to", shared); code != exitRefused || !strings.Contains(errOut, "no counter's database") || strings.Contains(errOut, shared) {
		t.Errorf("a mistyped --db: exit %d, %s", code, errOut)
	}
	if _, err := os.Stat(typo); err == nil {
		t.Error("migrate made a database where --db was mistyped")
	}
}

// TestCLI_DBInit: the administrator's first step on a new shared database says it is ready and
// what comes next; a counter's file is not what it is for.
func TestCLI_DBInit(t *testing.T) {
	shared := sharedDB(t)
	out, errOut, code := runCLI(t, shared, "db", "init")
	if code != exitOK || !strings.Contains(out, "the shared database is ready") || !strings.Contains(out, "staff add") {
		t.Fatalf("db init: exit %d: %s %s", code, out, errOut)
	}
	if out, _, code := runCLI(t, shared, "db", "init"); code != exitOK || !strings.Contains(out, "is ready") {
		t.Fatalf("db init again: exit %d: %s", code, out)
	}
	if _, errOut, code := runCLI(t, tempDB(t), "db", "init"); code != exitRefused || !strings.Contains(errOut, "shared database") {
		t.Fatalf("db init on a file: exit %d: %s", code, errOut)
	}
}

// TestCLI_MissingSharedDatabase: an address whose database the server does not have says so in
// words, with how to make it, not in the driver's.
func TestCLI_MissingSharedDatabase(t *testing.T) {
	server := os.Getenv("RECOVERYDESK_TEST_PG")
	if server == "" {
		t.Fatal("RECOVERYDESK_TEST_PG is not set: `make test` starts a throwaway PostgreSQL")
	}
	addr := strings.Replace(server, "/postgres?", "/no_such_center?", 1)
	_, errOut, code := runCLI(t, addr, "list")
	if code != exitRefused || !strings.Contains(errOut, `has no database "no_such_center"`) || !strings.Contains(errOut, "createdb") || strings.Contains(errOut, "SQLSTATE") {
		t.Fatalf("a missing database: exit %d, %s", code, errOut)
	}
}

// TestCLI_HelpForOneCommand: "help list" is list's own help, on standard output.
func TestCLI_HelpForOneCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"help", "list"}, strings.NewReader(""), &out, &errb); code != exitOK || !strings.Contains(out.String(), "Usage: recoverydesk list") {
		t.Fatalf("help list: exit %d: %q %q", code, out.String(), errb.String())
	}
}

// TestCLI_SharedBackupRestore: backup and restore of a shared database go through pg_dump and
// pg_restore; what the restore replaces is kept beside the backup, and a file that is not a
// backup of it is refused with every case as it was.
func TestCLI_SharedBackupRestore(t *testing.T) {
	shared := sharedDB(t)
	must := func(args ...string) string {
		t.Helper()
		out, errOut, code := runCLI(t, shared, args...)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
		return out
	}
	must("demo", "--cases", "6", "--photos", "1", "--seed", "3")
	dir := t.TempDir()
	backup := filepath.Join(dir, "shared.dump")
	if out := must("backup", backup); !strings.Contains(out, "backed up the shared database to "+backup) {
		t.Fatalf("backup said: %s", out)
	}
	before := must("list")
	must("import", filepath.Join("..", "..", "docs", "import-example", "case.json"))
	after := must("list")

	// Not a backup: refused, nothing changed, nothing kept aside.
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("not a backup"), 0o600)
	if _, errOut, code := runCLI(t, shared, "restore", notes); code == exitOK || !strings.Contains(errOut, "is not a backup") {
		t.Errorf("restore of a text file: exit %d, %q", code, errOut)
	}
	if got := must("list"); got != after {
		t.Errorf("a refused restore changed the list:\n%s", got)
	}

	out := must("restore", backup)
	if !strings.Contains(out, "restored the shared database from "+backup+": 6 cases") || !strings.Contains(out, "recoverydesk-before-restore-") {
		t.Fatalf("restore said: %s", out)
	}
	if got := must("list"); got != before {
		t.Errorf("after the restore:\n%s\nwant:\n%s", got, before)
	}
	asides, _ := filepath.Glob(filepath.Join(dir, "recoverydesk-before-restore-*.dump"))
	if len(asides) != 1 {
		t.Fatalf("kept aside: %v", asides)
	}
	must("restore", asides[0])
	if got := must("list"); got != after {
		t.Errorf("the replaced data, restored:\n%s\nwant:\n%s", got, after)
	}
}

// TestCLI_MigratePurgedFiles: files purged at the counter move as the records they are, and
// the summary counts them apart from the files that move whole.
func TestCLI_MigratePurgedFiles(t *testing.T) {
	shared := sharedDB(t)
	db := filepath.Join(t.TempDir(), "counter.db")
	at := func(clock string, args ...string) string {
		t.Helper()
		t.Setenv("RECOVERYDESK_CLOCK", clock)
		out, errOut, code := runCLI(t, db, args...)
		if code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		return out
	}
	at("2026-01-10T10:00:00+03:00", "import", filepath.Join("..", "..", "docs", "import-example", "case.json"))
	at("2026-01-11T10:00:00+03:00", "status", "2026-00001", "closed", "--note", "handed back")
	if out := at("2026-06-01T10:00:00+03:00", "purge", "--days", "30"); !strings.Contains(out, "purged 3 file(s)") {
		t.Fatalf("purge said: %s", out)
	}
	out := at("2026-06-02T10:00:00+03:00", "migrate", "--to", shared)
	if !strings.Contains(out, "moved 2 cases with 0 files") || !strings.Contains(out, "3 purged files, their records only") {
		t.Fatalf("migrate said: %s", out)
	}
}

// TestCLI_MigrateReadOnlyCounter: an archived counter's file its owner made read-only moves
// like any other, read from a private copy, and stays byte for byte and mode as it was.
func TestCLI_MigrateReadOnlyCounter(t *testing.T) {
	shared := sharedDB(t)
	db := filepath.Join(t.TempDir(), "archived.db")
	if _, errOut, code := runCLI(t, db, "demo", "--cases", "4", "--photos", "1", "--seed", "9"); code != exitOK {
		t.Fatal(errOut)
	}
	if err := os.Chmod(db, 0o400); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(db)
	ro, _ := os.Stat(db) // 0400 here; Windows shows its read-only attribute as 0444
	out, errOut, code := runCLI(t, db, "migrate", "--to", shared)
	if code != exitOK || !strings.Contains(out, "moved 4 cases") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	after, _ := os.ReadFile(db)
	fi, _ := os.Stat(db)
	if string(after) != string(before) || fi.Mode().Perm() != ro.Mode().Perm() {
		t.Errorf("the read-only counter's file changed (mode %v)", fi.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "recoverydesk-copy-*")); len(left) > 0 {
		t.Errorf("the private copy was left behind: %v", left)
	}
	if side, _ := filepath.Glob(db + "-*"); len(side) > 0 {
		t.Errorf("files made beside the read-only counter's file: %v", side)
	}
}
