package ui

import "strings"

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
// keys ("customer.email" reads "E-mail").
func editedText(note string) (string, bool) {
	keys, ok := strings.CutPrefix(note, "changed: ")
	if !ok {
		return "", false
	}
	var labels []string
	for _, k := range strings.Split(keys, ", ") {
		labels = append(labels, fieldLabel(strings.TrimSpace(k)))
	}
	return T("Edited") + ": " + strings.Join(labels, ", "), true
}
