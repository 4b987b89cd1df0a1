package ui

import (
	"encoding/json"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// CaseForm is one case in its own window: the form grouped like the paper it replaces, and
// beside it the route, what is still missing, the evidence and the history.
type CaseForm struct {
	app *App
	win fyne.Window
	// c is the case as last loaded or saved; the widgets hold what is typed since.
	c *casefile.Case

	name, phone, email, docType, docNumber *FormEntry
	consent                                *formCheck
	brand, model, serial, lockText         *FormEntry
	imei1, imei2                           *IMEIField
	accountID                              *FormEntry
	knowsLogin, controlsContact            *formCheck
	purchaseDate, seller, sellerContact    *FormEntry
	receiptNo, price                       *FormEntry
	channel                                *formSelect
	statement, notes                       *FormEntry
	region                                 *formSelect
	matchBox, matchReceipt                 *formCheck
	mismatchNote                           *FormEntry
	decl                                   declarationChecks
	draft                                  formDraft

	// What the evidence's barcodes say beside the fields they speak of (the IMEIs' own are in
	// IMEIField), the receipts' fiscal QR codes, and the IMEI ticks the form may pre-fill.
	serialChecks, dateChecks, priceChecks *checkLines
	dateHint                              *widget.Label
	receiptInfo                           *widget.Label
	fillFromQR                            *spaceButton
	fillRow                               *fyne.Container // the button at its own width, hidden with it
	tickBox, tickReceipt                  verificationTick
	prefilling                            bool

	title      *widget.Label
	status     *widget.Label
	readiness  *fyne.Container
	jumps      []*checklistItem // one per readiness item, in order
	readyTitle *widget.Label
	route      *fyne.Container
	evidence   *EvidencePanel
	timeline   *fyne.Container
	tabs       *container.AppTabs
	formScroll *container.Scroll
	fields     map[string]fyne.CanvasObject
	cardOf     map[string]fyne.CanvasObject // the group a field sits in, to scroll to it
	loading    bool
	changes    changeBar
}

func newCaseForm(a *App, c *casefile.Case) *CaseForm {
	f := &CaseForm{app: a, c: c, fields: map[string]fyne.CanvasObject{}, cardOf: map[string]fyne.CanvasObject{}}
	f.win = a.fyne.NewWindow("")
	f.build()
	f.load(c)
	f.win.Resize(fyne.NewSize(1180, 800))
	f.win.SetMainMenu(f.menu())
	escapeCloses(f.win, f.requestClose)
	f.win.SetCloseIntercept(f.requestClose)
	f.win.SetOnDropped(f.dropped)
	f.win.SetOnClosed(func() {
		f.closeDraft()
		if f.c.Number != "" {
			a.register(f.c.Number, nil)
		}
	})
	if c.Number != "" {
		a.register(c.Number, f)
	}
	return f
}

// dropped takes files dropped onto the window as evidence.
func (f *CaseForm) dropped(_ fyne.Position, uris []fyne.URI) { f.evidence.AddURIs(uris) }

// Show opens the window with the cursor in the first field.
func (f *CaseForm) Show() {
	f.win.Show()
	f.win.Canvas().Focus(f.name)
}

// Window is the form's window.
func (f *CaseForm) Window() fyne.Window { return f.win }

// Case is the case as last loaded or saved.
func (f *CaseForm) Case() *casefile.Case { return f.c }

func (f *CaseForm) entry(field, placeholder string) *FormEntry {
	e := NewFormEntry()
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { f.changed() }
	e.OnFocus = func() { f.reveal(e) }
	f.fields[field] = e
	return e
}

func (f *CaseForm) multiLine(field, placeholder string, rows int) *FormEntry {
	e := NewFormMultiLineEntry()
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(rows)
	e.OnChanged = func(string) { f.changed() }
	e.OnFocus = func() { f.reveal(e) }
	f.fields[field] = e
	return e
}

func (f *CaseForm) check(field, label string) *formCheck {
	c := newFormCheck(label, func(bool) { f.changed() })
	c.onFocus = func() { f.reveal(c) }
	f.fields[field] = c
	return c
}

func (f *CaseForm) choice(field string, options []string) *formSelect {
	s := newFormSelect(options, func(string) { f.changed() })
	s.onFocus = func() { f.reveal(s) }
	f.fields[field] = s
	return s
}

// reveal scrolls the form so that the field getting the focus is in view, with a margin: Tab
// walks into fields below the fold, and typing into a field out of sight is typing blind.
func (f *CaseForm) reveal(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(f.formScroll.Content).Y
	bottom := top + o.Size().Height
	view, off := f.formScroll.Size().Height, f.formScroll.Offset.Y
	const margin = 32
	switch {
	case view <= 0:
		return
	case top-margin < off:
		off = top - margin
		if off < 2*margin {
			// The first field of the form: show the form's top, its group title with it.
			off = 0
		}
	case bottom+margin > off+view:
		off = min(top-margin, bottom+margin-view)
	default:
		return
	}
	f.formScroll.ScrollToOffset(fyne.NewPos(0, max(0, off)))
}

func group(title string, items ...*widget.FormItem) fyne.CanvasObject {
	return widget.NewCard(title, "", widget.NewForm(items...))
}

func item(label string, o fyne.CanvasObject) *widget.FormItem { return widget.NewFormItem(label, o) }

func (f *CaseForm) build() {
	f.name = f.entry("customer.name", T("Surname, first name, patronymic"))
	f.phone = f.entry("customer.phone", "+7 900 000-00-00")
	f.email = f.entry("customer.email", "name@example.com")
	f.docType = f.entry("customer.id_document.type", T("Passport"))
	f.docNumber = f.entry("customer.id_document.number", "0000 000000")
	f.consent = f.check("customer.consent", T("The customer consents to the processing of personal data"))
	f.brand = f.entry("device.brand", "Xiaomi / Redmi / POCO")
	f.model = f.entry("device.model", "Redmi Note 12")
	f.imei1 = newIMEIField(f, T("15 digits from *#06# or the box label"))
	f.imei2 = newIMEIField(f, T("second SIM slot; leave empty for single-SIM phones"))
	for key, m := range map[string]*IMEIField{"device.imei1": f.imei1, "device.imei2": f.imei2} {
		m := m
		m.Entry.OnChanged = func(string) { m.check(); f.imeiRetyped(); f.changed() }
		m.Entry.OnFocus = func() { f.reveal(m.box) }
		f.fields[key] = m.Entry
	}
	f.serial = f.entry("device.serial", "")
	f.lockText = f.entry("device.lock_screen_text", T("for example: locked by account 123***789"))
	f.accountID = f.entry("account.identifier", T("phone, e-mail or Mi ID as the customer remembers it"))
	f.knowsLogin = f.check("account.knows_login", T("The customer knows the login"))
	f.controlsContact = f.check("account.controls_linked_contact", T("The customer still controls the linked phone or e-mail"))
	f.purchaseDate = f.entry("purchase.date", T("YYYY-MM-DD"))
	f.purchaseDate.Validator = f.validDate
	f.seller = f.entry("purchase.seller", T("shop or person named on the receipt"))
	f.sellerContact = f.entry("purchase.seller_contact", "")
	f.receiptNo = f.entry("purchase.receipt_number", "")
	f.price = f.entry("purchase.price", "")
	channels := make([]string, len(casefile.Channels))
	for i, ch := range casefile.Channels {
		channels[i] = channelName(ch)
	}
	f.channel = f.choice("purchase.channel", channels)
	f.channel.PlaceHolder = T("Where was it bought?")
	f.statement = f.multiLine("ownership_statement", T("In the customer's words: how, when, where and from whom the phone was obtained"), 4)
	f.region = f.choice("support_region", f.app.Settings().Regions())
	f.matchBox = f.check("verification.imei_matches_box", T("IMEI on the phone matches the box label"))
	f.matchReceipt = f.check("verification.imei_matches_receipt", T("IMEI on the phone matches the receipt"))
	f.tickBox = verificationTick{check: f.matchBox, kind: casefile.AttachBox, note: tickNote()}
	f.tickReceipt = verificationTick{check: f.matchReceipt, kind: casefile.AttachReceipt, note: tickNote()}
	f.matchBox.OnChanged, f.matchReceipt.OnChanged = f.tickChanged(&f.tickBox), f.tickChanged(&f.tickReceipt)
	f.mismatchNote = f.multiLine("verification.mismatch_note", T("for example: the board was replaced, so the phone's IMEI is not the one on the box"), 2)
	f.mismatchNote.Wrapping = fyne.TextWrapWord
	f.serialChecks, f.dateChecks, f.priceChecks = newCheckLines(), newCheckLines(), newCheckLines()
	f.dateHint = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	f.receiptInfo = &widget.Label{Wrapping: fyne.TextWrapWord}
	f.fillFromQR = newSpaceButton(f.fillFromReceipt)
	f.fillFromQR.Text, f.fillFromQR.Icon = T("Fill from the receipt's QR code"), theme.DownloadIcon()
	f.dateHint.Hide()
	f.receiptInfo.Hide()
	f.fillRow = container.NewHBox(f.fillFromQR)
	f.fillRow.Hide()
	f.notes = f.multiLine("notes", "", 2)
	f.notes.Wrapping = fyne.TextWrapWord

	groups := []struct {
		card fyne.CanvasObject
		keys string
	}{
		{group(T("Customer"), append([]*widget.FormItem{item(T("Name"), f.name), item(T("Phone"), f.phone), item(T("E-mail"), f.email),
			item(T("Document"), f.docType), item(T("Document number"), f.docNumber)}, f.buildDeclarations()...)...),
			"customer.name customer.phone customer.email customer.id_document.type customer.id_document.number " +
				"declarations.not_lost_or_stolen customer.consent declarations.may_be_erased declarations.facts_true"},
		{group(T("Device"), item(T("Brand"), f.brand), item(T("Model"), f.model), item(T("IMEI 1"), f.imei1.Object()),
			item(T("IMEI 2"), f.imei2.Object()), item(T("Serial number"), container.NewVBox(f.serial, f.serialChecks.box)),
			item(T("Lock screen text"), f.lockText)),
			"device.brand device.model device.imei1 device.imei2 device.serial device.lock_screen_text"},
		{group(T("Mi Account"), item(T("Login"), f.accountID), item("", f.knowsLogin), item("", f.controlsContact)),
			"account.identifier account.knows_login account.controls_linked_contact"},
		{group(T("Purchase"), item(T("Channel"), f.channel),
			item(T("Date"), container.NewVBox(f.purchaseDate, f.dateHint, f.dateChecks.box, f.receiptInfo, f.fillRow)),
			item(T("Seller"), f.seller), item(T("Seller's contact"), f.sellerContact), item(T("Receipt number"), f.receiptNo),
			item(T("Price"), container.NewVBox(f.price, f.priceChecks.box))),
			"purchase.channel purchase.date purchase.seller purchase.seller_contact purchase.receipt_number purchase.price"},
		{group(T("Ownership statement"), item("", f.statement)), "ownership_statement"},
		{group(T("Verification"), item("", container.NewVBox(f.matchBox, f.tickBox.note)), item("", container.NewVBox(f.matchReceipt, f.tickReceipt.note)),
			item(T("Why the numbers differ"), f.mismatchNote),
			item(T("Support region"), f.region)),
			"verification.imei_matches_box verification.imei_matches_receipt verification.mismatch_note support_region"},
		{group(T("Notes"), item("", f.notes)), "notes"},
	}
	form := container.NewVBox()
	for _, g := range groups {
		form.Add(g.card)
		for _, k := range strings.Fields(g.keys) {
			f.cardOf[k] = g.card
		}
	}
	f.formScroll = container.NewVScroll(form)

	f.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	f.status = widget.NewLabel("")
	save := &widget.Button{Text: T("Save") + " (Ctrl+S)", Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: f.app.guard(func() { f.Save() })}
	statusBtn := &widget.Button{Text: T("Change status…"), Icon: theme.MediaSkipNextIcon(), OnTapped: f.app.guard(f.showStatusDialog)}
	exportBtn := &widget.Button{Text: T("Export dossier…"), Icon: theme.DocumentIcon(), OnTapped: f.app.guard(f.showExportDialog)}
	receiptBtn := &widget.Button{Text: T("Print receipt"), Icon: theme.DocumentPrintIcon(), OnTapped: f.app.guard(f.printReceipt)}
	toolbar := container.NewBorder(nil, nil, container.NewVBox(f.title, f.status),
		container.NewCenter(container.NewHBox(save, statusBtn, exportBtn, receiptBtn)))

	f.readyTitle = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	f.readiness = container.NewVBox()
	f.route = container.NewVBox()
	f.evidence = newEvidencePanel(f)
	f.timeline = container.NewVBox()
	f.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(T("Missing"), theme.WarningIcon(), container.NewVScroll(container.NewVBox(f.readyTitle, f.readiness, widget.NewSeparator(), f.route))),
		container.NewTabItemWithIcon(T("Evidence"), theme.FileImageIcon(), f.evidence),
		container.NewTabItemWithIcon(T("History"), theme.HistoryIcon(), container.NewVScroll(f.timeline)),
	)
	split := container.NewHSplit(f.formScroll, f.tabs)
	split.Offset = 0.56
	f.win.SetContent(container.NewBorder(container.NewVBox(toolbar, f.buildChangeBar()), nil, nil, nil, split))
}

