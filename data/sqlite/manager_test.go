package sqlite

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
)

func withFiles(c *casefile.Case) *casefile.Case {
	c.Attachments = []casefile.Attachment{
		{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG, Data: []byte("box photo bytes"), Rendition: []byte("small")},
		{Kind: casefile.AttachReceipt, Name: "чек.pdf", MediaType: casefile.MediaPDF, Data: []byte("%PDF receipt")},
	}
	return c
}

func TestStore_BackupWhileWritingThenRestore(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		s.CreateCase(ctx, withFiles(sampleCase()), "anna")
	}
	// Another connection (another counter) writes while the backup runs.
	other, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
				if err := other.CreateCase(ctx, withFiles(sampleCase()), "boris"); err != nil {
					t.Error(err)
					return
				}
			}
		}
	}()
	backup := filepath.Join(dir, "backups", "b.db")
	err = s.Backup(ctx, backup)
	close(stop)
	wg.Wait()
	other.Close()
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(backup); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v", fi.Mode().Perm())
	}
	if err := CheckBackup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	snapshot, err := Open(backup)
	if err != nil {
		t.Fatal(err)
	}
	want := caseFingerprints(t, snapshot)
	snapshot.Close()
	s.Close()

	aside, err := Restore(ctx, path, backup)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(aside); err != nil {
		t.Errorf("the replaced database was not kept: %v", err)
	}
	restored, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer restored.Close()
	got := caseFingerprints(t, restored)
	if len(got) < 20 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("restored %d cases, backup had %d, or they differ", len(got), len(want))
	}
}

// caseFingerprints lists each case with its attachments' SHA-256, read back and verified.
func caseFingerprints(t *testing.T, s *Store) []string {
	rows, err := s.Search(ctx, casefile.Query{Sort: casefile.SortOldest})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		c, err := s.Case(ctx, r.Number)
		if err != nil {
			t.Fatal(err)
		}
		line := c.Number + " " + c.Customer.Name
		for _, a := range c.Attachments {
			if _, _, err := s.AttachmentData(ctx, a.ID); err != nil {
				t.Fatalf("%s/%s: %v", c.Number, a.Name, err)
			}
			line += " " + a.SHA256
		}
		out = append(out, line)
	}
	return out
}

func TestRestore_RefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.db")
	s, _ := Open(path)
	s.CreateCase(ctx, sampleCase(), "anna")
	s.Close()
	before, _ := os.ReadFile(path)
	corrupt := filepath.Join(dir, "corrupt.db")
	good := filepath.Join(dir, "good.db")
	s, _ = Open(path)
	s.Backup(ctx, good)
	s.Close()
	raw, _ := os.ReadFile(good)
	for i := 4096; i < len(raw) && i < 4096*3; i++ {
		raw[i] ^= 0x5a
	}
	os.WriteFile(corrupt, raw, 0o600)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("not a database"), 0o600)
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	for _, bad := range []string{corrupt, text, empty, filepath.Join(dir, "missing.db")} {
		if _, err := Restore(ctx, path, bad); err == nil {
			t.Errorf("%s was restored", filepath.Base(bad))
		}
		after, _ := os.ReadFile(path)
		if !bytes.Equal(before, after) {
			t.Fatalf("a refused restore of %s changed the database", filepath.Base(bad))
		}
	}
}

