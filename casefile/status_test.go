package casefile_test

import (
	"errors"
	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"strings"
	"testing"
)

func TestCheckTransition(t *testing.T) {
	tests := []struct {
		from    casefile.Status
		to      casefile.Status
		note    string
		ready   bool
		wantErr string
	}{
		{casefile.StatusIntake, casefile.StatusSubmitted, "", true, ""},
		{casefile.StatusIntake, casefile.StatusSubmitted, "", false, "still missing"},
		{casefile.StatusIntake, casefile.StatusSelfService, "", false, ""},
		{casefile.StatusIntake, casefile.StatusResolved, "", true, "allowed: self_service, submitted, closed"},
		{casefile.StatusSelfService, casefile.StatusResolved, "", false, ""},
		{casefile.StatusSelfService, casefile.StatusIntake, "", false, ""},
		{casefile.StatusSubmitted, casefile.StatusInfoRequested, "", true, ""},
		{casefile.StatusInfoRequested, casefile.StatusSubmitted, "", true, ""},
		{casefile.StatusSubmitted, casefile.StatusRejected, "", true, "needs a note"},
		{casefile.StatusSubmitted, casefile.StatusRejected, "IMEI mismatch", true, ""},
		{casefile.StatusRejected, casefile.StatusSubmitted, "appeal", true, ""},
		{casefile.StatusResolved, casefile.StatusClosed, "handed back", true, ""},
		{casefile.StatusIntake, casefile.StatusClosed, "", true, "needs a note"},
		{casefile.StatusClosed, casefile.StatusIntake, "", true, "cannot change status any more"},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"->"+string(tt.to), func(t *testing.T) {
			c := sample.ReadyCase()
			if !tt.ready {
				c.Customer.Consent = false
			}
			c.Status = tt.from
			err := casefile.CheckTransition(c, tt.to, tt.note)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var te *casefile.TransitionError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestStatus_Next(t *testing.T) {
	for _, s := range casefile.Statuses {
		next := s.Next()
		if s == casefile.StatusClosed {
			if len(next) != 0 {
				t.Errorf("closed offers %v", next)
			}
			continue
		}
		if next[len(next)-1] != casefile.StatusClosed {
			t.Errorf("%s cannot be closed: %v", s, next)
		}
	}
}
