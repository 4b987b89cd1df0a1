package storetest

import (
	"slices"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// testTickSourceInHistory: a save that changes an IMEI tick records whether the form read it
// from a barcode (and from which file) or the technician set it by hand, or that it is off; the
// case's history and the history of all cases both carry it.
func testTickSourceInHistory(t *testing.T, open func(t *testing.T) data.Store) {
	s := open(t)
	c := sampleCase()
	c.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg"),
		Barcodes: []casefile.Barcode{{Format: "CODE_128", Text: "490154203237518"}}}}
	if err := s.CreateCase(ctx, c, "anna"); err != nil {
		t.Fatal(err)
	}
	want := []string{"ticked by machine from the barcode of box.jpg", "ticked by hand", "unticked"}
	for i, v := range []casefile.Verification{
		{IMEIMatchesBox: true, BoxTickedFrom: "box.jpg"},
		{IMEIMatchesBox: true},
		{},
	} {
		c.Verification = v
		if err := s.SaveCase(ctx, c, "boris"); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
	}
	got, err := s.Case(ctx, c.Number)
	if err != nil {
		t.Fatal(err)
	}
	var said []string
	for _, e := range got.History {
		if change, from, ok := casefile.EditedTick(e, "verification.imei_matches_box"); ok {
			said = append(said, casefile.TickChangeSentence(change, from))
		}
	}
	if !slices.Equal(said, want) {
		t.Fatalf("the case's history says %q, want %q", said, want)
	}
	audit, err := s.Audit(ctx, casefile.AuditFilter{Case: c.Number})
	if err != nil {
		t.Fatal(err)
	}
	said = nil
	for i := len(audit) - 1; i >= 0; i-- { // newest first
		if change, from, ok := casefile.EditedTick(audit[i].Event, "verification.imei_matches_box"); ok {
			said = append(said, casefile.TickChangeSentence(change, from))
		}
	}
	if !slices.Equal(said, want) {
		t.Errorf("the history of all cases says %q, want %q", said, want)
	}
}
