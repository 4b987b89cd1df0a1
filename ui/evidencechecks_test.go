package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

const (
	imeiOnPhone = "861234567890127"
	imeiSecond  = "861234567890135"
	imeiOther   = "861234567890275"
	fiscalText  = "t=20240212T1530&s=14500.00&fn=9289000100123456&i=4711&fp=3522111111&n=1"
)

// evidenceFile is an attachment as evidence.Prepare leaves it: the codes read from it, and
// what follows from them.
func evidenceFile(kind casefile.AttachmentKind, name string, codes ...casefile.Barcode) casefile.Attachment {
	a := casefile.Attachment{Kind: kind, Name: name, MediaType: casefile.MediaPDF, Barcodes: codes}
	a.Derive()
	return a
}

func label128(texts ...string) []casefile.Barcode {
	out := make([]casefile.Barcode, len(texts))
	for i, s := range texts {
		out[i] = casefile.Barcode{Format: "CODE_128", Text: s}
	}
	return out
}

var fiscalQR = casefile.Barcode{Format: "QR_CODE", Text: fiscalText}

// formWith opens a new case's form holding these attachments, as if added in this window.
func formWith(t *testing.T, atts ...casefile.Attachment) *CaseForm {
	t.Helper()
	a, _ := newTestApp(t)
	f := a.NewCase()
	f.load(&casefile.Case{Status: casefile.StatusIntake, Attachments: atts})
	return f
}

// lineTexts are the check lines under a field, each with whether it is shown as a mismatch.
func lineTexts(l *checkLines) (texts []string, loud []bool) {
	var walk func(o fyne.CanvasObject, inBorder bool)
	walk = func(o fyne.CanvasObject, inBorder bool) {
		switch o := o.(type) {
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c, true)
			}
		case *widget.Label:
			texts = append(texts, o.Text)
			loud = append(loud, o.Importance == widget.DangerImportance && inBorder)
		}
	}
	for _, o := range l.box.Objects {
		walk(o, false)
	}
	return texts, loud
}

func TestCaseForm_EvidenceCheckLines(t *testing.T) {
	tests := []struct {
		name  string
		att   casefile.Attachment
		typed func(f *CaseForm)
		lines func(f *CaseForm) *checkLines
		want  string
		loud  bool
	}{
		{"IMEI 1 on the box label", evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...),
			func(f *CaseForm) { test.Type(f.imei1.Entry, imeiOnPhone) }, func(f *CaseForm) *checkLines { return f.imei1.Checks },
			"✓ IMEI 1 matches the box label barcode (box.jpg)", false},
		{"another IMEI on the box label", evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOther)...),
			func(f *CaseForm) { test.Type(f.imei1.Entry, imeiOnPhone) }, func(f *CaseForm) *checkLines { return f.imei1.Checks },
			"✗ The box label (box.jpg) says 861234567890275; IMEI 1 is 861234567890127.", true},
		{"IMEI 2 on the *#06# screen", evidenceFile(casefile.AttachIMEIScreen, "imei.png", label128(imeiOnPhone, imeiSecond)...),
			func(f *CaseForm) { test.Type(f.imei1.Entry, imeiOnPhone); test.Type(f.imei2.Entry, imeiSecond) },
			func(f *CaseForm) *checkLines { return f.imei2.Checks },
			"✓ IMEI 2 matches the barcode on the *#06# screen (imei.png)", false},
		{"another serial on the box label", evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone, "36133/A1B2C3D4")...),
			func(f *CaseForm) { test.Type(f.serial, "ZZ99ZZ99") }, func(f *CaseForm) *checkLines { return f.serialChecks },
			"✗ The box label (box.jpg) says 36133/A1B2C3D4; the serial number is ZZ99ZZ99.", true},
		{"purchase date in the fiscal QR code", evidenceFile(casefile.AttachReceipt, "receipt.jpg", fiscalQR),
			func(f *CaseForm) { test.Type(f.purchaseDate, "2024-02-12") }, func(f *CaseForm) *checkLines { return f.dateChecks },
			"✓ The purchase date matches the receipt's fiscal QR code (receipt.jpg)", false},
		{"another sum in the fiscal QR code", evidenceFile(casefile.AttachReceipt, "receipt.jpg", fiscalQR),
			func(f *CaseForm) { test.Type(f.price, "15000") }, func(f *CaseForm) *checkLines { return f.priceChecks },
			"✗ The receipt's QR code (receipt.jpg) says 14500.00; the price is 15000.", true},
		{"a photo without codes says nothing", evidenceFile(casefile.AttachBox, "box.jpg"),
			func(f *CaseForm) { test.Type(f.imei1.Entry, imeiOnPhone) }, func(f *CaseForm) *checkLines { return f.imei1.Checks },
			"", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := formWith(t, tt.att)
			if texts, _ := lineTexts(tt.lines(f)); len(texts) != 0 {
				t.Fatalf("lines before the field is typed: %q", texts)
			}
			tt.typed(f)
			texts, loud := lineTexts(tt.lines(f))
			if tt.want == "" {
				if len(texts) != 0 {
					t.Errorf("lines %q, want none", texts)
				}
				return
			}
			if len(texts) != 1 || texts[0] != tt.want || loud[0] != tt.loud {
				t.Errorf("lines %q (loud %v), want %q (loud %v)", texts, loud, tt.want, tt.loud)
			}
		})
	}
}

