package evidence

import (
	"errors"
	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPrepareEvidence: any file is either refused with a coded reason or prepared with a
// rendition that is itself a readable JPEG.
func FuzzPrepareEvidence(f *testing.F) {
	f.Add("box.jpg", sample.MarkedPhoto(40, 30))
	f.Add("scan.png", pngBytes(bombGrid()))
	f.Add("r.pdf", []byte("%PDF-1.4\n%%EOF\n"))
	f.Add("x.jpg", []byte{0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 0x2a})
	f.Add("../../a.png", bombPNG())
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		a, err := Prepare(casefile.AttachBox, name, data)
		if err != nil {
			var ee *casefile.EvidenceError
			if !errors.As(err, &ee) || ee.Code == "" {
				t.Fatalf("an uncoded refusal: %v", err)
			}
			return
		}
		if strings.ContainsAny(a.Name, "/\\\x00") || !utf8.ValidString(a.Name) {
			t.Fatalf("unsafe stored name %q", a.Name)
		}
		if a.IsImage() {
			if _, _, _, err := MakeRendition(a.Rendition); err != nil {
				t.Fatalf("the rendition is not readable: %v", err)
			}
		}
	})
}

func bombGrid() gridImage { return gridImage{} }