// load puts a case into the widgets.
func (f *CaseForm) load(c *casefile.Case) {
	f.loading = true
	defer func() { f.loading = false; f.changed() }()
	f.c = c
	f.name.SetText(c.Customer.Name)
	f.phone.SetText(c.Customer.Phone)
	f.email.SetText(c.Customer.Email)
	f.docType.SetText(c.Customer.IDDocument.Type)
	f.docNumber.SetText(c.Customer.IDDocument.Number)
	f.loadDeclarations(c)
	f.brand.SetText(c.Device.Brand)
	f.model.SetText(c.Device.Model)
	f.imei1.Entry.SetText(c.Device.IMEI1)
	f.imei2.Entry.SetText(c.Device.IMEI2)
	f.serial.SetText(c.Device.Serial)
	f.lockText.SetText(c.Device.LockScreenText)
	f.accountID.SetText(c.Account.Identifier)
	f.knowsLogin.SetChecked(c.Account.KnowsLogin)
	f.controlsContact.SetChecked(c.Account.ControlsLinkedContact)
	f.purchaseDate.SetText(c.Purchase.Date)
	f.seller.SetText(c.Purchase.Seller)
	f.sellerContact.SetText(c.Purchase.SellerContact)
	f.receiptNo.SetText(c.Purchase.ReceiptNumber)
	f.price.SetText(c.Purchase.Price)
	f.channel.ClearSelected()
	for i, ch := range casefile.Channels {
		if ch == c.Purchase.Channel {
			f.channel.SetSelectedIndex(i)
		}
	}
	f.statement.SetText(c.OwnershipStatement)
	f.region.SetSelected(c.SupportRegion)
	// A tick the form once made from a barcode no longer there loads unticked (casefile.BoxTick).
	box, boxFrom := c.BoxTick()
	receipt, receiptFrom := c.ReceiptTick()
	f.matchBox.SetChecked(box)
	f.matchReceipt.SetChecked(receipt)
	// A tick loaded is the stored one: the technician's stays as it is; one the form made from
	// a barcode and nobody touched since is still the machine's, named by its file.
	f.tickBox.loaded(box, boxFrom)
	f.tickReceipt.loaded(receipt, receiptFrom)
	f.mismatchNote.SetText(c.Verification.MismatchNote)
	f.notes.SetText(c.Notes)
	f.evidence.load(c)
	f.loadTimeline(c)
	title := T("New case")
	if c.Number != "" {
		title = T("Case") + " " + c.Number
	}
	f.title.SetText(title)
	f.status.SetText(statusName(c.Status))
	f.win.SetTitle("RecoveryDesk — " + title)
}

