package dossier

import (
	"fmt"
	"io"
	"recoverydesk/casefile"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// Options say how a dossier is rendered.
type Options struct {
	// Lang is "en" (the default: support reads English) or "ru".
	Lang string
	// Draft allows an incomplete case and marks every page DRAFT.
	Draft bool
	// At is the export time printed on the cover and stored as the PDF's dates; the same case
	// at the same time renders the same bytes.
	At       time.Time
	Settings casefile.Settings
	// Technician signs the dossier; Settings.Technician when empty.
	Technician string
	// ShowFullID prints the identity document number unmasked.
	ShowFullID bool
	// Branches are the shared database's branches: a case's document prints its branch's
	// name, address, phone and e-mail (Settings.ForBranch). Empty on a counter's own file.
	Branches []casefile.Branch
}

// forCase is o with the case's branch applied to the settings, once.
func (o Options) forCase(c *casefile.Case) Options {
	if len(o.Branches) > 0 {
		o.Settings = o.Settings.ForBranch(casefile.FindBranch(o.Branches, c.Branch))
		o.Branches = nil
	}
	return o
}

// NotReadyError refuses a final export of a case that still lacks something.
type NotReadyError struct{ Missing []casefile.Missing }

func (e *NotReadyError) Error() string {
	parts := make([]string, len(e.Missing))
	for i, m := range e.Missing {
		parts[i] = m.Message
	}
	return "the dossier is not complete; still missing: " + strings.Join(parts, " ") + " (a draft can be exported meanwhile)"
}

// Render writes the PDF dossier of c. Photos are taken from each attachment's
// Rendition, which the caller loads; PDFs and files without a rendition are listed as sent
// separately (the e-mail draft attaches them).
func Render(w io.Writer, c *casefile.Case, o Options) error {
	o = o.forCase(c)
	if missing := casefile.Readiness(c); len(missing) > 0 && !o.Draft {
		return &NotReadyError{Missing: missing}
	}
	if o.Lang != "ru" {
		o.Lang = "en"
	}
	if o.Technician == "" {
		o.Technician = o.Settings.Technician
	}
	f := twoPass(func(total int) *gofpdf.Fpdf {
		d := &dossier{c: c, o: o, total: total}
		return d.layout()
	})
	if err := f.Output(w); err != nil {
		return fmt.Errorf("render the dossier: %w", err)
	}
	return nil
}

type dossier struct {
	c     *casefile.Case
	o     Options
	f     *gofpdf.Fpdf
	total int
}

func (d *dossier) t(key string) string { return tr(d.o.Lang, key) }

func (d *dossier) layout() *gofpdf.Fpdf {
	c := d.c
	d.f = newPDF(pdfMeta{
		Title:    fmt.Sprintf("%s — %s %s", d.t("Request to restore access to a Mi Account"), d.t("Case"), c.Number),
		Author:   d.o.Settings.CenterName,
		Subject:  d.t("Proof of ownership of the device"),
		Keywords: strings.Join(append([]string{c.Number}, c.IMEIs()...), " "),
		At:       d.o.At,
	})
	d.f.SetHeaderFuncMode(d.header, true)
	d.f.SetFooterFunc(d.footer)
	d.f.AddPage()
	d.cover()
	d.device()
	d.customer()
	d.purchase()
	d.verification()
	d.declarations()
	d.evidence()
	d.history()
	return d.f
}

func (d *dossier) header() {
	f := d.f
	if d.o.Draft {
		f.SetFont(fontFamily, "B", 72)
		f.SetTextColor(235, 200, 200)
		f.TransformBegin()
		f.TransformRotate(45, 105, 160)
		f.Text(40, 175, pdfText(d.t("DRAFT")))
		f.TransformEnd()
		f.SetFont(fontFamily, "B", 9)
		f.SetTextColor(190, 30, 30)
		f.SetXY(18, 8)
		f.CellFormat(0, 5, pdfText(d.t("DRAFT — not for submission")), "", 0, "R", false, 0, "")
	}
	f.SetTextColor(0, 0, 0)
	f.SetXY(18, 18)
}

func (d *dossier) footer() {
	f := d.f
	f.SetY(-14)
	f.SetFont(fontFamily, "", 8)
	f.SetTextColor(90, 90, 90)
	left := strings.Join(nonEmpty(d.t("Case")+" "+d.c.Number, d.o.Settings.CenterName), " · ")
	f.CellFormat(120, 5, pdfText(left), "T", 0, "L", false, 0, "")
	right := ""
	if d.total > 0 {
		right = fmt.Sprintf(d.t("page %d of %d"), f.PageNo(), d.total)
	}
	f.CellFormat(0, 5, right, "T", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}

// section starts a titled block, on a new page when less than need millimetres remain.
func (d *dossier) section(title string, need float64) {
	f := d.f
	_, h := f.GetPageSize()
	if f.GetY()+need > h-22 {
		f.AddPage()
	}
	f.Ln(4)
	f.SetFont(fontFamily, "B", 12)
	f.SetFillColor(232, 238, 245)
	f.CellFormat(0, 7, pdfText(title), "", 1, "L", true, 0, "")
	f.Ln(1.5)
	f.SetFont(fontFamily, "", 10)
}

// row prints one labelled fact; an empty value prints a dash, so a gap is visible, not hidden.
func (d *dossier) row(label, value string) {
	f := d.f
	if strings.TrimSpace(value) == "" {
		value = "—"
	}
	f.SetFont(fontFamily, "", 9)
	f.SetTextColor(80, 80, 80)
	x, y := f.GetXY()
	f.MultiCell(52, 5.5, pdfText(label), "", "L", false)
	yLabel := f.GetY()
	f.SetXY(x+52, y)
	f.SetTextColor(0, 0, 0)
	f.SetFont(fontFamily, "", 10)
	f.MultiCell(0, 5.5, pdfText(value), "", "L", false)
	if f.GetY() < yLabel {
		f.SetY(yLabel)
	}
}

func (d *dossier) cover() {
	f, c, s := d.f, d.c, d.o.Settings
	f.SetFont(fontFamily, "B", 17)
	f.MultiCell(0, 8, pdfText(d.t("Request to restore access to a Mi Account")), "", "L", false)
	f.SetFont(fontFamily, "", 12)
	f.SetTextColor(60, 60, 60)
	f.MultiCell(0, 6, pdfText(d.t("Proof of ownership of the device")), "", "L", false)
	f.SetTextColor(0, 0, 0)
	f.Ln(4)
	d.row(d.t("Case"), c.Number)
	d.row(d.t("Date"), d.o.At.Format("2006-01-02 15:04 MST"))
	center := strings.Join(nonEmpty(s.CenterName, s.CenterAddress, s.CenterPhone, s.CenterEmail), "\n")
	d.row(d.t("Service center"), center)
	d.row(d.t("Technician"), d.o.Technician)
	d.row(d.t("Support region"), c.SupportRegion)
	d.row(d.t("Sent to"), s.SupportAddress(c.SupportRegion))
	d.section(d.t("Summary"), 30)
	imei := c.Device.IMEI1
	if im, err := casefile.ParseIMEI(imei); err == nil {
		imei = im.Digits
	}
	f.MultiCell(0, 5.5, pdfText(fmt.Sprintf(d.t("summary"), c.Customer.Name, c.Device.DisplayName(), imei)), "", "L", false)
}

func (d *dossier) imeiRow(label, value string) {
	if strings.TrimSpace(value) == "" {
		if label == d.t("IMEI 1") {
			d.row(label, "")
		}
		return
	}
	im, err := casefile.ParseIMEI(value)
	if err != nil {
		d.row(label, value+"  ✗ "+err.Error())
		return
	}
	v := im.Digits + "  ✓ " + d.t("Luhn check passed")
	if im.Kind == casefile.KindIMEISV {
		v += " (IMEISV " + im.Digits[:14] + im.SV + ")"
	}
	d.row(label, v)
	d.row("    "+d.t("TAC"), im.TAC())
}

func (d *dossier) device() {
	c := d.c
	d.section(d.t("Device"), 50)
	d.row(d.t("Brand"), c.Device.Brand)
	d.row(d.t("Model"), c.Device.Model)
	d.imeiRow(d.t("IMEI 1"), c.Device.IMEI1)
	d.imeiRow(d.t("IMEI 2"), c.Device.IMEI2)
	d.row(d.t("Serial number"), c.Device.Serial)
	d.row(d.t("Lock screen shows"), c.Device.LockScreenText)
}

func (d *dossier) customer() {
	c := d.c
	d.section(d.t("Customer"), 45)
	d.row(d.t("Name"), c.Customer.Name)
	d.row(d.t("Phone"), c.Customer.Phone)
	d.row(d.t("E-mail"), c.Customer.Email)
	d.row(d.t("Reply to"), strings.Join(nonEmpty(c.Customer.Email, c.Customer.Phone), ", "))
	num := c.Customer.IDDocument.Number
	if !d.o.ShowFullID {
		num = MaskDocumentNumber(num)
	}
	d.row(d.t("Identity document"), strings.TrimSpace(c.Customer.IDDocument.Type+" "+num))
	consent := d.t("not given")
	switch {
	case c.Customer.Consent && c.Customer.ConsentAt.IsZero():
		consent = d.t("given") // imported or older cases carry no time: never print year 1
	case c.Customer.Consent:
		consent = fmt.Sprintf(d.t("given %s"), c.Customer.ConsentAt.Format("2006-01-02 15:04"))
	}
	d.row(d.t("Consent to data processing"), consent)
	acc := c.Account.Identifier
	facts := []string{}
	yes := func(b bool, what string) string {
		if b {
			return d.t("yes") + ": " + d.t(what)
		}
		return d.t("no") + ": " + d.t(what)
	}
	facts = append(facts, yes(c.Account.KnowsLogin, "knows the login"), yes(c.Account.ControlsLinkedContact, "controls the linked phone or e-mail"))
	d.row(d.t("Mi Account (as the customer remembers it)"), strings.TrimSpace(acc+"\n"+strings.Join(facts, "\n")))
}

func (d *dossier) purchase() {
	c := d.c
	d.section(d.t("Purchase"), 45)
	d.row(d.t("Purchase date"), c.Purchase.Date)
	d.row(d.t("Channel"), d.t(string(c.Purchase.Channel)))
	d.row(d.t("Seller"), c.Purchase.Seller)
	d.row(d.t("Seller's contact"), c.Purchase.SellerContact)
	d.row(d.t("Receipt number"), c.Purchase.ReceiptNumber)
	d.row(d.t("Price"), c.Purchase.Price)
	d.section(d.t("Ownership statement"), 25)
	st := c.OwnershipStatement
	if strings.TrimSpace(st) == "" {
		st = "—"
	}
	d.f.SetFillColor(248, 248, 248)
	d.f.MultiCell(0, 5.5, pdfText(st), "1", "L", true)
}

func (d *dossier) check(ok bool, text string) {
	f := d.f
	mark := "☐"
	if ok {
		mark = "☑"
	}
	f.SetFont(fontFamily, "", 11)
	f.CellFormat(8, 6, mark, "", 0, "L", false, 0, "")
	f.SetFont(fontFamily, "", 10)
	f.MultiCell(0, 6, pdfText(text), "", "L", false)
}

func (d *dossier) declarations() {
	f := d.f
	d.section(d.t("Customer's declarations"), 75)
	d.declarationLines()
	f.Ln(10)
	y := f.GetY()
	for i, who := range []string{d.t("Customer's signature"), d.t("Technician's signature")} {
		x := 18 + float64(i)*92
		f.Line(x, y+8, x+80, y+8)
		f.SetXY(x, y+9)
		f.SetFont(fontFamily, "", 8)
		f.CellFormat(80, 4, pdfText(who+" / "+d.t("Date")), "", 0, "L", false, 0, "")
	}
	f.SetXY(18, y+16)
}

// evidence puts each photo on the page, two to a page when they are landscape, each with its
// caption; other files are listed as sent separately.
func (d *dossier) evidence() {
	f, c := d.f, d.c
	var separate []casefile.Attachment
	pageW, pageH := f.GetPageSize()
	usableW := pageW - 36
	slotH := (pageH - 18 - 22 - 12) / 2
	slot := 2 // force a new page for the first photo
	for i, a := range c.Attachments {
		if len(a.Rendition) == 0 {
			separate = append(separate, a)
			continue
		}
		name := fmt.Sprintf("evidence-%d", i)
		iw, ih, ok := registerJPEG(f, name, a.Rendition)
		if !ok {
			separate = append(separate, a)
			continue
		}
		landscape := iw >= ih
		if !landscape || slot >= 2 {
			f.AddPage()
			d.f.SetFont(fontFamily, "B", 12)
			f.SetFillColor(232, 238, 245)
			f.CellFormat(0, 7, pdfText(d.t("Evidence")), "", 1, "L", true, 0, "")
			slot = 0
		}
		boxH := slotH - 14
		if !landscape {
			boxH = 2*slotH - 14
		}
		scale := min(usableW/iw, boxH/ih)
		w, h := iw*scale, ih*scale
		y := 28 + float64(slot)*slotH
		f.ImageOptions(name, 18+(usableW-w)/2, y, w, h, false, gofpdf.ImageOptions{ImageType: "JPG"}, 0, "")
		f.SetXY(18, y+h+1.5)
		f.SetFont(fontFamily, "B", 9)
		title := fmt.Sprintf("%d. %s", i+1, d.t(string(a.Kind)))
		if a.MediaType == casefile.MediaPDF {
			title += " — " + d.t("first page of the PDF; the whole file is attached to the e-mail")
		}
		f.CellFormat(0, 4.5, pdfText(title), "", 1, "L", false, 0, "")
		f.SetFont(fontFamily, "", 7.5)
		f.MultiCell(0, 3.8, pdfText(fmt.Sprintf("%s: %s · %s: %s · SHA-256: %s", d.t("File"), a.Name, d.t("Added"), a.AddedAt.Format("2006-01-02 15:04"), a.SHA256)), "", "L", false)
		if landscape {
			slot++
		} else {
			slot = 2
		}
	}
	if len(separate) > 0 {
		d.section(d.t("Documents sent with this request as separate files"), 30)
		for _, a := range separate {
			f.SetFont(fontFamily, "B", 9)
			f.MultiCell(0, 5, pdfText(fmt.Sprintf("%s — %s (%s, %d KB)", d.t(string(a.Kind)), a.Name, a.MediaType, (a.Size+1023)/1024)), "", "L", false)
			f.SetFont(fontFamily, "", 7.5)
			f.MultiCell(0, 4, "SHA-256: "+a.SHA256, "", "L", false)
		}
	}
}

func (d *dossier) history() {
	f := d.f
	d.section(d.t("Case history"), 30)
	f.SetFont(fontFamily, "B", 8.5)
	f.CellFormat(32, 5.5, pdfText(d.t("When")), "B", 0, "L", false, 0, "")
	f.CellFormat(30, 5.5, pdfText(d.t("Who")), "B", 0, "L", false, 0, "")
	f.CellFormat(0, 5.5, pdfText(d.t("What")), "B", 1, "L", false, 0, "")
	f.SetFont(fontFamily, "", 8.5)
	for _, e := range d.c.History {
		what := d.t(string(e.Action))
		if e.Action == casefile.ActionStatus {
			what = d.t(string(e.From)) + " → " + d.t(string(e.To))
		}
		switch {
		case e.Action == casefile.ActionExported:
			what += " (" + e.Details["language"] + ")"
		case e.Action == casefile.ActionAttachmentRemoved && e.Details["name"] != "":
			// The note is the reason; which file it was is in the details.
			what += ": " + d.t(e.Details["kind"]) + " — " + e.Details["name"]
			if e.Note != "" {
				what += " (" + e.Note + ")"
			}
		case e.Note != "":
			what += ": " + d.noteText(e)
		}
		if ref := e.Details["reference"]; ref != "" {
			what += " (" + ref + ")"
		}
		f.CellFormat(32, 5, e.At.Format("2006-01-02 15:04"), "", 0, "L", false, 0, "")
		f.CellFormat(30, 5, pdfText(truncateRunes(e.Operator, 18)), "", 0, "L", false, 0, "")
		f.MultiCell(0, 5, pdfText(what), "", "L", false)
	}
}

// noteText words a history note in the dossier's language where the store wrote it in its own
// terms: an edit's field keys ("changed: customer.phone") become the dossier's labels, and a
// file's kind ("imei_screen: photo.jpg") its name for the kind. An IMEI tick says how the
// edit left it, as the verification section keeps a person's tick apart from the machine's.
func (d *dossier) noteText(e casefile.Event) string {
	if keys, ok := strings.CutPrefix(e.Note, editedPrefix); ok {
		var labels []string
		for _, k := range strings.Split(keys, ", ") {
			k = strings.TrimSpace(k)
			change, from, ticked := casefile.EditedTick(e, k)
			if p, ok := fieldPhrases[k]; ok {
				k = d.t(p)
			} else if strings.HasPrefix(k, "declarations.") {
				k = d.t("Customer's declarations")
			}
			if ticked {
				k += " (" + d.tickChangeText(change, from) + ")"
			}
			if !slices.Contains(labels, k) {
				labels = append(labels, k)
			}
		}
		return strings.Join(labels, ", ")
	}
	if kind, name, ok := strings.Cut(e.Note, ": "); ok && casefile.AttachmentKind(kind).Valid() {
		return d.t(kind) + " — " + name
	}
	return e.Note
}

// tickChangeText is casefile.TickChangeSentence in the dossier's language.
func (d *dossier) tickChangeText(change casefile.TickChange, from string) string {
	switch {
	case change == casefile.TickedByHand:
		return d.t("ticked by hand")
	case change == casefile.TickedFromBarcode && from != "":
		return fmt.Sprintf(d.t("ticked by machine from the barcode of %s"), from)
	case change == casefile.TickedFromBarcode:
		return d.t("ticked by machine from a barcode")
	case change == casefile.Unticked:
		return d.t("unticked")
	}
	return ""
}

// fieldPhrases are the dossier's own labels for the fields an edit names.
var fieldPhrases = map[string]string{
	"customer.name": "Name", "customer.phone": "Phone", "customer.email": "E-mail",
	"customer.id_document.type": "Identity document", "customer.id_document.number": "Identity document",
	"customer.consent": "Consent to data processing",
	"device.brand":     "Brand", "device.model": "Model", "device.imei1": "IMEI 1", "device.imei2": "IMEI 2",
	"device.serial": "Serial number", "device.lock_screen_text": "Lock screen shows",
	"account.identifier": "Mi Account (as the customer remembers it)", "account.knows_login": "knows the login",
	"account.controls_linked_contact": "controls the linked phone or e-mail",
	"purchase.date":                   "Purchase date", "purchase.seller": "Seller", "purchase.seller_contact": "Seller's contact",
	"purchase.receipt_number": "Receipt number", "purchase.price": "Price", "purchase.channel": "Channel",
	"ownership_statement":           "Ownership statement",
	"verification.imei_matches_box": "IMEI on the device matches the box label", "verification.imei_matches_receipt": "IMEI on the device matches the receipt",
	"verification.mismatch_note": "Technician's explanation of the difference",
	"notes":                      "Notes", "support_region": "Support region",
}

// MaskDocumentNumber hides all but the last three characters of an identity document number,
// keeping its spacing, so the dossier shows which document without giving it away.
func MaskDocumentNumber(n string) string {
	r := []rune(strings.TrimSpace(n))
	keep := 3
	out := make([]rune, len(r))
	seen := 0
	for i := len(r) - 1; i >= 0; i-- {
		switch {
		case r[i] == ' ' || r[i] == '-':
			out[i] = r[i]
		case seen < keep:
			out[i] = r[i]
			seen++
		default:
			out[i] = '•'
		}
	}
	return string(out)
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			out = append(out, strings.TrimSpace(x))
		}
	}
	return out
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
