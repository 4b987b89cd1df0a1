package evidence

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"recoverydesk/casefile"
)

// ReadFile reads a file the technician points at, as evidence: only a regular file, its size
// checked before a byte is read and the reading itself limited to the largest attachment. A path
// that is /dev/zero, /dev/urandom, a pipe or a 2 GB sparse file would otherwise be read whole
// into memory, or wait for ever, before the size check refused it.
func ReadFile(path string) ([]byte, error) {
	name := filepath.Base(path)
	notAFile := func() error {
		return &casefile.EvidenceError{Name: name, Code: "not_a_file",
			Reason: "this is not a regular file (a device, a pipe or a folder); choose the photo or the PDF itself"}
	}
	tooLarge := func(size int64) error {
		return &casefile.EvidenceError{Name: name, Code: "too_large",
			Reason: fmt.Sprintf("the file is %.1f MB; the limit is %d MB. Save the photo at a lower resolution or scan the receipt as PDF", float64(size)/(1<<20), casefile.MaxAttachmentSize>>20)}
	}
	// Stat before opening: opening a pipe for reading waits until something writes to it.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notAFile()
	}
	if fi.Size() > casefile.MaxAttachmentSize {
		return nil, tooLarge(fi.Size())
	}
	f, err := openNoWait(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The path may have been swapped between the two looks: ask the open file itself.
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notAFile()
	}
	if fi.Size() > casefile.MaxAttachmentSize {
		return nil, tooLarge(fi.Size())
	}
	// Read into one buffer of the file's size (a growing one would leave twice a 12 MB photo
	// behind as garbage); the limit still holds if the file grows meanwhile.
	buf := bytes.NewBuffer(make([]byte, 0, fi.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, casefile.MaxAttachmentSize+1)); err != nil {
		return nil, err
	}
	if buf.Len() > casefile.MaxAttachmentSize {
		return nil, tooLarge(int64(buf.Len()))
	}
	return buf.Bytes(), nil
}