func TestCaseForm_EvidenceLinesFollowTheAttachments(t *testing.T) {
	f := formWith(t)
	test.Type(f.imei1.Entry, imeiOnPhone)
	if texts, _ := lineTexts(f.imei1.Checks); len(texts) != 0 {
		t.Fatalf("lines without evidence: %q", texts)
	}
	// What reload does once a file is added: the case's attachments change, the form recomputes.
	f.c.Attachments = []casefile.Attachment{evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...)}
	f.changed()
	if texts, _ := lineTexts(f.imei1.Checks); len(texts) != 1 || !strings.HasPrefix(texts[0], "✓ IMEI 1 matches") {
		t.Errorf("after the box photo: %q", texts)
	}
	f.c.Attachments = nil
	f.changed()
	if texts, _ := lineTexts(f.imei1.Checks); len(texts) != 0 {
		t.Errorf("after the box photo went: %q", texts)
	}
}

func TestCaseForm_MismatchNoteSettlesReadiness(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", imeiOnPhone, casefile.StatusIntake, 1))
	f := a.OpenCase(number(t, a, 0))
	f.c.Attachments = []casefile.Attachment{evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOther)...)}
	f.changed()
	item := func() string {
		for i, m := range f.Missing() {
			if m.Code == casefile.MissIMEIBoxMismatch {
				return f.jumps[i].Text()
			}
		}
		return ""
	}
	want := "☐ The box label (box.jpg) says 861234567890275; IMEI 1 is 861234567890127. Correct the field, or write"
	if got := item(); !strings.HasPrefix(got, want) {
		t.Fatalf("readiness item %q, want %q…", got, want)
	}
	test.Type(f.mismatchNote, "Плата заменена в сервисе, на коробке IMEI старой платы")
	if got := item(); got != "" {
		t.Fatalf("the item stays after the note: %q", got)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	c, err := s.Case(a.ctx, f.Case().Number)
	if err != nil {
		t.Fatal(err)
	}
	if c.Verification.MismatchNote != "Плата заменена в сервисе, на коробке IMEI старой платы" {
		t.Errorf("stored note %q", c.Verification.MismatchNote)
	}
	if f.mismatchNote.Text != c.Verification.MismatchNote {
		t.Errorf("the note after saving reads %q", f.mismatchNote.Text)
	}
	if fieldLabel("verification.mismatch_note") != "Why the numbers differ" {
		t.Errorf("field label %q", fieldLabel("verification.mismatch_note"))
	}
}

func TestCaseForm_PrefillsIMEITicks(t *testing.T) {
	tests := []struct {
		name           string
		atts           []casefile.Attachment
		box, onReceipt bool
	}{
		{"IMEI 1 on the box label", []casefile.Attachment{evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...)}, true, false},
		{"another IMEI on the box label", []casefile.Attachment{evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOther)...)}, false, false},
		{"one box agrees, another does not", []casefile.Attachment{evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...),
			evidenceFile(casefile.AttachBox, "box2.jpg", label128(imeiOther)...)}, false, false},
		{"IMEI 1 printed on the receipt", []casefile.Attachment{evidenceFile(casefile.AttachReceipt, "receipt.jpg", label128("IMEI "+imeiOnPhone)...)}, false, true},
		{"a fiscal QR code says nothing of the IMEI", []casefile.Attachment{evidenceFile(casefile.AttachReceipt, "receipt.jpg", fiscalQR)}, false, false},
		{"the *#06# screen is not the box", []casefile.Attachment{evidenceFile(casefile.AttachIMEIScreen, "imei.png", label128(imeiOnPhone)...)}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := formWith(t, tt.atts...)
			f.imei1.Entry.SetText(imeiOnPhone)
			if f.matchBox.Checked != tt.box || f.matchReceipt.Checked != tt.onReceipt {
				t.Errorf("ticks box=%v receipt=%v, want %v %v", f.matchBox.Checked, f.matchReceipt.Checked, tt.box, tt.onReceipt)
			}
		})
	}

	t.Run("the technician's untick stays", func(t *testing.T) {
		f := formWith(t, evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...))
		f.imei1.Entry.SetText(imeiOnPhone)
		test.Tap(f.matchBox)
		test.Type(f.serial, "A1")
		f.changed()
		if f.matchBox.Checked {
			t.Error("the form ticked again what the technician unticked")
		}
	})
	t.Run("a pre-tick is taken back when the IMEI stops matching", func(t *testing.T) {
		f := formWith(t, evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone, imeiOther)...))
		f.imei1.Entry.SetText(imeiOnPhone)
		if !f.matchBox.Checked {
			t.Fatal("not pre-ticked")
		}
		f.imei1.Entry.SetText(imeiSecond)
		if f.matchBox.Checked {
			t.Error("still ticked with an IMEI the box does not show")
		}
	})
	t.Run("a stored tick is kept", func(t *testing.T) {
		f := formWith(t)
		c := &casefile.Case{Status: casefile.StatusIntake, Verification: casefile.Verification{IMEIMatchesBox: true},
			Attachments: []casefile.Attachment{evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOther)...)}}
		c.Device.IMEI1 = imeiOnPhone
		f.load(c)
		if !f.matchBox.Checked {
			t.Error("the form unticked a tick it did not make")
		}
	})
}

