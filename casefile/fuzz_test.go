package casefile

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeImport: any bytes either decode into cases that validate, or are refused with an
// error that names what is wrong; never a panic, never a half-valid case.
func FuzzDecodeImport(f *testing.F) {
	for _, s := range []string{
		`{"customer":{"name":"Иванов"}}`,
		`[{"customer":{"name":"A"},"device":{"imei1":"490154203237518"}},{"customer":{"name":"B"}}]`,
		`{"customer":{"name":"A","consent":"yes"}}`,
		`{"customer":{"name":"A"},"attachments":[{"kind":"box","path":"../../etc/passwd"}]}`,
		`[`, `null`, "\xef\xbb\xbf{}", `{"customer":{"name":"\u0000"}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		cases, err := DecodeImport(bytes.NewReader(b))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		for _, c := range cases {
			if err := c.Validate(); err != nil {
				t.Fatalf("a decoded case does not validate: %v", err)
			}
			if c.Number != "" || c.Status != "" {
				t.Fatal("an import set the number or status")
			}
		}
	})
}

// FuzzPrepareEvidence: any file is either refused with a coded reason or prepared with a
// rendition that is itself a readable JPEG.
func FuzzPrepareEvidence(f *testing.F) {
	f.Add("box.jpg", photo(40, 30))
	f.Add("scan.png", pngBytes(bombGrid()))
	f.Add("r.pdf", []byte("%PDF-1.4\n%%EOF\n"))
	f.Add("x.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 0x2a})
	f.Add("../../a.png", bombPNG())
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, err := PrepareEvidence(AttachBox, name, data)
		if err != nil {
			var ee *EvidenceError
			if !errors.As(err, &ee) || ee.Code == "" {
				t.Fatalf("an uncoded refusal: %v", err)
			}
			return
		}
		if strings.ContainsAny(a.Name, "/\\\x00") || !utf8.ValidString(a.Name) {
			t.Fatalf("unsafe stored name %q", a.Name)
		}
		if a.IsImage() {
			if _, _, _, err := MakeRendition(a.Rendition); err != nil {
				t.Fatalf("the rendition is not readable: %v", err)
			}
		}
	})
}

func bombGrid() gridImage { return gridImage{} }

// FuzzDossierText: whatever people type into the text fields, the dossier renders.
func FuzzDossierText(f *testing.F) {
	for _, s := range []string{"Иванов Иван", "👍🏽 emoji", "\u202eRTL\u202c שלום مرحبا", "\x00\xff", strings.Repeat("Ж", 500), "%PDF-1.4 )\\("} {
		f.Add(s)
	}
	base := readyCase()
	base.Attachments = nil
	f.Fuzz(func(t *testing.T, s string) {
		c := *base
		c.Number = "2026-00001"
		c.Customer.Name, c.OwnershipStatement, c.Device.LockScreenText, c.Purchase.Seller = s, s, s, s
		c.History = []Event{{Operator: s, Action: ActionCreated, Note: s}}
		o := DossierOptions{Draft: true, Settings: DefaultSettings()}
		o.Settings.CenterName = s
		var buf bytes.Buffer
		if err := RenderDossier(&buf, &c, o); err != nil {
			t.Fatalf("the dossier failed on %q: %v", s, err)
		}
		if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}
