package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // thumbnails of renditions
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
	"recoverydesk/casefile/evidence"
)

// EvidencePanel shows a case's files as thumbnails, and takes new ones from the file dialog or
// dropped on the window. Files are read and photos decoded off the UI thread.
type EvidencePanel struct {
	widget.BaseWidget
	form    *CaseForm
	grid    *fyne.Container
	busy    *widget.ProgressBarInfinite
	busyMsg *widget.Label
	// path takes a typed or pasted file path: Fyne's file dialog offers no field to type one,
	// and a technician at the keyboard has the path from the scanner's message or a file manager.
	path    *FormEntry
	content fyne.CanvasObject
	thumbs  map[int64]image.Image
}

func newEvidencePanel(f *CaseForm) *EvidencePanel {
	p := &EvidencePanel{form: f, grid: container.NewGridWrap(fyne.NewSize(190, 210)), thumbs: map[int64]image.Image{}}
	p.busy = widget.NewProgressBarInfinite()
	p.busy.Hide()
	p.busyMsg = widget.NewLabel("")
	add := &widget.Button{Text: T("Add file…"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: func() { p.Add("") }}
	hint := widget.NewLabel(T("JPEG, PNG, WebP, HEIC or PDF, up to 40 MB. You can also drop files onto this window."))
	hint.Wrapping = fyne.TextWrapWord
	p.path = NewFormEntry()
	p.path.SetPlaceHolder(T("or type a file's path and press Enter"))
	p.path.OnSubmitted = func(s string) { p.addPath(s) }
	p.content = container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, add, hint), p.path, p.busy, p.busyMsg), nil, nil, nil,
		container.NewVScroll(p.grid))
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer draws the panel.
func (p *EvidencePanel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

func (p *EvidencePanel) load(c *casefile.Case) {
	p.grid.RemoveAll()
	for _, a := range c.Attachments {
		p.grid.Add(p.card(a))
	}
	p.grid.Refresh()
}

func (p *EvidencePanel) card(a casefile.Attachment) fyne.CanvasObject {
	var thumb fyne.CanvasObject
	if img, ok := p.thumbs[a.ID]; ok {
		ci := canvas.NewImageFromImage(img)
		ci.FillMode = canvas.ImageFillContain
		thumb = ci
	} else {
		icon := theme.FileIcon()
		if a.IsImage() || a.Width > 0 { // photos, and PDFs whose first page was drawn
			icon = theme.FileImageIcon()
			p.loadThumb(a.ID)
		}
		ci := canvas.NewImageFromResource(icon)
		ci.FillMode = canvas.ImageFillContain
		thumb = ci
	}
	name := &widget.Label{Text: a.Name, Truncation: fyne.TextTruncateEllipsis}
	kind := &widget.Label{Text: kindName(a.Kind), TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	open := &widget.Button{Icon: theme.ZoomInIcon(), Importance: widget.LowImportance, OnTapped: func() { p.openLarge(a) }}
	remove := &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() { p.confirmRemove(a) }}
	return container.NewBorder(nil, container.NewVBox(kind, container.NewBorder(nil, nil, nil, container.NewHBox(open, remove), name)), nil, nil, thumb)
}

// loadThumb decodes a rendition in the background and redraws the card when it is ready.
func (p *EvidencePanel) loadThumb(id int64) {
	app := p.form.app
	app.background(func() {
		_, rend, err := app.store.AttachmentData(app.ctx, id)
		if err != nil || len(rend) == 0 {
			return
		}
		img, _, err := image.Decode(bytes.NewReader(rend))
		if err != nil {
			return
		}
		fyne.Do(func() {
			p.thumbs[id] = img
			p.load(p.form.c)
		})
	})
}

// Add opens the file dialog; kind preselects the evidence slot the technician came for. Behind
// the dialog the path field has the focus, so Esc leaves the technician where a path can be typed.
func (p *EvidencePanel) Add(kind casefile.AttachmentKind) {
	if !p.form.canTakeFiles() {
		return
	}
	p.form.win.Canvas().Focus(p.path)
	showFileOpen(p.form.win, evidenceExtensions, func(r fyne.URIReadCloser) {
		if r == nil {
			return
		}
		uri := r.URI()
		r.Close()
		p.confirmKinds([]fyne.URI{uri}, kind)
	})
}

// addPath takes a typed path ("~/" is the home folder; a pasted file:// address works too,
// and so does a path in quotes, as Windows Explorer's "Copy as path" and a shell give it).
func (p *EvidencePanel) addPath(typed string) {
	s := strings.TrimSpace(typed)
	for _, q := range []string{`"`, `'`} {
		if len(s) >= 2 && strings.HasPrefix(s, q) && strings.HasSuffix(s, q) {
			s = strings.TrimSpace(s[1 : len(s)-1])
		}
	}
	if s == "" {
		return
	}
	if rest, ok := strings.CutPrefix(s, "~/"); ok {
		s = filepath.Join(homeDir(), rest)
	}
	var u fyne.URI
	if strings.HasPrefix(s, "file://") {
		parsed, err := storage.ParseURI(s)
		if err != nil {
			p.form.app.showError(p.form.win, T("No file at this path."), nil)
			return
		}
		u = parsed
	} else {
		if st, err := os.Stat(s); err != nil || st.IsDir() {
			p.form.app.showError(p.form.win, T("No file at this path."), nil)
			return
		}
		abs, _ := filepath.Abs(s)
		u = storage.NewFileURI(abs)
	}
	if !p.form.canTakeFiles() {
		return
	}
	p.path.SetText("")
	p.confirmKinds([]fyne.URI{u}, "")
}

// AddURIs takes files dropped onto the window.
func (p *EvidencePanel) AddURIs(uris []fyne.URI) {
	if len(uris) > 0 && p.form.canTakeFiles() {
		p.form.tabs.SelectIndex(1)
		p.confirmKinds(uris, "")
	}
}

// confirmKinds asks the technician to choose or confirm what each file shows, then adds them.
func (p *EvidencePanel) confirmKinds(uris []fyne.URI, preset casefile.AttachmentKind) {
	names := make([]string, len(casefile.AttachmentKinds))
	for i, k := range casefile.AttachmentKinds {
		names[i] = kindName(k)
	}
	selects := make([]*widget.Select, len(uris))
	items := make([]*widget.FormItem, len(uris))
	for i, u := range uris {
		sel := widget.NewSelect(names, nil)
		k := preset
		if k == "" {
			k = guessKind(u.Name())
		}
		for j, kk := range casefile.AttachmentKinds {
			if kk == k {
				sel.SetSelectedIndex(j)
			}
		}
		selects[i] = sel
		items[i] = widget.NewFormItem(u.Name(), sel)
	}
	d := dialog.NewForm(T("What does each file show?"), T("Add"), T("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		kinds := make([]casefile.AttachmentKind, len(uris))
		for i, s := range selects {
			kinds[i] = casefile.AttachmentKinds[max(0, s.SelectedIndex())]
		}
		p.addFiles(uris, kinds)
	}, p.form.win)
	showDialog(d, fyne.NewSize(560, float32(160+50*len(uris))))
	// Nothing in it takes Enter, so Enter adds (the kinds are preset; arrows change them).
	onEnter(p.form.win, d, d.Submit)
}

// addFiles reads, checks and stores files off the UI thread, several at once, showing
// progress; a refused file is reported and the others still go in.
func (p *EvidencePanel) addFiles(uris []fyne.URI, kinds []casefile.AttachmentKind) {
	if !p.form.ensureSaved() {
		return
	}
	app, number := p.form.app, p.form.c.Number
	p.busy.Show()
	p.busy.Start()
	app.background(func() {
		// Prepared on every core, stored in the order chosen, each as soon as it is ready.
		type prepared struct {
			a   casefile.Attachment
			err string
		}
		var refused []string
		done := 0
		first := Tf("Preparing {{.N}} files…", map[string]any{"N": len(uris)})
		if len(uris) == 1 {
			first = Tf("Preparing {{.Name}}…", map[string]any{"Name": uris[0].Name()})
		}
		fyne.Do(func() { p.busyMsg.SetText(first) })
		evidence.PrepareInOrder(len(uris), func(i int) prepared {
			name := uris[i].Name()
			data, err := readURI(uris[i])
			if err != nil {
				return prepared{err: name + ": " + T("the file could not be read")}
			}
			a, err := evidence.Prepare(kinds[i], name, data)
			if err != nil {
				return prepared{err: evidenceMessage(err)}
			}
			return prepared{a: a}
		}, func(i int, r prepared) bool {
			done++
			name, n := uris[i].Name(), done
			fyne.Do(func() {
				p.busyMsg.SetText(Tf("{{.I}} of {{.N}} done: {{.Name}}", map[string]any{"Name": name, "I": n, "N": len(uris)}))
			})
			if r.err != "" {
				refused = append(refused, r.err)
				return true
			}
			if err := app.store.AddAttachment(app.ctx, number, &r.a, app.operator()); err != nil {
				refused = append(refused, name+": "+T("the file could not be saved; try again"))
			}
			return true
		})
		fyne.Do(func() {
			p.busy.Stop()
			p.busy.Hide()
			p.busyMsg.SetText("")
			p.form.reload()
			if len(refused) > 0 {
				lbl := widget.NewLabel(strings.Join(refused, "\n\n"))
				lbl.Wrapping = fyne.TextWrapWord
				showMessage(p.form.win, dialog.NewCustom(T("Some files were not added"), T("OK"), lbl, p.form.win), fyne.NewSize(560, 260))
			}
		})
	})
}

func readURI(u fyne.URI) ([]byte, error) {
	if u.Scheme() == "file" {
		return evidence.ReadFile(u.Path())
	}
	r, err := storage.Reader(u)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(io.LimitReader(r, casefile.MaxAttachmentSize+1))
}

// evidenceMessage is a refused file in the technician's language, by the domain's code.
func evidenceMessage(err error) string {
	var ee *casefile.EvidenceError
	if !errors.As(err, &ee) {
		return err.Error()
	}
	msg := map[string]string{
		"empty":           "The file is empty (0 bytes); copy it again from the phone or scanner.",
		"not_a_file":      "This is not a file (a device, a pipe or a folder); choose the photo or the PDF itself.",
		"too_large":       "The file is too large (over 40 MB); save the photo smaller or scan the receipt as PDF.",
		"unreadable":      "The image is damaged or incomplete; copy it again.",
		"too_many_pixels": "The image claims an impossible size and is refused as unsafe.",
		"misnamed":        "The file's name does not match its content; it may be damaged or renamed.",
		"unsupported":     "Only JPEG, PNG, WebP and HEIC pictures and PDF documents are accepted.",
		"pdf_incomplete":  "The PDF is incomplete; save or download it again.",
	}[ee.Code]
	if msg == "" {
		return ee.Error()
	}
	return ee.Name + ": " + T(msg)
}

func (p *EvidencePanel) openLarge(a casefile.Attachment) {
	app := p.form.app
	data, rend, err := app.store.AttachmentData(app.ctx, a.ID)
	if err != nil {
		app.showError(p.form.win, T("The file could not be opened."), err)
		return
	}
	if a.MediaType == casefile.MediaPDF || len(rend) == 0 {
		// A PDF opens in the desktop's viewer, from a private temporary copy.
		dir, err := os.MkdirTemp("", "recoverydesk-view-")
		if err == nil {
			path := filepath.Join(dir, casefile.FileName(a.Name))
			if err = os.WriteFile(path, data, 0o600); err == nil {
				app.openPath(path)
				return
			}
		}
		app.showError(p.form.win, T("The file could not be opened."), err)
		return
	}
	img := canvas.NewImageFromReader(bytes.NewReader(rend), a.Name)
	img.FillMode = canvas.ImageFillContain
	info := widget.NewLabel(fmt.Sprintf("%s · %s · %s · SHA-256 %s", kindName(a.Kind), a.Name, a.AddedAt.Local().Format("2006-01-02 15:04"), a.SHA256))
	info.Wrapping = fyne.TextWrapWord
	showMessage(p.form.win, dialog.NewCustom(kindName(a.Kind), T("Close"), container.NewBorder(nil, info, nil, nil, img), p.form.win),
		fyne.NewSize(1000, 720))
}

func (p *EvidencePanel) confirmRemove(a casefile.Attachment) {
	reason := NewFormEntry()
	reason.SetPlaceHolder(T("why (kept in the history)"))
	d := dialog.NewForm(Tf("Remove {{.Name}}?", map[string]any{"Name": a.Name}), T("Remove"), T("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(T("Reason"), reason)}, func(ok bool) {
			if !ok {
				return
			}
			app := p.form.app
			if err := app.store.RemoveAttachment(app.ctx, p.form.c.Number, a.ID, reason.Text, app.operator()); err != nil {
				app.showError(p.form.win, T("The file was not removed."), err)
				return
			}
			delete(p.thumbs, a.ID)
			p.form.reload()
		}, p.form.win)
	submitOnEnter(d, reason)
	showDialog(d, fyne.NewSize(460, 180))
}