func TestCaseForm_FillFromReceiptQR(t *testing.T) {
	tests := []struct {
		name                  string
		atts                  []casefile.Attachment
		date, price           string
		button                bool
		wantDate, wantPrice   string
		wantDateLine, wantSum string
	}{
		{"both empty", []casefile.Attachment{evidenceFile(casefile.AttachReceipt, "receipt.jpg", fiscalQR)},
			"", "", true, "2024-02-12", "14500.00", "✓ The purchase date matches", "✓ The price matches"},
		{"a typed date is kept", []casefile.Attachment{evidenceFile(casefile.AttachReceipt, "receipt.jpg", fiscalQR)},
			"2024-02-13", "", true, "2024-02-13", "14500.00", "✗ The receipt's QR code (receipt.jpg) says 2024-02-12; the purchase date is 2024-02-13.", "✓"},
		{"both typed", []casefile.Attachment{evidenceFile(casefile.AttachReceipt, "receipt.jpg", fiscalQR)},
			"2024-02-12", "14 500", false, "2024-02-12", "14 500", "✓", "✓"},
		{"no fiscal QR code", []casefile.Attachment{evidenceFile(casefile.AttachReceipt, "receipt.jpg", label128("4607001234567")...)},
			"", "", false, "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := formWith(t, tt.atts...)
			test.Type(f.purchaseDate, tt.date)
			test.Type(f.price, tt.price)
			if f.fillRow.Visible() != tt.button {
				t.Fatalf("fill button visible = %v", f.fillRow.Visible())
			}
			if tt.button {
				test.Tap(f.fillFromQR)
			}
			if f.purchaseDate.Text != tt.wantDate || f.price.Text != tt.wantPrice {
				t.Errorf("date %q price %q, want %q %q", f.purchaseDate.Text, f.price.Text, tt.wantDate, tt.wantPrice)
			}
			if f.fillRow.Visible() {
				t.Error("the button is still offered with both fields filled")
			}
			if tt.button && f.win.Canvas().Focused() != f.purchaseDate {
				t.Errorf("after filling, the focus is on %T, not on the date", f.win.Canvas().Focused())
			}
			for _, l := range []struct {
				lines *checkLines
				want  string
			}{{f.dateChecks, tt.wantDateLine}, {f.priceChecks, tt.wantSum}} {
				texts, _ := lineTexts(l.lines)
				if got := strings.Join(texts, "\n"); !strings.HasPrefix(got, l.want) || (l.want == "") != (got == "") {
					t.Errorf("line %q, want %q…", got, l.want)
				}
			}
			info := "Receipt QR code (receipt.jpg): 2024-02-12 15:30, 14,500.00 ₽; FN 9289000100123456, FD 4711, FP 3522111111"
			if tt.wantSum == "" {
				info = ""
			}
			if f.receiptInfo.Text != info || f.receiptInfo.Visible() != (info != "") {
				t.Errorf("receipt line %q (visible %v), want %q", f.receiptInfo.Text, f.receiptInfo.Visible(), info)
			}
		})
	}
}

