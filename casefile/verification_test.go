package casefile

import "testing"

// TestBoxTick: a tick the form made from a barcode stands while its file is in the case and
// still shows IMEI 1; the technician's own tick stands as ticked.
func TestBoxTick(t *testing.T) {
	const imei, other = "860123456789014", "860123456789022"
	label := Attachment{Kind: AttachBox, Name: "label.png", Barcodes: []Barcode{{Format: "CODE_128", Text: imei}}}
	for _, tt := range []struct {
		name     string
		c        Case
		ticked   bool
		fromFile string
	}{
		{"read from the label, the label there", Case{Device: Device{IMEI1: imei}, Attachments: []Attachment{label},
			Verification: Verification{IMEIMatchesBox: true, BoxTickedFrom: "label.png"}}, true, "label.png"},
		{"read from the label, the label deleted since", Case{Device: Device{IMEI1: imei},
			Verification: Verification{IMEIMatchesBox: true, BoxTickedFrom: "label.png"}}, false, ""},
		{"read from the label, IMEI 1 changed since", Case{Device: Device{IMEI1: other}, Attachments: []Attachment{label},
			Verification: Verification{IMEIMatchesBox: true, BoxTickedFrom: "label.png"}}, false, ""},
		{"a source an import claimed, no such file", Case{Device: Device{IMEI1: imei}, Attachments: []Attachment{label},
			Verification: Verification{IMEIMatchesBox: true, BoxTickedFrom: "label-from-box.png"}}, false, ""},
		{"the technician's own tick", Case{Device: Device{IMEI1: imei},
			Verification: Verification{IMEIMatchesBox: true}}, true, ""},
		{"not ticked", Case{Device: Device{IMEI1: imei}, Attachments: []Attachment{label},
			Verification: Verification{BoxTickedFrom: "label.png"}}, false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ticked, from := tt.c.BoxTick()
			if ticked != tt.ticked || from != tt.fromFile {
				t.Fatalf("BoxTick = %v %q, want %v %q", ticked, from, tt.ticked, tt.fromFile)
			}
			missing := false
			for _, m := range Readiness(&tt.c) {
				missing = missing || m.Code == MissIMEIMatchBox
			}
			if missing == tt.ticked {
				t.Errorf("readiness asks for the tick: %v, ticked %v", missing, tt.ticked)
			}
		})
	}
}
