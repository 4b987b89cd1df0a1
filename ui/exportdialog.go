package ui

import (
	"bytes"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
)

// caseFolder is where a case's documents are written: one private folder per case.
func (a *App) caseFolder(number string) (string, error) {
	dir := filepath.Join(a.opts.ExportDir, casefile.FileName(number))
	return dir, os.MkdirAll(dir, 0o700)
}

func (f *CaseForm) showExportDialog() {
	if !f.ensureSaved() {
		return
	}
	set := f.app.Settings()
	lang := widget.NewRadioGroup([]string{"English", "Русский"}, nil)
	lang.Horizontal = true
	lang.SetSelected(map[string]string{"ru": "Русский"}[set.DossierLanguage])
	if lang.Selected == "" {
		lang.SetSelected("English")
	}
	draft := widget.NewCheck(T("Draft (allowed while something is missing; marked DRAFT on every page)"), nil)
	email := widget.NewCheck(T("Also save the e-mail draft for support"), nil)
	email.SetChecked(true)
	missing := casefile.Readiness(f.collect())
	if len(missing) > 0 {
		draft.SetChecked(true)
	}
	d := dialog.NewForm(T("Export dossier"), T("Export"), T("Cancel"), []*widget.FormItem{
		widget.NewFormItem(T("Language"), lang), widget.NewFormItem("", draft), widget.NewFormItem("", email),
	}, func(ok bool) {
		if ok {
			code := "en"
			if lang.Selected == "Русский" {
				code = "ru"
			}
			f.export(code, draft.Checked, email.Checked)
		}
	}, f.win)
	showDialog(d, fyne.NewSize(560, 260))
	// Enter exports with what the dialog proposes; Tab and Space change it first.
	onEnter(f.win, d, d.Submit)
}

// export renders off the UI thread with progress, writes the files, records the export and
// then offers to open the file or its folder.
func (f *CaseForm) export(lang string, draft, email bool) {
	if f.Save() != nil {
		return
	}
	app, c := f.app, f.c
	progress := dialog.NewCustomWithoutButtons(T("Exporting…"), widget.NewProgressBarInfinite(), f.win)
	progress.Show()
	app.background(func() {
		path, emlPath, err := app.exportCase(c.Number, lang, draft, email)
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				app.showError(f.win, T("The dossier was not exported."), err)
				return
			}
			f.reload()
			f.showResult(T("Dossier exported"), path, emlPath)
		})
	})
}

// exportCase writes a case's dossier (and e-mail draft) into the case's folder and records it.
func (a *App) exportCase(number, lang string, draft, email bool) (pdfPath, emlPath string, err error) {
	dir, err := a.caseFolder(number)
	if err != nil {
		return "", "", err
	}
	opts := dossier.Options{Lang: lang, Draft: draft, At: a.now(), Settings: a.Settings(), Technician: a.operator(), Branches: a.branches()}
	return dossier.ExportToFolder(a.ctx, a.store, number, dir, opts, email, a.operator())
}

func (f *CaseForm) printReceipt() {
	if f.Save() != nil {
		return
	}
	app, c := f.app, f.c
	app.background(func() {
		var buf bytes.Buffer
		lang := app.Settings().Language
		if lang == "" {
			lang = systemLang()
		}
		err := dossier.RenderReceipt(&buf, c, dossier.ReceiptOptions{Lang: lang, At: app.now(), Settings: app.Settings(), Technician: app.operator(), Branches: app.branches()})
		var path string
		if err == nil {
			var dir string
			if dir, err = app.caseFolder(c.Number); err == nil {
				path = filepath.Join(dir, casefile.FileName("receipt-"+c.Number+".pdf"))
				err = dossier.SaveDocument(path, buf.Bytes(), false)
			}
		}
		fyne.Do(func() {
			if err != nil {
				app.showError(f.win, T("The receipt was not made."), err)
				return
			}
			f.showResult(T("Receipt ready to print"), path, "")
		})
	})
}

func (f *CaseForm) showResult(title, path, eml string) {
	lbl := widget.NewLabel(path)
	lbl.Wrapping = fyne.TextWrapWord
	if eml != "" {
		lbl.SetText(path + "\n" + eml)
	}
	box := container.NewVBox(lbl, container.NewHBox(
		&widget.Button{Text: T("Open file"), Importance: widget.HighImportance, OnTapped: func() { f.app.openPath(path) }},
		&widget.Button{Text: T("Show folder"), OnTapped: func() { f.app.openPath(filepath.Dir(path)) }},
	))
	showMessage(f.win, dialog.NewCustom(title, T("Close"), box, f.win), fyne.NewSize(600, 200))
}
