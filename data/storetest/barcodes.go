package storetest

import (
	"reflect"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// testBarcodesKept: the codes read from a photo when it was attached come back with the case,
// on create and on a later attachment, and the fiscal receipt is derived from them again.
func testBarcodesKept(t *testing.T, open func(t *testing.T) data.Store) {
	s := open(t)
	label := []casefile.Barcode{{Format: "CODE_128", Text: "490154203237518"}, {Format: "CODE_128", Text: "36133/A1B2C3D4"}}
	qr := []casefile.Barcode{{Format: "QR_CODE", Text: "t=20240315T1204&s=21990.00&fn=9960440300000001&i=5021&fp=2754431110&n=1"}}
	c := sampleCase()
	c.Attachments = []casefile.Attachment{{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg"), Barcodes: label}}
	if err := s.CreateCase(ctx, c, "anna"); err != nil {
		t.Fatal(err)
	}
	receipt := &casefile.Attachment{Kind: casefile.AttachReceipt, Name: "чек.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg"), Barcodes: qr}
	if err := s.AddAttachment(ctx, c.Number, receipt, "anna"); err != nil {
		t.Fatal(err)
	}
	plain := &casefile.Attachment{Kind: casefile.AttachDevice, Name: "phone.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg")}
	if err := s.AddAttachment(ctx, c.Number, plain, "anna"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Case(ctx, c.Number)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Attachments) != 3 {
		t.Fatalf("%d attachments", len(got.Attachments))
	}
	if !reflect.DeepEqual(got.Attachments[0].Barcodes, label) || !reflect.DeepEqual(got.Attachments[1].Barcodes, qr) || got.Attachments[2].Barcodes != nil {
		t.Errorf("codes = %v / %v / %v", got.Attachments[0].Barcodes, got.Attachments[1].Barcodes, got.Attachments[2].Barcodes)
	}
	if f := got.Attachments[1].FiscalReceipt; f == nil || f.Sum != "21990.00" || f.FD != "5021" {
		t.Errorf("fiscal receipt = %+v", f)
	}
	checks := casefile.EvidenceChecks(got)
	if len(checks) == 0 || checks[0].Field != casefile.FieldIMEI1 || checks[0].Result != casefile.CheckMatch {
		t.Errorf("checks after a reload = %+v", checks)
	}
}
