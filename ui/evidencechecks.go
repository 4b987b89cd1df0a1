package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// checkLines shows under a field what the evidence's barcodes say about it: a quiet line for
// a match, a loud one for a number that contradicts the field.
type checkLines struct {
	box *fyne.Container
	// shown is what the lines say now, so that a keystroke that changes nothing rebuilds nothing.
	shown string
}

func newCheckLines() *checkLines {
	l := &checkLines{box: container.NewVBox()}
	l.box.Hide() // an empty box would still take a gap under its field
	return l
}

// set shows the checks of one field.
func (l *checkLines) set(checks []casefile.EvidenceCheck, c *casefile.Case) {
	var key strings.Builder
	texts := make([]string, len(checks))
	for i, ch := range checks {
		texts[i] = checkText(ch, c)
		key.WriteString(ch.Result + texts[i] + "\n")
	}
	if key.String() == l.shown {
		return
	}
	l.shown = key.String()
	l.box.RemoveAll()
	for i, ch := range checks {
		l.box.Add(checkLine(texts[i], ch.Result == casefile.CheckMismatch))
	}
	if len(checks) == 0 {
		l.box.Hide()
	} else {
		l.box.Show()
	}
}

// checkLine is one line; a mismatch is red and bold behind a warning sign, because a number that
// is not the device's is either a typing error or a fraud signal.
func checkLine(text string, mismatch bool) fyne.CanvasObject {
	l := &widget.Label{Text: text, Wrapping: fyne.TextWrapWord}
	if !mismatch {
		return l
	}
	l.Importance = widget.DangerImportance
	l.TextStyle.Bold = true
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon()))
	return container.NewBorder(nil, nil, container.NewVBox(icon), nil, l)
}

// checkText is a check as the technician reads it.
func checkText(ch casefile.EvidenceCheck, c *casefile.Case) string {
	if ch.Result == casefile.CheckMismatch {
		return "✗ " + mismatchText(ch, c)
	}
	return "✓ " + matchText(ch)
}

// matchText translates casefile.MatchSentence: whole sentences per source, so that each
// language builds its own grammar around the field's name.
func matchText(ch casefile.EvidenceCheck) string {
	data := map[string]any{"Field": capitalized(checkFieldName(ch.Field)), "Name": ch.Attachment}
	switch {
	case ch.Method == casefile.MethodFiscalQR:
		return Tf("{{.Field}} matches the receipt's fiscal QR code ({{.Name}})", data)
	case ch.Kind == casefile.AttachIMEIScreen:
		return Tf("{{.Field}} matches the barcode on the *#06# screen ({{.Name}})", data)
	case ch.Kind == casefile.AttachReceipt:
		return Tf("{{.Field}} matches the barcode on the receipt ({{.Name}})", data)
	}
	return Tf("{{.Field}} matches the box label barcode ({{.Name}})", data)
}

// mismatchText translates casefile.MismatchSentence, both numbers in it.
func mismatchText(ch casefile.EvidenceCheck, c *casefile.Case) string {
	data := map[string]any{"Field": checkFieldName(ch.Field), "Name": ch.Attachment, "Found": ch.Found,
		"Value": casefile.FieldValue(c, ch.Field)}
	switch {
	case ch.Method == casefile.MethodFiscalQR:
		return Tf("The receipt's QR code ({{.Name}}) says {{.Found}}; {{.Field}} is {{.Value}}.", data)
	case ch.Kind == casefile.AttachIMEIScreen:
		return Tf("The *#06# screen ({{.Name}}) says {{.Found}}; {{.Field}} is {{.Value}}.", data)
	case ch.Kind == casefile.AttachReceipt:
		return Tf("The receipt ({{.Name}}) says {{.Found}}; {{.Field}} is {{.Value}}.", data)
	}
	return Tf("The box label ({{.Name}}) says {{.Found}}; {{.Field}} is {{.Value}}.", data)
}

