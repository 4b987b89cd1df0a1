package dossier

import (
	"os"
	"path/filepath"
	"recoverydesk/casefile"
	"regexp"
	"strings"
	"testing"
)

// TestDossierText_Complete: every phrase the documents print has its Russian, and its English.
func TestDossierText_Complete(t *testing.T) {
	call := regexp.MustCompile(`\bt\(\s*"((?:[^"\\]|\\.)*)"\)`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			key := m[1]
			if _, ok := dossierText["ru"][key]; !ok {
				t.Errorf("%s: %q has no Russian", f, key)
			}
			if tr("en", key) == "" {
				t.Errorf("%s: %q has no English", f, key)
			}
		}
	}
	var words []string
	for _, c := range casefile.Channels {
		words = append(words, string(c))
	}
	for _, k := range casefile.AttachmentKinds {
		words = append(words, string(k))
	}
	for _, st := range casefile.Statuses {
		words = append(words, string(st))
	}
	words = append(words, "created", "edited", "status", "attachment_added", "attachment_removed", "exported", "purged")
	for _, k := range words {
		if _, ok := dossierText["ru"][k]; !ok {
			t.Errorf("%q has no Russian", k)
		}
	}
}
