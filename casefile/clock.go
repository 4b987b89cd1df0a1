package casefile

import "time"

// Clock tells the time. Everything that stamps a record, shows a date or counts days reads
// one Clock handed down from main, so that a test or a demo can fix "now" and a screen
// renders the same on any day. This file is the only place that reads the wall clock.
type Clock func() time.Time

// SystemClock is the wall clock.
func SystemClock() time.Time { return time.Now() }

// ClockStartingAt is a clock that reads start at the moment it is made and then runs at the
// wall clock's pace, so that a fixed demo day still orders the records made during a run.
func ClockStartingAt(start time.Time) Clock {
	origin := time.Now()
	return func() time.Time { return start.Add(time.Since(origin)) }
}