// collect is the case as typed: the last saved case with the widgets' values over it.
func (f *CaseForm) collect() *casefile.Case {
	d := *f.c
	d.Customer.Name, d.Customer.Phone, d.Customer.Email = f.name.Text, f.phone.Text, f.email.Text
	d.Customer.IDDocument = casefile.IDDocument{Type: f.docType.Text, Number: f.docNumber.Text}
	f.collectDeclarations(&d)
	d.Device = casefile.Device{Brand: f.brand.Text, Model: f.model.Text, IMEI1: f.imei1.Entry.Text, IMEI2: f.imei2.Entry.Text,
		Serial: f.serial.Text, LockScreenText: f.lockText.Text}
	d.Account = casefile.Account{Identifier: f.accountID.Text, KnowsLogin: f.knowsLogin.Checked, ControlsLinkedContact: f.controlsContact.Checked}
	d.Purchase = casefile.Purchase{Date: f.purchaseDate.Text, Seller: f.seller.Text, SellerContact: f.sellerContact.Text,
		ReceiptNumber: f.receiptNo.Text, Price: f.price.Text}
	if i := f.channel.SelectedIndex(); i >= 0 {
		d.Purchase.Channel = casefile.Channels[i]
	}
	d.OwnershipStatement = f.statement.Text
	d.SupportRegion = f.region.Selected
	d.Verification = casefile.Verification{IMEIMatchesBox: f.matchBox.Checked, IMEIMatchesReceipt: f.matchReceipt.Checked,
		MismatchNote: f.mismatchNote.Text, BoxTickedFrom: f.tickBox.source(), ReceiptTickedFrom: f.tickReceipt.source()}
	d.Notes = f.notes.Text
	d.Attachments = f.c.Attachments
	return &d
}