// TestCaseForm_OffersIMEI2FromTheLabel: a box label carrying IMEI 1 and one other IMEI offers
// that one for an empty IMEI 2, filled in by one click and never by itself; typing IMEI 1 away
// from the label takes the offer back.
func TestCaseForm_OffersIMEI2FromTheLabel(t *testing.T) {
	f := formWith(t, evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone, imeiOther)...))
	f.imei1.Entry.SetText(imeiOnPhone)
	if f.imei2.Entry.Text != "" {
		t.Fatalf("IMEI 2 was filled in by itself: %q", f.imei2.Entry.Text)
	}
	if !f.imei2.Fix.Visible() || !strings.Contains(f.imei2.Hint.Text, imeiOther) || !strings.Contains(f.imei2.Hint.Text, "box.jpg") {
		t.Fatalf("no offer: hint %q, fix shown %v", f.imei2.Hint.Text, f.imei2.Fix.Visible())
	}
	test.Tap(f.imei2.Fix)
	if f.imei2.Entry.Text != imeiOther || f.imei2.Fix.Visible() {
		t.Fatalf("after the click IMEI 2 holds %q, fix shown %v", f.imei2.Entry.Text, f.imei2.Fix.Visible())
	}
	f.imei2.Entry.SetText("")
	f.imei1.Entry.SetText(imeiSecond)
	if f.imei2.Fix.Visible() || f.imei2.Hint.Text != "" {
		t.Errorf("the offer stayed for a label that no longer shows IMEI 1: %q", f.imei2.Hint.Text)
	}
}

// TestCaseForm_TickSourceKept: a tick the form made from the box label's barcode is saved as
// the machine's (the dossier credits the reading), stays so across a reload, and becomes the
// technician's own as soon as they set it themselves.
func TestCaseForm_TickSourceKept(t *testing.T) {
	f := formWith(t, evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...))
	f.imei1.Entry.SetText(imeiOnPhone)
	if !f.matchBox.Checked {
		t.Fatal("not pre-ticked")
	}
	d := f.collect()
	if d.Verification.BoxTickedFrom != "box.jpg" || d.Verification.ReceiptTickedFrom != "" {
		t.Fatalf("the machine's tick is saved as from %q / %q", d.Verification.BoxTickedFrom, d.Verification.ReceiptTickedFrom)
	}
	f.load(d)
	if got := f.collect().Verification.BoxTickedFrom; got != "box.jpg" || !f.matchBox.Checked {
		t.Fatalf("after a reload the tick is from %q, ticked %v", got, f.matchBox.Checked)
	}
	test.Tap(f.matchBox) // the technician unticks, looks, and ticks again: their own now
	test.Tap(f.matchBox)
	if got := f.collect().Verification; !got.IMEIMatchesBox || got.BoxTickedFrom != "" {
		t.Fatalf("the technician's own tick is saved as %+v", got)
	}
	// The label deleted since (its deletion is stored at once, the form's untick was not):
	// the machine's tick no longer stands and loads unticked.
	gone := *d
	gone.Attachments = nil
	f.load(&gone)
	if f.matchBox.Checked || f.collect().Verification.BoxTickedFrom != "" {
		t.Fatal("a machine's tick loads ticked without the label it was read from")
	}
}

// TestCaseForm_MachineTickSaysSo: a tick the form made from a barcode says so beside it, in the
// technician's language, until they set it themselves.
func TestCaseForm_MachineTickSaysSo(t *testing.T) {
	setLanguage("ru")
	t.Cleanup(func() { setLanguage("en") })
	f := formWith(t, evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...))
	f.imei1.Entry.SetText(imeiOnPhone)
	note := f.tickBox.note
	if !f.matchBox.Checked || !note.Visible() || !strings.Contains(note.Text, "прочитано программой со штрихкода box.jpg") {
		t.Fatalf("the machine's tick says %q (shown %v, ticked %v)", note.Text, note.Visible(), f.matchBox.Checked)
	}
	test.Tap(f.matchBox)
	test.Tap(f.matchBox)
	if note.Visible() || f.matchBox.Text != T("IMEI on the phone matches the box label") {
		t.Errorf("the technician's own tick still says %q", note.Text)
	}
}

// TestCaseForm_RetypedIMEITakesTheTicksBack: a tick said the IMEI then in the field matched the
// box; typed anew, the IMEI is compared again. The dossier can then never say "matches" beside
// the machine's "does not match" for a number nobody compared.
func TestCaseForm_RetypedIMEITakesTheTicksBack(t *testing.T) {
	f := formWith(t, evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOnPhone)...))
	f.imei1.Entry.SetText(imeiSecond)
	test.Tap(f.matchBox) // the technician's own tick
	test.Tap(f.matchReceipt)
	if !f.matchBox.Checked || !f.matchReceipt.Checked {
		t.Fatal("the ticks did not take")
	}
	f.imei1.Entry.SetText(imeiOther)
	if f.matchBox.Checked || f.matchReceipt.Checked {
		t.Fatalf("a retyped IMEI kept the ticks: box %v, receipt %v", f.matchBox.Checked, f.matchReceipt.Checked)
	}
	// Typed back to the number the box label shows, the form ticks it again from the label.
	f.imei1.Entry.SetText(imeiOnPhone)
	if !f.matchBox.Checked || f.tickBox.source() != "box.jpg" {
		t.Fatalf("the label's reading did not tick it again (ticked %v, from %q)", f.matchBox.Checked, f.tickBox.source())
	}
}
