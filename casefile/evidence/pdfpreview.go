package evidence

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// PDFPreview renders the first page of a PDF (a scanned receipt, an invoice) to an image with
// poppler's pdftoppm, so the dossier can show it like a photo; the PDF itself still travels
// with the e-mail. It is done once, when the file is attached. Where pdftoppm is not installed,
// or the PDF cannot be drawn, there is no preview and the file is only listed.
//
// A library that imports PDF pages into gofpdf exists, but it writes objects in map order, and
// the dossier must be the same bytes for the same case; a picture keeps that.
func PDFPreview(pdf []byte) (jpg []byte, width, height int, ok bool) {
	p, ok := pdfPicture(pdf, false)
	return p.jpg, p.width, p.height, ok
}

// pdfPicture draws the first page and prepares it like a photo; withGray keeps the page, drawn
// sharp at 2000 px, for its barcodes (an e-receipt's fiscal QR code).
func pdfPicture(pdf []byte, withGray bool) (picture, bool) {
	tool, err := exec.LookPath("pdftoppm")
	if err != nil {
		return picture{}, false
	}
	dir, err := os.MkdirTemp("", "recoverydesk-pdf-")
	if err != nil {
		return picture{}, false
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if os.WriteFile(in, pdf, 0o600) != nil {
		return picture{}, false
	}
	// A hostile PDF must not hold the counter up: the drawing gets a bounded time (it runs in
	// the background; a slow, busy counter PC still finishes an honest page well within it).
	ctx, cancel := context.WithTimeout(context.Background(), 45*time.Second)
	defer cancel()
	out := filepath.Join(dir, "page")
	cmd := exec.CommandContext(ctx, tool, "-f", "1", "-l", "1", "-r", "150", "-scale-to", "2000", "-png", "-singlefile", in, out)
	if err := cmd.Run(); err != nil {
		return picture{}, false
	}
	png, err := os.ReadFile(out + ".png")
	if err != nil {
		return picture{}, false
	}
	p, err := preparePicture(png, withGray)
	if err != nil || !bytes.HasPrefix(p.jpg, []byte{0xFF, 0xD8}) {
		return picture{}, false
	}
	return p, true
}
