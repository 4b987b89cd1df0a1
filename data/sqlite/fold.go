package sqlite

import (
	"strings"
	"unicode"

	"recoverydesk/casefile"
)

// fold makes text comparable the way a person compares it: case-insensitive in every script
// (SQLite's own lower() folds ASCII only), and ё the same as е, because Russian writes both.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if r == 'ё' {
			return 'е'
		}
		return r
	}, s)
}

// digits keeps the decimal digits of s: phone numbers and IMEIs are searched by digits alone.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// haystack is the one searchable text of a case. A Russian mobile number is also written with
// the trunk prefix 8 instead of +7, so both spellings are kept.
func haystack(c *casefile.Case) string {
	phone := digits(c.Customer.Phone)
	alt := ""
	if len(phone) == 11 && (phone[0] == '7' || phone[0] == '8') {
		alt = map[byte]string{'7': "8", '8': "7"}[phone[0]] + phone[1:]
	}
	parts := []string{
		c.Number, digits(c.Number), fold(c.Customer.Name), fold(c.Customer.Email), phone, alt,
		digits(c.Device.IMEI1), digits(c.Device.IMEI2), fold(c.Device.Serial), fold(c.Device.Brand + " " + c.Device.Model),
	}
	return strings.Join(parts, " ¦ ")
}

// searchTerms splits a query into the substrings that must all occur. A query of digits and
// the punctuation people type in phone numbers and IMEIs is one digit string.
func searchTerms(q string) []string {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	if isNumberish(q) {
		if d := digits(q); d != "" {
			if strings.Count(q, "-") == 1 && len(q) <= 11 && strings.Index(q, "-") == 4 {
				return []string{q} // a case number as printed, 2026-00042
			}
			return []string{d}
		}
	}
	return strings.Fields(fold(q))
}

func isNumberish(q string) bool {
	for _, r := range q {
		if !(r >= '0' && r <= '9') && !strings.ContainsRune(" +-()/.", r) {
			return false
		}
	}
	return true
}
