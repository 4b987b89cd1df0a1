package dossier

import (
	"testing"

	"recoverydesk/casefile"
)

// TestNoteText_TickSaysHowItWasSet: in the dossier's history an edit of an IMEI tick says, in
// the dossier's language, whether it was ticked by hand or by machine from a barcode, or
// unticked, as the case window and show say it; an edit written before that was recorded
// names the tick alone.
func TestNoteText_TickSaysHowItWasSet(t *testing.T) {
	box := "verification.imei_matches_box"
	edited := func(note string, details map[string]string) casefile.Event {
		return casefile.Event{Action: casefile.ActionEdited, Note: note, Details: details}
	}
	machine := edited("changed: device.serial, "+box, map[string]string{box: string(casefile.TickedFromBarcode), "verification.box_ticked_from": "box.jpg"})
	hand := edited("changed: "+box, map[string]string{box: string(casefile.TickedByHand)})
	off := edited("changed: "+box, map[string]string{box: string(casefile.Unticked)})
	older := edited("changed: "+box, nil)
	for _, tt := range []struct {
		lang string
		e    casefile.Event
		want string
	}{
		{"en", machine, "Serial number, IMEI on the device matches the box label (ticked by machine from the barcode of box.jpg)"},
		{"en", hand, "IMEI on the device matches the box label (ticked by hand)"},
		{"en", off, "IMEI on the device matches the box label (unticked)"},
		{"en", older, "IMEI on the device matches the box label"},
		{"ru", machine, "Серийный номер, IMEI устройства совпадает с наклейкой на коробке (отмечено программой по штрихкоду из box.jpg)"},
		{"ru", hand, "IMEI устройства совпадает с наклейкой на коробке (отмечено вручную)"},
		{"ru", off, "IMEI устройства совпадает с наклейкой на коробке (отметка снята)"},
		{"ru", older, "IMEI устройства совпадает с наклейкой на коробке"},
	} {
		d := &dossier{o: Options{Lang: tt.lang}}
		if got := d.noteText(tt.e); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}
	d := &dossier{o: Options{Lang: "en"}}
	for _, c := range []struct {
		change casefile.TickChange
		from   string
	}{{casefile.TickedByHand, ""}, {casefile.TickedFromBarcode, "box.jpg"}, {casefile.TickedFromBarcode, ""}, {casefile.Unticked, ""}} {
		if got, want := d.tickChangeText(c.change, c.from), casefile.TickChangeSentence(c.change, c.from); got != want {
			t.Errorf("%s: the dossier says %q, show %q", c.change, got, want)
		}
	}
}
