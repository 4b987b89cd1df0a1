package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// TestCLI_ShowNamesARemovedFile: the history in show names the file removed and its kind, the
// reason beside it, not the reason alone.
func TestCLI_ShowNamesARemovedFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	num := importExample(t, db, 1)[0]
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c, err := s.Case(ctx, num)
	if err != nil {
		t.Fatal(err)
	}
	box := c.AttachmentsOf(casefile.AttachBox)[0]
	if err := s.RemoveAttachment(ctx, num, box.ID, "blurred, taken again", "anna"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	out, errOut, code := runCLI(t, db, "show", num)
	if code != exitOK {
		t.Fatal(errOut)
	}
	if want := "attachment_removed: box: " + box.Name + " (blurred, taken again)"; !strings.Contains(out, want) {
		t.Fatalf("show's history lacks %q:\n%s", want, out)
	}
}
