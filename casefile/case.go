// Package casefile is the domain of RecoveryDesk: a case of a phone locked by a Mi Account,
// the evidence that the customer owns it, its status and history, and the dossier sent to
// the manufacturer's support. It knows nothing of screens or storage.
package casefile

import "time"

// Case is one customer's phone at the counter, from intake until it is handed back.
// Its JSON form is the import format (see README.md); the store adds number, status and history.
type Case struct {
	ID     int64  `json:"-"`
	Number string `json:"number,omitempty"`
	Status Status `json:"status,omitempty"`
	// Branch is the code of the branch the case belongs to on a shared database; empty on a
	// counter's own database.
	Branch string `json:"branch,omitempty"`

	Customer           Customer     `json:"customer"`
	Device             Device       `json:"device"`
	Account            Account      `json:"account"`
	Purchase           Purchase     `json:"purchase"`
	OwnershipStatement string       `json:"ownership_statement"`
	SupportRegion      string       `json:"support_region"`
	Verification       Verification `json:"verification"`
	Declarations       Declarations `json:"declarations"`
	Attachments        []Attachment `json:"attachments"`
	Notes              string       `json:"notes"`

	// History is filled by the store, oldest first; it is never rewritten.
	History []Event `json:"-"`

	CreatedAt   time.Time `json:"-"`
	CreatedBy   string    `json:"-"`
	UpdatedAt   time.Time `json:"-"`
	StatusSince time.Time `json:"-"`
	// Version grows with every save; a save made from an older version is refused
	// so that two windows never overwrite each other silently.
	Version int64 `json:"-"`
}

// Customer is the person who asks for the phone to be unlocked.
type Customer struct {
	Name       string     `json:"name"`
	Phone      string     `json:"phone"`
	Email      string     `json:"email"`
	IDDocument IDDocument `json:"id_document"`
	Consent    bool       `json:"consent"`
	// ConsentAt is when consent to the processing of personal data was recorded.
	ConsentAt time.Time `json:"consent_at,omitzero"`
}

// IDDocument is the identity document the technician saw.
type IDDocument struct {
	Type   string `json:"type"`
	Number string `json:"number"`
}

// Device is the locked phone.
type Device struct {
	Brand          string `json:"brand"`
	Model          string `json:"model"`
	IMEI1          string `json:"imei1"`
	IMEI2          string `json:"imei2"`
	Serial         string `json:"serial"`
	LockScreenText string `json:"lock_screen_text"`
}

// Account is the Mi Account as the customer remembers it.
type Account struct {
	Identifier            string `json:"identifier"`
	KnowsLogin            bool   `json:"knows_login"`
	ControlsLinkedContact bool   `json:"controls_linked_contact"`
}

// Purchase is the proof-of-purchase facts.
type Purchase struct {
	// Date is a calendar date, YYYY-MM-DD.
	Date          string  `json:"date"`
	Seller        string  `json:"seller"`
	SellerContact string  `json:"seller_contact"`
	Channel       Channel `json:"channel"`
	ReceiptNumber string  `json:"receipt_number"`
	Price         string  `json:"price"`
}

// Channel is where the phone was bought.
type Channel string

// The purchase channels support distinguishes.
const (
	ChannelOfficial   Channel = "official_store"
	ChannelRetailer   Channel = "retailer"
	ChannelSecondHand Channel = "second_hand"
	ChannelGift       Channel = "gift"
	ChannelOther      Channel = "other"
)

// Channels lists the channels in the order forms offer them.
var Channels = []Channel{ChannelOfficial, ChannelRetailer, ChannelSecondHand, ChannelGift, ChannelOther}

// Verification is what the technician checked with their own eyes.
type Verification struct {
	IMEIMatchesBox     bool `json:"imei_matches_box"`
	IMEIMatchesReceipt bool `json:"imei_matches_receipt"`
	// MismatchNote is the technician's reason why a number read from the evidence differs
	// from the device's (a replaced board, a label from another box); it settles the
	// imei_box_mismatch readiness item without changing the field.
	MismatchNote string `json:"mismatch_note,omitempty"`
	// BoxTickedFrom and ReceiptTickedFrom name the file whose barcode ticked the check when
	// the form ticked it from the evidence and the technician saved it as it was: the dossier
	// then credits the machine's reading, not the technician's eyes. Empty when the
	// technician set the tick themselves.
	BoxTickedFrom     string `json:"box_ticked_from,omitempty"`
	ReceiptTickedFrom string `json:"receipt_ticked_from,omitempty"`
}

// AttachmentsOf returns the attachments of one kind.
func (c *Case) AttachmentsOf(kind AttachmentKind) []Attachment {
	var out []Attachment
	for _, a := range c.Attachments {
		if a.Kind == kind {
			out = append(out, a)
		}
	}
	return out
}

// IMEIs returns the case's valid IMEIs, canonical, IMEI 1 first.
func (c *Case) IMEIs() []string {
	var out []string
	for _, s := range []string{c.Device.IMEI1, c.Device.IMEI2} {
		if im, err := ParseIMEI(s); err == nil {
			out = append(out, im.Digits)
		}
	}
	return out
}
