package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// TestEventText_TickSaysHowItWasSet: an edit that changed an IMEI tick says in the person's
// language whether it was ticked by hand or by machine from a barcode, or unticked; an edit
// written before that was recorded names the tick alone, as it did.
func TestEventText_TickSaysHowItWasSet(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	edited := func(note string, details map[string]string) casefile.Event {
		return casefile.Event{Action: casefile.ActionEdited, Note: note, Details: details}
	}
	box := "verification.imei_matches_box"
	machine := edited("changed: device.serial, "+box, map[string]string{box: string(casefile.TickedFromBarcode), "verification.box_ticked_from": "box.jpg"})
	hand := edited("changed: "+box, map[string]string{box: string(casefile.TickedByHand)})
	off := edited("changed: "+box, map[string]string{box: string(casefile.Unticked)})
	both := edited("changed: verification.imei_matches_box, verification.imei_matches_receipt",
		map[string]string{box: string(casefile.TickedByHand), "verification.imei_matches_receipt": string(casefile.TickedFromBarcode),
			"verification.receipt_ticked_from": "чек.jpg"})
	older := edited("changed: "+box, nil)
	for _, tt := range []struct {
		lang string
		e    casefile.Event
		want string
	}{
		{"en", machine, "Edited: Serial number, IMEI matches the box (ticked by machine from the barcode of box.jpg)"},
		{"en", hand, "Edited: IMEI matches the box (ticked by hand)"},
		{"en", off, "Edited: IMEI matches the box (unticked)"},
		{"en", both, "Edited: IMEI matches the box (ticked by hand), IMEI matches the receipt (ticked by machine from the barcode of чек.jpg)"},
		{"en", older, "Edited: IMEI matches the box"},
		{"ru", machine, "Изменено: Серийный номер, IMEI совпадает с коробкой (отмечено программой по штрихкоду из box.jpg)"},
		{"ru", hand, "Изменено: IMEI совпадает с коробкой (отмечено вручную)"},
		{"ru", off, "Изменено: IMEI совпадает с коробкой (отметка снята)"},
		{"ru", older, "Изменено: IMEI совпадает с коробкой"},
	} {
		setLanguage(tt.lang)
		if got := eventText(tt.e); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}
	// The window says in English what show prints.
	setLanguage("en")
	for _, c := range []struct {
		change casefile.TickChange
		from   string
	}{{casefile.TickedByHand, ""}, {casefile.TickedFromBarcode, "box.jpg"}, {casefile.TickedFromBarcode, ""}, {casefile.Unticked, ""}} {
		if got, want := tickChangeText(c.change, c.from), casefile.TickChangeSentence(c.change, c.from); got != want {
			t.Errorf("%s: the window says %q, show %q", c.change, got, want)
		}
	}
}

// TestCaseForm_HistorySaysHowTheTickWasSet: saved through the real store, the tick the form
// read from the box label's barcode, then the technician's own, then none, each reads so in
// the case window's history and in the history of all cases.
func TestCaseForm_HistorySaysHowTheTickWasSet(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", imeiOnPhone, casefile.StatusIntake, 1))
	num := number(t, a, 0)
	label := &casefile.Attachment{Kind: casefile.AttachBox, Name: "box.jpg", MediaType: casefile.MediaJPEG, Data: []byte("jpeg"),
		Barcodes: label128(imeiOnPhone)}
	if err := s.AddAttachment(ctx, num, label, "Анна"); err != nil {
		t.Fatal(err)
	}
	f := a.OpenCase(num)
	if !f.matchBox.Checked || f.tickBox.source() != "box.jpg" {
		t.Fatalf("the form did not tick from the label (ticked %v, from %q)", f.matchBox.Checked, f.tickBox.source())
	}
	wants := []string{
		"Edited: IMEI matches the box (ticked by machine from the barcode of box.jpg)",
		"Edited: IMEI matches the box (ticked by hand)",
		"Edited: IMEI matches the box (unticked)",
	}
	for i, set := range []func(){
		func() {}, // as the form ticked it
		func() { test.Tap(f.matchBox); test.Tap(f.matchBox) },
		func() { test.Tap(f.matchBox) },
	} {
		set()
		if err := f.Save(); err != nil {
			t.Fatalf("save %d: %v", i, err)
		}
		a.WaitIdle()
		newest := f.timeline.Objects[0].(*widget.Label).Text
		if !strings.HasSuffix(newest, "\n"+wants[i]) {
			t.Errorf("save %d: the history's newest entry reads %q, want %q", i, newest, wants[i])
		}
	}
	w := a.ShowAudit()
	a.WaitIdle()
	var said []string
	for _, r := range w.Rows() {
		if r.Action == casefile.ActionEdited {
			said = append([]string{eventText(r.Event)}, said...) // newest first there
		}
	}
	if strings.Join(said, "\n") != strings.Join(wants, "\n") {
		t.Errorf("the history of all cases reads\n%s\nwant\n%s", strings.Join(said, "\n"), strings.Join(wants, "\n"))
	}
}
