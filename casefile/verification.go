package casefile

// BoxTick is the box-label check as it stands: whether it is ticked, and the file whose barcode
// ticked it ("" when the technician ticked it). A tick the form made from a barcode stands only
// while that file is in the case and its barcode still shows IMEI 1; otherwise the reading it
// rested on is gone (a deleted photo, a changed IMEI) or was never made (an import that claims
// one), and the check counts as not ticked: the dossier never credits the machine with more
// than the evidence shows.
func (c *Case) BoxTick() (ticked bool, from string) {
	return c.tick(c.Verification.IMEIMatchesBox, c.Verification.BoxTickedFrom, AttachBox)
}

// ReceiptTick is the receipt check as it stands, as BoxTick is the box label's.
func (c *Case) ReceiptTick() (ticked bool, from string) {
	return c.tick(c.Verification.IMEIMatchesReceipt, c.Verification.ReceiptTickedFrom, AttachReceipt)
}

func (c *Case) tick(ticked bool, from string, kind AttachmentKind) (bool, string) {
	switch {
	case !ticked:
		return false, ""
	case from == "":
		return true, ""
	}
	for _, ch := range EvidenceChecks(c) {
		if ch.Kind == kind && ch.Attachment == from && ch.Method == MethodBarcode && ch.Field == FieldIMEI1 && ch.Result == CheckMatch {
			return true, from
		}
	}
	return false, ""
}