// changed refreshes what depends on the typing and the evidence: the checks of the fields
// against the evidence (cheap pure functions, fine on the UI thread), the ticks they may
// pre-fill, readiness and the route.
func (f *CaseForm) changed() {
	if f.loading || f.readiness == nil {
		return
	}
	f.scheduleDraft()
	d := f.collect()
	checks := casefile.EvidenceChecks(d)
	if f.prefillTicks(checks) {
		d = f.collect()
	}
	f.showChecks(d, checks)
	f.showDateHint()
	f.showReadiness(d)
	f.showRoute(d)
}

// validDate is the purchase date's validator: the domain's check of the date alone.
func (f *CaseForm) validDate(s string) error {
	probe := casefile.Case{Customer: casefile.Customer{Name: "-"}, Purchase: casefile.Purchase{Date: s}}
	return probe.ValidateAt(f.app.now())
}

// showDateHint says why the purchase date is refused. The date shares its row with the
// receipt's evidence, and widget.Form shows a validator's message only for a field it holds
// itself, so the form shows it here, translated by its code.
func (f *CaseForm) showDateHint() {
	msg := ""
	var ve casefile.ValidationError
	if err := f.validDate(f.purchaseDate.Text); errors.As(err, &ve) && len(ve) > 0 {
		msg = "✗ " + fieldMessage(ve[0])
	}
	setShown(f.dateHint, msg)
}

