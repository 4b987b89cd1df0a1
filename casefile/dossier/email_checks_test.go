package dossier

import (
	"strings"
	"testing"
)

// TestEmailBody_Verification: the letter states the checks, the mismatch with its explanation
// and the fiscal receipt's numbers, as the dossier does.
func TestEmailBody_Verification(t *testing.T) {
	c := checkedCase(t, "en")
	golden(t, "email-verification.golden", EmailBody(c, dossierOptions("en").Settings))
}

// TestEmailBody_Unticked: a check the technician did not tick is not claimed in the letter.
func TestEmailBody_Unticked(t *testing.T) {
	c := checkedCase(t, "en")
	c.Verification.IMEIMatchesBox, c.Verification.IMEIMatchesReceipt = false, false
	c.Verification.MismatchNote = ""
	body := EmailBody(c, dossierOptions("en").Settings)
	if strings.Contains(body, "Our technician checked") {
		t.Error("the letter claims a check nobody ticked")
	}
	if !strings.Contains(body, "The technician has written no explanation of the difference.") {
		t.Error("a mismatch without a note is not said to be unexplained")
	}
}
