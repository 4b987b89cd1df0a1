package dossier

import (
	"bytes"
	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"strings"
	"testing"
)

// FuzzDossierText: whatever people type into the text fields, the dossier renders.
func FuzzDossierText(f *testing.F) {
	for _, s := range []string{"Иванов Иван", "👍🏽 emoji", "\u202eRTL\u202c שלום مرحبا", "\x00\xff", strings.Repeat("Ж", 500), "%PDF-1.4 )\\("} {
		f.Add(s)
	}
	base := sample.ReadyCase()
	base.Attachments = nil
	f.Fuzz(func(t *testing.T, s string) {
		c := *base
		c.Number = "2026-00001"
		c.Customer.Name, c.OwnershipStatement, c.Device.LockScreenText, c.Purchase.Seller = s, s, s, s
		c.History = []casefile.Event{{Operator: s, Action: casefile.ActionCreated, Note: s}}
		o := Options{Draft: true, Settings: casefile.DefaultSettings()}
		o.Settings.CenterName = s
		var buf bytes.Buffer
		if err := Render(&buf, &c, o); err != nil {
			t.Fatalf("the dossier failed on %q: %v", s, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}
