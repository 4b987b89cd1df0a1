package casefile

import (
	"maps"
	"testing"
)

// TestTickDetails: an edit that changes an IMEI tick records how it left it, a machine's tick
// with the file its barcode was read from, and a machine's tick its evidence no longer bears
// out as unticked; an edit that changes no tick records nothing; and the details read back as
// they were written, each tick on its own.
func TestTickDetails(t *testing.T) {
	const imei = "860123456789014"
	label := Attachment{Kind: AttachBox, Name: "label.png", Barcodes: []Barcode{{Format: "CODE_128", Text: imei}}}
	receipt := Attachment{Kind: AttachReceipt, Name: "чек.jpg", Barcodes: []Barcode{{Format: "CODE_128", Text: imei}}}
	box, rcpt := "verification.imei_matches_box", "verification.imei_matches_receipt"
	for _, tt := range []struct {
		name    string
		v       Verification
		files   []Attachment
		changed []string
		want    map[string]string
		sayBox  string // TickChangeSentence of the box tick, "" when the event does not say
	}{
		{"ticked by hand", Verification{IMEIMatchesBox: true}, nil, []string{box},
			map[string]string{box: "ticked_by_hand"}, "ticked by hand"},
		{"ticked from the label's barcode", Verification{IMEIMatchesBox: true, BoxTickedFrom: "label.png"}, []Attachment{label}, []string{"device.serial", box},
			map[string]string{box: "ticked_from_barcode", "verification.box_ticked_from": "label.png"}, "ticked by machine from the barcode of label.png"},
		{"unticked", Verification{}, []Attachment{label}, []string{box},
			map[string]string{box: "unticked"}, "unticked"},
		{"a machine's tick without its label", Verification{IMEIMatchesBox: true, BoxTickedFrom: "label.png"}, nil, []string{box},
			map[string]string{box: "unticked"}, "unticked"},
		{"a source claimed for a file that is not there", Verification{IMEIMatchesBox: true, BoxTickedFrom: "other.png"}, []Attachment{label}, []string{box},
			map[string]string{box: "unticked"}, "unticked"},
		{"both ticks, one each way", Verification{IMEIMatchesBox: true, IMEIMatchesReceipt: true, ReceiptTickedFrom: "чек.jpg"}, []Attachment{label, receipt}, []string{box, rcpt},
			map[string]string{box: "ticked_by_hand", rcpt: "ticked_from_barcode", "verification.receipt_ticked_from": "чек.jpg"}, "ticked by hand"},
		{"the receipt's tick alone", Verification{IMEIMatchesBox: true, IMEIMatchesReceipt: true}, nil, []string{rcpt},
			map[string]string{rcpt: "ticked_by_hand"}, ""},
		{"no tick changed", Verification{IMEIMatchesBox: true}, nil, []string{"customer.name"}, nil, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := &Case{Device: Device{IMEI1: imei}, Attachments: tt.files, Verification: tt.v}
			got := TickDetails(c, tt.changed)
			if !maps.Equal(got, tt.want) || (tt.want == nil) != (got == nil) {
				t.Fatalf("TickDetails = %v, want %v", got, tt.want)
			}
			e := Event{Action: ActionEdited, Details: got}
			change, from, ok := EditedTick(e, box)
			if ok != (tt.sayBox != "") || TickChangeSentence(change, from) != tt.sayBox {
				t.Errorf("the box tick reads back as %q %q (%v), want %q", change, from, ok, tt.sayBox)
			}
		})
	}
}

// TestEditedTick_SaysNothingItWasNotTold: an edit written before ticks were recorded, another
// action, or a detail with a value no edit writes reads as not saying, never as a guess.
func TestEditedTick_SaysNothingItWasNotTold(t *testing.T) {
	const box = "verification.imei_matches_box"
	for _, tt := range []struct {
		name  string
		e     Event
		field string
	}{
		{"an older edit", Event{Action: ActionEdited, Note: "changed: " + box}, box},
		{"not an edit", Event{Action: ActionStatus, Details: map[string]string{box: "ticked_by_hand"}}, box},
		{"an unknown value", Event{Action: ActionEdited, Details: map[string]string{box: "yes"}}, box},
		{"not a tick", Event{Action: ActionEdited, Details: map[string]string{"device.serial": "ticked_by_hand"}}, "device.serial"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if change, from, ok := EditedTick(tt.e, tt.field); ok {
				t.Fatalf("EditedTick = %q %q, want nothing said", change, from)
			}
		})
	}
}
