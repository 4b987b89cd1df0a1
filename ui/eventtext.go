package ui

import (
	"strings"

	"recoverydesk/casefile"
)

// exportedText names a dossier export in the history; events written before the language was
// recorded have none, and show no empty brackets.
func exportedText(details map[string]string) string {
	what := T("Dossier exported")
	if details["draft"] == "true" {
		what = T("Draft dossier exported")
	}
	if l := details["language"]; l != "" {
		what += " (" + strings.ToUpper(l) + ")"
	}
	return what
}

// editedText names the fields an edit changed by the form's labels, not the import format's
// keys ("customer.email" reads "E-mail"). An IMEI tick says how the edit left it, as the
// edit recorded it: ticked by hand, or by machine from a barcode, or unticked.
func editedText(e casefile.Event) (string, bool) {
	keys, ok := strings.CutPrefix(e.Note, "changed: ")
	if !ok {
		return "", false
	}
	var labels []string
	for _, k := range strings.Split(keys, ", ") {
		k = strings.TrimSpace(k)
		label := fieldLabel(k)
		if change, from, ok := casefile.EditedTick(e, k); ok {
			label += " (" + tickChangeText(change, from) + ")"
		}
		labels = append(labels, label)
	}
	return T("Edited") + ": " + strings.Join(labels, ", "), true
}

// tickChangeText is casefile.TickChangeSentence in the person's language.
func tickChangeText(change casefile.TickChange, from string) string {
	switch {
	case change == casefile.TickedByHand:
		return T("ticked by hand")
	case change == casefile.TickedFromBarcode && from != "":
		return Tf("ticked by machine from the barcode of {{.Name}}", map[string]any{"Name": from})
	case change == casefile.TickedFromBarcode:
		return T("ticked by machine from a barcode")
	case change == casefile.Unticked:
		return T("unticked")
	}
	return ""
}
