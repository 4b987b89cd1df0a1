package dossier

import (
	"fmt"
	"strings"

	"recoverydesk/casefile"
)

// The verification section keeps apart what the technician checked with their own eyes and
// what the program compared by itself: support weighs a person's word and a barcode
// differently, and a dossier that blurs them invites a refusal.

// checkCols are the widths of the machine checks' table: field, value read, source, result.
var checkCols = [4]float64{26, 33, 56, 59}

// Form fields whose history names who recorded the technician's checks.
const (
	keyMatchBox     = "verification.imei_matches_box"
	keyMatchReceipt = "verification.imei_matches_receipt"
	keyMismatchNote = "verification.mismatch_note"
)

func (d *dossier) verification() {
	c := d.c
	d.section(d.t("Verification"), 45)

	d.subheading(d.t("Checked by the technician"), 14)
	box, boxFrom := c.BoxTick()
	d.tick(box, d.t("IMEI on the device matches the box label"), keyMatchBox, boxFrom)
	if len(c.AttachmentsOf(casefile.AttachReceipt)) > 0 {
		// Only a receipt that is there can be compared; claiming more invites a refusal.
		receipt, receiptFrom := c.ReceiptTick()
		d.tick(receipt, d.t("IMEI on the device matches the receipt"), keyMatchReceipt, receiptFrom)
	}

	d.subheading(d.t("Checked by machine"), 30)
	_, e1 := casefile.ParseIMEI(c.Device.IMEI1)
	_, e2 := casefile.ParseIMEI(c.Device.IMEI2)
	d.check(e1 == nil && (strings.TrimSpace(c.Device.IMEI2) == "" || e2 == nil), d.t("IMEI numbers pass the Luhn check"))
	d.check(len(c.AttachmentsOf(casefile.AttachBox)) > 0, d.t("Photo of the box label attached"))
	d.check(len(c.AttachmentsOf(casefile.AttachIMEIScreen)) > 0, d.t("Photo of the *#06# screen attached"))
	d.check(len(c.AttachmentsOf(casefile.AttachReceipt)) > 0, d.t("Proof of purchase attached"))
	if rows := checkRows(d.o.Lang, c); len(rows) > 0 {
		d.f.Ln(1.5)
		d.f.SetFont(fontFamily, "", 9)
		d.f.MultiCell(0, 4.5, pdfText(d.t("checks_intro")), "", "L", false)
		d.f.Ln(1)
		d.checkTable(rows)
		if anyMismatch(rows) {
			d.mismatchNote()
		}
	}
	for _, a := range fiscalReceipts(c) {
		d.fiscalReceipt(a)
	}
}

// tick prints one of the technician's own checks, naming who recorded it where the history
// says; an unticked check is printed unticked and credited to no one. A tick the form made
// from a barcode (from names the file) says so: the machine read it, a person saved it.
func (d *dossier) tick(ok bool, text, field, from string) {
	if ok {
		who := whoAndWhen(d.c, field)
		switch {
		case from != "" && who != "":
			text += " (" + fmt.Sprintf(d.t("read by machine from the barcode of %s; saved by %s"), from, who) + ")"
		case from != "":
			text += " (" + fmt.Sprintf(d.t("read by machine from the barcode of %s"), from) + ")"
		case who != "":
			text += " (" + fmt.Sprintf(d.t("ticked by %s"), who) + ")"
		}
	}
	d.check(ok, text)
}

// subheading titles a part of a section, moving to a new page when less than need millimetres
// remain, so a title never stands alone at the foot of a page.
func (d *dossier) subheading(title string, need float64) {
	f := d.f
	_, h := f.GetPageSize()
	if f.GetY()+need > h-22 {
		f.AddPage()
	}
	f.Ln(1.5)
	f.SetFont(fontFamily, "B", 10)
	f.MultiCell(0, 6, pdfText(title), "", "L", false)
	f.SetFont(fontFamily, "", 10)
}

func (d *dossier) checkTableHead() {
	f := d.f
	f.SetFont(fontFamily, "B", 8.5)
	f.SetTextColor(80, 80, 80)
	for i, h := range []string{d.t("Field"), d.t("Value read"), d.t("Read by machine from"), d.t("Result")} {
		f.CellFormat(checkCols[i], 5.5, pdfText(h), "B", 0, "L", false, 0, "")
	}
	f.Ln(-1)
	f.SetTextColor(0, 0, 0)
}

// checkTable prints the machine checks. Each cell is its own MultiCell, so a long file name
// wraps inside its column; a row that might not fit starts a new page with the header again,
// since a row cut by the page break would print its cells on two pages.
func (d *dossier) checkTable(rows []checkRow) {
	f := d.f
	_, pageH := f.GetPageSize()
	left := 18.0
	width := 0.0
	for _, w := range checkCols {
		width += w
	}
	d.checkTableHead()
	for _, r := range rows {
		if f.GetY()+22 > pageH-22 {
			f.AddPage()
			d.checkTableHead()
		}
		cells := [4]string{r.Field, r.Found, r.Source + "\n" + truncateRunes(r.File, 60), "✓ " + r.Result}
		if r.Mismatch {
			cells[3] = "✗ " + r.Result
		}
		y := f.GetY() + 0.8
		bottom, x := y, left
		f.SetFont(fontFamily, "", 9)
		for i, s := range cells {
			f.SetXY(x, y)
			if i == 3 && r.Mismatch {
				// The mismatch in bold red, the case's own value plain beneath it.
				f.SetFont(fontFamily, "B", 9)
				f.SetTextColor(170, 20, 20)
				f.MultiCell(checkCols[i], 4.5, pdfText(s), "", "L", false)
				f.SetFont(fontFamily, "", 9)
				f.SetX(x)
				s = r.CaseValue
			}
			f.MultiCell(checkCols[i], 4.5, pdfText(s), "", "L", false)
			f.SetTextColor(0, 0, 0)
			bottom = max(bottom, f.GetY())
			x += checkCols[i]
		}
		f.SetDrawColor(200, 200, 200)
		f.Line(left, bottom+0.8, left+width, bottom+0.8)
		f.SetDrawColor(0, 0, 0)
		f.SetXY(left, bottom+0.8)
	}
	f.SetFont(fontFamily, "", 10)
}

// mismatchNote prints the technician's written reason for a difference, or says plainly that
// none was written: a mismatch is never left to speak alone, nor explained on their behalf.
func (d *dossier) mismatchNote() {
	f := d.f
	note := strings.TrimSpace(d.c.Verification.MismatchNote)
	f.Ln(2)
	f.SetFont(fontFamily, "B", 9)
	if note == "" {
		f.MultiCell(0, 5, pdfText(d.t("The technician has written no explanation of the difference.")), "", "L", false)
		f.SetFont(fontFamily, "", 10)
		return
	}
	title := d.t("Technician's explanation of the difference")
	if who := whoAndWhen(d.c, keyMismatchNote); who != "" {
		title += " (" + who + ")"
	}
	f.MultiCell(0, 5, pdfText(title+":"), "", "L", false)
	f.SetFont(fontFamily, "", 10)
	f.SetFillColor(248, 248, 248)
	f.MultiCell(0, 5.5, pdfText(note), "1", "L", true)
}
