package dossier

import (
	"fmt"
	"strings"

	"recoverydesk/casefile"
)

// fiscalReceipt prints the numbers of a Russian fiscal receipt's QR code. They let support,
// or anyone, look the receipt up in the tax service's public check, which makes it far
// stronger proof than a photo; the dossier says so rather than leaving the reader to know.
func (d *dossier) fiscalReceipt(a casefile.Attachment) {
	r := a.FiscalReceipt
	d.subheading(d.t("Fiscal receipt"), 40)
	d.f.SetFont(fontFamily, "", 9)
	d.f.MultiCell(0, 4.5, pdfText(fmt.Sprintf(d.t("fiscal_intro"), a.Name)), "", "L", false)
	d.f.Ln(1)
	d.row(d.t("Date and time"), fiscalWhen(r))
	d.row(d.t("Sum"), fmt.Sprintf(d.t("%s RUB"), casefile.FormatRubles(r.Sum, d.o.Lang)))
	d.row(d.t("FN (fiscal drive number)"), r.FN)
	d.row(d.t("FD (fiscal document number)"), r.FD)
	d.row(d.t("FP (fiscal sign)"), r.FP)
}

// fiscalReceipts are the receipt attachments whose QR code is a fiscal receipt's.
func fiscalReceipts(c *casefile.Case) []casefile.Attachment {
	var out []casefile.Attachment
	for _, a := range c.AttachmentsOf(casefile.AttachReceipt) {
		if a.FiscalReceipt != nil {
			out = append(out, a)
		}
	}
	return out
}

// fiscalWhen is a fiscal receipt's moment as the documents print their other times.
func fiscalWhen(f *casefile.FiscalReceipt) string { return strings.Replace(f.Date, "T", " ", 1) }
