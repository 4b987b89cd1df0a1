package casefile

import (
	"regexp"
	"strings"
	"unicode"
)

// EvidenceCheck is one comparison made by machine between a field of the case and what a
// piece of evidence says: the IMEIs and serial on a box label's barcodes, the date and sum
// in a receipt's fiscal QR code.
type EvidenceCheck struct {
	// Field is imei1, imei2, serial, purchase.date or purchase.price.
	Field string `json:"field"`
	// Attachment is the name of the file the number was read from.
	Attachment string `json:"attachment"`
	// Kind is the evidence kind of that file (box, imei_screen, receipt).
	Kind AttachmentKind `json:"kind"`
	// Method is barcode (a 1D or 2D code) or fiscal_qr (a receipt's fiscal QR code).
	Method string `json:"method"`
	// Found is what the evidence says; Result is match or mismatch.
	Found  string `json:"found"`
	Result string `json:"result"`
}

// The results and methods of an evidence check.
const (
	CheckMatch    = "match"
	CheckMismatch = "mismatch"

	MethodBarcode  = "barcode"
	MethodFiscalQR = "fiscal_qr"
	FieldIMEI1     = "imei1"
	FieldIMEI2     = "imei2"
	FieldSerial    = "serial"
	FieldBuyDate   = "purchase.date"
	FieldBuyPrice  = "purchase.price"
)

// checkedKinds are the evidence kinds whose barcodes speak of this very device.
var checkedKinds = map[AttachmentKind]bool{AttachBox: true, AttachIMEIScreen: true, AttachReceipt: true}

// EvidenceChecks compares the case's fields with what its attachments' barcodes say. A field
// left empty is not compared (the readiness list asks for it); a number read from the evidence
// that is not the device's is a mismatch, shown loudly and never corrected silently.
func EvidenceChecks(c *Case) []EvidenceCheck {
	var out []EvidenceCheck
	imei1 := validIMEI(c.Device.IMEI1)
	imei2 := validIMEI(c.Device.IMEI2)
	for _, a := range c.Attachments {
		if !checkedKinds[a.Kind] {
			continue
		}
		add := func(field, method, found, result string) {
			out = append(out, EvidenceCheck{Field: field, Attachment: a.Name, Kind: a.Kind, Method: method, Found: found, Result: result})
		}
		read := IMEIsIn(a.Barcodes)
		has := func(d string) bool {
			for _, r := range read {
				if r == d {
					return true
				}
			}
			return false
		}
		// other is the first number read that is neither of the device's: the one to show
		// beside a field it contradicts.
		other := func() string {
			for _, r := range read {
				if r != imei1 && r != imei2 {
					return r
				}
			}
			return ""
		}
		if len(read) > 0 && imei1 != "" {
			if has(imei1) {
				add(FieldIMEI1, MethodBarcode, imei1, CheckMatch)
			} else if o := other(); o != "" {
				add(FieldIMEI1, MethodBarcode, o, CheckMismatch)
			}
		}
		// A receipt or label may list one IMEI only; IMEI 2 is contradicted only by a second
		// number that belongs to neither field.
		if len(read) > 0 && imei2 != "" {
			if has(imei2) {
				add(FieldIMEI2, MethodBarcode, imei2, CheckMatch)
			} else if len(read) >= 2 || !has(imei1) {
				if o := otherBut(read, imei1, imei2, 1); o != "" {
					add(FieldIMEI2, MethodBarcode, o, CheckMismatch)
				}
			}
		}
		// A serial too short to be one ("12", a typo) would be "found" inside any code.
		if serial := normSerial(c.Device.Serial); len(serial) >= 6 && a.Kind == AttachBox {
			if found, ok := serialIn(a.Barcodes, serial); ok {
				add(FieldSerial, MethodBarcode, found, CheckMatch)
			} else if found != "" {
				add(FieldSerial, MethodBarcode, found, CheckMismatch)
			}
		}
		if f := a.FiscalReceipt; f != nil {
			if d := strings.TrimSpace(c.Purchase.Date); d != "" {
				add(FieldBuyDate, MethodFiscalQR, f.Day(), result(d == f.Day()))
			}
			if p, ok := Kopecks(c.Purchase.Price); ok {
				s, _ := Kopecks(f.Sum)
				add(FieldBuyPrice, MethodFiscalQR, f.Sum, result(p == s))
			}
		}
	}
	return out
}

