package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// StatusDialog offers only the statuses the case may move to, asks for a note, and for a
// submission records the date, the support address used and support's reference number.
type StatusDialog struct {
	Choice    *widget.RadioGroup
	Note      *FormEntry
	Address   *FormEntry
	Reference *FormEntry
	SentOn    *FormEntry
	Error     *widget.Label
	dialog    dialog.Dialog
	next      []casefile.Status
	form      *CaseForm
}

func (f *CaseForm) showStatusDialog() { showDialog(f.NewStatusDialog().dialog, fyne.NewSize(560, 440)) }

// NewStatusDialog builds the dialog for the form's case (shown by the Change status button).
func (f *CaseForm) NewStatusDialog() *StatusDialog {
	if !f.ensureSaved() {
		return &StatusDialog{dialog: dialog.NewCustom("", T("Close"), widget.NewLabel(""), f.win)}
	}
	s := &StatusDialog{form: f, next: f.c.Status.Next()}
	names := make([]string, len(s.next))
	for i, n := range s.next {
		names[i] = statusName(n)
	}
	s.Note = NewFormMultiLineEntry()
	s.Note.SetPlaceHolder(T("What happened; required for refusals and closing"))
	s.Note.SetMinRowsVisible(3)
	s.Address = NewFormEntry()
	s.Address.SetText(f.app.Settings().SupportAddress(f.c.SupportRegion))
	s.Reference = NewFormEntry()
	s.Reference.SetPlaceHolder(T("support's ticket or reference number, if given"))
	s.SentOn = NewFormEntry()
	s.SentOn.SetText(f.app.now().Format(casefile.DateLayout))
	s.Error = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	submission := widget.NewForm(widget.NewFormItem(T("Sent on"), s.SentOn), widget.NewFormItem(T("Sent to"), s.Address),
		widget.NewFormItem(T("Reference"), s.Reference))
	submission.Hide()
	s.Choice = widget.NewRadioGroup(names, func(string) {
		if s.selected() == casefile.StatusSubmitted {
			submission.Show()
		} else {
			submission.Hide()
		}
	})
	content := widget.NewForm(widget.NewFormItem(T("Move to"), s.Choice), widget.NewFormItem(T("Note"), s.Note))
	body := container.NewVBox(widget.NewLabel(Tf("Now: {{.Status}}", map[string]any{"Status": statusName(f.c.Status)})), content, submission, s.Error)
	s.dialog = dialog.NewCustomConfirm(T("Change status"), T("Change"), T("Cancel"), body, func(ok bool) {
		if ok {
			s.Apply()
		}
	}, f.win)
	return s
}

func (s *StatusDialog) selected() casefile.Status {
	for i, n := range s.Choice.Options {
		if n == s.Choice.Selected {
			return s.next[i]
		}
	}
	return ""
}

// Offered lists the statuses the dialog offers.
func (s *StatusDialog) Offered() []casefile.Status { return s.next }

// Apply makes the change; a refusal is shown and the dialog opens again with what was typed.
func (s *StatusDialog) Apply() error {
	to := s.selected()
	f := s.form
	if to == "" {
		s.Error.SetText(T("Choose the new status."))
		s.dialog.Show()
		return errNoChoice
	}
	var details map[string]string
	if to == casefile.StatusSubmitted {
		details = map[string]string{"support_address": s.Address.Text, "reference": s.Reference.Text, "sent_on": s.SentOn.Text}
	}
	if _, err := f.app.store.ChangeStatus(f.app.ctx, f.c.Number, to, s.Note.Text, details, f.app.operator()); err != nil {
		s.Error.SetText(transitionMessage(err, f.c))
		s.dialog.Show()
		return err
	}
	f.reload()
	return nil
}

type statusError string

func (e statusError) Error() string { return string(e) }

const errNoChoice = statusError("no status chosen")

func transitionMessage(err error, c *casefile.Case) string {
	te, ok := err.(*casefile.TransitionError)
	if !ok {
		return T("The status was not changed; try again.")
	}
	switch {
	case len(te.Missing) > 0:
		s := T("The case cannot be submitted yet. Still missing:")
		for _, m := range te.Missing {
			s += "\n• " + readinessText(m, c)
		}
		return s
	case te.Reason != "":
		return T("Write a note saying why: refusals and closings are reviewed later.")
	}
	return T("This change is not allowed from the current status.")
}
