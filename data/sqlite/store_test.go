package sqlite

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"recoverydesk/casefile"
)

var ctx = context.Background()

// fixedNow is the clock of every store test: 2026-11-24 10:00 UTC, moved on by a second a call.
func newStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "sub", "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	clock := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return s
}

func sampleCase() *casefile.Case {
	return &casefile.Case{
		Customer: casefile.Customer{Name: "Иванов Иван Петрович", Phone: "+7 912 345-67-89", Email: "Ivanov@Example.com",
			IDDocument: casefile.IDDocument{Type: "Паспорт РФ", Number: "4510 123456"}, Consent: true},
		Device:   casefile.Device{Brand: "Xiaomi", Model: "Redmi Note 12", IMEI1: "4901 5420 3237 518", IMEI2: "35-209900-176148-1", LockScreenText: "Locked 123***789"},
		Purchase: casefile.Purchase{Date: "2024-03-15", Seller: "Связной", Channel: casefile.ChannelRetailer},
	}
}

// digest is a fingerprint of every row of every table, to prove a refused operation wrote nothing.
func digest(t *testing.T, s *Store) string {
	t.Helper()
	h := sha256.New()
	for _, q := range []string{
		`SELECT id, number, status, status_since, version, body FROM cases ORDER BY id`,
		`SELECT case_id, imei FROM case_imeis ORDER BY 1, 2`,
		`SELECT rowid, haystack FROM case_search ORDER BY rowid`,
		`SELECT id, case_id, kind, sha256, removed, hex(data) FROM attachments ORDER BY id`,
		`SELECT id, case_id, action, note, details FROM history ORDER BY id`,
	} {
		rows, err := s.db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintln(h, vals...)
		}
		rows.Close()
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestOpen_OwnerOnlyPermissions(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "RecoveryDesk")
	s, err := Open(filepath.Join(dir, "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CreateCase(ctx, sampleCase(), "anna"); err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS == "windows" {
		// Windows keeps a file private by the access list of the folder it is made in (the
		// database's own is in the user's profile); it has no mode bits to check.
		return
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("folder mode = %v, want 0700", fi.Mode().Perm())
	}
	for _, name := range []string{"cases.db", "cases.db-wal", "cases.db-shm"} {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode = %v, want 0600", name, fi.Mode().Perm())
		}
	}
}

func TestOpen_Reopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cases.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.CreateCase(ctx, sampleCase(), "anna")
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if n, _ := s.Count(ctx, casefile.Query{}); n != 1 {
		t.Fatalf("after reopen %d cases", n)
	}
}

func TestStore_CreateCase(t *testing.T) {
	s := newStore(t)
	for i := 1; i <= 3; i++ {
		c := sampleCase()
		if err := s.CreateCase(ctx, c, "anna"); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("2026-%05d", i); c.Number != want {
			t.Fatalf("number = %s, want %s", c.Number, want)
		}
	}
	got, err := s.Case(ctx, "2026-00002")
	if err != nil {
		t.Fatal(err)
	}
	if got.Device.IMEI1 != "490154203237518" || got.Device.IMEI2 != "352099001761481" {
		t.Errorf("IMEIs not stored canonical: %+v", got.Device)
	}
	if got.Status != casefile.StatusIntake || got.Version != 1 || got.CreatedBy != "anna" || got.Customer.ConsentAt.IsZero() {
		t.Errorf("case = %+v", got)
	}
	if len(got.History) != 1 || got.History[0].Action != casefile.ActionCreated {
		t.Errorf("history = %+v", got.History)
	}
	if _, err := s.Case(ctx, "2026-99999"); err == nil {
		t.Error("a missing case was found")
	}
}

