package sqlite

import (
	"errors"
	"testing"

	"recoverydesk/casefile"
)

func TestStore_Attachments(t *testing.T) {
	s := newStore(t)
	c := sampleCase()
	c.Attachments = []casefile.Attachment{{Kind: casefile.AttachReceipt, Name: "чек.pdf", MediaType: casefile.MediaPDF, Data: []byte("%PDF-1.4 receipt")}}
	if err := s.CreateCase(ctx, c, "anna"); err != nil {
		t.Fatal(err)
	}
	box := &casefile.Attachment{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg bytes"), Rendition: []byte("small")}
	if err := s.AddAttachment(ctx, c.Number, box, "boris"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Case(ctx, c.Number)
	if len(got.Attachments) != 2 || got.Attachments[1].SHA256 == "" || got.Attachments[1].AddedBy != "boris" || got.Attachments[1].Size != 10 {
		t.Fatalf("attachments = %+v", got.Attachments)
	}
	data, rend, err := s.AttachmentData(ctx, box.ID)
	if err != nil || string(data) != "jpeg bytes" || string(rend) != "small" {
		t.Fatalf("AttachmentData = %q %q %v", data, rend, err)
	}

	s.db.Exec(`UPDATE attachments SET data = X'00' WHERE id = ?`, box.ID)
	if _, _, err := s.AttachmentData(ctx, box.ID); !errors.Is(err, ErrDamaged) {
		t.Fatalf("damaged file read as %v", err)
	}

	if err := s.RemoveAttachment(ctx, c.Number, box.ID, "wrong photo", "anna"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Case(ctx, c.Number)
	last := got.History[len(got.History)-1]
	if len(got.Attachments) != 1 || last.Action != casefile.ActionAttachmentRemoved || last.Details["name"] != "box.jpg" || last.Note != "wrong photo" {
		t.Fatalf("after removal: %+v / %+v", got.Attachments, last)
	}
	if err := s.RemoveAttachment(ctx, c.Number, box.ID, "", "anna"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removing twice = %v", err)
	}
}

func TestStore_EmptyAttachmentRefused(t *testing.T) {
	s := newStore(t)
	c := sampleCase()
	s.CreateCase(ctx, c, "anna")
	before := digest(t, s)
	if err := s.AddAttachment(ctx, c.Number, &casefile.Attachment{Kind: casefile.AttachBox, Name: "empty.jpg"}, "anna"); err == nil {
		t.Fatal("a 0-byte file was stored")
	}
	if digest(t, s) != before {
		t.Fatal("a refused attachment changed the database")
	}
}
