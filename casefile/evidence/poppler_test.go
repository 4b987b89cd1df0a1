package evidence

import "os/exec"

// havePoppler tells whether poppler's pdftoppm is here to compare the built-in PDFium with.
func havePoppler() bool {
	_, err := exec.LookPath("pdftoppm")
	return err == nil
}
