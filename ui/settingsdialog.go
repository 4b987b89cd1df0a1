package ui

import (
	"errors"
	"net/mail"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// systemLang is the interface language the system asks for, "ru" or "en".
func systemLang() string {
	if strings.HasPrefix(lang.SystemLocale().LanguageString(), "ru") {
		return "ru"
	}
	return "en"
}

// language is the interface's language, "ru" or "en": the one chosen in the settings, else
// the system's.
func (a *App) language() string {
	if l := a.Settings().Language; l != "" {
		return l
	}
	return systemLang()
}

// ShowSettings opens the settings: the service center, the technician, support addresses per
// region, the waiting threshold, and the languages.
func (a *App) ShowSettings() {
	if !a.mayReview(T("Settings")) {
		return
	}
	a.editSettings(a.Settings())
}

// editSettings opens the settings dialog holding s: the saved settings, or what was typed
// when a save was refused, so that nothing typed is lost. Each field says what it takes as it
// is typed, and Save waits until every field holds it.
func (a *App) editSettings(s casefile.Settings) {
	entry := func(v string) *FormEntry { e := NewFormEntry(); e.SetText(v); return e }
	name, addr, phone, email := entry(s.CenterName), entry(s.CenterAddress), entry(s.CenterPhone), entry(s.CenterEmail)
	tech := entry(s.Technician)
	waiting := entry(strconv.Itoa(s.WaitingDays))
	retention := entry(strconv.Itoa(s.RetentionDays))
	backups := entry(strconv.Itoa(s.BackupsKept))
	email.Validator = validEmail
	waiting.Validator, retention.Validator = validRange("A number of days from {{.Least}} to {{.Most}}.", 1, 365), validRange("A number of days from {{.Least}} to {{.Most}}.", 30, 36500)
	backups.Validator = validRange("A number from {{.Least}} to {{.Most}}.", 1, 365)
	uiLangs := []string{T("As the system"), "English", "Русский"}
	uiLang := widget.NewSelect(uiLangs, nil)
	uiLang.SetSelectedIndex(map[string]int{"": 0, "en": 1, "ru": 2}[s.Language])
	docLang := widget.NewSelect([]string{"English", "Русский"}, nil)
	docLang.SetSelectedIndex(map[string]int{"en": 0, "ru": 1}[s.DossierLanguage])
	items := []*widget.FormItem{
		widget.NewFormItem(T("Service center"), name), widget.NewFormItem(T("Address"), addr), widget.NewFormItem(T("Phone"), phone),
		widget.NewFormItem(T("E-mail"), email), widget.NewFormItem(T("Technician"), tech),
	}
	regions := map[string]*FormEntry{}
	for _, r := range s.Regions() {
		e := entry(s.SupportAddresses[r])
		e.Validator = validEmail
		regions[r] = e
		items = append(items, widget.NewFormItem(Tf("Support address ({{.Region}})", map[string]any{"Region": r}), e))
	}
	items = append(items,
		widget.NewFormItem(T("Follow up after (days)"), waiting), widget.NewFormItem(T("Keep closed cases' documents (days)"), retention),
		widget.NewFormItem(T("Daily backups kept"), backups),
		widget.NewFormItem(T("Interface language"), uiLang), widget.NewFormItem(T("Dossier language"), docLang))
	d := dialog.NewForm(T("Settings"), T("Save"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		n := s
		n.CenterName, n.CenterAddress, n.CenterPhone, n.CenterEmail, n.Technician = name.Text, addr.Text, phone.Text, email.Text, tech.Text
		n.SupportAddresses = map[string]string{}
		for r, e := range regions {
			if strings.TrimSpace(e.Text) != "" {
				n.SupportAddresses[r] = strings.TrimSpace(e.Text)
			}
		}
		n.WaitingDays, _ = strconv.Atoi(strings.TrimSpace(waiting.Text))
		n.RetentionDays, _ = strconv.Atoi(strings.TrimSpace(retention.Text))
		n.BackupsKept, _ = strconv.Atoi(strings.TrimSpace(backups.Text))
		n.Language = []string{"", "en", "ru"}[max(0, uiLang.SelectedIndex())]
		n.DossierLanguage = []string{"en", "ru"}[max(0, docLang.SelectedIndex())]
		// The store is asked in the background (a shared database may be slow to answer); a
		// refusal reopens the dialog with what was typed.
		a.background(func() {
			err := a.store.SaveSettings(a.ctx, n)
			fyne.Do(func() {
				if err != nil {
					a.showError(a.main, T("The settings were not saved."), err)
					a.editSettings(n)
					return
				}
				changedLang := n.Language != a.Settings().Language
				a.setSettings(n)
				a.list.Refresh()
				if changedLang {
					dialog.ShowInformation(T("Settings"), T("The new interface language applies from the next start."), a.main)
				}
			})
		})
	}, a.main)
	submitOnEnter(d, name, addr, phone, email, tech, waiting, retention, backups)
	for _, e := range regions {
		submitOnEnter(d, e)
	}
	showDialog(d, fyne.NewSize(640, 640))
}

// validEmail takes an empty field (no address for that) or an e-mail address.
func validEmail(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if _, err := mail.ParseAddress(strings.TrimSpace(s)); err != nil {
		return errors.New(T("Not an e-mail address; it looks like name@example.com."))
	}
	return nil
}

// validRange takes a whole number from least to most; phrase says so, with {{.Least}} and
// {{.Most}} in it.
func validRange(phrase string, least, most int) func(string) error {
	return func(s string) error {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < least || n > most {
			return errors.New(Tf(phrase, map[string]any{"Least": least, "Most": most}))
		}
		return nil
	}
}