func TestStore_Purge(t *testing.T) {
	s := newStore(t)
	old, recent, open := withFiles(sampleCase()), withFiles(sampleCase()), withFiles(sampleCase())
	for _, c := range []*casefile.Case{old, recent, open} {
		s.CreateCase(ctx, c, "anna")
	}
	s.ChangeStatus(ctx, old.Number, casefile.StatusClosed, "handed back", nil, "anna")
	s.ChangeStatus(ctx, recent.Number, casefile.StatusClosed, "handed back", nil, "anna")
	// Let 40 days pass for the first case only.
	s.db.Exec(`UPDATE cases SET status_since = ? WHERE number = ?`, ts(s.Now().AddDate(0, 0, -40)), old.Number)
	retention := 30 * 24 * time.Hour

	before := digest(t, s)
	preview, err := s.PurgePreview(ctx, retention)
	if err != nil || len(preview) != 2 || preview[0].Case != old.Number {
		t.Fatalf("preview = %+v, %v", preview, err)
	}
	if digest(t, s) != before {
		t.Fatal("the dry run changed the database")
	}
	purged, err := s.Purge(ctx, retention, "manager")
	if err != nil || len(purged) != 2 {
		t.Fatalf("purged %+v, %v", purged, err)
	}
	c, _ := s.Case(ctx, old.Number)
	for _, a := range c.Attachments {
		if !a.Purged || a.SHA256 == "" {
			t.Errorf("%s: purged=%v", a.Name, a.Purged)
		}
		if _, _, err := s.AttachmentData(ctx, a.ID); err == nil {
			t.Errorf("%s still has its bytes", a.Name)
		}
	}
	last := c.History[len(c.History)-1]
	if last.Action != casefile.ActionPurged || !strings.Contains(last.Details["files"], "чек.pdf") || !strings.Contains(last.Details["files"], c.Attachments[0].SHA256) {
		t.Errorf("purge event = %+v", last)
	}
	for _, num := range []string{recent.Number, open.Number} {
		k, _ := s.Case(ctx, num)
		for _, a := range k.Attachments {
			if _, _, err := s.AttachmentData(ctx, a.ID); err != nil {
				t.Errorf("%s lost %s: %v", num, a.Name, err)
			}
		}
	}
	if again, _ := s.PurgePreview(ctx, retention); len(again) != 0 {
		t.Errorf("a second purge would remove %d more", len(again))
	}
}

func TestStore_ReportCSV(t *testing.T) {
	s := newStore(t)
	c := sampleCase()
	s.CreateCase(ctx, c, "Анна")
	s.ChangeStatus(ctx, c.Number, casefile.StatusSelfService, "", nil, "Анна")
	s.RecordEvent(ctx, c.Number, casefile.Event{Operator: "Анна", Action: casefile.ActionExported})
	other := sampleCase()
	other.Customer.Name = "Смирнова; Алёна \"Кира\""
	s.CreateCase(ctx, other, "Борис")
	for _, tt := range []struct {
		lang  string
		comma rune
	}{{"ru", ';'}, {"en", ','}} {
		rows, err := s.ReportRows(ctx, casefile.ReportFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := dossier.WriteReportCSV(&buf, rows, tt.lang, s.Now()); err != nil {
			t.Fatal(err)
		}
		raw := buf.Bytes()
		if !bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
			t.Fatal("no byte-order mark")
		}
		r := csv.NewReader(bytes.NewReader(raw[3:]))
		r.Comma = tt.comma
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tt.lang, err)
		}
		if len(recs) != 3 || recs[1][3] != "Иванов Иван Петрович" || recs[2][3] != other.Customer.Name {
			t.Fatalf("%s: rows = %q", tt.lang, recs)
		}
		col := map[string]int{}
		for i, h := range recs[0] {
			col[h] = i
		}
		if recs[1][col["exports"]] != "1" || recs[1][col["date_self_service"]] == "" || recs[1][col["opened_by"]] != "Анна" {
			t.Errorf("%s: first row = %q", tt.lang, recs[1])
		}
	}
	byBoris, _ := s.ReportRows(ctx, casefile.ReportFilter{Operator: "Борис"})
	if len(byBoris) != 1 {
		t.Errorf("operator filter: %d rows", len(byBoris))
	}
	selfService, _ := s.ReportRows(ctx, casefile.ReportFilter{Status: casefile.StatusSelfService})
	if len(selfService) != 1 || selfService[0].Number != c.Number {
		t.Errorf("status filter: %+v", selfService)
	}
}

