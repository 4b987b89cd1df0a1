package ui

import (
	"fmt"
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// showRoute explains the recommended route from the intake answers and offers its next step.
func (f *CaseForm) showRoute(d *casefile.Case) {
	f.route.RemoveAll()
	heading := func(s string) {
		f.route.Add(&widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord})
	}
	para := func(s string) { f.route.Add(&widget.Label{Text: s, Wrapping: fyne.TextWrapWord}) }
	switch casefile.RecommendRoute(d) {
	case casefile.RouteSelfService:
		heading(T("Recommended: self-service password reset at the counter"))
		para(T("The customer knows the login and still has the linked phone or e-mail: the password can be reset now, in minutes."))
		for i, step := range casefile.SelfServiceSteps {
			f.route.Add(widget.NewCheck(fmt.Sprintf("%d. %s", i+1, T(step)), nil))
		}
		u, _ := url.Parse(casefile.PasswordResetURL)
		f.route.Add(widget.NewHyperlink(T("Open the password-reset page"), u))
		switch d.Status {
		case casefile.StatusIntake:
			f.route.Add(&widget.Button{Text: T("Start the self-service reset"), Importance: widget.HighImportance,
				OnTapped: func() { f.moveTo(casefile.StatusSelfService, T("Self-service reset started at the counter.")) }})
		case casefile.StatusSelfService:
			f.route.Add(&widget.Button{Text: T("Reset done: the phone is unlocked"), Importance: widget.SuccessImportance,
				OnTapped: func() { f.moveTo(casefile.StatusResolved, T("Password reset by the customer at the counter.")) }})
			f.route.Add(&widget.Button{Text: T("It did not work: prepare the support dossier"),
				OnTapped: func() {
					f.moveTo(casefile.StatusIntake, T("Self-service reset failed; preparing the support dossier."))
				}})
		}
	case casefile.RouteSellerFirst:
		heading(T("Recommended: ask the seller first"))
		para(T("A second-hand phone: the fastest way is for the seller to unlink the account or change the password in the customer's presence, using the seller's phone number. If the seller cannot be reached, send the support dossier with an honest, detailed story of the purchase: how, when, where and from whom."))
	default:
		heading(T("Recommended: request to manufacturer support (dossier)"))
		para(T("The customer cannot reset the password themselves. Collect every piece of evidence, export the dossier and send it; support answers in days or weeks, and a complete first message shortens the review."))
	}
}

// moveTo changes the status from a route button, saving the typing first.
func (f *CaseForm) moveTo(to casefile.Status, note string) {
	if !f.ensureSaved() {
		return
	}
	if _, err := f.app.store.ChangeStatus(f.app.ctx, f.c.Number, to, note, nil, f.app.operator()); err != nil {
		f.app.showError(f.win, T("The status was not changed."), err)
		return
	}
	f.reload()
}

// readinessText translates a readiness item by its stable code; c is the case it was found in
// (nil if unknown), for the items whose sentence carries the case's own numbers.
func readinessText(m casefile.Missing, c *casefile.Case) string {
	if m.Code == casefile.MissIMEIBoxMismatch {
		return mismatchReadiness(c)
	}
	t := map[string]string{
		casefile.MissCustomerName:      "Enter the customer's full name.",
		casefile.MissCustomerContact:   "Enter a phone number or e-mail where support can reach the customer.",
		casefile.MissIDDocument:        "Record the identity document: its type and number.",
		casefile.MissConsent:           "Record the customer's consent to the processing of personal data.",
		casefile.MissDeviceModel:       "Enter the phone's model, as printed on the box.",
		casefile.MissIMEI1:             "Enter a valid IMEI 1 (*#06# or the box label).",
		casefile.MissIMEI2Invalid:      "IMEI 2 is not valid; correct it or leave it empty.",
		casefile.MissLockScreenText:    "Copy the text the lock screen shows.",
		casefile.MissPurchaseChannel:   "Choose where the phone was bought.",
		casefile.MissPurchaseDate:      "Enter the purchase date from the receipt.",
		casefile.MissSellerInformation: "Enter the seller named on the receipt.",
		casefile.MissProofOfPurchase:   "Attach the receipt (photo or PDF); for second-hand phones and gifts without one, write the ownership story in detail.",
		casefile.MissSecondHandStory:   "Tell the story of the second-hand sale: when, where, from whom.",
		casefile.MissOwnership:         "Write the customer's ownership statement.",
		casefile.MissBoxPhoto:          "Attach a photo of the box with its IMEI label.",
		casefile.MissIMEIScreenPhoto:   "Attach a photo of the *#06# screen.",
		casefile.MissIMEIMatchBox:      "Compare the IMEI with the box label and tick the check.",
		casefile.MissIMEIMatchReceipt:  "Compare the IMEI with the receipt and tick the check.",
		casefile.MissSupportRegion:     "Choose the support region.",
		casefile.MissDeclNotStolen:     "Ask the customer to declare that the phone is not lost or stolen, and tick it.",
		casefile.MissDeclMayBeErased:   "Tell the customer the phone may be erased when unlocked, and tick that they understand.",
		casefile.MissDeclFactsTrue:     "Ask the customer to confirm that the facts given are true, and tick it.",
	}[m.Code]
	if t == "" {
		return m.Message
	}
	return T(t)
}

// fieldLabel names a form field for an error message.
func fieldLabel(key string) string {
	labels := map[string]string{
		"customer.name": "Name", "customer.phone": "Phone", "customer.email": "E-mail", "customer.id_document.type": "Document",
		"customer.id_document.number": "Document number", "device.brand": "Brand", "device.model": "Model", "device.imei1": "IMEI 1",
		"device.imei2": "IMEI 2", "device.serial": "Serial number", "device.lock_screen_text": "Lock screen text",
		"account.identifier": "Login", "purchase.date": "Date", "purchase.seller": "Seller", "purchase.seller_contact": "Seller's contact",
		"purchase.receipt_number": "Receipt number", "purchase.price": "Price", "ownership_statement": "Ownership statement",
		"notes": "Notes", "support_region": "Support region", "purchase.channel": "Channel",
		"customer.consent": "Consent", "account.knows_login": "Knows the login", "account.controls_linked_contact": "Controls the linked contact",
		"verification.imei_matches_box": "IMEI matches the box", "verification.imei_matches_receipt": "IMEI matches the receipt",
		"verification.mismatch_note":      "Why the numbers differ",
		"declarations.not_lost_or_stolen": "Not lost or stolen", "declarations.may_be_erased": "May be erased", "declarations.facts_true": "Facts true",
	}
	if l, ok := labels[key]; ok {
		return T(l)
	}
	return key
}
