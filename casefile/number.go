package casefile

import (
	"fmt"
	"time"
)

// NumberYear is the year a case opened at t is numbered in: the service center's own calendar
// (the machine's time zone), not UTC. A case opened at 01:30 on 1 January in Moscow is 22:30 on
// 31 December in UTC; its number must say the new year, as its printed date does.
func NumberYear(t time.Time) int { return t.In(time.Local).Year() }

// FormatNumber is a case's human number: the year and the case's place in it, "2026-00042".
// Past 99,999 cases in a year the number grows a digit rather than wrapping or truncating.
func FormatNumber(year, seq int) string { return fmt.Sprintf("%d-%05d", year, seq) }
