package casefile

import (
	"fmt"
	"strings"
)

// Status is where a case stands.
type Status string

// The statuses of a case, in the order a case usually passes them.
const (
	StatusIntake        Status = "intake"
	StatusSelfService   Status = "self_service"
	StatusSubmitted     Status = "submitted"
	StatusInfoRequested Status = "info_requested"
	StatusResolved      Status = "resolved"
	StatusRejected      Status = "rejected"
	StatusClosed        Status = "closed"
)

// Statuses lists every status in life order.
var Statuses = []Status{StatusIntake, StatusSelfService, StatusSubmitted, StatusInfoRequested, StatusResolved, StatusRejected, StatusClosed}

// transitions is the case life from DOMAIN.md. Closing is allowed from anywhere but closed
// and is added by Next.
var transitions = map[Status][]Status{
	StatusIntake:        {StatusSelfService, StatusSubmitted},
	StatusSelfService:   {StatusResolved, StatusIntake},
	StatusSubmitted:     {StatusInfoRequested, StatusResolved, StatusRejected},
	StatusInfoRequested: {StatusSubmitted},
	StatusRejected:      {StatusSubmitted},
	StatusResolved:      {},
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if s == v {
			return true
		}
	}
	return false
}

// Next lists the statuses a case in s may move to.
func (s Status) Next() []Status {
	if s == StatusClosed || !s.Valid() {
		return nil
	}
	return append(append([]Status(nil), transitions[s]...), StatusClosed)
}

// WaitsOnSupport reports whether the manufacturer owes an answer.
func (s Status) WaitsOnSupport() bool { return s == StatusSubmitted }

// NeedsNote reports whether moving to s must say why: refusals and closings are reviewed later.
func (s Status) NeedsNote() bool { return s == StatusRejected || s == StatusClosed }

// TransitionError is a refused status change.
type TransitionError struct {
	From, To Status
	// Missing is set when submitting was refused because the dossier is not ready.
	Missing []Missing
	// Reason is set when a required note is absent.
	Reason string
}

func (e *TransitionError) Error() string {
	switch {
	case len(e.Missing) > 0:
		parts := make([]string, len(e.Missing))
		for i, m := range e.Missing {
			parts[i] = m.Message
		}
		return fmt.Sprintf("the case cannot be submitted yet; still missing: %s", strings.Join(parts, " "))
	case e.Reason != "":
		return e.Reason
	}
	allowed := e.From.Next()
	if len(allowed) == 0 {
		return fmt.Sprintf("a %s case cannot change status any more", e.From)
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	return fmt.Sprintf("a case in %s cannot move to %s; allowed: %s", e.From, e.To, strings.Join(names, ", "))
}

// CheckTransition says whether c may move to status to with the given note.
func CheckTransition(c *Case, to Status, note string) error {
	allowed := false
	for _, n := range c.Status.Next() {
		if n == to {
			allowed = true
		}
	}
	if !allowed {
		return &TransitionError{From: c.Status, To: to}
	}
	if to.NeedsNote() && strings.TrimSpace(note) == "" {
		return &TransitionError{From: c.Status, To: to, Reason: fmt.Sprintf("moving a case to %s needs a note saying why", to)}
	}
	if to == StatusSubmitted {
		if missing := Readiness(c); len(missing) > 0 {
			return &TransitionError{From: c.Status, To: to, Missing: missing}
		}
	}
	return nil
}
