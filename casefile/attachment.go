package casefile

import (
	"fmt"
	"time"
)

// AttachmentKind says what a piece of evidence shows.
type AttachmentKind string

// The kinds of evidence a dossier is built from.
const (
	AttachReceipt    AttachmentKind = "receipt"
	AttachBox        AttachmentKind = "box"
	AttachIMEIScreen AttachmentKind = "imei_screen"
	AttachLockScreen AttachmentKind = "lock_screen"
	AttachIDDocument AttachmentKind = "id_document"
	AttachDevice     AttachmentKind = "device"
	AttachOther      AttachmentKind = "other"
)

// AttachmentKinds lists the kinds in the order forms offer them.
var AttachmentKinds = []AttachmentKind{AttachReceipt, AttachBox, AttachIMEIScreen, AttachLockScreen, AttachIDDocument, AttachDevice, AttachOther}

// Valid reports whether k is one of the known kinds.
func (k AttachmentKind) Valid() bool {
	for _, v := range AttachmentKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Attachment is one file of evidence kept with its case.
type Attachment struct {
	ID        int64          `json:"-"`
	Kind      AttachmentKind `json:"kind"`
	Name      string         `json:"name,omitempty"`
	MediaType string         `json:"media_type,omitempty"`
	Size      int64          `json:"size,omitempty"`
	SHA256    string         `json:"sha256,omitempty"`
	Note      string         `json:"note,omitempty"`
	AddedAt   time.Time      `json:"added_at,omitzero"`
	AddedBy   string         `json:"added_by,omitempty"`
	// Path is where the import format finds the file, relative to the JSON file.
	Path string `json:"path,omitempty"`
	// Width and Height are the pixel size of the prepared rendition of an image, zero otherwise.
	Width  int `json:"width,omitempty"`
	Height int `json:"height,omitempty"`
	// Purged is set once retention removed the file; the record stays.
	Purged bool `json:"purged,omitempty"`
	// Barcodes are the codes read from the file when it was attached.
	Barcodes []Barcode `json:"barcodes,omitempty"`
	// FiscalReceipt is the Russian fiscal receipt a QR code among Barcodes describes, if any.
	FiscalReceipt *FiscalReceipt `json:"fiscal_receipt,omitempty"`

	// Data is the file itself; loaded only when asked for.
	Data []byte `json:"-"`
	// Load, set where Data is nil, reads the file and its rendition at the moment they are
	// stored: an import of many photos, or a database moved into a shared one, then holds one
	// file at a time instead of all of them until its one transaction ends. It must give the
	// very bytes that were checked, or an error.
	Load func() (data, rendition []byte, err error) `json:"-"`
	// Rendition is the upright, scaled, re-encoded JPEG of an image (or of a PDF's first page,
	// where it could be drawn), prepared once when it is attached so that a dossier export only
	// assembles.
	Rendition []byte `json:"-"`
}

// Limits on what is accepted as evidence.
const (
	// MaxAttachmentSize is the largest file accepted: a 12 MP photo or a scanned receipt fits easily.
	MaxAttachmentSize = 40 << 20
	// MaxImagePixels refuses decompression bombs before decoding: 100 MP is beyond any phone camera.
	MaxImagePixels = 100_000_000
)

// Media types the counter accepts.
const (
	MediaJPEG = "image/jpeg"
	MediaPNG  = "image/png"
	// MediaWebP is how messengers pass screenshots and photos on.
	MediaWebP = "image/webp"
	// MediaHEIC is how iPhones (and some Android phones) save photos.
	MediaHEIC = "image/heic"
	MediaPDF  = "application/pdf"
)

// IsImage reports whether the attachment is a photo.
func (a Attachment) IsImage() bool {
	return a.MediaType == MediaJPEG || a.MediaType == MediaPNG || a.MediaType == MediaWebP || a.MediaType == MediaHEIC
}

// EvidenceError is a refused file, with a message a person can act on.
type EvidenceError struct {
	Name string
	// Code is stable, for programs and translations: bad_kind, empty, not_a_file, too_large, unreadable,
	// too_many_pixels, heic, misnamed, unsupported, pdf_incomplete.
	Code   string
	Reason string
}

func (e *EvidenceError) Error() string { return fmt.Sprintf("%s: %s", e.Name, e.Reason) }

// Contents is the file itself and its rendition: Data and Rendition, or what Load reads.
func (a *Attachment) Contents() (data, rendition []byte, err error) {
	if a.Data == nil && a.Load != nil {
		return a.Load()
	}
	return a.Data, a.Rendition, nil
}
