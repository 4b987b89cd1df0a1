package ui

import (
	"time"

	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// declarationChecks are the customer's declarations in the case form, consent among them.
// Each tick is stamped with the time it was given, so that the dossier prints when the
// customer said it; unticking withdraws the declaration and its time.
type declarationChecks struct {
	notStolen, mayBeErased, factsTrue *formCheck
	// at holds the times; its booleans are ignored (the check boxes hold them).
	at        casefile.Declarations
	consentAt time.Time
}

// buildDeclarations makes the declarations' check boxes and returns their form items, in the
// order the dossier prints them (consent, which already exists, is stamped here too).
func (f *CaseForm) buildDeclarations() []*widget.FormItem {
	d := &f.decl
	stamp := func(at *time.Time) func(bool) {
		return func(on bool) {
			if f.loading {
				return
			}
			*at = time.Time{}
			if on {
				*at = f.app.now()
			}
			f.changed()
		}
	}
	d.notStolen = f.check("declarations.not_lost_or_stolen", T("The customer declares the phone is not lost or stolen"))
	d.notStolen.OnChanged = stamp(&d.at.NotLostOrStolenAt)
	f.consent.OnChanged = stamp(&d.consentAt)
	d.mayBeErased = f.check("declarations.may_be_erased", T("The customer understands the phone may be erased when unlocked"))
	d.mayBeErased.OnChanged = stamp(&d.at.MayBeErasedAt)
	d.factsTrue = f.check("declarations.facts_true", T("The customer confirms the facts given are true"))
	d.factsTrue.OnChanged = stamp(&d.at.FactsTrueAt)
	return []*widget.FormItem{item("", d.notStolen), item("", f.consent), item("", d.mayBeErased), item("", d.factsTrue)}
}

// loadDeclarations puts a case's declarations into the check boxes.
func (f *CaseForm) loadDeclarations(c *casefile.Case) {
	d := &f.decl
	d.at, d.consentAt = c.Declarations, c.Customer.ConsentAt
	d.notStolen.SetChecked(c.Declarations.NotLostOrStolen)
	d.mayBeErased.SetChecked(c.Declarations.MayBeErased)
	d.factsTrue.SetChecked(c.Declarations.FactsTrue)
	f.consent.SetChecked(c.Customer.Consent)
}

// collectDeclarations writes what is ticked, with the times, into c.
func (f *CaseForm) collectDeclarations(c *casefile.Case) {
	d := &f.decl
	c.Customer.Consent, c.Customer.ConsentAt = f.consent.Checked, d.consentAt
	c.Declarations = casefile.Declarations{
		NotLostOrStolen: d.notStolen.Checked, NotLostOrStolenAt: d.at.NotLostOrStolenAt,
		MayBeErased: d.mayBeErased.Checked, MayBeErasedAt: d.at.MayBeErasedAt,
		FactsTrue: d.factsTrue.Checked, FactsTrueAt: d.at.FactsTrueAt,
	}
	if !c.Customer.Consent {
		c.Customer.ConsentAt = time.Time{}
	}
	for _, p := range []struct {
		on bool
		at *time.Time
	}{{c.Declarations.NotLostOrStolen, &c.Declarations.NotLostOrStolenAt}, {c.Declarations.MayBeErased, &c.Declarations.MayBeErasedAt}, {c.Declarations.FactsTrue, &c.Declarations.FactsTrueAt}} {
		if !p.on {
			*p.at = time.Time{}
		}
	}
}
