package storetest

import (
	"bytes"
	"errors"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// testFilesLoadedWhenStored: an import whose files are read only when stored (Load instead of
// Data) keeps each file's bytes and hash; when one of them cannot be read any more, nothing of
// the import is stored.
func testFilesLoadedWhenStored(t *testing.T, open func(t *testing.T) data.Store) {
	s := open(t)
	photo := bytes.Repeat([]byte("box photo "), 1000)
	reads := 0
	c := sampleCase()
	c.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG,
		Load: func() ([]byte, []byte, error) { reads++; return photo, []byte("small"), nil }}}
	if err := s.ImportCases(ctx, []*casefile.Case{c}, "anna"); err != nil {
		t.Fatal(err)
	}
	if reads != 1 {
		t.Fatalf("the file was read %d times", reads)
	}
	got, err := s.Case(ctx, c.Number)
	if err != nil || len(got.Attachments) != 1 {
		t.Fatalf("the imported case: %v, %v", got, err)
	}
	stored, small, err := s.AttachmentData(ctx, got.Attachments[0].ID)
	if err != nil || !bytes.Equal(stored, photo) || string(small) != "small" || got.Attachments[0].Size != int64(len(photo)) {
		t.Fatalf("the stored file: %d bytes (%v), want %d", len(stored), err, len(photo))
	}

	gone := errors.New("the file changed while it was being imported")
	first, second := sampleCase(), sampleCase()
	first.Customer.Name, second.Customer.Name = "Первый Импорт", "Второй Импорт"
	first.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "ok.jpg", MediaType: casefile.MediaJPEG, Data: photo}}
	second.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "changed.jpg", MediaType: casefile.MediaJPEG,
		Load: func() ([]byte, []byte, error) { return nil, nil, gone }}}
	if err := s.ImportCases(ctx, []*casefile.Case{first, second}, "anna"); !errors.Is(err, gone) {
		t.Fatalf("an unreadable file: %v", err)
	}
	rows, err := s.Search(ctx, casefile.Query{Text: "Импорт"})
	if err != nil || len(rows) != 0 {
		t.Fatalf("a failed import stored %d cases (%v)", len(rows), err)
	}
}
