package casefile

// SecondIMEI is a number the evidence offers for an empty IMEI 2: a box label, *#06# screen or
// receipt whose barcodes carry IMEI 1 and exactly one other valid IMEI. A dual-SIM phone has
// two; a technician who typed only the first would otherwise leave the second out of the
// dossier, and support compares both. Nothing is filled in by itself: the form offers it.
func SecondIMEI(c *Case) (imei, attachment string) {
	imei1 := validIMEI(c.Device.IMEI1)
	if imei1 == "" || NormalizeIMEIField(c.Device.IMEI2) != "" {
		return "", ""
	}
	for _, a := range c.Attachments {
		if !checkedKinds[a.Kind] {
			continue
		}
		var others []string
		found := false
		for _, r := range IMEIsIn(a.Barcodes) { // without repeats
			if r == imei1 {
				found = true
			} else {
				others = append(others, r)
			}
		}
		if found && len(others) == 1 {
			return others[0], a.Name
		}
	}
	return "", ""
}
