package casefile

import (
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// FieldError names one field that cannot be saved as it is. Field is the import format's
// dotted key (device.imei1), so the CLI, the import and the form all point at the same place.
type FieldError struct {
	Field string
	// Code is stable, for translations: required, not_text, nul, too_long, not_email, imei,
	// same_imei, not_date, future_date, unknown_value.
	Code    string
	Message string
	// IMEI is the IMEI's own refusal, for Code "imei".
	IMEI *IMEIError
}

// ValidationError lists every field that stops a save; a save is all or nothing.
type ValidationError []FieldError

func (v ValidationError) Error() string {
	parts := make([]string, len(v))
	for i, f := range v {
		parts[i] = f.Field + ": " + f.Message
	}
	return strings.Join(parts, "; ")
}

// Field returns the message for one field, or "".
func (v ValidationError) Field(name string) string {
	for _, f := range v {
		if f.Field == name {
			return f.Message
		}
	}
	return ""
}

// Text limits: generous for people, small enough that a pasted book cannot bloat the database.
const (
	MaxShortText = 300
	MaxLongText  = 20000
)

// DateLayout is how calendar dates are written in the import format and the store.
const DateLayout = "2006-01-02"

// Normalize tidies what people type without changing its meaning: trims spaces and writes
// valid IMEIs as their canonical 15 digits. Invalid IMEIs are kept as typed.
func (c *Case) Normalize() {
	for _, p := range c.shortFields() {
		*p.ptr = strings.TrimSpace(*p.ptr)
	}
	c.OwnershipStatement = strings.TrimSpace(c.OwnershipStatement)
	c.Notes = strings.TrimSpace(c.Notes)
	c.Device.IMEI1 = NormalizeIMEIField(c.Device.IMEI1)
	c.Device.IMEI2 = NormalizeIMEIField(c.Device.IMEI2)
	c.Purchase.Date = NormalizeDate(c.Purchase.Date)
	if c.Device.Brand == "" && c.Device.Model != "" {
		c.Device.Brand = GuessBrand(c.Device.Model)
	}
}

type fieldRef struct {
	name string
	ptr  *string
}

func (c *Case) shortFields() []fieldRef {
	return []fieldRef{
		{"customer.name", &c.Customer.Name}, {"customer.phone", &c.Customer.Phone}, {"customer.email", &c.Customer.Email},
		{"customer.id_document.type", &c.Customer.IDDocument.Type}, {"customer.id_document.number", &c.Customer.IDDocument.Number},
		{"device.brand", &c.Device.Brand}, {"device.model", &c.Device.Model}, {"device.imei1", &c.Device.IMEI1},
		{"device.imei2", &c.Device.IMEI2}, {"device.serial", &c.Device.Serial}, {"device.lock_screen_text", &c.Device.LockScreenText},
		{"account.identifier", &c.Account.Identifier}, {"purchase.date", &c.Purchase.Date}, {"purchase.seller", &c.Purchase.Seller},
		{"purchase.seller_contact", &c.Purchase.SellerContact}, {"purchase.receipt_number", &c.Purchase.ReceiptNumber},
		{"purchase.price", &c.Purchase.Price}, {"support_region", &c.SupportRegion},
	}
}

// Validate reports what stops the case from being saved at all. A half-filled case is fine:
// what a dossier still needs is Readiness's job. Only what is wrong, not what is missing,
// refuses a save — except the customer's name, without which nobody finds the case again.
func (c *Case) Validate() error { return c.ValidateAt(SystemClock()) }

// ValidateAt is Validate with "today" taken from now, for the checks that compare dates with
// it (a purchase date in the future).
func (c *Case) ValidateAt(now time.Time) error {
	var errs ValidationError
	add := func(field, code, format string, args ...any) {
		errs = append(errs, FieldError{Field: field, Code: code, Message: fmt.Sprintf(format, args...)})
	}
	texts := append(c.shortFields(), fieldRef{"ownership_statement", &c.OwnershipStatement}, fieldRef{"notes", &c.Notes})
	for i, f := range texts {
		limit := MaxShortText
		if i >= len(texts)-2 {
			limit = MaxLongText
		}
		switch {
		case !utf8.ValidString(*f.ptr):
			add(f.name, "not_text", "contains bytes that are not text; retype it or paste it again from a plain-text source")
		case strings.ContainsRune(*f.ptr, 0):
			add(f.name, "nul", "contains a NUL character; retype it")
		case utf8.RuneCountInString(*f.ptr) > limit:
			add(f.name, "too_long", "is too long (%d characters; at most %d)", utf8.RuneCountInString(*f.ptr), limit)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if strings.TrimSpace(c.Customer.Name) == "" {
		add("customer.name", "required", "enter the customer's name")
	}
	if e := strings.TrimSpace(c.Customer.Email); e != "" {
		if a, err := mail.ParseAddress(e); err != nil || a.Address != e {
			add("customer.email", "not_email", "%q is not an e-mail address; it should look like name@example.com", e)
		}
	}
	for _, f := range []struct{ name, val string }{{"device.imei1", c.Device.IMEI1}, {"device.imei2", c.Device.IMEI2}} {
		if strings.TrimSpace(f.val) == "" {
			continue
		}
		if _, err := ParseIMEI(f.val); err != nil {
			ie, _ := err.(*IMEIError)
			errs = append(errs, FieldError{Field: f.name, Code: "imei", Message: err.Error(), IMEI: ie})
		}
	}
	if a, b := NormalizeIMEIField(c.Device.IMEI1), NormalizeIMEIField(c.Device.IMEI2); b != "" && a == b {
		add("device.imei2", "same_imei", "IMEI 2 is the same as IMEI 1; a dual-SIM phone has two different numbers (leave IMEI 2 empty for a single-SIM phone)")
	}
	if d := strings.TrimSpace(c.Purchase.Date); d != "" {
		if t, err := ParseDate(d, time.UTC); err != nil {
			add("purchase.date", "not_date", "%q is not a date; write it as YYYY-MM-DD or DD.MM.YYYY, for example 2024-03-15 or 15.03.2024", d)
		} else if t.After(now.AddDate(0, 0, 1)) {
			add("purchase.date", "future_date", "the purchase date %s is in the future", d)
		}
	}
	if c.Purchase.Channel != "" && !c.Purchase.Channel.Valid() {
		add("purchase.channel", "unknown_value", "%q is not a purchase channel; use one of official_store, retailer, second_hand, gift, other", c.Purchase.Channel)
	}
	for i, a := range c.Attachments {
		if !a.Kind.Valid() {
			add(fmt.Sprintf("attachments[%d].kind", i), "unknown_value", "%q is not an evidence kind; use one of receipt, box, imei_screen, lock_screen, id_document, device, other", a.Kind)
		}
	}
	if c.Status != "" && !c.Status.Valid() {
		add("status", "unknown_value", "%q is not a status", c.Status)
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Valid reports whether ch is one of the known channels.
func (ch Channel) Valid() bool {
	for _, v := range Channels {
		if ch == v {
			return true
		}
	}
	return false
}
