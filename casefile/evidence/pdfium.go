package evidence

import (
	"errors"
	"image"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// Where poppler's pdftoppm is not installed (the Windows build, a Linux without
// poppler-utils), a PDF's first page is drawn by PDFium, the PDF engine of Chromium, compiled to
// WebAssembly (go-pdfium) and run by wazero, which the HEIC decoder runs on too: nothing to
// install, the same on every system. Compiling its 5 MB module takes seconds, once: the
// compiled code is kept in the user's cache folder, so later starts take a fraction of that.

// pdfiumPool starts PDFium once per process, on first use, with one instance: receipts are
// drawn one at a time, in the background.
var pdfiumPool = sync.OnceValues(func() (pdfium.Pool, error) {
	// PDFium's module throws C++ exceptions, so WebAssembly's exception handling is on.
	rc := wazero.NewRuntimeConfig().WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
	if dir, err := os.UserCacheDir(); err == nil {
		d := filepath.Join(dir, "RecoveryDesk", "pdfium")
		if os.MkdirAll(d, 0o700) == nil {
			if cache, err := wazero.NewCompilationCacheWithDir(d); err == nil {
				rc = rc.WithCompilationCache(cache)
			}
		}
	}
	return webassembly.Init(webassembly.Config{MinIdle: 0, MaxIdle: 1, MaxTotal: 1, RuntimeConfig: rc, ReuseWorkers: true})
})

// errPDFiumTimeout: a page took longer than a hostile PDF is given.
var errPDFiumTimeout = errors.New("the page took too long to draw")

// pdfiumPage draws the first page of pdf to fit longSide×longSide pixels (its shape kept), in
// at most timeout; a page that takes longer is abandoned and its instance killed.
func pdfiumPage(pdf []byte, longSide int, timeout time.Duration) (image.Image, error) {
	pool, err := pdfiumPool()
	if err != nil {
		return nil, err
	}
	inst, err := pool.GetInstance(timeout)
	if err != nil {
		return nil, err
	}
	type drawn struct {
		img image.Image
		err error
	}
	done := make(chan drawn, 1)
	go func() {
		img, err := drawFirstPage(inst, pdf, longSide)
		done <- drawn{img, err}
	}()
	select {
	case d := <-done:
		inst.Close()
		return d.img, d.err
	case <-time.After(timeout):
		inst.Kill()
		return nil, errPDFiumTimeout
	}
}

func drawFirstPage(inst pdfium.Pdfium, pdf []byte, longSide int) (image.Image, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &pdf})
	if err != nil {
		return nil, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
	r, err := inst.RenderPageInPixels(&requests.RenderPageInPixels{
		Page:  requests.Page{ByIndex: &requests.PageByIndex{Document: doc.Document, Index: 0}},
		Width: longSide, Height: longSide,
	})
	if err != nil {
		return nil, err
	}
	// The result lives in the instance's memory until cleaned up: keep a copy of our own.
	img := image.NewRGBA(r.Result.Image.Bounds())
	copy(img.Pix, r.Result.Image.Pix)
	r.Cleanup()
	return img, nil
}
