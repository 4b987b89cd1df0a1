package casefile

import (
	"errors"
	"strings"
	"time"
)

// dateLayouts are how a person may write a calendar date: ISO's 2024-03-15, which the store and
// the import keep, and the 15.03.2024 every Russian receipt and form prints (day first, with
// or without leading zeros). A slash is not taken: 03/04/2024 is March in one country and April
// in another.
var dateLayouts = []string{DateLayout, "02.01.2006", "2.1.2006"}

// ErrNotDate says a text is not a date in any of the ways ParseDate reads.
var ErrNotDate = errors.New("not a date; write it as YYYY-MM-DD or DD.MM.YYYY, for example 2024-03-15 or 15.03.2024")

// ErrDateRange says a date's year is one no phone was bought in nor a case opened in: a typo
// (0024 for 2024), or 9999-12-31 meant as "no end", which the stores' text dates would not
// order after 2026.
var ErrDateRange = errors.New("the year must be from 1900 to 2999")

// ParseDate reads a calendar date written as YYYY-MM-DD or DD.MM.YYYY, in loc, of a year
// from 1900 to 2999.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			if t.Year() < 1900 || t.Year() > 2999 {
				return time.Time{}, ErrDateRange
			}
			return t, nil
		}
	}
	return time.Time{}, ErrNotDate
}

// NormalizeDate writes a date a person typed as DD.MM.YYYY the way the store keeps dates
// (YYYY-MM-DD); anything else is returned as it is, for validation to refuse.
func NormalizeDate(s string) string {
	if t, err := ParseDate(s, time.UTC); err == nil {
		return t.Format(DateLayout)
	}
	return strings.TrimSpace(s)
}
