package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// TestEditedNote: show's history says beside an IMEI tick how the edit left it, and leaves
// other notes, and edits written before that was recorded, as they are.
func TestEditedNote(t *testing.T) {
	box := "verification.imei_matches_box"
	for _, tt := range []struct {
		name string
		e    casefile.Event
		want string
	}{
		{"by machine", casefile.Event{Action: casefile.ActionEdited, Note: "changed: device.serial, " + box,
			Details: map[string]string{box: "ticked_from_barcode", "verification.box_ticked_from": "box.jpg"}},
			"changed: device.serial, " + box + " (ticked by machine from the barcode of box.jpg)"},
		{"by hand", casefile.Event{Action: casefile.ActionEdited, Note: "changed: " + box, Details: map[string]string{box: "ticked_by_hand"}},
			"changed: " + box + " (ticked by hand)"},
		{"unticked", casefile.Event{Action: casefile.ActionEdited, Note: "changed: " + box, Details: map[string]string{box: "unticked"}},
			"changed: " + box + " (unticked)"},
		{"an older edit", casefile.Event{Action: casefile.ActionEdited, Note: "changed: " + box}, "changed: " + box},
		{"a status note", casefile.Event{Action: casefile.ActionStatus, Note: "Receipt from an unknown seller."}, "Receipt from an unknown seller."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := editedNote(tt.e); got != tt.want {
				t.Fatalf("editedNote = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCLI_ShowSaysHowATickWasSet: the box tick read from the example's box label, then set by
// hand, then taken off, reads so in show's history, through the store.
func TestCLI_ShowSaysHowATickWasSet(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	num := importExample(t, db, 1)[0]
	s, err := data.Open(db, data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, tick := range []struct {
		on   bool
		from string
	}{{true, "box-label.jpg"}, {true, ""}, {false, ""}} {
		c, err := s.Case(ctx, num)
		if err != nil {
			t.Fatal(err)
		}
		c.Verification.IMEIMatchesBox, c.Verification.BoxTickedFrom = tick.on, tick.from
		if err := s.SaveCase(ctx, c, "anna"); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	out, errOut, code := runCLI(t, db, "show", num)
	if code != exitOK {
		t.Fatal(errOut)
	}
	for _, want := range []string{"verification.imei_matches_box (ticked by machine from the barcode of box-label.jpg)",
		"verification.imei_matches_box (ticked by hand)", "verification.imei_matches_box (unticked)"} {
		if !strings.Contains(out, want) {
			t.Errorf("show's history lacks %q:\n%s", want, out)
		}
	}
}