// JumpButtons are the readiness items, in the order of Missing; each is tapped or typed like a
// button.
func (f *CaseForm) JumpButtons() []fyne.Tappable {
	t := make([]fyne.Tappable, len(f.jumps))
	for i, j := range f.jumps {
		t[i] = j
	}
	return t
}

// Missing is what the checklist shows now, for tests.
func (f *CaseForm) Missing() []casefile.Missing { return casefile.Readiness(f.collect()) }

func (f *CaseForm) showReadiness(d *casefile.Case) {
	missing := casefile.Readiness(d)
	f.readiness.RemoveAll()
	if len(missing) == 0 {
		f.readyTitle.SetText("✓ " + T("Ready: the dossier can be exported and sent."))
		f.readyTitle.Importance = widget.SuccessImportance
		f.readyTitle.Refresh()
		return
	}
	f.readyTitle.SetText(Tf("Still missing before the dossier can be sent ({{.N}}):", map[string]any{"N": len(missing)}))
	f.readyTitle.Importance = widget.WarningImportance
	f.readyTitle.Refresh()
	f.jumps = f.jumps[:0]
	for _, m := range missing {
		jump := newChecklistItem("☐ "+readinessText(m, d), func() { f.jumpTo(m.Field) })
		f.readiness.Add(jump)
		f.jumps = append(f.jumps, jump)
	}
}

