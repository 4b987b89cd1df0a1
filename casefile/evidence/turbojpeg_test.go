//go:build cgo && (linux || (windows && turbojpeg))

package evidence

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"testing"
)

func jpegOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDecodeJPEGReduced: libjpeg-turbo shrinks while decoding by powers of two, never below
// the rendition's size, and leaves to Go's decoder what it would have to guess at.
func TestDecodeJPEGReduced(t *testing.T) {
	ycc := image.NewYCbCr(image.Rect(0, 0, 4000, 3000), image.YCbCrSubsampleRatio420)
	for i := range ycc.Y {
		ycc.Y[i] = uint8(i % 251)
	}
	for i := range ycc.Cb {
		ycc.Cb[i], ycc.Cr[i] = 90, 170
	}
	photo := jpegOf(t, ycc)
	tests := []struct {
		name         string
		data         []byte
		minLong      int
		ok           bool
		wantW, wantH int
	}{
		{"12 MP to a rendition: half", photo, RenditionLongSide, true, 2000, 1500},
		{"12 MP, small target: an eighth", photo, 400, true, 500, 375},
		{"12 MP, more than it has: whole", photo, 5000, true, 4000, 3000},
		{"odd size rounds up", jpegOf(t, image.NewYCbCr(image.Rect(0, 0, 3999, 2001), image.YCbCrSubsampleRatio420)), 1600, true, 2000, 1001},
		{"gray", jpegOf(t, image.NewGray(image.Rect(0, 0, 1700, 900))), 1600, true, 1700, 900},
		{"truncated: Go's decoder judges it", photo[:len(photo)/2], 1600, false, 0, 0},
		{"not a JPEG", []byte("GIF89a"), 1600, false, 0, 0},
		{"empty", nil, 1600, false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, ok := decodeJPEGReduced(tt.data, tt.minLong)
			if ok != tt.ok {
				t.Fatalf("ok = %v", ok)
			}
			if !ok {
				return
			}
			if b := img.Bounds(); b.Dx() != tt.wantW || b.Dy() != tt.wantH {
				t.Errorf("%v, want %dx%d", b, tt.wantW, tt.wantH)
			}
		})
	}
	img, _ := decodeJPEGReduced(photo, RenditionLongSide)
	got := img.(*image.YCbCr)
	if got.SubsampleRatio != image.YCbCrSubsampleRatio420 {
		t.Errorf("subsampling %v", got.SubsampleRatio)
	}
	if cb := got.Cb[got.COffset(500, 500)]; cb < 85 || cb > 95 {
		t.Errorf("Cb = %d, want about 90", cb)
	}
	if _, gray := mustDecode(t, jpegOf(t, image.NewGray(image.Rect(0, 0, 64, 64)))).(*image.Gray); !gray {
		t.Error("a gray JPEG did not come back gray")
	}
}

func mustDecode(t *testing.T, data []byte) image.Image {
	img, ok := decodeJPEGReduced(data, 1)
	if !ok {
		t.Fatal("not decoded")
	}
	return img
}

// TestEncodeJPEG420: what libjpeg-turbo writes reads back the same in Go, is smaller than Go's
// own encoding (optimised Huffman tables), and carries no metadata.
func TestEncodeJPEG420(t *testing.T) {
	for _, size := range []image.Rectangle{image.Rect(0, 0, 1600, 1200), image.Rect(0, 0, 1199, 1601), image.Rect(0, 0, 1, 1)} {
		src := image.NewYCbCr(size, image.YCbCrSubsampleRatio420)
		for y := 0; y < size.Dy(); y++ {
			for x := 0; x < size.Dx(); x++ {
				src.Y[src.YOffset(x, y)] = uint8((x*7 + y*3) % 256)
			}
		}
		for i := range src.Cb {
			src.Cb[i], src.Cr[i] = 100, 160
		}
		out, err := encodeJPEG420(src, RenditionQuality)
		if err != nil {
			t.Fatal(err)
		}
		back, err := jpeg.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatalf("%v: %v", size, err)
		}
		if back.Bounds() != size {
			t.Errorf("%v came back %v", size, back.Bounds())
		}
		r, g, b, _ := back.At(0, 0).RGBA()
		wr, wg, wb, _ := color.YCbCr{src.Y[0], 100, 160}.RGBA()
		if d := max(absDiff(r, wr), absDiff(g, wg), absDiff(b, wb)); d > 12<<8 {
			t.Errorf("%v: the first pixel is off by %d", size, d>>8)
		}
		if size.Dx() == 1600 {
			var goBuf bytes.Buffer
			_ = jpeg.Encode(&goBuf, src, &jpeg.Options{Quality: RenditionQuality})
			if len(out) >= goBuf.Len() {
				t.Errorf("%d bytes, Go's encoder %d: the Huffman tables are not optimised", len(out), goBuf.Len())
			}
			if bytes.Contains(out, []byte("Exif")) {
				t.Error("metadata in the rendition")
			}
		}
	}
	if _, err := encodeJPEG420(image.NewYCbCr(image.Rect(0, 0, 8, 8), image.YCbCrSubsampleRatio444), 80); err == nil {
		t.Error("4:4:4 planes were taken as 4:2:0")
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}
