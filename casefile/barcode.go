package casefile

import (
	"encoding/json"
	"regexp"
)

// Barcode is one code read from a piece of evidence. Format uses ZXing's names (CODE_128,
// EAN_13, QR_CODE, DATA_MATRIX), which programs reading show --json already know.
type Barcode struct {
	Format string `json:"format"`
	Text   string `json:"text"`
}

// digitRuns finds the runs of digits in a code's text; only runs of exactly fifteen can be an
// IMEI: longer ones (a fiscal drive's sixteen digits, an EAN glued to a serial) are not.
var digitRuns = regexp.MustCompile(`[0-9]+`)

// IMEIsIn returns the Luhn-valid 15-digit numbers in the barcodes, in reading order and
// without repeats: what a box label, a *#06# screen or a receipt says the device is.
func IMEIsIn(codes []Barcode) []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range codes {
		for _, run := range digitRuns.FindAllString(b.Text, -1) {
			if len(run) != 15 || seen[run] {
				continue
			}
			if imei, err := ParseIMEI(run); err == nil && imei.Digits == run {
				seen[run] = true
				out = append(out, run)
			}
		}
	}
	return out
}

// Derive fills what follows from the barcodes: the fiscal receipt of a QR code. Stores call it
// after loading, so the derivation is never stored twice.
func (a *Attachment) Derive() {
	a.FiscalReceipt = nil
	for _, b := range a.Barcodes {
		if b.Format != "QR_CODE" {
			continue
		}
		if f, ok := ParseFiscalQR(b.Text); ok {
			a.FiscalReceipt = &f
			return
		}
	}
}

// BarcodesColumn is how the stores keep an attachment's codes in one text column: JSON, empty
// for none. A value that does not parse (a database edited by hand) reads as no codes, which
// only loses the machine check, never the file.
func BarcodesColumn(codes []Barcode) string {
	if len(codes) == 0 {
		return ""
	}
	b, _ := json.Marshal(codes)
	return string(b)
}

// ParseBarcodesColumn reads what BarcodesColumn wrote.
func ParseBarcodesColumn(s string) []Barcode {
	var codes []Barcode
	if s == "" || json.Unmarshal([]byte(s), &codes) != nil {
		return nil
	}
	return codes
}
