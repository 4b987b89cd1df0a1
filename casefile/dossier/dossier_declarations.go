package dossier

import (
	"fmt"
	"strings"

	"recoverydesk/casefile"
)

// declarationLines prints each of the customer's declarations as it was recorded: a ticked box
// with the time it was given, or an empty box. A declaration the customer did not make is
// never printed as made; where one is missing, the page says that the empty boxes may be
// ticked by hand and signed.
func (d *dossier) declarationLines() {
	missing := false
	for _, decl := range d.c.DeclarationList() {
		text := d.t(decl.Text)
		if decl.Given {
			if !decl.At.IsZero() {
				text += " (" + fmt.Sprintf(d.t("declared %s"), decl.At.Format("2006-01-02 15:04")) + ")"
			}
		} else {
			missing = true
			text += " (" + d.t("not declared at the counter") + ")"
		}
		d.check(decl.Given, text)
	}
	if missing {
		d.f.SetFont(fontFamily, "", 8.5)
		d.f.MultiCell(0, 4.5, pdfText(d.t("decl_by_hand")), "", "L", false)
	}
}

// declaredLine is the e-mail's sentence about the customer's declarations: only those given.
func declaredLine(c *casefile.Case) string {
	var parts []string
	if c.Declarations.NotLostOrStolen {
		parts = append(parts, "the device is not lost or stolen")
	}
	if c.Declarations.MayBeErased {
		parts = append(parts, "they understand it may be erased when unlocked")
	}
	if c.Declarations.FactsTrue {
		parts = append(parts, "the facts given are true")
	}
	s := ""
	if len(parts) > 0 {
		s = "The customer declares that " + strings.Join(parts, ", that ") + "."
	}
	if c.Customer.Consent {
		s = strings.TrimSpace(s + " The customer consents to the processing of their data.")
	}
	return s
}
