package postgres_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/postgres"
)

// snapshot is what a restore must bring back exactly: every case's status, history length
// and attachments' contents.
func snapshot(t *testing.T, s data.Store) map[string]string {
	t.Helper()
	sums, err := s.Search(ctx, casefile.Query{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, sum := range sums {
		c, err := s.Case(ctx, sum.Number)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		b.WriteString(string(c.Status) + "|" + c.Customer.Name + "|" + c.Branch)
		b.WriteString("|" + strings.Repeat("h", len(c.History)))
		for _, a := range c.Attachments {
			d, _, err := s.AttachmentData(ctx, a.ID)
			if err != nil {
				t.Fatalf("attachment of %s: %v", sum.Number, err)
			}
			b.WriteString("|" + a.Name + "=" + string(d))
		}
		out[sum.Number] = b.String()
	}
	return out
}

func same(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestDumpAndRestore(t *testing.T) {
	tm := newTeam(t)
	dir := t.TempDir()
	backup := filepath.Join(dir, "shared.dump")
	if err := tm.owner.Dump(ctx, backup); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(backup)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want owner-only", st.Mode().Perm())
	}
	if err := postgres.CheckDump(ctx, backup); err != nil {
		t.Fatalf("a fresh backup fails its check: %v", err)
	}
	before := snapshot(t, tm.owner)

	// What happens after the backup: a new case, a status change.
	extra := sampleCase()
	extra.Branch = "NORTH"
	if err := tm.owner.CreateCase(ctx, extra, "Мария"); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.owner.ChangeStatus(ctx, tm.caseA.Number, casefile.StatusSelfService, "", nil, "Мария"); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, tm.owner)

	aside := filepath.Join(dir, "before-restore.dump")
	if err := tm.owner.RestoreDump(ctx, backup, aside); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, tm.owner); !same(got, before) {
		t.Errorf("after the restore:\n%v\nwant what the backup held:\n%v", got, before)
	}
	// A technician's connection made before the restore sees the restored cases, in its own
	// branch only: the security rules came back with the data.
	tech := openAs(t, tm.url, tm.techA)
	if n, err := tech.Count(ctx, casefile.Query{}); err != nil || n != 1 {
		t.Errorf("technician after the restore: %d cases, %v; want their branch's 1", n, err)
	}
	if err := tech.CreateCase(ctx, sampleCase(), "Анна"); err != nil {
		t.Errorf("a new case after the restore: %v", err)
	}

	// The replaced data was kept aside and can be had back.
	if st, err := os.Stat(aside); err != nil || runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Fatalf("the data kept aside: %v %v", st, err)
	}
	if err := tm.owner.RestoreDump(ctx, aside, filepath.Join(dir, "second-aside.dump")); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, tm.owner); !same(got, after) {
		t.Errorf("the data kept aside, restored:\n%v\nwant:\n%v", got, after)
	}
}

// TestRestoreDump_FailedChangesNothing: a backup that is not one, is cut short (a copy killed
// half-way), or is missing leaves every case as it was and writes nothing aside when the
// check already refuses it.
func TestRestoreDump_FailedChangesNothing(t *testing.T) {
	tm := newTeam(t)
	// Photos big enough that a copy cut short still has its whole table of contents.
	big := make([]byte, 2<<20)
	for i := range big {
		big[i] = byte(i * 7919 >> 3)
	}
	if err := tm.owner.AddAttachment(ctx, tm.caseA.Number, &casefile.Attachment{Kind: casefile.AttachReceipt,
		Name: "receipt.jpg", MediaType: casefile.MediaJPEG, Data: big}, "Мария"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.dump")
	if err := tm.owner.Dump(ctx, good); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Another schema's dump: a real archive without the app's tables.
	for _, tc := range []struct {
		name, path, want string
	}{
		{"text file", write("notes.txt", []byte("just some text\n")), "is not a backup"},
		{"empty file", write("empty.dump", nil), "is not a backup"},
		{"cut short", write("cut.dump", raw[:len(raw)*3/4]), "damaged or incomplete"},
		{"missing", filepath.Join(dir, "nope.dump"), "cannot read"},
		{"a folder", dir, "is not a file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := snapshot(t, tm.owner)
			aside := filepath.Join(dir, tc.name+"-aside.dump")
			err := tm.owner.RestoreDump(ctx, tc.path, aside)
			if err == nil {
				t.Fatal("restored")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
			if got := snapshot(t, tm.owner); !same(got, before) {
				t.Errorf("a refused restore changed the data:\n%v\nwas:\n%v", got, before)
			}
			t.Logf("%s: %v", tc.name, err)
		})
	}
	// A restore that fails half-way, after it dropped the tables: a table someone added to the
	// schema by hand keeps the schema from being dropped, and the transaction takes it all back.
	before := snapshot(t, tm.owner)
	if _, err := rawAs(t, tm.url, "").Exec(`CREATE TABLE recoverydesk.notes_by_hand (x int)`); err != nil {
		t.Fatal(err)
	}
	err = tm.owner.RestoreDump(ctx, good, filepath.Join(dir, "half-aside.dump"))
	if err == nil || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("restore over a schema with a table of its own: %v", err)
	}
	t.Logf("half-way: %v", err)
	if got := snapshot(t, tm.owner); !same(got, before) {
		t.Errorf("a restore that failed half-way changed the data:\n%v\nwas:\n%v", got, before)
	}
	if err := tm.owner.RestoreDump(ctx, good, good); err == nil || !strings.Contains(err.Error(), "would overwrite") {
		t.Errorf("aside over the backup itself: %v", err)
	}
}

