package evidence

import (
	"bytes"
	"os"
	"testing"
	"time"

	"recoverydesk/casefile"
)

// TestPrepare_PDFReceiptWithoutPoppler: where pdftoppm is nowhere (Windows), the built-in PDFium
// draws a receipt's first page, and the fiscal QR code on it is read: the same rendition and
// the same facts as poppler gives.
func TestPrepare_PDFReceiptWithoutPoppler(t *testing.T) {
	pdf, err := os.ReadFile("../../docs/import-example/receipt.pdf")
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]casefile.Attachment{}
	for _, tool := range []string{"pdftoppm", "no-such-pdftoppm"} {
		if tool == "pdftoppm" && !havePoppler() {
			continue // Windows: only the built-in one
		}
		pdftoppm = tool
		a, err := Prepare(casefile.AttachReceipt, "receipt.pdf", pdf)
		pdftoppm = "pdftoppm"
		if err != nil {
			t.Fatalf("%s: %v", tool, err)
		}
		if !bytes.HasPrefix(a.Rendition, []byte{0xFF, 0xD8}) || a.Width < 1000 || a.Height <= a.Width {
			t.Fatalf("%s: no page rendition (%d bytes, %d×%d)", tool, len(a.Rendition), a.Width, a.Height)
		}
		if a.FiscalReceipt == nil || a.FiscalReceipt.Sum != "18990.00" {
			t.Fatalf("%s: the fiscal QR code was not read: %+v", tool, a.Barcodes)
		}
		results[tool] = a
	}
	if p, ok := results["pdftoppm"]; ok {
		b := results["no-such-pdftoppm"]
		if *p.FiscalReceipt != *b.FiscalReceipt || p.Width != b.Width || p.Height != b.Height {
			t.Errorf("poppler read %+v (%d×%d), PDFium %+v (%d×%d)", *p.FiscalReceipt, p.Width, p.Height, *b.FiscalReceipt, b.Width, b.Height)
		}
	}
}

// TestPDFium_HostilePages: what is not a PDF, or a PDF without pages, is no picture, quickly;
// a page larger than any paper is drawn no larger than the rendition needs.
func TestPDFium_HostilePages(t *testing.T) {
	huge := []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
		"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 14400 14400]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
	for _, tt := range []struct {
		name string
		pdf  []byte
		ok   bool
	}{
		{"not a PDF", []byte("%PDF-1.4 and then nothing\n%%EOF\n"), false},
		{"no pages", []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"), false},
		{"a page 5 m square", huge, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img, err := pdfiumPage(tt.pdf, pdfPageSide, time.Minute)
			if (err == nil) != tt.ok {
				t.Fatalf("drawn: %v, want %v", err, tt.ok)
			}
			if img != nil && (img.Bounds().Dx() > pdfPageSide || img.Bounds().Dy() > pdfPageSide) {
				t.Errorf("drawn at %v", img.Bounds())
			}
		})
	}
}