func TestStore_SaveCase(t *testing.T) {
	s := newStore(t)
	c := sampleCase()
	s.CreateCase(ctx, c, "anna")
	c.Device.Serial = "SN-1"
	c.Customer.Name = "Иванов Иван"
	if err := s.SaveCase(ctx, c, "boris"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Case(ctx, c.Number)
	if got.Device.Serial != "SN-1" || got.Version != 2 || c.Version != 2 {
		t.Fatalf("saved case = %+v", got)
	}
	last := got.History[len(got.History)-1]
	if last.Action != casefile.ActionEdited || last.Operator != "boris" || last.Note != "changed: customer.name, device.serial" {
		t.Fatalf("edit event = %+v", last)
	}
}

func TestStore_SaveCase_ConflictKeepsBoth(t *testing.T) {
	s := newStore(t)
	c := sampleCase()
	s.CreateCase(ctx, c, "anna")
	first, _ := s.Case(ctx, c.Number)
	second, _ := s.Case(ctx, c.Number)
	first.Device.Serial = "from window one"
	if err := s.SaveCase(ctx, first, "anna"); err != nil {
		t.Fatal(err)
	}
	before := digest(t, s)
	second.Device.Serial = "from window two"
	err := s.SaveCase(ctx, second, "boris")
	if err == nil || !isConflict(err) {
		t.Fatalf("second save = %v, want a conflict", err)
	}
	if second.Device.Serial != "from window two" {
		t.Error("the refused form lost what was typed")
	}
	if digest(t, s) != before {
		t.Error("a refused save changed the database")
	}
}

func TestStore_SaveCase_RefusedLeavesDatabase(t *testing.T) {
	s := newStore(t)
	c := sampleCase()
	s.CreateCase(ctx, c, "anna")
	before := digest(t, s)
	c.Device.IMEI1 = "490154203237519"
	c.Customer.Email = "not an address"
	err := s.SaveCase(ctx, c, "anna")
	ve, ok := err.(casefile.ValidationError)
	if !ok || ve.Field("device.imei1") == "" || ve.Field("customer.email") == "" {
		t.Fatalf("save = %v, want field errors", err)
	}
	if c.Device.IMEI1 != "490154203237519" {
		t.Error("the form lost the typed IMEI")
	}
	if digest(t, s) != before {
		t.Error("a refused save changed the database")
	}
}

func TestStore_ChangeStatus(t *testing.T) {
	s := newStore(t)
	c := sampleCase()
	s.CreateCase(ctx, c, "anna")
	before := digest(t, s)
	_, err := s.ChangeStatus(ctx, c.Number, casefile.StatusSubmitted, "", nil, "anna")
	if te, ok := err.(*casefile.TransitionError); !ok || len(te.Missing) == 0 {
		t.Fatalf("submitting an unready case = %v", err)
	}
	if _, err := s.ChangeStatus(ctx, c.Number, casefile.StatusResolved, "", nil, "anna"); err == nil {
		t.Fatal("intake -> resolved was allowed")
	}
	if digest(t, s) != before {
		t.Fatal("a refused status change changed the database")
	}
	got, err := s.ChangeStatus(ctx, c.Number, casefile.StatusSelfService, "customer knows the login", nil, "anna")
	if err != nil {
		t.Fatal(err)
	}
	last := got.History[len(got.History)-1]
	if got.Status != casefile.StatusSelfService || last.From != casefile.StatusIntake || last.To != casefile.StatusSelfService || last.Note != "customer knows the login" {
		t.Fatalf("after change: %s %+v", got.Status, last)
	}
}

func TestStore_HistoryIsAppendOnly(t *testing.T) {
	s := newStore(t)
	s.CreateCase(ctx, sampleCase(), "anna")
	if _, err := s.db.Exec(`UPDATE history SET note = 'forged'`); err == nil {
		t.Error("history row was updated")
	}
	if _, err := s.db.Exec(`DELETE FROM history`); err == nil {
		t.Error("history row was deleted")
	}
}

func TestStore_ImportCases_AllOrNothing(t *testing.T) {
	s := newStore(t)
	s.CreateCase(ctx, sampleCase(), "anna")
	before := digest(t, s)
	bad := sampleCase()
	bad.Device.IMEI1 = "123"
	err := s.ImportCases(ctx, []*casefile.Case{sampleCase(), sampleCase(), bad}, "anna")
	if err == nil {
		t.Fatal("import of a bad case succeeded")
	}
	if digest(t, s) != before {
		t.Fatal("a failed import wrote something")
	}
	if err := s.ImportCases(ctx, []*casefile.Case{sampleCase(), sampleCase()}, "anna"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Count(ctx, casefile.Query{}); n != 3 {
		t.Fatalf("%d cases after import", n)
	}
}

func isConflict(err error) bool { return err != nil && errorsIs(err, ErrConflict) }

func errorsIs(err, target error) bool { return errors.Is(err, target) }

// TestOpen_ReadOnlyFileIsRefusedAsItIs: a database file its owner made read-only is refused with
// what to do, and its mode is left as the owner set it; a file others could read is narrowed
// to its owner.
func TestOpen_ReadOnlyFileIsRefusedAsItIs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "archive.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	ro, _ := os.Stat(path) // 0400 here; Windows shows its read-only attribute as 0444
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "read-only") || !strings.Contains(err.Error(), makeWritable) {
		t.Fatalf("opening a read-only database: %v", err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != ro.Mode().Perm() {
		t.Fatalf("the refused file's mode became %04o", fi.Mode().Perm())
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + side); err == nil {
			t.Errorf("the refused open left %s beside the file", side)
		}
	}
	os.Chmod(path, 0o644)
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("a database others could read is left %04o", fi.Mode().Perm())
	}
}

// TestOpen_RefusedFileLeavesNothingBeside: a file that is not a RecoveryDesk database is refused
// with nothing made beside it (no lock file, no journal), so a mistyped --db leaves no trace.
func TestOpen_RefusedFileLeavesNothingBeside(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"notes.txt": "ключи от сейфа у Анны\n",
		"photo.jpg": "\xff\xd8\xff\xe0 not much of a photo",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if s, err := Open(path); err == nil {
			s.Close()
			t.Fatalf("%s was opened as a database", name)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Errorf("%s changed", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the refused opens left %v", names)
	}
}
