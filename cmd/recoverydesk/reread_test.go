package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReread: an import reads each original again when it stores it, and refuses one that is
// no longer the file it checked (replaced, edited or gone meanwhile).
func TestReread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "box.jpg")
	checked := []byte("\xff\xd8\xff the photo that was checked")
	if err := os.WriteFile(path, checked, 0o600); err != nil {
		t.Fatal(err)
	}
	load := reread(path, sha256.Sum256(checked), []byte("small"))
	if got, small, err := load(); err != nil || !bytes.Equal(got, checked) || string(small) != "small" {
		t.Fatalf("the unchanged file: %q, %v", got, err)
	}
	for _, tt := range []struct {
		name   string
		change func()
		want   string
	}{
		{"edited", func() { os.WriteFile(path, []byte("\xff\xd8\xff another photo"), 0o600) }, "changed while it was being imported"},
		{"gone", func() { os.Remove(path) }, "box.jpg"},
	} {
		tt.change()
		if _, _, err := load(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want an error with %q", tt.name, err, tt.want)
		}
	}
}
