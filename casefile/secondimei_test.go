package casefile

import "testing"

// TestSecondIMEI: a label that carries IMEI 1 and one other IMEI offers that one for an empty
// IMEI 2; anything less certain offers nothing.
func TestSecondIMEI(t *testing.T) {
	const one, two, three = "860123456789014", "860123456789022", "356938035643809"
	label := func(kind AttachmentKind, texts ...string) Attachment {
		a := Attachment{Kind: kind, Name: "box.jpg"}
		for _, s := range texts {
			a.Barcodes = append(a.Barcodes, Barcode{Format: "CODE_128", Text: s})
		}
		return a
	}
	for _, tt := range []struct {
		name       string
		imei1      string
		imei2      string
		attachment Attachment
		want       string
	}{
		{"both IMEIs on the box label", one, "", label(AttachBox, one, two), two},
		{"the same code read twice", one, "", label(AttachBox, one, two, two, "IMEI2 "+two), two},
		{"on the *#06# screen", "8601 2345 6789 014", " ", label(AttachIMEIScreen, "IMEI1 "+one+" IMEI2 "+two), two},
		{"IMEI 2 already typed", one, three, label(AttachBox, one, two), ""},
		{"a single-SIM label", one, "", label(AttachBox, one), ""},
		{"two strangers: which one?", one, "", label(AttachBox, one, two, three), ""},
		{"IMEI 1 not on the label: a mismatch, not a suggestion", one, "", label(AttachBox, two), ""},
		{"IMEI 1 not typed yet", "", "", label(AttachBox, one, two), ""},
		{"a photo of the device is not evidence of its IMEIs", one, "", label(AttachDevice, one, two), ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{Device: Device{IMEI1: tt.imei1, IMEI2: tt.imei2}, Attachments: []Attachment{tt.attachment}}
			got, from := SecondIMEI(c)
			if got != tt.want || (got != "" && from != "box.jpg") {
				t.Fatalf("SecondIMEI = %q from %q, want %q", got, from, tt.want)
			}
		})
	}
}
