package dossier

import (
	"fmt"
	"slices"
	"strings"

	"recoverydesk/casefile"
)

// checkRow is one comparison made by machine, worded for a document: the PDF prints it as a
// table row, the e-mail as a line. Both take their words from here, so they never disagree.
type checkRow struct {
	field  string // casefile.FieldIMEI1
	Field  string // "IMEI 1"
	Found  string // what the evidence says
	Source string // "barcode on the box label"
	File   string // the attachment's name
	Result string // "matches" or "does not match"
	// Mismatch is set when the evidence contradicts the case; CaseValue then says what the
	// case holds ("the case has 352099001761481"), so the reader sees both numbers and need
	// not trust a word.
	Mismatch  bool
	CaseValue string
}

// checkRows words the case's evidence checks in lang.
func checkRows(lang string, c *casefile.Case) []checkRow {
	t := func(key string) string { return tr(lang, key) }
	var out []checkRow
	for _, ch := range casefile.EvidenceChecks(c) {
		r := checkRow{field: ch.Field, Found: ch.Found, File: ch.Attachment, Result: t("matches"), Mismatch: ch.Result == casefile.CheckMismatch}
		switch ch.Field {
		case casefile.FieldIMEI1:
			r.Field = t("IMEI 1")
		case casefile.FieldIMEI2:
			r.Field = t("IMEI 2")
		case casefile.FieldSerial:
			r.Field = t("Serial number")
		case casefile.FieldBuyDate:
			r.Field = t("Purchase date")
		case casefile.FieldBuyPrice:
			r.Field = t("Price")
		default:
			r.Field = ch.Field
		}
		switch {
		case ch.Method == casefile.MethodFiscalQR:
			r.Source = t("fiscal QR code of the receipt")
		case ch.Kind == casefile.AttachBox:
			r.Source = t("barcode on the box label")
		case ch.Kind == casefile.AttachIMEIScreen:
			r.Source = t("barcode on the *#06# screen")
		default:
			r.Source = t("barcode on the receipt")
		}
		if r.Mismatch {
			r.Result = t("does not match")
			r.CaseValue = fmt.Sprintf(t("the case has %s"), casefile.FieldValue(c, ch.Field))
		}
		out = append(out, r)
	}
	// One field's readings stand together, IMEI 1 first: the reader compares a number across
	// the box, the screen and the receipt, and the IMEIs are what support checks first.
	slices.SortStableFunc(out, func(a, b checkRow) int { return fieldRank[a.field] - fieldRank[b.field] })
	return out
}

// fieldRank orders the checked fields as the dossier lists the device and the purchase.
var fieldRank = map[string]int{casefile.FieldIMEI1: 0, casefile.FieldIMEI2: 1, casefile.FieldSerial: 2,
	casefile.FieldBuyDate: 3, casefile.FieldBuyPrice: 4}

// anyMismatch reports whether a row contradicts the case.
func anyMismatch(rows []checkRow) bool {
	for _, r := range rows {
		if r.Mismatch {
			return true
		}
	}
	return false
}

// editedPrefix begins the note of an edit event; the stores write the changed fields after it
// ("changed: verification.imei_matches_box, device.serial").
const editedPrefix = "changed: "

// recordedBy finds the history event that last set a form field (an import-format key such as
// verification.imei_matches_box): the latest edit that names it, or else the case's creation,
// since a field no edit ever touched came with the case. It reports false when the history
// holds neither, or names no operator, so a document never credits a guess.
func recordedBy(c *casefile.Case, field string) (casefile.Event, bool) {
	for i := len(c.History) - 1; i >= 0; i-- {
		e := c.History[i]
		switch e.Action {
		case casefile.ActionEdited:
			keys, ok := strings.CutPrefix(e.Note, editedPrefix)
			if !ok {
				continue
			}
			for _, k := range strings.Split(keys, ",") {
				if strings.TrimSpace(k) == field {
					return e, strings.TrimSpace(e.Operator) != ""
				}
			}
		case casefile.ActionCreated:
			return e, strings.TrimSpace(e.Operator) != ""
		}
	}
	return casefile.Event{}, false
}

// whoAndWhen is "Anna, 2026-11-24 10:30": who recorded field and when, or "" when the history
// does not say.
func whoAndWhen(c *casefile.Case, field string) string {
	e, ok := recordedBy(c, field)
	if !ok {
		return ""
	}
	who := strings.TrimSpace(e.Operator)
	if !e.At.IsZero() {
		who += ", " + e.At.Format("2006-01-02 15:04")
	}
	return who
}
