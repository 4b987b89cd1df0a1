package evidence

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"recoverydesk/casefile"
	"strings"
	"unicode/utf8"
)

// MaxNameRunes bounds a stored file name; longer names are shortened, keeping the extension.
const MaxNameRunes = 120

// Prepare checks a file brought as evidence and prepares it for storage: the media
// type from its content (not its name), the rendition of a photo, a safe display name.
// A refused file returns an *EvidenceError whose Reason a technician can act on.
func Prepare(kind casefile.AttachmentKind, name string, data []byte) (casefile.Attachment, error) {
	name = safeName(name)
	refuse := func(code, format string, args ...any) (casefile.Attachment, error) {
		return casefile.Attachment{}, &casefile.EvidenceError{Name: name, Code: code, Reason: fmt.Sprintf(format, args...)}
	}
	if !kind.Valid() {
		return refuse("bad_kind", "%q is not an evidence kind", kind)
	}
	switch {
	case len(data) == 0:
		return refuse("empty", "the file is empty (0 bytes); copy it again from the phone or scanner")
	case len(data) > casefile.MaxAttachmentSize:
		return refuse("too_large", "the file is %.1f MB; the limit is %d MB. Save the photo at a lower resolution or scan the receipt as PDF", float64(len(data))/(1<<20), casefile.MaxAttachmentSize>>20)
	}
	a := casefile.Attachment{Kind: kind, Name: name, Data: data, Size: int64(len(data))}
	a.MediaType = casefile.SniffMedia(data)
	ext := strings.ToLower(filepath.Ext(name))
	var pic picture
	switch a.MediaType {
	case casefile.MediaJPEG, casefile.MediaPNG, casefile.MediaWebP:
		var err error
		pic, err = preparePicture(data, speaksOfDevice[kind])
		if err != nil {
			code := "unreadable"
			if errors.Is(err, ErrTooManyPixels) {
				code = "too_many_pixels"
			}
			return refuse(code, "%v", err)
		}
	case casefile.MediaPDF:
		if !bytes.Contains(data[max(0, len(data)-2048):], []byte("%%EOF")) {
			return refuse("pdf_incomplete", "the PDF is incomplete (its end is missing); save or download it again")
		}
		pic, _ = pdfPicture(data, speaksOfDevice[kind])
	case casefile.MediaHEIC:
		var err error
		pic, err = prepareHEIC(data, speaksOfDevice[kind])
		switch {
		case errors.Is(err, ErrTooManyPixels):
			return refuse("too_many_pixels", "%v", err)
		case err != nil:
			return refuse("unreadable", "%v", err)
		}
	default:
		claimed := map[string]string{".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WebP", ".heic": "HEIC", ".heif": "HEIF", ".pdf": "PDF"}[ext]
		if claimed != "" {
			return refuse("misnamed", "the name says %s but the content is not a %s file; it may be damaged or renamed", claimed, claimed)
		}
		return refuse("unsupported", "only JPEG, PNG, WebP and HEIC pictures and PDF documents are accepted")
	}
	a.Rendition, a.Width, a.Height = pic.jpg, pic.width, pic.height
	a.Barcodes = ReadBarcodes(pic.gray)
	a.Derive()
	return a, nil
}

// speaksOfDevice are the kinds whose barcodes state this device's numbers or its purchase; the
// others (an identity document, the lock screen) are not read, so their codes are never stored.
var speaksOfDevice = map[casefile.AttachmentKind]bool{casefile.AttachBox: true, casefile.AttachIMEIScreen: true, casefile.AttachReceipt: true}

// safeName keeps a file's own name (never a path: "../../etc/passwd" becomes "passwd"),
// valid UTF-8 without control characters, and of a length a caption can print.
func safeName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = filepath.Base(strings.ToValidUTF8(name, "_"))
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if name == "." || name == "/" || name == ".." || name == "" {
		name = "file"
	}
	if utf8.RuneCountInString(name) > MaxNameRunes {
		ext := filepath.Ext(name)
		if utf8.RuneCountInString(ext) > 10 {
			ext = ""
		}
		r := []rune(strings.TrimSuffix(name, ext))
		name = string(r[:MaxNameRunes-utf8.RuneCountInString(ext)-1]) + "…" + ext
	}
	return name
}
