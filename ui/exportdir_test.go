package ui

import (
	"errors"
	"path/filepath"
	"testing"
)

func TestExportDirFor(t *testing.T) {
	known := func(d string) func() (string, error) { return func() (string, error) { return d, nil } }
	failing := func() (string, error) { return "", errors.New("no shell") }
	tests := []struct {
		name, goos, home string
		documents        func() (string, error)
		want             string
	}{
		{"windows known folder", "windows", `C:\Users\anna`, known(`C:\Users\anna\Documents`), `C:\Users\anna\Documents\RecoveryDesk`},
		{"windows redirected", "windows", `C:\Users\anna`, known(`D:\OneDrive\Документы\`), `D:\OneDrive\Документы\RecoveryDesk`},
		{"windows fallback", "windows", `C:\Users\anna`, failing, `C:\Users\anna\Documents\RecoveryDesk`},
		{"windows empty answer", "windows", `C:\Users\anna\`, known(""), `C:\Users\anna\Documents\RecoveryDesk`},
		{"linux", "linux", "/home/anna", known("/ignored"), "/home/anna/RecoveryDesk"},
		{"darwin", "darwin", "/Users/anna", failing, "/Users/anna/RecoveryDesk"},
	}
	for _, tt := range tests {
		// The paths are joined with this system's separator, whichever system they are for.
		if got := exportDirFor(tt.goos, tt.home, tt.documents); filepath.ToSlash(got) != filepath.ToSlash(tt.want) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
