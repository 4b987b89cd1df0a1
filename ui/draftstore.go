package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"recoverydesk/casefile"
)

// Draft is the unsaved typing of one case window, kept on disk so that a crash, a kill or a
// power cut loses nothing: the next start offers to bring it back.
type Draft struct {
	// Key names the draft's file: "case-NUMBER" for a stored case, "new-…" for a new one.
	Key string `json:"key"`
	// Number is the stored case the typing belongs to; empty for a new case.
	Number  string        `json:"number"`
	Version int64         `json:"version"`
	At      time.Time     `json:"at"`
	Case    casefile.Case `json:"case"`
}

// draftStore keeps drafts as owner-only JSON files in one folder next to the database.
type draftStore struct{ dir string }

func (s draftStore) path(key string) string { return filepath.Join(s.dir, key+".json") }

// Save writes a draft atomically (a temporary file renamed over the old one), so that a
// power cut leaves either the previous draft or the new one, never half of one.
func (s draftStore) Save(d Draft) error {
	if s.dir == "" {
		return nil
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return fmt.Errorf("make the drafts folder: %w", err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode a draft: %w", err)
	}
	tmp, err := os.CreateTemp(s.dir, ".draft-*")
	if err != nil {
		return fmt.Errorf("write a draft: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write a draft: %w", err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write a draft: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write a draft: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write a draft: %w", err)
	}
	if err := os.Rename(tmp.Name(), s.path(d.Key)); err != nil {
		return fmt.Errorf("write a draft: %w", err)
	}
	return nil
}

// Remove deletes a draft; one that is not there is no error.
func (s draftStore) Remove(key string) error {
	if s.dir == "" || key == "" {
		return nil
	}
	if err := os.Remove(s.path(key)); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("remove a draft: %w", err)
	}
	return nil
}

// List returns the drafts left behind, oldest first. Unreadable files and leftover temporary
// files are skipped (and the temporary ones removed): a draft that cannot be read cannot be
// offered anyway.
func (s draftStore) List() []Draft {
	if s.dir == "" {
		return nil
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return nil
	}
	var out []Draft
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".draft-") {
			os.Remove(filepath.Join(s.dir, name))
			continue
		}
		if !strings.HasSuffix(name, ".json") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(s.dir, name))
		if err != nil {
			continue
		}
		var d Draft
		if json.Unmarshal(b, &d) != nil || d.Key+".json" != name {
			continue
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].At.Before(out[j].At) })
	return out
}