func TestStore_OverviewAndAudit(t *testing.T) {
	s := newStore(t)
	c := readyForSubmission(sampleCase())
	s.CreateCase(ctx, c, "anna")
	s.ChangeStatus(ctx, c.Number, casefile.StatusSubmitted, "", nil, "anna")
	d := readyForSubmission(sampleCase())
	s.CreateCase(ctx, d, "boris")
	s.ChangeStatus(ctx, d.Number, casefile.StatusSubmitted, "", nil, "boris")
	s.ChangeStatus(ctx, d.Number, casefile.StatusRejected, "IMEI mismatch", nil, "boris")
	o, err := s.Overview(ctx, s.Now().AddDate(0, 0, 20), 14, 8)
	if err != nil {
		t.Fatal(err)
	}
	if o.ByStatus[casefile.StatusSubmitted] != 1 || o.ByStatus[casefile.StatusRejected] != 1 || len(o.Waiting) != 1 || o.Overdue != 1 {
		t.Errorf("overview = %+v", o)
	}
	if len(o.RefusalReasons) != 1 || o.RefusalReasons[0].Reason != "IMEI mismatch" || o.Rejected30 != 1 || o.Answers != 1 {
		t.Errorf("refusals = %+v", o)
	}
	all, _ := s.Audit(ctx, casefile.AuditFilter{})
	boris, _ := s.Audit(ctx, casefile.AuditFilter{Operator: "boris"})
	one, _ := s.Audit(ctx, casefile.AuditFilter{Case: c.Number})
	if len(all) != 5 || len(boris) != 3 || len(one) != 2 || all[0].Note != "IMEI mismatch" {
		t.Errorf("audit: %d all, %d by boris, %d of one case", len(all), len(boris), len(one))
	}
}

func readyForSubmission(c *casefile.Case) *casefile.Case {
	c.Device.Serial = "SN"
	c.Customer.IDDocument = casefile.IDDocument{Type: "паспорт", Number: "1"}
	c.OwnershipStatement = "мой телефон, куплен в магазине"
	c.SupportRegion = "global"
	c.Verification = casefile.Verification{IMEIMatchesBox: true, IMEIMatchesReceipt: true}
	c.Declarations = casefile.Declarations{NotLostOrStolen: true, MayBeErased: true, FactsTrue: true}
	c.Attachments = []casefile.Attachment{
		{Kind: casefile.AttachReceipt, Name: "r.pdf", MediaType: casefile.MediaPDF, Data: []byte("%PDF")},
		{Kind: casefile.AttachBox, Name: "b.jpg", MediaType: casefile.MediaJPEG, Data: []byte("b")},
		{Kind: casefile.AttachIMEIScreen, Name: "i.jpg", MediaType: casefile.MediaJPEG, Data: []byte("i")},
	}
	return c
}

// dailyStore is a store with one case whose clock reads *day, and a folder for its backups.
func dailyStore(t *testing.T) (s *Store, dir string, day *time.Time) {
	t.Helper()
	s = newStore(t)
	s.CreateCase(ctx, sampleCase(), "anna")
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	return s, filepath.Join(t.TempDir(), "backups"), &now
}