// jumpTo takes the technician to the field or evidence slot that fills a missing item.
func (f *CaseForm) jumpTo(field string) {
	if kind := casefile.AttachmentKind(field); kind.Valid() {
		f.tabs.SelectIndex(1)
		f.evidence.Add(kind)
		return
	}
	if o, ok := f.fields[field]; ok {
		if card := f.cardOf[field]; card != nil {
			f.formScroll.ScrollToOffset(fyne.NewPos(0, card.Position().Y))
		}
		if fo, ok := o.(fyne.Focusable); ok {
			f.win.Canvas().Focus(fo)
		}
	}
}

func (f *CaseForm) loadTimeline(c *casefile.Case) {
	f.timeline.RemoveAll()
	for i := len(c.History) - 1; i >= 0; i-- {
		e := c.History[i]
		what := eventText(e)
		lbl := widget.NewLabel(e.At.Local().Format("2006-01-02 15:04") + " · " + e.Operator + "\n" + what)
		lbl.Wrapping = fyne.TextWrapWord
		f.timeline.Add(lbl)
		f.timeline.Add(widget.NewSeparator())
	}
}

func eventText(e casefile.Event) string {
	var what string
	switch e.Action {
	case casefile.ActionStatus:
		what = statusName(e.From) + " → " + statusName(e.To)
	case casefile.ActionCreated:
		what = T("Case opened")
	case casefile.ActionEdited:
		what = T("Edited")
		if t, ok := editedText(e); ok {
			what, e.Note = t, ""
		}
	case casefile.ActionAttachmentAdded, casefile.ActionAttachmentRemoved:
		what = T("File added")
		if e.Action == casefile.ActionAttachmentRemoved {
			what = T("File removed")
		}
		kind, name := casefile.AttachmentKind(e.Details["kind"]), e.Details["name"]
		if kind.Valid() {
			what += ": " + kindName(kind) + " — " + name
		} else {
			what += ": " + name
		}
		// The store's note says the same in its own words ("imei_screen: photo.jpg").
		if e.Note == string(kind)+": "+name {
			e.Note = ""
		}
	case casefile.ActionExported:
		what = exportedText(e.Details)
	case casefile.ActionPurged:
		what = T("Documents purged")
	case casefile.ActionMoved:
		what, e.Note = Tf("Moved into the shared database; its number there was {{.N}}", map[string]any{"N": e.Details["from_number"]}), ""
	default:
		what = string(e.Action)
	}
	extra := []string{}
	if e.Note != "" && e.Action != casefile.ActionExported {
		extra = append(extra, e.Note)
	}
	if r := e.Details["reference"]; r != "" {
		extra = append(extra, T("support reference")+" "+r)
	}
	if a := e.Details["support_address"]; a != "" {
		extra = append(extra, a)
	}
	if len(extra) > 0 {
		what += ": " + strings.Join(extra, " · ")
	}
	return what
}

