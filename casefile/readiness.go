package casefile

import (
	"strings"
	"unicode/utf8"
)

// Missing is one thing a dossier still lacks. Code is stable (programs, the CLI's JSON,
// the form's jump-to-field); Message is the sentence a technician reads; Field is the
// import-format key or evidence kind that fills it.
type Missing struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field"`
}

// MinStatementRunes is how long an ownership statement must be before it tells a story:
// support refuses a bare "it is my phone".
const MinStatementRunes = 80

// The readiness codes; docs/READINESS.md explains each.
const (
	MissCustomerName      = "customer_name"
	MissCustomerContact   = "customer_contact"
	MissIDDocument        = "id_document"
	MissConsent           = "consent"
	MissDeviceModel       = "device_model"
	MissIMEI1             = "imei1"
	MissIMEI2Invalid      = "imei2_invalid"
	MissPurchaseChannel   = "purchase_channel"
	MissPurchaseDate      = "purchase_date"
	MissProofOfPurchase   = "proof_of_purchase"
	MissOwnership         = "ownership_statement"
	MissBoxPhoto          = "box_photo"
	MissIMEIScreenPhoto   = "imei_screen_photo"
	MissIMEIMatchBox      = "imei_matches_box"
	MissIMEIMatchReceipt  = "imei_matches_receipt"
	MissSupportRegion     = "support_region"
	MissLockScreenText    = "lock_screen_text"
	MissSecondHandStory   = "second_hand_story"
	MissSellerInformation = "seller"
	MissDeclNotStolen     = "declaration_not_lost_or_stolen"
	MissDeclMayBeErased   = "declaration_may_be_erased"
	MissDeclFactsTrue     = "declaration_facts_true"
	MissIMEIBoxMismatch   = "imei_box_mismatch"
)

// Readiness lists, in form order, what is still missing before the case's dossier can be
// sent to support. An empty list means ready.
func Readiness(c *Case) []Missing {
	var out []Missing
	miss := func(code, field, msg string) { out = append(out, Missing{Code: code, Field: field, Message: msg}) }
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }

	if blank(c.Customer.Name) {
		miss(MissCustomerName, "customer.name", "Enter the customer's full name.")
	}
	if blank(c.Customer.Phone) && blank(c.Customer.Email) {
		miss(MissCustomerContact, "customer.phone", "Enter a phone number or e-mail where support can reach the customer.")
	}
	if blank(c.Customer.IDDocument.Type) || blank(c.Customer.IDDocument.Number) {
		miss(MissIDDocument, "customer.id_document.number", "Record the customer's identity document: its type and number.")
	}
	if !c.Customer.Consent {
		miss(MissConsent, "customer.consent", "Ask for and record the customer's consent to the processing of personal data.")
	}
	if !c.Declarations.NotLostOrStolen {
		miss(MissDeclNotStolen, "declarations.not_lost_or_stolen", "Ask the customer to declare that the phone is not lost or stolen, and tick it.")
	}
	if !c.Declarations.MayBeErased {
		miss(MissDeclMayBeErased, "declarations.may_be_erased", "Tell the customer the phone may be erased when unlocked, and tick that they understand.")
	}
	if !c.Declarations.FactsTrue {
		miss(MissDeclFactsTrue, "declarations.facts_true", "Ask the customer to confirm that the facts given are true, and tick it.")
	}
	if blank(c.Device.Model) {
		miss(MissDeviceModel, "device.model", "Enter the phone's model, as printed on the box.")
	}
	if _, err := ParseIMEI(c.Device.IMEI1); err != nil {
		msg := "Enter IMEI 1: dial *#06# on the phone or read it from the box label."
		if !blank(c.Device.IMEI1) {
			msg = "IMEI 1 is not valid: " + err.Error()
		}
		miss(MissIMEI1, "device.imei1", msg)
	}
	if !blank(c.Device.IMEI2) {
		if _, err := ParseIMEI(c.Device.IMEI2); err != nil {
			miss(MissIMEI2Invalid, "device.imei2", "IMEI 2 is not valid: "+err.Error()+" Leave it empty for a single-SIM phone.")
		}
	}
	if blank(c.Device.LockScreenText) {
		miss(MissLockScreenText, "device.lock_screen_text", "Copy the text the lock screen shows (for example \"locked by account 123***789\").")
	}
	if c.Purchase.Channel == "" {
		miss(MissPurchaseChannel, "purchase.channel", "Choose where the phone was bought: official store, retailer, second-hand, gift or other.")
	}
	needsReceipt := c.Purchase.Channel != ChannelSecondHand && c.Purchase.Channel != ChannelGift
	if needsReceipt && blank(c.Purchase.Date) {
		miss(MissPurchaseDate, "purchase.date", "Enter the purchase date from the receipt.")
	}
	if needsReceipt && blank(c.Purchase.Seller) {
		miss(MissSellerInformation, "purchase.seller", "Enter the seller named on the receipt.")
	}
	statement := utf8.RuneCountInString(strings.TrimSpace(c.OwnershipStatement))
	hasReceipt := len(c.AttachmentsOf(AttachReceipt)) > 0
	switch {
	case hasReceipt:
	case needsReceipt:
		miss(MissProofOfPurchase, "receipt", "Attach the receipt or invoice (a photo or a PDF).")
	case statement < MinStatementRunes:
		miss(MissProofOfPurchase, "ownership_statement", "With no receipt, write the ownership statement in detail: how, when, where and from whom the phone was obtained.")
	}
	if c.Purchase.Channel == ChannelSecondHand && statement < MinStatementRunes && hasReceipt {
		miss(MissSecondHandStory, "ownership_statement", "For a second-hand phone, tell the story of the sale: when, where and from whom it was bought, and why the seller cannot unlink the account.")
	}
	if statement == 0 {
		miss(MissOwnership, "ownership_statement", "Write the customer's ownership statement in their words.")
	}
	if len(c.AttachmentsOf(AttachBox)) == 0 {
		miss(MissBoxPhoto, "box", "Attach a photo of the box with its IMEI label.")
	}
	if len(c.AttachmentsOf(AttachIMEIScreen)) == 0 {
		miss(MissIMEIScreenPhoto, "imei_screen", "Attach a photo of the phone's own IMEI screen (dial *#06#).")
	}
	if ticked, _ := c.BoxTick(); !ticked {
		miss(MissIMEIMatchBox, "verification.imei_matches_box", "Compare the IMEI on the phone with the box label and tick the check.")
	}
	if ticked, _ := c.ReceiptTick(); hasReceipt && !ticked {
		miss(MissIMEIMatchReceipt, "verification.imei_matches_receipt", "Compare the IMEI on the phone with the receipt and tick the check.")
	}
	if blank(c.Verification.MismatchNote) {
		for _, ch := range EvidenceChecks(c) {
			if ch.Result == CheckMismatch && (ch.Field == FieldIMEI1 || ch.Field == FieldIMEI2) {
				miss(MissIMEIBoxMismatch, "device."+ch.Field, MismatchSentence(ch, c)+
					" Correct the field, or write in the verification note why they differ (for example, a replaced board).")
				break
			}
		}
	}
	if blank(c.SupportRegion) {
		miss(MissSupportRegion, "support_region", "Choose the support region the dossier is sent to.")
	}
	return out
}

// Ready reports whether nothing is missing.
func Ready(c *Case) bool { return len(Readiness(c)) == 0 }