// TestDump_PeopleMayNot: a technician's or an admin's login cannot read every branch's rows;
// the refusal says which accounts can.
func TestDump_PeopleMayNot(t *testing.T) {
	tm := newTeam(t)
	dir := t.TempDir()
	for _, login := range []string{tm.techA, tm.admin} {
		s := openAs(t, tm.url, login)
		dest := filepath.Join(dir, login+".dump")
		err := s.Dump(ctx, dest)
		if err == nil {
			t.Errorf("%s made a backup", login)
			continue
		}
		if !strings.Contains(err.Error(), "superuser") {
			t.Errorf("%s: %v; want it to name the account that can", login, err)
		}
		if _, err := os.Stat(dest); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: a refused backup left a file: %v", login, err)
		}
		if left, _ := filepath.Glob(filepath.Join(dir, ".*partial")); len(left) > 0 {
			t.Errorf("%s: a refused backup left %v", login, left)
		}
	}
}

// TestDump_Manager: a manager backs up every branch from the window; only the set-up account
// may put a backup back, since that replaces every counter's cases.
func TestDump_Manager(t *testing.T) {
	tm := newTeam(t)
	dir := t.TempDir()
	mgr := openAs(t, tm.url, tm.mgr)
	backup := filepath.Join(dir, "manager.dump")
	if err := mgr.Dump(ctx, backup); err != nil {
		t.Fatalf("a manager's backup: %v", err)
	}
	want := snapshot(t, tm.owner)
	extra := sampleCase()
	extra.Branch = "SOUTH"
	if err := tm.owner.CreateCase(ctx, extra, "Мария"); err != nil {
		t.Fatal(err)
	}
	err := mgr.RestoreDump(ctx, backup, filepath.Join(dir, "aside.dump"))
	if err == nil || !strings.Contains(err.Error(), "superuser") {
		t.Errorf("a manager's restore: %v; want it refused, naming who can", err)
	}
	if err := tm.owner.RestoreDump(ctx, backup, filepath.Join(dir, "aside2.dump")); err != nil {
		t.Fatal(err)
	}
	if got := snapshot(t, tm.owner); !same(got, want) {
		t.Errorf("the manager's backup restored:\n%v\nwant every branch's cases:\n%v", got, want)
	}
}

// TestDump_Destinations: a backup is never renamed over a device, a link or a folder (it would
// replace /dev/null); a backup whose name starts with a dash can be restored.
func TestDump_Destinations(t *testing.T) {
	tm := newTeam(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("keep me"), 0o600)
	link := filepath.Join(dir, "link.dump")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	for _, dest := range []string{link, dir, os.DevNull} {
		err := tm.owner.Dump(ctx, dest)
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("backup onto %s: %v", dest, err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi, err)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Errorf("the link's target changed: %q", b)
	}
	if fi, err := os.Stat(os.DevNull); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Fatalf("%s is no longer a device: %v %v", os.DevNull, fi, err)
	}
	if err := tm.owner.Dump(ctx, filepath.Join(dir, strings.Repeat("a", 250)+".dump")); err != nil {
		t.Errorf("a 255-character name: %v", err)
	}
	t.Chdir(dir)
	if err := tm.owner.Dump(ctx, "-b.dump"); err != nil {
		t.Fatal(err)
	}
	if err := postgres.CheckDump(ctx, "-b.dump"); err != nil {
		t.Errorf("a backup named -b.dump: %v", err)
	}
	if err := tm.owner.RestoreDump(ctx, "-b.dump", "-aside.dump"); err != nil {
		t.Errorf("restore of -b.dump: %v", err)
	}
}
