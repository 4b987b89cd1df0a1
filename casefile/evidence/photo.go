package evidence

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // JPEG evidence that libjpeg-turbo leaves to Go (and every JPEG where it is not linked)
	_ "image/png"  // PNG evidence
	"math"
	"recoverydesk/casefile"

	_ "golang.org/x/image/webp" // WebP evidence: screenshots and photos passed through messengers
)

// Rendition sizes: about 1600 px on the long side keeps a receipt's small print readable and
// an eight-photo dossier a few megabytes.
const (
	RenditionLongSide = 1600
	RenditionQuality  = 80
)

// ErrTooManyPixels refuses an image whose header claims more pixels than any camera takes.
var ErrTooManyPixels = errors.New("too many pixels")

// MakeRendition decodes a JPEG or PNG, turns it upright by its EXIF orientation, scales it
// to RenditionLongSide, flattens transparency onto white and re-encodes it as a baseline
// 8-bit JPEG, which also drops every metadata block (GPS included). The pixel count is checked
// from the header before any decoding, so a decompression bomb costs nothing.
func MakeRendition(data []byte) (jpg []byte, width, height int, err error) {
	p, err := preparePicture(data, false)
	return p.jpg, p.width, p.height, err
}

// picture is a prepared image: its rendition and, when asked for, a gray copy at a size
// barcodes are read at.
type picture struct {
	jpg           []byte
	width, height int
	gray          *image.Gray
}

// preparePicture makes the rendition and, with withGray, the gray copy from the same decoding:
// the full-size pixels are the costly part and are held only once.
func preparePicture(data []byte, withGray bool) (picture, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return picture{}, fmt.Errorf("the image cannot be read (it may be damaged or not really an image): %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > casefile.MaxImagePixels {
		return picture{}, fmt.Errorf("the image claims to be %d×%d pixels, which no camera takes; it is refused as unsafe: %w", cfg.Width, cfg.Height, ErrTooManyPixels)
	}
	// A camera JPEG is decoded already shrunk to the smallest size that still makes the
	// rendition (and reads its barcodes: 12 MP gives a 3 MP picture, sharp enough for both).
	var src image.Image
	if format == "jpeg" {
		src, _ = decodeJPEGReduced(data, RenditionLongSide)
	}
	if src == nil {
		src, _, err = image.Decode(bytes.NewReader(data))
		if err != nil {
			return picture{}, fmt.Errorf("the image is damaged or incomplete (was the copy interrupted?): %w", err)
		}
	}
	return finishPicture(src, orientation(data), withGray)
}

// finishPicture makes the rendition of a decoded picture: scaled in its stored orientation,
// then turned (cheaper than turning 12 MP), then encoded; with withGray, also the gray copy for
// barcodes.
func finishPicture(src image.Image, orient int, withGray bool) (picture, error) {
	var gray *image.Gray
	if withGray {
		gray = grayForCodes(src)
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	scale := math.Min(1, float64(RenditionLongSide)/float64(max(w, h)))
	sw, sh := max(1, int(math.Round(float64(w)*scale))), max(1, int(math.Round(float64(h)*scale)))
	out := orientPlanes(resizePlanes(toPlanes(src), sw, sh), orient)
	jpg, err := encodeJPEG420(out, RenditionQuality)
	if err != nil {
		return picture{}, err
	}
	return picture{jpg: jpg, width: out.Rect.Dx(), height: out.Rect.Dy(), gray: gray}, nil
}

// prepareHEIC decodes a HEIC photo (its rotation is applied by the decoder) and prepares it
// like a JPEG.
func prepareHEIC(data []byte, withGray bool) (picture, error) {
	src, err := decodeHEIC(data)
	if err != nil {
		return picture{}, err
	}
	return finishPicture(src, 1, withGray)
}