func result(ok bool) string {
	if ok {
		return CheckMatch
	}
	return CheckMismatch
}

// otherBut returns the n-th (0-based) number read that is neither a nor b; for IMEI 2 the
// second stranger is the one a label prints in IMEI 2's place, or the first when only one is.
func otherBut(read []string, a, b string, n int) string {
	var strangers []string
	for _, r := range read {
		if r != a && r != b {
			strangers = append(strangers, r)
		}
	}
	switch {
	case len(strangers) > n:
		return strangers[n]
	case len(strangers) > 0:
		return strangers[len(strangers)-1]
	}
	return ""
}

func validIMEI(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	i, err := ParseIMEI(s)
	if err != nil {
		return ""
	}
	return i.Digits
}

// serialShape is what a serial number printed as a barcode looks like on a box label: letters
// and digits, perhaps a slash, with an optional "SN" prefix.
var serialShape = regexp.MustCompile(`^(?i:S/?N[:# ]*)?([0-9A-Za-z/\-]{6,24})$`)

func normSerial(s string) string {
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// serialIn looks for the device's serial among the box label's codes. It reports the code that
// matched, or else a code shaped like a serial (not an IMEI, not an EAN of digits only) that
// contradicts it, or nothing when the label shows no serial at all.
func serialIn(codes []Barcode, serial string) (string, bool) {
	candidate := ""
	for _, b := range codes {
		t := normSerial(b.Text)
		if strings.Contains(t, serial) {
			return serial, true
		}
		m := serialShape.FindStringSubmatch(t)
		if m == nil || strings.Trim(m[1], "0123456789") == "" || (b.Format != "CODE_128" && b.Format != "CODE_39") {
			continue
		}
		if candidate == "" {
			candidate = m[1]
		}
	}
	return candidate, false
}

// fieldNames are how the sentences below name a case's fields.
var fieldNames = map[string]string{FieldIMEI1: "IMEI 1", FieldIMEI2: "IMEI 2", FieldSerial: "the serial number",
	FieldBuyDate: "the purchase date", FieldBuyPrice: "the price"}

// sourceNames are how the sentences name the evidence a number came from.
var sourceNames = map[AttachmentKind]string{AttachBox: "box label", AttachIMEIScreen: "*#06# screen", AttachReceipt: "receipt"}

// MatchSentence says in English what a matching check found ("IMEI 1 matches the box label
// barcode (box.jpg)"); the window translates it through its catalogue.
func MatchSentence(ch EvidenceCheck) string {
	what := "barcode"
	if ch.Method == MethodFiscalQR {
		what = "fiscal QR code"
	}
	return capitalized(fieldNames[ch.Field] + " matches the " + sourceNames[ch.Kind] + " " + what + " (" + ch.Attachment + ")")
}

func capitalized(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// MismatchSentence says in English what a contradicting check found ("The box label (box.jpg)
// says 861234567890127; IMEI 1 is 861234567890119.").
func MismatchSentence(ch EvidenceCheck, c *Case) string {
	return "The " + sourceNames[ch.Kind] + " (" + ch.Attachment + ") says " + ch.Found + "; " + fieldNames[ch.Field] + " is " + FieldValue(c, ch.Field) + "."
}

// FieldValue is the case's own value of a checked field, as the technician typed it.
func FieldValue(c *Case, field string) string {
	switch field {
	case FieldIMEI1:
		return strings.TrimSpace(c.Device.IMEI1)
	case FieldIMEI2:
		return strings.TrimSpace(c.Device.IMEI2)
	case FieldSerial:
		return strings.TrimSpace(c.Device.Serial)
	case FieldBuyDate:
		return strings.TrimSpace(c.Purchase.Date)
	case FieldBuyPrice:
		return strings.TrimSpace(c.Purchase.Price)
	}
	return ""
}
