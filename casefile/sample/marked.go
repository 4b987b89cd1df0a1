package sample

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
)

// MarkedPhoto makes a w×h JPEG whose top-left quarter is red, so that a test can tell which way
// is up after a rendition, a rotation or a PDF page.
func MarkedPhoto(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(color.RGBA{40, 90, 200, 255}), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, w/4, h/4), image.NewUniform(color.RGBA{230, 20, 20, 255}), image.Point{}, draw.Src)
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	return buf.Bytes()
}

// WithOrientation inserts an EXIF APP1 segment carrying the orientation tag, as phones write it.
func WithOrientation(jpg []byte, orient uint16) []byte {
	tiff := []byte("MM\x00\x2a\x00\x00\x00\x08")
	ifd := make([]byte, 2+12+4)
	binary.BigEndian.PutUint16(ifd[0:], 1)
	binary.BigEndian.PutUint16(ifd[2:], 0x0112)
	binary.BigEndian.PutUint16(ifd[4:], 3)
	binary.BigEndian.PutUint32(ifd[6:], 1)
	binary.BigEndian.PutUint16(ifd[10:], orient)
	payload := append([]byte("Exif\x00\x00"), append(tiff, ifd...)...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	seg = append(seg, payload...)
	return append(append([]byte{0xFF, 0xD8}, seg...), jpg[2:]...)
}

// RedAt tells whether the JPEG is red at a point given as fractions of its width and height:
// where the red corner of a MarkedPhoto ended up. What is not a JPEG is red nowhere.
func RedAt(jpg []byte, fx, fy float64) bool {
	img, err := jpeg.Decode(bytes.NewReader(jpg))
	if err != nil {
		return false
	}
	b := img.Bounds()
	r, g, _, _ := img.At(b.Min.X+int(fx*float64(b.Dx())), b.Min.Y+int(fy*float64(b.Dy()))).RGBA()
	return r > 0xa000 && g < 0x6000
}
