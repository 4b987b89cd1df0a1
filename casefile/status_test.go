package casefile

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckTransition(t *testing.T) {
	tests := []struct {
		from    Status
		to      Status
		note    string
		ready   bool
		wantErr string
	}{
		{StatusIntake, StatusSubmitted, "", true, ""},
		{StatusIntake, StatusSubmitted, "", false, "still missing"},
		{StatusIntake, StatusSelfService, "", false, ""},
		{StatusIntake, StatusResolved, "", true, "allowed: self_service, submitted, closed"},
		{StatusSelfService, StatusResolved, "", false, ""},
		{StatusSelfService, StatusIntake, "", false, ""},
		{StatusSubmitted, StatusInfoRequested, "", true, ""},
		{StatusInfoRequested, StatusSubmitted, "", true, ""},
		{StatusSubmitted, StatusRejected, "", true, "needs a note"},
		{StatusSubmitted, StatusRejected, "IMEI mismatch", true, ""},
		{StatusRejected, StatusSubmitted, "appeal", true, ""},
		{StatusResolved, StatusClosed, "handed back", true, ""},
		{StatusIntake, StatusClosed, "", true, "needs a note"},
		{StatusClosed, StatusIntake, "", true, "cannot change status any more"},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"->"+string(tt.to), func(t *testing.T) {
			c := readyCase()
			if !tt.ready {
				c.Customer.Consent = false
			}
			c.Status = tt.from
			err := CheckTransition(c, tt.to, tt.note)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var te *TransitionError
			if !errors.As(err, &te) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestStatus_Next(t *testing.T) {
	for _, s := range Statuses {
		next := s.Next()
		if s == StatusClosed {
			if len(next) != 0 {
				t.Errorf("closed offers %v", next)
			}
			continue
		}
		if next[len(next)-1] != StatusClosed {
			t.Errorf("%s cannot be closed: %v", s, next)
		}
	}
}
