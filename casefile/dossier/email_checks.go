package dossier

import (
	"fmt"
	"strings"

	"recoverydesk/casefile"
)

// verificationLines are the letter's short account of the verification: what the technician
// ticked, what the program read from the evidence and how it compared, and the numbers of a
// fiscal receipt. They say what the dossier's verification section says, in the letter's
// English, so support reading only the letter is told of a mismatch too.
func verificationLines(c *casefile.Case) []string {
	var out []string
	// A tick the form made from a barcode is the machine's reading, listed below, not the
	// technician's own comparison.
	var ticked []string
	if box, from := c.BoxTick(); box && from == "" {
		ticked = append(ticked, "the box label")
	}
	if receipt, from := c.ReceiptTick(); receipt && from == "" {
		ticked = append(ticked, "the receipt")
	}
	if len(ticked) > 0 {
		out = append(out, "Our technician checked that the IMEI on the device matches "+strings.Join(ticked, " and ")+".")
	}
	if rows := checkRows("en", c); len(rows) > 0 {
		out = append(out, "Read by machine from the barcodes of the attached files:")
		for _, r := range rows {
			line := fmt.Sprintf("- %s %s, %s (%s): %s", r.Field, r.Found, r.Source, r.File, r.Result)
			if r.Mismatch {
				line += "; " + r.CaseValue
			}
			out = append(out, line)
		}
		if anyMismatch(rows) {
			if note := strings.TrimSpace(c.Verification.MismatchNote); note != "" {
				out = append(out, "Technician's explanation of the difference: "+note)
			} else {
				out = append(out, "The technician has written no explanation of the difference.")
			}
		}
	}
	for _, a := range fiscalReceipts(c) {
		r := a.FiscalReceipt
		out = append(out, fmt.Sprintf("The receipt %s is a Russian fiscal receipt (54-FZ): %s, %s RUB, FN %s, FD %s, FP %s; "+
			"the Federal Tax Service's receipt check (ФНС «Проверка чеков») verifies it by these numbers.",
			a.Name, fiscalWhen(r), casefile.FormatRubles(r.Sum, "en"), r.FN, r.FD, r.FP))
	}
	return out
}
