package casefile

import (
	"fmt"
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

// FormatRubles writes a sum of money (as Kopecks reads it) the way a reader of lang expects:
// "21 990,00" in Russian, "21,990.00" in English. A sum Kopecks cannot read is given back as
// it was, so that nothing a receipt said is lost.
func FormatRubles(sum, lang string) string {
	k, ok := Kopecks(sum)
	if !ok {
		return sum
	}
	group, point := ",", "."
	if lang == "ru" {
		group, point = "\u00a0", "," // a no-break space, so that a sum never breaks across lines
	}
	whole := strconv.FormatInt(k/100, 10)
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	return fmt.Sprintf("%s%s%02d", b.String(), point, k%100)
}