// Save stores what is typed. A refused save explains why and keeps every typed character.
func (f *CaseForm) Save() error {
	d := f.collect()
	var err error
	isNew := d.Number == ""
	if isNew {
		err = f.app.store.CreateCase(f.app.ctx, d, f.app.operator())
	} else {
		err = f.app.store.SaveCase(f.app.ctx, d, f.app.operator())
	}
	if err != nil {
		f.app.showError(f.win, T("The case was not saved."), err)
		return err
	}
	saved, err := f.app.store.Case(f.app.ctx, d.Number)
	if err != nil {
		f.app.showError(f.win, T("The case was saved but could not be read back."), err)
		return err
	}
	if isNew {
		f.app.register(saved.Number, f)
	}
	f.removeDraft(true)
	f.load(saved)
	f.app.list.Refresh()
	return nil
}

// reload reads the case again after an operation of its own (status, evidence) changed it,
// keeping whatever is typed and not yet saved.
func (f *CaseForm) reload() {
	typed := f.collect()
	fresh, err := f.app.store.Case(f.app.ctx, f.c.Number)
	if err != nil {
		f.app.showError(f.win, T("The case could not be read."), err)
		return
	}
	f.c.Attachments, f.c.History, f.c.Status, f.c.StatusSince = fresh.Attachments, fresh.History, fresh.Status, fresh.StatusSince
	typed.Attachments, typed.History, typed.Status, typed.StatusSince = fresh.Attachments, fresh.History, fresh.Status, fresh.StatusSince
	f.evidence.load(f.c)
	f.loadTimeline(f.c)
	f.status.SetText(statusName(f.c.Status))
	f.changed()
	f.app.list.Refresh()
}

// ensureSaved saves a new case first, because evidence and statuses belong to a numbered case.
func (f *CaseForm) ensureSaved() bool {
	if f.c.Number != "" {
		return true
	}
	return f.Save() == nil
}

// canTakeFiles says whether files may be added now. Files belong to a saved case, so a new one
// is saved as they are added; when it could not be, that is said before the technician picks a
// file and says what it shows, not after, and nothing is saved by asking.
func (f *CaseForm) canTakeFiles() bool {
	if f.c.Number != "" {
		return true
	}
	if err := f.collect().ValidateAt(f.app.now()); err != nil {
		f.app.showError(f.win, T("Files are kept with a saved case, and this one cannot be saved yet."), err)
		return false
	}
	return true
}

// Dirty reports whether the form holds typing that is not saved.
func (f *CaseForm) Dirty() bool {
	view := func(c *casefile.Case) string {
		v := *c
		v.Attachments, v.History = nil, nil
		b, _ := json.Marshal(&v)
		return string(b)
	}
	return view(f.collect()) != view(f.c)
}

// requestClose closes the window, first asking what to do with unsaved typing.
func (f *CaseForm) requestClose() {
	if !f.Dirty() {
		f.win.Close()
		return
	}
	msg := widget.NewLabel(T("This case has changes that are not saved."))
	var d dialog.Dialog
	d = dialog.NewCustomWithoutButtons(T("Close the case?"), container.NewVBox(msg, container.NewHBox(
		&widget.Button{Text: T("Save and close"), Importance: widget.HighImportance, OnTapped: func() {
			d.Hide()
			if f.Save() == nil {
				f.win.Close()
			}
		}},
		&widget.Button{Text: T("Close without saving"), Importance: widget.DangerImportance, OnTapped: func() { d.Hide(); f.win.Close() }},
		&widget.Button{Text: T("Keep editing"), OnTapped: func() { d.Hide() }},
	)), f.win)
	d.Show()
}
