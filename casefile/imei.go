package casefile

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// IMEIKind tells a plain 15-digit IMEI from a 16-digit IMEISV.
type IMEIKind string

// The two kinds of number a phone reports on its *#06# screen.
const (
	KindIMEI   IMEIKind = "IMEI"
	KindIMEISV IMEIKind = "IMEISV"
)

// IMEI is a parsed, checked device identity.
type IMEI struct {
	// Digits is the 15-digit IMEI, check digit included; for an IMEISV it is derived.
	Digits string
	// Input is what was typed, untouched.
	Input string
	// Kind says whether the input was an IMEI or an IMEISV.
	Kind IMEIKind
	// SV is the 2-digit software version of an IMEISV, empty otherwise.
	SV string
}

// TAC is the 8-digit type allocation code that names the maker and model.
func (i IMEI) TAC() string { return i.Digits[:8] }

// Serial is the 6-digit serial part.
func (i IMEI) Serial() string { return i.Digits[8:14] }

// Grouped formats the IMEI the way box labels print it: TAC, serial, check digit.
func (i IMEI) Grouped() string {
	return i.Digits[:8] + " " + i.Digits[8:14] + " " + i.Digits[14:]
}

// IMEIError explains why a typed number is not a usable IMEI, in words a technician understands.
type IMEIError struct {
	// Code is stable and meant for programs: empty, not_digits, too_short, too_long,
	// missing_check_digit, bad_check_digit, null_imei.
	Code string
	// Message is the sentence shown to a person.
	Message string
	// Suggestion is the corrected 15-digit IMEI where one can be computed.
	Suggestion string
}

func (e *IMEIError) Error() string { return e.Message }

// separators are what people type between digit groups; they carry no meaning.
const separators = " -/.\t\u00a0\u2010\u2011\u2012\u2013\u2014"

// ParseIMEI accepts an IMEI or IMEISV as people type it and checks it.
// The returned error is always an *IMEIError.
func ParseIMEI(input string) (IMEI, error) {
	var b strings.Builder
	for _, r := range input {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune(separators, r):
		default:
			if r == utf8.RuneError {
				return IMEI{}, &IMEIError{Code: "not_digits", Message: "The IMEI contains a character that is not a digit; type only the 15 digits."}
			}
			return IMEI{}, &IMEIError{Code: "not_digits", Message: fmt.Sprintf("The IMEI contains %q, which is not a digit; type only the 15 digits from the *#06# screen or the box label.", r)}
		}
	}
	d := b.String()
	out := IMEI{Input: input, Kind: KindIMEI}
	switch n := len(d); {
	case n == 0:
		return IMEI{}, &IMEIError{Code: "empty", Message: "No IMEI was entered."}
	case n < 14:
		return IMEI{}, &IMEIError{Code: "too_short", Message: fmt.Sprintf("The IMEI has %d digits; it needs 15. Check that no group was skipped.", n)}
	case n == 14:
		full := d + string(LuhnDigit(d))
		if isNull(d) {
			return IMEI{}, nullIMEI()
		}
		return IMEI{}, &IMEIError{Code: "missing_check_digit",
			Message:    fmt.Sprintf("The IMEI has 14 digits; the 15th (check digit) is missing. Did you mean %s?", full),
			Suggestion: full}
	case n == 15:
		// The first 14 digits all zero is the null IMEI whatever the last digit says.
		if isNull(d[:14]) {
			return IMEI{}, nullIMEI()
		}
		want := LuhnDigit(d[:14])
		if d[14] != want {
			full := d[:14] + string(want)
			return IMEI{}, &IMEIError{Code: "bad_check_digit",
				Message:    fmt.Sprintf("The last digit should be %c, not %c: one digit was probably mistyped. If the first 14 digits are right, the IMEI is %s.", want, d[14], full),
				Suggestion: full}
		}
		out.Digits = d
	case n == 16:
		if isNull(d[:14]) {
			return IMEI{}, nullIMEI()
		}
		out.Kind = KindIMEISV
		out.SV = d[14:]
		out.Digits = d[:14] + string(LuhnDigit(d[:14]))
	default:
		return IMEI{}, &IMEIError{Code: "too_long", Message: fmt.Sprintf("The IMEI has %d digits; an IMEI has 15 (an IMEISV 16). Was a second number typed into this field?", n)}
	}
	return out, nil
}

func nullIMEI() *IMEIError {
	return &IMEIError{Code: "null_imei", Message: "This is the all-zero \"null IMEI\" of a phone whose identity was wiped; it cannot identify the device. Type the IMEI from the box label or the receipt."}
}

func isNull(d string) bool { return strings.Trim(d, "0") == "" }

// LuhnDigit computes the Luhn check digit for a string of decimal digits.
func LuhnDigit(digits string) byte {
	sum := 0
	// Walking from the right, the digit next to the (missing) check digit is doubled.
	double := true
	for i := len(digits) - 1; i >= 0; i-- {
		v := int(digits[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return byte('0' + (10-sum%10)%10)
}

// NormalizeIMEIField returns the canonical 15 digits of a valid IMEI or IMEISV and the
// input unchanged otherwise, so that a half-typed number is never lost on save.
func NormalizeIMEIField(s string) string {
	s = strings.TrimSpace(s)
	if im, err := ParseIMEI(s); err == nil {
		return im.Digits
	}
	return s
}
