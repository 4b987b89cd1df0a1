package evidence

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"strings"
	"testing"
)

func TestMakeRendition_Orientation(t *testing.T) {
	tests := []struct {
		orient       uint16
		wantW, wantH int
		redX, redY   float64 // where the red corner must land
	}{
		{1, 1600, 1200, 0.05, 0.05},
		{2, 1600, 1200, 0.95, 0.05}, // mirrored: front cameras
		{3, 1600, 1200, 0.95, 0.95},
		{4, 1600, 1200, 0.05, 0.95},
		{5, 1200, 1600, 0.05, 0.05},
		{6, 1200, 1600, 0.95, 0.05},
		{7, 1200, 1600, 0.95, 0.95},
		{8, 1200, 1600, 0.05, 0.95},
	}
	src := sample.MarkedPhoto(2000, 1500)
	for _, tt := range tests {
		rend, w, h, err := MakeRendition(sample.WithOrientation(src, tt.orient))
		if err != nil {
			t.Fatal(err)
		}
		if w != tt.wantW || h != tt.wantH {
			t.Errorf("orientation %d: %dx%d, want %dx%d", tt.orient, w, h, tt.wantW, tt.wantH)
		}
		if !sample.RedAt(rend, tt.redX, tt.redY) {
			t.Errorf("orientation %d: the red corner is not at (%.2f, %.2f)", tt.orient, tt.redX, tt.redY)
		}
		if bytes.Contains(rend, []byte("Exif")) {
			t.Errorf("orientation %d: the rendition kept its EXIF block", tt.orient)
		}
	}
}

func pngBytes(img image.Image) []byte {
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}

// bombPNG is a valid PNG header claiming an absurd size, with no pixels behind it.
func bombPNG() []byte {
	b := pngBytes(image.NewGray(image.Rect(0, 0, 1, 1)))
	binary.BigEndian.PutUint32(b[16:], 100000)
	binary.BigEndian.PutUint32(b[20:], 100000)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestPrepareEvidence(t *testing.T) {
	deep := image.NewRGBA64(image.Rect(0, 0, 300, 200))
	for i := range deep.Pix {
		deep.Pix[i] = byte(i)
	}
	clear := image.NewNRGBA(image.Rect(0, 0, 300, 200))
	jpg := sample.MarkedPhoto(400, 300)
	tests := []struct {
		name      string
		file      string
		data      []byte
		wantMedia string
		wantErr   string
	}{
		{"jpeg", "box.jpg", jpg, casefile.MediaJPEG, ""},
		{"16-bit png", "scan.png", pngBytes(deep), casefile.MediaPNG, ""},
		{"transparent png", "cut.png", pngBytes(clear), casefile.MediaPNG, ""},
		{"pdf", "чек.pdf", []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"), casefile.MediaPDF, ""},
		{"empty", "x.jpg", nil, "", "empty"},
		{"truncated jpeg", "cut.jpg", jpg[:len(jpg)/2], "", "damaged or incomplete"},
		{"text named jpeg", "fake.jpg", []byte("hello, not a photo"), "", "not a JPEG"},
		{"word document", "receipt.docx", []byte("PK\x03\x04 zip"), "", "only JPEG, PNG, WebP and HEIC pictures and PDF documents"},
		{"png bomb", "bomb.png", bombPNG(), "", "refused as unsafe"},
		{"heic", "IMG_0001.HEIC", append([]byte{0, 0, 0, 24}, []byte("ftypheic0000")...), "", "HEIC"},
		{"pdf without its end", "broken.pdf", []byte("%PDF-1.4\n1 0 obj\n<<"), "", "incomplete"},
		{"too large", "huge.pdf", append([]byte("%PDF-"), make([]byte, casefile.MaxAttachmentSize)...), "", "the limit is"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Prepare(casefile.AttachBox, tt.file, tt.data)
			if tt.wantErr != "" {
				var ee *casefile.EvidenceError
				if !errors.As(err, &ee) || ee.Code == "" || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Prepare = %v, want an error containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.MediaType != tt.wantMedia || a.Size != int64(len(tt.data)) {
				t.Fatalf("got %s %d", a.MediaType, a.Size)
			}
			if tt.wantMedia != casefile.MediaPDF {
				if cfg, err := jpeg.DecodeConfig(bytes.NewReader(a.Rendition)); err != nil || cfg.Width != a.Width {
					t.Fatalf("rendition is not a JPEG of the stated size: %v", err)
				}
			}
		})
	}
}

func TestSafeName(t *testing.T) {
	tests := map[string]string{
		"../../etc/passwd":                "passwd",
		`C:\Users\anna\чек.pdf`:           "чек.pdf",
		"a\x00b\nc.jpg":                   "abc.jpg",
		"..":                              "file",
		"":                                "file",
		"bad\xffname.png":                 "bad_name.png",
		strings.Repeat("я", 300) + ".jpg": strings.Repeat("я", MaxNameRunes-5) + "….jpg",
	}
	for in, want := range tests {
		if got := safeName(in); got != want {
			t.Errorf("safeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// gridImage is a small paletted-looking test pattern, encoded as PNG for the fuzz corpus.
type gridImage struct{}

func (gridImage) ColorModel() color.Model { return color.RGBAModel }
func (gridImage) Bounds() image.Rectangle { return image.Rect(0, 0, 16, 16) }
func (gridImage) At(x, y int) color.Color {
	if (x+y)%2 == 0 {
		return color.Black
	}
	return color.White
}

func TestMakeRendition_LargePhotoShrunkWhileDecoded(t *testing.T) {
	// 4000×3000 is decoded at half size (where libjpeg-turbo is linked), then turned upright.
	rend, w, h, err := MakeRendition(sample.WithOrientation(sample.MarkedPhoto(4000, 3000), 6))
	if err != nil {
		t.Fatal(err)
	}
	if w != 1200 || h != 1600 {
		t.Fatalf("%dx%d, want 1200x1600", w, h)
	}
	if !sample.RedAt(rend, 0.95, 0.05) || sample.RedAt(rend, 0.05, 0.95) {
		t.Error("the large photo is not turned by its EXIF orientation")
	}
}
