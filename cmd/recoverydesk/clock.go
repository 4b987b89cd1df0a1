package main

import (
	"fmt"
	"time"

	"recoverydesk/casefile"
)

// clockFromEnv reads RECOVERYDESK_CLOCK: empty means the wall clock; an RFC 3339 time starts
// the run's clock there (demos, screenshots and the real-window tests use it so that what
// they show does not depend on the day they run).
func clockFromEnv(v string) (casefile.Clock, error) {
	if v == "" {
		return casefile.SystemClock, nil
	}
	t, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, fmt.Errorf("RECOVERYDESK_CLOCK=%q is not a time; write it as 2026-11-24T10:00:00+03:00", v)
	}
	return casefile.ClockStartingAt(t), nil
}
