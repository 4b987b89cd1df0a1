package evidence

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // PNG evidence
	"math"
	"recoverydesk/casefile"

	"golang.org/x/image/draw"
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
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return picture{}, fmt.Errorf("the image cannot be read (it may be damaged or not really an image): %w", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || int64(cfg.Width)*int64(cfg.Height) > casefile.MaxImagePixels {
		return picture{}, fmt.Errorf("the image claims to be %d×%d pixels, which no camera takes; it is refused as unsafe: %w", cfg.Width, cfg.Height, ErrTooManyPixels)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return picture{}, fmt.Errorf("the image is damaged or incomplete (was the copy interrupted?): %w", err)
	}
	var gray *image.Gray
	if withGray {
		gray = grayForCodes(src)
	}
	orient := orientation(data)
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if orient >= 5 { // rotated a quarter turn: width and height swap
		w, h = h, w
	}
	scale := math.Min(1, float64(RenditionLongSide)/float64(max(w, h)))
	dw, dh := max(1, int(math.Round(float64(w)*scale))), max(1, int(math.Round(float64(h)*scale)))

	// Scale first in the stored orientation, then rotate the small result: cheaper than rotating 12 MP.
	sw, sh := dw, dh
	if orient >= 5 {
		sw, sh = dh, dw
	}
	var scaled *image.RGBA
	if ycc, ok := src.(*image.YCbCr); ok && scale <= 0.5 {
		scaled = areaScaleYCbCr(ycc, sw, sh) // camera photos: the common, large case
	} else {
		scaled = image.NewRGBA(image.Rect(0, 0, sw, sh))
		draw.Draw(scaled, scaled.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		draw.CatmullRom.Scale(scaled, scaled.Bounds(), src, b, draw.Over, nil)
	}
	out := orientImage(scaled, orient)

	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: RenditionQuality}); err != nil {
		return picture{}, err
	}
	ob := out.Bounds()
	return picture{jpg: buf.Bytes(), width: ob.Dx(), height: ob.Dy(), gray: gray}, nil
}

// orientImage applies an EXIF orientation (1–8) so the picture stands as the photographer saw it.
func orientImage(src *image.RGBA, orient int) *image.RGBA {
	if orient <= 1 || orient > 8 {
		return src
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if orient >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch orient {
			case 2:
				dx, dy = w-1-x, y
			case 3:
				dx, dy = w-1-x, h-1-y
			case 4:
				dx, dy = x, h-1-y
			case 5:
				dx, dy = y, x
			case 6:
				dx, dy = h-1-y, x
			case 7:
				dx, dy = h-1-y, w-1-x
			case 8:
				dx, dy = y, w-1-x
			}
			si := src.PixOffset(x, y)
			di := dst.PixOffset(dx, dy)
			copy(dst.Pix[di:di+4], src.Pix[si:si+4])
		}
	}
	return dst
}
