package dossier

import (
	"cmp"
	"fmt"
	"io"
	"recoverydesk/casefile"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// ReceiptOptions say how the customer's intake receipt is printed.
type ReceiptOptions struct {
	Lang       string
	At         time.Time
	Settings   casefile.Settings
	Technician string
	// Branches: as in Options, the receipt names the case's branch and its contacts.
	Branches []casefile.Branch
}

// RenderReceipt writes the one-page intake receipt that the technician prints and both sign:
// what was received, what happens next, and the consent text.
func RenderReceipt(w io.Writer, c *casefile.Case, o ReceiptOptions) error {
	if len(o.Branches) > 0 {
		o.Settings = o.Settings.ForBranch(casefile.FindBranch(o.Branches, c.Branch))
	}
	lang := o.Lang
	if lang != "ru" {
		lang = "en"
	}
	t := func(k string) string { return tr(lang, k) }
	if o.Technician == "" {
		o.Technician = o.Settings.Technician
	}
	f := newPDF(pdfMeta{Title: fmt.Sprintf("%s — %s %s", t("Intake receipt"), t("Case"), c.Number), Author: o.Settings.CenterName,
		Subject: t("Intake receipt"), Keywords: c.Number, At: o.At})
	f.SetAutoPageBreak(false, 0)
	f.AddPage()
	s := o.Settings
	f.SetFont(fontFamily, "B", 10)
	f.MultiCell(0, 5, pdfText(strings.Join(nonEmpty(s.CenterName, s.CenterAddress, s.CenterPhone, s.CenterEmail), " · ")), "", "L", false)
	f.Ln(4)
	f.SetFont(fontFamily, "B", 18)
	f.CellFormat(0, 10, pdfText(t("Intake receipt")), "", 1, "L", false, 0, "")
	f.SetFont(fontFamily, "", 11)
	f.CellFormat(0, 6, pdfText(fmt.Sprintf("%s %s · %s", t("Case"), c.Number, o.At.Format("2006-01-02 15:04"))), "", 1, "L", false, 0, "")
	f.Ln(3)
	kv := func(k, v string) {
		f.SetFont(fontFamily, "", 9)
		f.SetTextColor(80, 80, 80)
		f.CellFormat(45, 5.5, pdfText(k), "", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetFont(fontFamily, "", 10.5)
		f.MultiCell(0, 5.5, pdfText(orDash(v)), "", "L", false)
	}
	kv(t("Customer"), c.Customer.Name)
	kv(t("Phone"), c.Customer.Phone)
	kv(t("Device"), c.Device.DisplayName())
	kv(t("IMEI 1"), c.Device.IMEI1)
	if c.Device.IMEI2 != "" {
		kv(t("IMEI 2"), c.Device.IMEI2)
	}
	kv(t("Serial number"), c.Device.Serial)

	heading := func(s string) {
		f.Ln(4)
		f.SetFont(fontFamily, "B", 12)
		f.SetFillColor(232, 238, 245)
		f.CellFormat(0, 7, pdfText(s), "", 1, "L", true, 0, "")
		f.Ln(1)
		f.SetFont(fontFamily, "", 10)
	}
	heading(t("We received"))
	items := []string{"• " + t("the phone") + ": " + c.Device.DisplayName()}
	if c.Customer.IDDocument.Type != "" {
		items = append(items, "• "+t("copy of the identity document")+": "+c.Customer.IDDocument.Type+" "+MaskDocumentNumber(c.Customer.IDDocument.Number))
	}
	for _, a := range c.Attachments {
		what := t("photo")
		if a.MediaType == casefile.MediaPDF {
			what = t("document")
		}
		item := fmt.Sprintf("• %s (%s)", t(string(a.Kind)), what)
		if a.Name != "" {
			item += ": " + a.Name
		}
		items = append(items, item)
	}
	for _, it := range items {
		f.MultiCell(0, 5.5, pdfText(it), "", "L", false)
	}
	heading(t("What happens next"))
	f.MultiCell(0, 5.5, pdfText(t("next_steps")), "", "L", false)
	heading(t("Consent"))
	f.MultiCell(0, 5.5, pdfText(t("consent_text")), "", "L", false)
	f.Ln(14)
	y := f.GetY()
	tech := t("Technician's signature")
	if name := cmp.Or(o.Technician, o.Settings.Technician); name != "" {
		tech += " (" + name + ")"
	}
	for i, who := range []string{t("Customer's signature"), tech} {
		x := 18 + float64(i)*92
		f.Line(x, y, x+80, y)
		f.SetXY(x, y+1)
		f.SetFont(fontFamily, "", 8)
		f.CellFormat(80, 4, pdfText(who), "", 0, "L", false, 0, "")
	}
	f.SetXY(18, y+12)
	f.SetFont(fontFamily, "B", 9.5)
	f.MultiCell(0, 5, pdfText(t("Keep this receipt: show it when you collect the phone.")), "", "L", false)
	return output(f, w)
}

func output(f *gofpdf.Fpdf, w io.Writer) error {
	if err := f.Output(w); err != nil {
		return fmt.Errorf("render the document: %w", err)
	}
	return nil
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
