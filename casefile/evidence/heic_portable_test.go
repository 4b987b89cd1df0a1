package evidence

import (
	"image"
	"os"
	"path/filepath"
	"testing"

	"recoverydesk/casefile"
)

// TestHEICPortable: the decoder the Windows build uses (and Linux without libheif) reads the
// same photos into the same picture as the system's libheif, so the label's barcodes and the
// receipt's QR code are read there too; a hostile or damaged file is an error, never a crash.
func TestHEICPortable(t *testing.T) {
	for _, name := range []string{"box-label.heic", "fiscal-receipt.heic"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "heic", name))
			if err != nil {
				t.Fatal(err)
			}
			got, err := decodeHEICPortable(data)
			if err != nil {
				t.Fatal(err)
			}
			pic, err := finishPicture(got, 1, true)
			if err != nil {
				t.Fatal(err)
			}
			if pic.width == 0 || len(pic.jpg) < 3 || pic.jpg[0] != 0xFF {
				t.Fatalf("no rendition: %d×%d", pic.width, pic.height)
			}
			if name == "box-label.heic" {
				imeis := casefile.IMEIsIn(ReadBarcodes(pic.gray))
				if len(imeis) < 2 {
					t.Errorf("the label's IMEIs read from the portable decoding: %v", imeis)
				}
			}
			if !libheifLoaded() {
				t.Logf("no libheif here to compare with; decoded %v", got.Rect)
				return
			}
			want, err := decodeHEIC(data)
			if err != nil {
				t.Fatal(err)
			}
			if got.Rect != want.Rect {
				t.Fatalf("portable %v, libheif %v", got.Rect, want.Rect)
			}
			if d := meanLumaDiff(got, want); d > 2 {
				t.Errorf("the pictures differ by %.2f levels of brightness on average", d)
			}
		})
	}
	label, _ := os.ReadFile(filepath.Join("testdata", "heic", "box-label.heic"))
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"cut short", label[:len(label)/2]},
		{"only its header", label[:64]},
		{"header and noise", append(append([]byte{}, label[:200]...), make([]byte, 5000)...)},
		{"a JPEG's bytes", []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'}},
		{"empty", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if img, err := decodeHEICPortable(tt.data); err == nil {
				t.Fatalf("decoded %v", img.Rect)
			}
		})
	}
}

// meanLumaDiff is the mean absolute difference of two pictures' brightness.
func meanLumaDiff(a, b *image.YCbCr) float64 {
	var sum, n int
	for y := 0; y < a.Rect.Dy(); y++ {
		for x := 0; x < a.Rect.Dx(); x++ {
			d := int(a.Y[y*a.YStride+x]) - int(b.Y[y*b.YStride+x])
			sum += max(d, -d)
			n++
		}
	}
	return float64(sum) / float64(n)
}