func TestStore_DailyBackupKeepsTheNewest(t *testing.T) {
	s, dir, day := dailyStore(t)
	for i := 0; i < 6; i++ {
		made, err := s.DailyBackup(ctx, dir, 3)
		if err != nil || made == "" {
			t.Fatalf("day %d: %q, %v", i, made, err)
		}
		if again, _ := s.DailyBackup(ctx, dir, 3); again != "" {
			t.Fatal("a second backup on the same day")
		}
		*day = day.AddDate(0, 0, 1)
	}
	kept := dailyBackups(dir, dailyPrefix(s.Path()))
	if len(kept) != 3 || !strings.HasSuffix(kept[2], "2026-11-06.db") || !strings.HasSuffix(kept[0], "2026-11-04.db") {
		t.Fatalf("kept %v", kept)
	}
	for _, k := range kept {
		if err := CheckBackup(ctx, k); err != nil {
			t.Error(err)
		}
	}
	// A second database in the same folder keeps its own days.
	other, err := Open(filepath.Join(filepath.Dir(s.Path()), "branch.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.Now = s.Now
	other.CreateCase(ctx, sampleCase(), "boris")
	made, err := other.DailyBackup(ctx, dir, 1)
	if err != nil || !strings.HasSuffix(made, "branch-2026-11-07.db") {
		t.Fatalf("the second database's backup: %q, %v", made, err)
	}
	if n := len(dailyBackups(dir, dailyPrefix(s.Path()))); n != 3 {
		t.Errorf("the second database's pruning left %d of the first's backups, want 3", n)
	}
}

// TestStore_DailyBackupEmptyDatabaseKeepsTheRealOnes: a database emptied (truncated to nothing
// by a sync tool, replaced by a new file) opens as a new one; its daily backups, kept by count,
// would push out every real backup in as many days. It makes none.
func TestStore_DailyBackupEmptyDatabaseKeepsTheRealOnes(t *testing.T) {
	s, dir, day := dailyStore(t)
	for i := 0; i < 3; i++ {
		if _, err := s.DailyBackup(ctx, dir, 3); err != nil {
			t.Fatal(err)
		}
		*day = day.AddDate(0, 0, 1)
	}
	path := s.Path()
	s.Close()
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	os.Remove(path + "-wal")
	empty, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer empty.Close()
	empty.Now = func() time.Time { return *day }
	for i := 0; i < 5; i++ {
		if made, err := empty.DailyBackup(ctx, dir, 3); err != nil || made != "" {
			t.Fatalf("an empty database was backed up: %q, %v", made, err)
		}
		*day = day.AddDate(0, 0, 1)
	}
	kept := dailyBackups(dir, dailyPrefix(path))
	if len(kept) != 3 || !strings.HasSuffix(kept[0], "2026-11-01.db") {
		t.Fatalf("the real backups went: %v", kept)
	}
}

// TestStore_DailyBackupClockSetBack: a clock set back years (a dead CMOS battery) names the
// day's backup in the past. It is kept, and so is every real backup but the oldest; the next
// day the oldest real one goes, not the one made yesterday under the wrong date.
func TestStore_DailyBackupClockSetBack(t *testing.T) {
	s, dir, day := dailyStore(t)
	for i := 0; i < 3; i++ {
		if made, err := s.DailyBackup(ctx, dir, 3); err != nil || made == "" {
			t.Fatalf("day %d: %q, %v", i, made, err)
		}
		*day = day.AddDate(0, 0, 1)
	}
	names := func() []string {
		var out []string
		files, _ := backupsInOrder(dir, dailyPrefix(s.Path()))
		for _, f := range files {
			out = append(out, strings.TrimPrefix(filepath.Base(f), dailyPrefix(s.Path())))
		}
		return out
	}
	*day = time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC) // the battery died
	if made, err := s.DailyBackup(ctx, dir, 3); err != nil || !strings.HasSuffix(made, "2020-01-01.db") {
		t.Fatalf("the day of the wrong clock: %q, %v", made, err)
	}
	if got := strings.Join(names(), " "); got != "2026-11-02.db 2026-11-03.db 2020-01-01.db" {
		t.Fatalf("after the clock went back: %s", got)
	}
	*day = day.AddDate(0, 0, 1)
	s.DailyBackup(ctx, dir, 3)
	if got := strings.Join(names(), " "); got != "2026-11-03.db 2020-01-01.db 2020-01-02.db" {
		t.Fatalf("the next day: %s", got)
	}
	files, _ := backupsInOrder(dir, dailyPrefix(s.Path()))
	for _, f := range files {
		if err := CheckBackup(ctx, f); err != nil {
			t.Error(err)
		}
	}
}

// TestStore_BackupDestinations: a backup is never renamed over a device, a link, a folder or
// the database itself, each of which would be replaced instead of written into.
func TestStore_BackupDestinations(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cases.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.CreateCase(ctx, sampleCase(), "anna")
	type dest struct{ dest, want string }
	dests := []dest{
		{dir, "not a regular file"},
		{os.DevNull, "not a regular file"},
		{path, "the database itself"},
	}
	// Windows lets only administrators make a symbolic link.
	if runtime.GOOS != "windows" {
		link := filepath.Join(dir, "link.db")
		if err := os.Symlink(filepath.Join(dir, "elsewhere.db"), link); err != nil {
			t.Fatal(err)
		}
		dests = append(dests, dest{link, "not a regular file"})
	}
	for _, tt := range dests {
		if err := s.Backup(ctx, tt.dest); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("backup onto %s: %v", tt.dest, err)
		}
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Fatalf("%s is no longer a device", os.DevNull)
	}
	if n, err := s.Count(ctx, casefile.Query{}); err != nil || n != 1 {
		t.Errorf("the database after the refusals: %d cases, %v", n, err)
	}
	// A name as long as a name can be: the copy is written under a short name of its own.
	long := filepath.Join(dir, strings.Repeat("a", 250)+".db")
	if err := s.Backup(ctx, long); err != nil {
		t.Errorf("a 253-character name: %v", err)
	}
}
