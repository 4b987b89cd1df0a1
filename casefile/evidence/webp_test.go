package evidence

import (
	"os"
	"path/filepath"
	"testing"

	"recoverydesk/casefile"
)

// The WebP files were made with libwebp's tools from the example box label and a zint QR code:
//
//	cwebp -q 80 sideways.jpg -o side.webp; webpmux -set exif orientation8.tiff side.webp -o label-orient8.webp
//	cwebp -lossless -resize 600 0 fiscal.png -o fiscal-lossless.webp
func TestWebPIsPreparedLikeJPEG(t *testing.T) {
	tests := []struct {
		file      string
		kind      casefile.AttachmentKind
		landscape bool
		codes     int
		fiscal    bool
	}{
		// Stored a quarter turn clockwise with EXIF orientation 8: the rendition stands upright.
		{"label-orient8.webp", casefile.AttachBox, true, 3, false},
		{"fiscal-lossless.webp", casefile.AttachReceipt, false, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "webp", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Prepare(tt.kind, tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if a.MediaType != casefile.MediaWebP || !a.IsImage() {
				t.Errorf("media type %q", a.MediaType)
			}
			if string(a.Data) != string(data) {
				t.Error("the original WebP is not kept as it came")
			}
			if len(a.Rendition) < 3 || a.Rendition[0] != 0xFF || a.Rendition[1] != 0xD8 {
				t.Error("the rendition is not a JPEG")
			}
			if (a.Width > a.Height) != tt.landscape {
				t.Errorf("rendition %d×%d: orientation not applied", a.Width, a.Height)
			}
			if len(a.Barcodes) != tt.codes || (a.FiscalReceipt != nil) != tt.fiscal {
				t.Errorf("codes %v, fiscal receipt %+v", a.Barcodes, a.FiscalReceipt)
			}
		})
	}
	// A WebP cut short is refused with the reason, like a cut JPEG.
	data, _ := os.ReadFile(filepath.Join("testdata", "webp", "label-orient8.webp"))
	if _, err := Prepare(casefile.AttachBox, "cut.webp", data[:len(data)/2]); err == nil {
		t.Error("a truncated WebP was accepted")
	}
}

func TestWebPOrientationOfOddFiles(t *testing.T) {
	for _, b := range [][]byte{nil, []byte("RIFF"), []byte("RIFF\x00\x00\x00\x00WEBPEXIF\xff\xff\xff\x7f"), []byte("RIFF\x10\x00\x00\x00WEBPVP8 \x01\x00\x00\x00")} {
		if o := orientation(b); o != 1 {
			t.Errorf("orientation(%q) = %d", b, o)
		}
	}
}