// checkFieldName names a checked field inside a sentence.
func checkFieldName(field string) string {
	switch field {
	case casefile.FieldIMEI1:
		return T("IMEI 1")
	case casefile.FieldIMEI2:
		return T("IMEI 2")
	case casefile.FieldSerial:
		return T("the serial number")
	case casefile.FieldBuyDate:
		return T("the purchase date")
	case casefile.FieldBuyPrice:
		return T("the price")
	}
	return field
}

func capitalized(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// mismatchReadiness is the readiness item imei_box_mismatch in the technician's language, built
// from the check it stands for: the domain's message is English and carries the numbers.
func mismatchReadiness(c *casefile.Case) string {
	advice := T("Correct the field, or write in the verification section why the numbers differ (for example, a replaced board).")
	if c != nil {
		for _, ch := range casefile.EvidenceChecks(c) {
			if ch.Result == casefile.CheckMismatch && (ch.Field == casefile.FieldIMEI1 || ch.Field == casefile.FieldIMEI2) {
				return mismatchText(ch, c) + " " + advice
			}
		}
	}
	return T("A number read from the evidence is not the device's IMEI.") + " " + advice
}

// showChecks puts each check beside its field.
func (f *CaseForm) showChecks(d *casefile.Case, checks []casefile.EvidenceCheck) {
	byField := map[string][]casefile.EvidenceCheck{}
	for _, ch := range checks {
		byField[ch.Field] = append(byField[ch.Field], ch)
	}
	for field, lines := range map[string]*checkLines{casefile.FieldIMEI1: f.imei1.Checks, casefile.FieldIMEI2: f.imei2.Checks,
		casefile.FieldSerial: f.serialChecks, casefile.FieldBuyDate: f.dateChecks, casefile.FieldBuyPrice: f.priceChecks} {
		lines.set(byField[field], d)
	}
	f.imei2.offer(casefile.SecondIMEI(d))
	f.tickBox.showSource()
	f.tickReceipt.showSource()
	f.showReceipt(d)
}

// fiscalReceipt is the first receipt attachment with a fiscal QR code, and its file's name.
func fiscalReceipt(c *casefile.Case) (*casefile.FiscalReceipt, string) {
	for _, a := range c.Attachments {
		if a.Kind == casefile.AttachReceipt && a.FiscalReceipt != nil {
			return a.FiscalReceipt, a.Name
		}
	}
	return nil, ""
}

// showReceipt states what the receipts' fiscal QR codes say and, while the purchase date or the
// price is empty, offers to fill them from the first one. A field already typed is never
// changed: a difference is shown as a mismatch instead.
func (f *CaseForm) showReceipt(d *casefile.Case) {
	var lines []string
	for _, a := range d.Attachments {
		if r := a.FiscalReceipt; r != nil && a.Kind == casefile.AttachReceipt {
			lines = append(lines, Tf("Receipt QR code ({{.Name}}): {{.Date}}, {{.Sum}} ₽; FN {{.FN}}, FD {{.FD}}, FP {{.FP}}",
				map[string]any{"Name": a.Name, "Date": strings.Replace(r.Date, "T", " ", 1), "Sum": casefile.FormatRubles(r.Sum, f.app.language()), "FN": r.FN, "FD": r.FD, "FP": r.FP}))
		}
	}
	setShown(f.receiptInfo, strings.Join(lines, "\n"))
	r, _ := fiscalReceipt(d)
	if r != nil && (strings.TrimSpace(d.Purchase.Date) == "" || strings.TrimSpace(d.Purchase.Price) == "") {
		f.fillRow.Show()
	} else {
		f.fillRow.Hide()
	}
}

// setShown puts text into a label, hiding it while the text is empty.
func setShown(l *widget.Label, text string) {
	if text != l.Text {
		l.SetText(text)
	}
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// fillFromReceipt copies the fiscal QR code's date and sum into whichever of the purchase date
// and the price is still empty. The button hides itself once both are filled, so the focus goes
// back to the date, where the technician goes on.
func (f *CaseForm) fillFromReceipt() {
	r, _ := fiscalReceipt(f.collect())
	if r == nil {
		return
	}
	if strings.TrimSpace(f.purchaseDate.Text) == "" {
		f.purchaseDate.SetText(r.Day())
	}
	if strings.TrimSpace(f.price.Text) == "" {
		f.price.SetText(r.Sum)
	}
	f.win.Canvas().Focus(f.purchaseDate)
}

// verificationTick is one of the technician's IMEI ticks and what the form knows of it: whether
// the technician set it in this window, and whether the form ticked it from the evidence.
type verificationTick struct {
	check     *formCheck
	kind      casefile.AttachmentKind
	touched   bool
	prefilled bool
	// from is the file whose barcode the form ticked from, while prefilled.
	from string
	// note says under the check when the machine ticked it; hidden otherwise. A line of its
	// own, wrapped, so that the form keeps its width and the check its place as it changes.
	note *widget.Label
}

func tickNote() *widget.Label {
	l := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	l.Hide()
	return l
}

// showSource says under the check when the tick is the machine's reading, so that the
// technician sees it is not theirs until they set it (the dossier says the same).
func (t *verificationTick) showSource() {
	from := t.source()
	if from == "" {
		t.note.Hide()
		return
	}
	t.note.SetText(Tf("(read by machine from the barcode of {{.Name}})", map[string]any{"Name": from}))
	t.note.Show()
}

// source is the file a tick was read from, for the dossier to credit the machine; "" when the
// technician set it (or nobody did).
func (t *verificationTick) source() string {
	if t.prefilled && !t.touched && t.check.Checked {
		return t.from
	}
	return ""
}

// loaded takes a stored tick and the file the form once ticked it from ("" for the
// technician's own).
func (t *verificationTick) loaded(checked bool, from string) {
	t.prefilled, t.from = checked && from != "" && !t.touched, from
	if !t.prefilled {
		t.from = ""
	}
}

// prefillTicks ticks an IMEI comparison the evidence has made already (IMEI 1 found on a box
// label or a receipt, and no number there that contradicts the IMEIs) until the technician sets
// the tick; a tick it made is taken back when the evidence stops agreeing. It reports whether
// it changed a tick.
func (f *CaseForm) prefillTicks(checks []casefile.EvidenceCheck) bool {
	changed := false
	for _, t := range []*verificationTick{&f.tickBox, &f.tickReceipt} {
		if t.touched {
			continue
		}
		match, mismatch, from := false, false, ""
		for _, ch := range checks {
			if ch.Kind != t.kind || ch.Method != casefile.MethodBarcode || (ch.Field != casefile.FieldIMEI1 && ch.Field != casefile.FieldIMEI2) {
				continue
			}
			switch {
			case ch.Result == casefile.CheckMismatch:
				mismatch = true
			case ch.Field == casefile.FieldIMEI1:
				match = true
				if from == "" {
					from = ch.Attachment
				}
			}
		}
		agree := match && !mismatch
		switch {
		case agree && !t.check.Checked:
			t.prefilled, t.from = true, from
		case !agree && t.prefilled && t.check.Checked:
			t.prefilled = false
		default:
			continue
		}
		f.prefilling = true
		t.check.SetChecked(agree)
		f.prefilling = false
		changed = true
	}
	return changed
}

// tickChanged is the IMEI ticks' OnChanged: a tick set by the technician is theirs from then on.
func (f *CaseForm) tickChanged(t *verificationTick) func(bool) {
	return func(bool) {
		if f.prefilling {
			return
		}
		if !f.loading {
			t.touched, t.prefilled = true, false
		}
		f.changed()
	}
}

// imeiRetyped takes back the IMEI ticks when an IMEI is typed anew: a tick said the number then
// in the field matched the box or the receipt, and says nothing of the new one. The technician
// compares again; a tick the evidence bears out comes back by itself (prefillTicks).
func (f *CaseForm) imeiRetyped() {
	if f.loading {
		return
	}
	for _, t := range []*verificationTick{&f.tickBox, &f.tickReceipt} {
		t.touched, t.prefilled, t.from = false, false, ""
		if t.check.Checked {
			f.prefilling = true
			t.check.SetChecked(false)
			f.prefilling = false
		}
	}
}
