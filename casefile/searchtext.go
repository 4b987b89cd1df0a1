package casefile

import (
	"strings"
	"unicode"
)

// FoldSearch makes text comparable the way a person compares it: case-insensitive in every script
// (SQLite's lower() folds ASCII only, and PostgreSQL's depends on the database's locale), and ё the same as е, because Russian writes both.
func FoldSearch(s string) string {
	return strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if r == 'ё' {
			return 'е'
		}
		return r
	}, s)
}

// SearchDigits keeps the decimal digits of s: phone numbers and IMEIs are searched by digits alone.
func SearchDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// Haystack is the one searchable text of a case. A Russian mobile number is also written with
// the trunk prefix 8 instead of +7, so both spellings are kept.
func Haystack(c *Case) string {
	phone := SearchDigits(c.Customer.Phone)
	alt := ""
	if len(phone) == 11 && (phone[0] == '7' || phone[0] == '8') {
		alt = map[byte]string{'7': "8", '8': "7"}[phone[0]] + phone[1:]
	}
	parts := []string{
		c.Number, SearchDigits(c.Number), FoldSearch(c.Customer.Name), FoldSearch(c.Customer.Email), phone, alt,
		SearchDigits(c.Device.IMEI1), SearchDigits(c.Device.IMEI2), FoldSearch(c.Device.Serial), FoldSearch(c.Device.Brand + " " + c.Device.Model),
	}
	return strings.Join(parts, " ¦ ")
}

// SearchTerms splits a query into the substrings that must all occur. A query of digits and
// the punctuation people type in phone numbers and IMEIs is one digit string.
func SearchTerms(q string) []string {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	if isNumberish(q) {
		if d := SearchDigits(q); d != "" {
			if strings.Count(q, "-") == 1 && len(q) <= 11 && strings.Index(q, "-") == 4 {
				return []string{q} // a case number as printed, 2026-00042
			}
			return []string{d}
		}
	}
	return strings.Fields(FoldSearch(q))
}

func isNumberish(q string) bool {
	for _, r := range q {
		if !(r >= '0' && r <= '9') && !strings.ContainsRune(" +-()/.", r) {
			return false
		}
	}
	return true
}
