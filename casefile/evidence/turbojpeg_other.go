//go:build !(cgo && (linux || (windows && turbojpeg)))

package evidence

import (
	"bytes"
	"image"
	"image/jpeg"
)

// nativeJPEG says which codec prepares photos. Where libjpeg-turbo is not linked (macOS, and a
// Windows build made without the tag turbojpeg), Go's own decoder reads every pixel and the planes are scaled from there:
// the same rendition, about four times the time.
const nativeJPEG = "Go image/jpeg"

// decodeJPEGReduced leaves every JPEG to Go's decoder here.
func decodeJPEGReduced([]byte, int) (image.Image, bool) { return nil, false }

// encodeJPEG420 writes the planes with Go's encoder (baseline, standard Huffman tables).
func encodeJPEG420(img *image.YCbCr, quality int) ([]byte, error) {
	var buf bytes.Buffer
	err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	return buf.Bytes(), err
}
