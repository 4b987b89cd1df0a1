//go:build linux && cgo

package evidence

import (
	"os"
	"path/filepath"
	"testing"

	"recoverydesk/casefile"
)

// The HEIC files were made with libheif's encoder from the example box label and a zint QR code:
//
//	convert box-label.jpg -resize 1200x900 label.png; heif-enc -q 60 -o box-label.heic label.png
//	convert fiscal.png -filter point -resize 600% -bordercolor white -border 120 -resize 800x800 -type TrueColor png24:f.png
//	heif-enc -q 70 -o fiscal-receipt.heic f.png
func TestHEICIsPreparedLikeJPEG(t *testing.T) {
	tests := []struct {
		file   string
		kind   casefile.AttachmentKind
		codes  []string
		fiscal bool
	}{
		{"box-label.heic", casefile.AttachBox, []string{"490154203237518", "352099001761481"}, false},
		{"fiscal-receipt.heic", casefile.AttachReceipt, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "heic", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Prepare(tt.kind, tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if a.MediaType != casefile.MediaHEIC || !a.IsImage() || string(a.Data) != string(data) {
				t.Errorf("media type %q; the original kept: %v", a.MediaType, string(a.Data) == string(data))
			}
			if len(a.Rendition) < 3 || a.Rendition[0] != 0xFF || a.Rendition[1] != 0xD8 || a.Width == 0 || a.Height == 0 {
				t.Errorf("the rendition is not a JPEG (%d×%d)", a.Width, a.Height)
			}
			got := casefile.IMEIsIn(a.Barcodes)
			for _, want := range tt.codes {
				found := false
				for _, g := range got {
					found = found || g == want
				}
				if !found {
					t.Errorf("IMEI %s not read; read %v", want, a.Barcodes)
				}
			}
			if (a.FiscalReceipt != nil) != tt.fiscal {
				t.Errorf("fiscal receipt %+v", a.FiscalReceipt)
			}
		})
	}
	// The box label checks the case's IMEIs: the one on the label matches, another does not.
	data, _ := os.ReadFile(filepath.Join("testdata", "heic", "box-label.heic"))
	box, err := Prepare(casefile.AttachBox, "IMG_0001.HEIC", data)
	if err != nil {
		t.Fatal(err)
	}
	c := &casefile.Case{Attachments: []casefile.Attachment{box}}
	c.Device.IMEI1, c.Device.IMEI2 = "490154203237518", "861234567890275"
	results := map[string]string{}
	for _, ch := range casefile.EvidenceChecks(c) {
		results[ch.Field] = ch.Result
	}
	if results["imei1"] != "match" || results["imei2"] != "mismatch" {
		t.Errorf("checks from the HEIC label: %v", results)
	}
	// Cut short: refused with a reason, as a cut JPEG is.
	if _, err := Prepare(casefile.AttachBox, "cut.heic", data[:len(data)/2]); err == nil {
		t.Error("a truncated HEIC was accepted")
	}
}
