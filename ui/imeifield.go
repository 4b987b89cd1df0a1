package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// IMEIField is an IMEI entry that checks itself as it is typed: valid or not and why, the
// missing check digit offered as a one-click fix, what the evidence's barcodes say about it,
// and a loud warning with a link when the same IMEI already belongs to another case.
type IMEIField struct {
	Entry *FormEntry
	// Hint says valid / invalid in words.
	Hint *widget.Label
	// Fix applies the suggested correction; hidden when there is none.
	Fix *spaceButton
	// Checks say what the evidence's barcodes say about this IMEI.
	Checks *checkLines
	// Duplicates warns about other cases with this IMEI.
	Duplicates *fyne.Container

	form       *CaseForm
	suggestion string
	// offered: the hint and the fix propose a number read from the evidence (see offer).
	offered bool
	box     *fyne.Container
}

func newIMEIField(f *CaseForm, placeholder string) *IMEIField {
	m := &IMEIField{form: f, Entry: NewFormEntry(), Hint: widget.NewLabel(""), Checks: newCheckLines(), Duplicates: container.NewVBox()}
	m.Entry.SetPlaceHolder(placeholder)
	// No Entry.Validator: Fyne refreshes its tick only at some moments, and a tick beside an
	// invalid IMEI would contradict the hint below, which is updated on every keystroke.
	m.Hint.Wrapping = fyne.TextWrapWord
	m.Hint.Hide() // nothing typed, nothing to say
	m.Fix = newSpaceButton(func() {
		if m.suggestion != "" {
			m.Entry.SetText(m.suggestion)
			m.Entry.CursorColumn = len([]rune(m.suggestion))
		}
		// The fix hides itself; the focus goes back to the IMEI, where the technician goes on.
		if c := fyne.CurrentApp().Driver().CanvasForObject(m.Entry); c != nil {
			c.Focus(m.Entry)
		}
	})
	m.Fix.Icon = theme.ConfirmIcon()
	m.Fix.Hide()
	// The hint gets the full width to wrap in; the fix sits under it at its own size.
	m.box = container.NewVBox(m.Entry, m.Hint, container.NewHBox(m.Fix), m.Checks.box, m.Duplicates)
	return m
}

// Object is the field as placed in the form.
func (m *IMEIField) Object() fyne.CanvasObject { return m.box }

// check updates the hint and starts the duplicate look-up.
func (m *IMEIField) check() {
	s := m.Entry.Text
	m.suggestion, m.offered = "", false
	m.Fix.Hide()
	im, err := casefile.ParseIMEI(s)
	switch {
	case s == "":
		m.setHint("")
	case err == nil:
		txt := "✓ " + Tf("Valid IMEI {{.IMEI}}, TAC {{.TAC}}", map[string]any{"IMEI": im.Grouped(), "TAC": im.TAC()})
		if im.Kind == casefile.KindIMEISV {
			txt = "✓ " + Tf("IMEISV: the IMEI is {{.IMEI}}", map[string]any{"IMEI": im.Digits})
		}
		m.setHint(txt)
	default:
		var ie *casefile.IMEIError
		errors.As(err, &ie)
		m.setHint("✗ " + imeiMessage(ie))
		if ie.Suggestion != "" {
			m.suggestion = ie.Suggestion
			m.Fix.SetText(Tf("Use {{.IMEI}}", map[string]any{"IMEI": ie.Suggestion}))
			m.Fix.Show()
		}
	}
	m.lookForDuplicates(im, err == nil)
}

// offer proposes, for the empty field, a number the evidence carries (casefile.SecondIMEI), read
// from the file named from, with the same one-click fill as a corrected check digit; an empty
// imei takes an earlier offer back. A field with text keeps its own hint.
func (m *IMEIField) offer(imei, from string) {
	if m.Entry.Text != "" {
		return
	}
	if imei == "" {
		if m.offered {
			m.suggestion, m.offered = "", false
			m.setHint("")
			m.Fix.Hide()
		}
		return
	}
	m.suggestion, m.offered = imei, true
	m.setHint(Tf("{{.Name}} also carries {{.IMEI}}: if the phone has two SIM slots, this is IMEI 2.", map[string]any{"Name": from, "IMEI": imei}))
	m.Fix.SetText(Tf("Use {{.IMEI}} as IMEI 2", map[string]any{"IMEI": imei}))
	m.Fix.Show()
}

func (m *IMEIField) lookForDuplicates(im casefile.IMEI, valid bool) {
	if !valid {
		m.Duplicates.RemoveAll()
		return
	}
	number := m.form.c.Number
	digits := im.Digits
	app := m.form.app
	app.background(func() {
		others, err := app.store.CasesWithIMEI(app.ctx, digits, number)
		fyne.Do(func() {
			if casefile.NormalizeIMEIField(m.Entry.Text) != digits {
				return // typed on since
			}
			m.Duplicates.RemoveAll()
			if err != nil || len(others) == 0 {
				return
			}
			warn := widget.NewLabel("⚠ " + T("This IMEI is already in another case. The same phone brought by two customers is a fraud signal: check the documents before going on."))
			warn.Wrapping = fyne.TextWrapWord
			warn.Importance = widget.DangerImportance
			warn.TextStyle.Bold = true
			m.Duplicates.Add(warn)
			for _, o := range others {
				num := o.Number
				m.Duplicates.Add(&widget.Button{Text: num + " — " + o.Customer + " (" + statusName(o.Status) + ")", Importance: widget.DangerImportance,
					Icon: theme.WarningIcon(), OnTapped: func() { app.showCase(num) }})
			}
		})
	})
}

// imeiMessage translates the domain's IMEI messages by their stable code.
func imeiMessage(e *casefile.IMEIError) string {
	switch e.Code {
	case "missing_check_digit":
		return Tf("14 digits: the check digit is missing. Did you mean {{.IMEI}}?", map[string]any{"IMEI": e.Suggestion})
	case "bad_check_digit":
		return Tf("The check digit does not match: a digit was mistyped. If the first 14 digits are right, the IMEI is {{.IMEI}}.", map[string]any{"IMEI": e.Suggestion})
	case "null_imei":
		return T("All zeros: the phone's identity was wiped. Type the IMEI from the box label or the receipt.")
	case "too_short":
		return T("Too few digits: an IMEI has 15.")
	case "too_long":
		return T("Too many digits: an IMEI has 15 (an IMEISV 16).")
	case "not_digits":
		return T("Only digits, please (spaces and hyphens are fine).")
	}
	return e.Message
}

// setHint says text under the field; an empty hint takes no room, so that the form does not
// keep a blank line where an offer or a message was.
func (m *IMEIField) setHint(text string) {
	m.Hint.SetText(text)
	if text == "" {
		m.Hint.Hide()
	} else {
		m.Hint.Show()
	}
}
