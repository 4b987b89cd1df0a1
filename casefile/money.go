package casefile

import (
	"strconv"
	"strings"
	"unicode"
)

// Kopecks reads a price as people write it on a form or a receipt ("14 500", "14500,00 ₽",
// "14,500.00", "14500 руб.") into kopecks, so two ways of writing one sum compare equal.
// It reports false for text that is not one sum.
func Kopecks(s string) (int64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, unit := range []string{"₽", "руб.", "руб", "р.", "rub", "rur"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), unit)
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\'' {
			return -1
		}
		return r
	}, s)
	if s == "" {
		return 0, false
	}
	// The last separator followed by one or two digits is the decimal point; every other
	// separator groups thousands.
	whole, frac := s, ""
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i-1 <= 2 && len(s)-i-1 > 0 {
		whole, frac = s[:i], s[i+1:]
	}
	whole = strings.NewReplacer(",", "", ".", "").Replace(whole)
	if whole == "" || strings.Trim(whole, "0123456789") != "" || strings.Trim(frac, "0123456789") != "" || len(whole) > 13 {
		return 0, false
	}
	r, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	k, _ := strconv.ParseInt(frac, 10, 64)
	return r*100 + k, true
}
