package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
)

func TestDraftStore_OwnerOnlyAndAtomic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	s := draftStore{dir: dir}
	d := Draft{Key: "new-1", At: time.Now(), Case: casefile.Case{Customer: casefile.Customer{Name: "Иванов"}}}
	if err := s.Save(d); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, ".draft-123"), []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, s.path("new-1"): 0o600} {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if runtime.GOOS != "windows" && st.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", path, st.Mode().Perm(), want)
		}
	}
	got := s.List()
	if len(got) != 1 || got[0].Case.Customer.Name != "Иванов" {
		t.Fatalf("List() = %+v", got)
	}
	if _, err := os.Stat(filepath.Join(dir, ".draft-123")); !os.IsNotExist(err) {
		t.Error("a half-written temporary file was left behind")
	}
	if err := s.Remove("new-1"); err != nil {
		t.Fatal(err)
	}
	if len(s.List()) != 0 {
		t.Error("a removed draft is still listed")
	}
}

func TestCaseForm_DraftRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		stored bool
	}{{"new case", false}, {"stored case", true}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, s := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
			a.drafts = draftStore{dir: filepath.Join(t.TempDir(), "drafts")}
			var f *CaseForm
			if tt.stored {
				f = a.OpenCase(number(t, a, 0))
			} else {
				f = a.NewCase()
				test.Type(f.name, "Сидорова Анна")
			}
			test.Type(f.serial, "SN-42")
			test.Type(f.statement, "Куплен в салоне")
			test.Tap(f.decl.notStolen)
			f.channel.SetSelectedIndex(2)
			typed := f.collect()
			f.writeDraft()
			drafts := a.drafts.List()
			if len(drafts) != 1 {
				t.Fatalf("%d drafts on disk, want 1", len(drafts))
			}

			// The next start: a fresh window over the same store, the draft put back.
			b := newApp(test.NewTempApp(t), s, Options{Operator: "tester", ExportDir: t.TempDir()}, a.Settings(), true)
			b.drafts = a.drafts
			base := &casefile.Case{Status: casefile.StatusIntake, SupportRegion: "global"}
			if tt.stored {
				var err error
				if base, err = s.Case(b.ctx, drafts[0].Number); err != nil {
					t.Fatal(err)
				}
			}
			g := newCaseForm(b, base)
			g.draft.key = drafts[0].Key
			g.loadTyped(base, drafts[0].Case)
			back := g.collect()
			if back.Customer.Name != typed.Customer.Name || back.Device.Serial != "SN-42" || back.OwnershipStatement != typed.OwnershipStatement ||
				back.Purchase.Channel != typed.Purchase.Channel || !back.Declarations.NotLostOrStolen || back.Declarations.NotLostOrStolenAt.IsZero() {
				t.Errorf("the restored form differs:\n got %+v\nwant %+v", back, typed)
			}
			if !g.Dirty() {
				t.Error("restored typing does not count as unsaved")
			}
			if err := g.Save(); err != nil {
				t.Fatal(err)
			}
			if n := len(b.drafts.List()); n != 0 {
				t.Errorf("%d drafts left after saving", n)
			}
			saved, err := s.Case(b.ctx, g.Case().Number)
			if err != nil {
				t.Fatal(err)
			}
			if saved.Device.Serial != "SN-42" || saved.Customer.Name != typed.Customer.Name {
				t.Errorf("the saved case lacks the restored typing: %+v", saved)
			}
		})
	}
}

func TestCaseForm_DiscardedTypingLeavesNoDraft(t *testing.T) {
	a, _ := newTestApp(t)
	a.drafts = draftStore{dir: filepath.Join(t.TempDir(), "drafts")}
	f := a.NewCase()
	test.Type(f.name, "Сидорова Анна")
	f.writeDraft()
	if len(a.drafts.List()) != 1 {
		t.Fatal("no draft written")
	}
	f.win.Close()
	if n := len(a.drafts.List()); n != 0 {
		t.Errorf("%d drafts left after closing without saving", n)
	}
}
