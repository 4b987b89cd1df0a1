package sqlite

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"recoverydesk/casefile"
)

// TestOpen_LinkToADeviceLeavesItAlone: --db naming a link to /dev/null is refused before
// anything is opened, and the device keeps its mode (opening narrowed it to the owner's,
// which, for root, broke /dev/null for every other program).
func TestOpen_LinkToADeviceLeavesItAlone(t *testing.T) {
	before, err := os.Stat(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "null.db")
	if err := os.Symlink(os.DevNull, link); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(link); err == nil {
		s.Close()
		t.Fatal("a link to /dev/null opened as a database")
	} else if !errors.Is(err, casefile.ErrNotFile) {
		t.Errorf("refused as %v", err)
	}
	if after, _ := os.Stat(os.DevNull); after.Mode() != before.Mode() {
		t.Fatalf("/dev/null's mode went from %v to %v", before.Mode(), after.Mode())
	}
}
