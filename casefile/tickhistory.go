package casefile

import "slices"

// The case keeps an IMEI tick as it stands now; the history keeps how each edit left it. A
// manager reviewing a case weighs a technician's tick and the machine's reading of a barcode
// differently, and an edit's "changed: verification.imei_matches_box" alone says neither.
// The edit's event carries it in its details, keyed by the field the note names, so that the
// note stays the plain list of fields that the dossier and the window already read.

// TickChange is how an edit left one of the technician's IMEI ticks.
type TickChange string

// How an edit can leave a tick.
const (
	// TickedByHand: the technician set the tick themselves.
	TickedByHand TickChange = "ticked_by_hand"
	// TickedFromBarcode: the form set it from a barcode that shows IMEI 1; the event names the
	// file the barcode was read from.
	TickedFromBarcode TickChange = "ticked_from_barcode"
	// Unticked: the tick is off after the edit, taken off by the technician or taken back by
	// the form when the evidence stopped agreeing.
	Unticked TickChange = "unticked"
)

// tickFields pair each tick, as ChangedFields names it, with the detail naming the file a
// machine's tick was read from, and with how the tick stands in a case.
var tickFields = []struct {
	field, fromKey string
	stands         func(*Case) (bool, string)
}{
	{"verification.imei_matches_box", "verification.box_ticked_from", (*Case).BoxTick},
	{"verification.imei_matches_receipt", "verification.receipt_ticked_from", (*Case).ReceiptTick},
}

// TickDetails are the details an edit's event keeps of the IMEI ticks among changed (as
// ChangedFields names them): how each stands in c, the case as saved, and the file a machine's
// tick was read from. A machine's tick its evidence does not bear out counts as unticked, as it
// does in the form, the dossier and the readiness list (BoxTick). It is nil when changed holds
// no tick.
func TickDetails(c *Case, changed []string) map[string]string {
	var out map[string]string
	for _, t := range tickFields {
		if !slices.Contains(changed, t.field) {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		ticked, from := t.stands(c)
		switch {
		case !ticked:
			out[t.field] = string(Unticked)
		case from != "":
			out[t.field], out[t.fromKey] = string(TickedFromBarcode), from
		default:
			out[t.field] = string(TickedByHand)
		}
	}
	return out
}

// EditedTick is how the edit e left the tick field (verification.imei_matches_box or
// verification.imei_matches_receipt, as the edit's note names it) and, for a machine's tick,
// the file it was read from. ok is false when e does not say: it changed no such tick, or it
// was written before edits recorded how.
func EditedTick(e Event, field string) (change TickChange, from string, ok bool) {
	if e.Action != ActionEdited {
		return "", "", false
	}
	for _, t := range tickFields {
		if t.field != field {
			continue
		}
		switch change = TickChange(e.Details[field]); change {
		case TickedByHand, Unticked:
			return change, "", true
		case TickedFromBarcode:
			return change, e.Details[t.fromKey], true
		}
	}
	return "", "", false
}

// TickChangeSentence says in English how an edit left a tick ("ticked by hand"), as show prints
// it; from is the file a machine's tick was read from. The window and the dossier say the same
// through their own catalogues.
func TickChangeSentence(change TickChange, from string) string {
	switch change {
	case TickedByHand:
		return "ticked by hand"
	case TickedFromBarcode:
		if from == "" {
			return "ticked by machine from a barcode"
		}
		return "ticked by machine from the barcode of " + from
	case Unticked:
		return "unticked"
	}
	return ""
}
