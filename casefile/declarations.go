package casefile

import "time"

// Declarations are what the customer declares at the counter besides consent (which lives in
// Customer): each is asked aloud, ticked by the technician, and stamped with the time it was
// given. The dossier prints a declaration as given only when it was; support treats a false
// "not stolen" as the customer's word, so it must never be the software's.
type Declarations struct {
	NotLostOrStolen   bool      `json:"not_lost_or_stolen"`
	NotLostOrStolenAt time.Time `json:"not_lost_or_stolen_at,omitzero"`
	MayBeErased       bool      `json:"may_be_erased"`
	MayBeErasedAt     time.Time `json:"may_be_erased_at,omitzero"`
	FactsTrue         bool      `json:"facts_true"`
	FactsTrueAt       time.Time `json:"facts_true_at,omitzero"`
}

// Declaration is one of the customer's declarations as the dossier and the form list them.
type Declaration struct {
	// Key is the import-format key under "declarations" (or "customer.consent").
	Key string
	// Text is the dossier's text key (see dossier_text.go).
	Text  string
	Given bool
	At    time.Time
}

// DeclarationList returns every declaration of c in the order the dossier prints them, consent included.
func (c *Case) DeclarationList() []Declaration {
	d := c.Declarations
	return []Declaration{
		{Key: "declarations.not_lost_or_stolen", Text: "decl_not_stolen", Given: d.NotLostOrStolen, At: d.NotLostOrStolenAt},
		{Key: "customer.consent", Text: "decl_consent", Given: c.Customer.Consent, At: c.Customer.ConsentAt},
		{Key: "declarations.may_be_erased", Text: "decl_erase", Given: d.MayBeErased, At: d.MayBeErasedAt},
		{Key: "declarations.facts_true", Text: "decl_true", Given: d.FactsTrue, At: d.FactsTrueAt},
	}
}

// StampDeclarations gives every declaration (consent included) the time it was given: a time
// already recorded in c is kept, one recorded in old (the stored case) is kept when the
// declaration is still given, and a new one takes now. A declaration withdrawn loses its time.
// old is nil for a new case.
func StampDeclarations(c, old *Case, now time.Time) {
	if old == nil {
		old = &Case{}
	}
	stamp := func(given bool, at *time.Time, oldGiven bool, oldAt time.Time) {
		switch {
		case !given:
			*at = time.Time{}
		case !at.IsZero():
		case oldGiven && !oldAt.IsZero():
			*at = oldAt
		default:
			*at = now
		}
	}
	d, o := &c.Declarations, &old.Declarations
	stamp(c.Customer.Consent, &c.Customer.ConsentAt, old.Customer.Consent, old.Customer.ConsentAt)
	stamp(d.NotLostOrStolen, &d.NotLostOrStolenAt, o.NotLostOrStolen, o.NotLostOrStolenAt)
	stamp(d.MayBeErased, &d.MayBeErasedAt, o.MayBeErased, o.MayBeErasedAt)
	stamp(d.FactsTrue, &d.FactsTrueAt, o.FactsTrue, o.FactsTrueAt)
}
