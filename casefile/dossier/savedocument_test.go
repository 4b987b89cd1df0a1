package dossier

import (
	"context"
	"os"
	"path/filepath"
	"recoverydesk/casefile"
	"testing"
)

// memoryStore is the least a store must do for an export.
type memoryStore struct {
	c      *casefile.Case
	events []casefile.Event
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
	m.events = append(m.events, e)
	return nil
}

func TestExportToFolder(t *testing.T) {
	c := dossierCase(t)
	for i := range c.Attachments {
		c.Attachments[i].ID = int64(i + 1)
	}
	st := &memoryStore{c: c}
	dir := filepath.Join(t.TempDir(), "2026-00042")
	pdf, eml, err := ExportToFolder(context.Background(), st, c.Number, dir, dossierOptions("ru"), true, "Анна")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{pdf, eml} {
		fi, err := os.Stat(f)
		if err != nil || fi.Mode().Perm() != 0o600 || fi.Size() < 1000 {
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
