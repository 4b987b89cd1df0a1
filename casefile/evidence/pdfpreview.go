package evidence

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"
)

// PDFPreview renders the first page of a PDF (a scanned receipt, an invoice) to an image, so
// the dossier can show it like a photo; the PDF itself still travels with the e-mail. It is done
// once, when the file is attached, by poppler's pdftoppm where it is installed (Debian's
// poppler-utils) and by PDFium built into the program elsewhere (pdfium.go): Windows included.
// A PDF that cannot be drawn has no preview and is only listed.
//
// A library that imports PDF pages into gofpdf exists, but it writes objects in map order, and
// the dossier must be the same bytes for the same case; a picture keeps that.
func PDFPreview(pdf []byte) (jpg []byte, width, height int, ok bool) {
	p, ok := pdfPicture(pdf, false)
	return p.jpg, p.width, p.height, ok
}

// pdfDrawTime is what a hostile PDF is given to draw its first page: it runs in the
// background, and a slow, busy counter PC still finishes an honest page well within it.
const pdfDrawTime = 45 * time.Second

// pdfPageSide is the long side, in pixels, the first page is drawn to: sharp enough for the
// fiscal QR code of an e-receipt.
const pdfPageSide = 2000

// pdfPicture draws the first page and prepares it like a photo; withGray keeps the page, drawn
// sharp at 2000 px, for its barcodes (an e-receipt's fiscal QR code).
func pdfPicture(pdf []byte, withGray bool) (picture, bool) {
	tool, err := exec.LookPath(pdftoppm)
	if err != nil {
		img, err := pdfiumPage(pdf, pdfPageSide, pdfDrawTime)
		if err != nil {
			return picture{}, false
		}
		p, err := finishPicture(img, 1, withGray)
		if err != nil || !bytes.HasPrefix(p.jpg, []byte{0xFF, 0xD8}) {
			return picture{}, false
		}
		return p, true
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
	ctx, cancel := context.WithTimeout(context.Background(), pdfDrawTime)
	defer cancel()
	out := filepath.Join(dir, "page")
	cmd := exec.CommandContext(ctx, tool, "-f", "1", "-l", "1", "-r", "150", "-scale-to", strconv.Itoa(pdfPageSide), "-png", "-singlefile", in, out)
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

// pdftoppm is the name poppler's program is looked up by; a test names one that is nowhere to
// make the built-in PDFium draw instead.
var pdftoppm = "pdftoppm"
