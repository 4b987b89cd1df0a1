package dossier

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"recoverydesk/casefile"
	"runtime"
	"testing"
)

// memoryStore is the least a store must do for an export.
type memoryStore struct {
	c      *casefile.Case
	events []casefile.Event
	// refuse, when set, is what RecordEvent answers: a database that went away mid-export.
	refuse error
}

func (m *memoryStore) Case(context.Context, string) (*casefile.Case, error) {
	c := *m.c
	return &c, nil
}
func (m *memoryStore) AttachmentData(_ context.Context, id int64) ([]byte, []byte, error) {
	for _, a := range m.c.Attachments {
		if a.ID == id {
			return a.Data, a.Rendition, nil
		}
	}
	return nil, nil, casefile.ErrNotFound
}
func (m *memoryStore) RecordEvent(_ context.Context, _ string, e casefile.Event) error {
	if m.refuse != nil {
		return m.refuse
	}
	m.events = append(m.events, e)
	return nil
}

// exportOnce exports the test case into a new folder of its own, as the window does.
func exportOnce(t *testing.T) (st *memoryStore, dir, pdf, eml string) {
	t.Helper()
	c := dossierCase(t)
	for i := range c.Attachments {
		c.Attachments[i].ID = int64(i + 1)
	}
	st = &memoryStore{c: c}
	dir = filepath.Join(t.TempDir(), "2026-00042")
	pdf, eml, err := ExportToFolder(context.Background(), st, c.Number, dir, dossierOptions("ru"), true, "Анна")
	if err != nil {
		t.Fatal(err)
	}
	return st, dir, pdf, eml
}

func TestExportToFolder(t *testing.T) {
	st, dir, pdf, eml := exportOnce(t)
	for _, f := range []string{pdf, eml} {
		fi, err := os.Stat(f)
		if err != nil || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 || fi.Size() < 1000 {
			t.Errorf("%s: %v %v", f, fi, err)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".recoverydesk-*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if len(st.events) != 1 || st.events[0].Action != casefile.ActionExported || st.events[0].Details["language"] != "ru" || len(st.events[0].Details["sha256"]) != 64 {
		t.Errorf("recorded %+v", st.events)
	}
	if filepath.Base(pdf) != "dossier-2026-00042.pdf" || filepath.Base(eml) != "email-2026-00042.eml" {
		t.Errorf("names %s %s", pdf, eml)
	}
}

// TestExportToFolder_UnrecordedWritesNothing: when the history cannot take the export (the
// database locked or unreachable at that moment), no dossier or e-mail draft is left in the
// folder, and an earlier export there is left as it was.
func TestExportToFolder_UnrecordedWritesNothing(t *testing.T) {
	st, dir, pdf, _ := exportOnce(t)
	c := st.c
	before, _ := os.ReadFile(pdf)
	st.refuse = errors.New("the shared database cannot be reached")
	_, _, err := ExportToFolder(context.Background(), st, c.Number, dir, dossierOptions("en"), true, "Анна")
	if err == nil {
		t.Fatal("an export the history refused was reported done")
	}
	if after, _ := os.ReadFile(pdf); string(after) != string(before) {
		t.Error("the earlier dossier was replaced by one whose export is not on record")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("the folder holds %v", names)
	}
	if len(st.events) != 1 {
		t.Errorf("%d exports on record", len(st.events))
	}
	// A first export refused leaves the folder empty.
	empty := filepath.Join(t.TempDir(), "other")
	if _, _, err := ExportToFolder(context.Background(), st, c.Number, empty, dossierOptions("ru"), true, "Анна"); err == nil {
		t.Fatal("refused export reported done")
	}
	if entries, _ := os.ReadDir(empty); len(entries) != 0 {
		t.Errorf("a refused first export left %d files", len(entries))
	}
}
