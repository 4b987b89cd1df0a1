package postgres_test

import (
	"strings"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// TestOpen_SchemeInCapitals: an address typed as POSTGRES://… opens the server it names, not
// the local socket with the computer's user and no database.
func TestOpen_SchemeInCapitals(t *testing.T) {
	addr := newDatabase(t)
	shouted := "POSTGRES://" + strings.TrimPrefix(addr, "postgres://")
	s, err := data.Open(shouted, data.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", shouted, err)
	}
	defer s.Close()
	if _, err := s.Count(ctx, casefile.Query{}); err != nil {
		t.Fatal(err)
	}
}
