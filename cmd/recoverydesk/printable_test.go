package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_ControlCharactersCannotForgeLines stores a name, a model and a history note full of
// newlines, ESC sequences and a BEL, then reads them back with show and list: every case is one
// line in the list, no ESC or BEL reaches the terminal, and an operator name with control
// characters is refused outright.
func TestCLI_ControlCharactersCannotForgeLines(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	forged := "Иванов\n2026-99999  submitted        0d  Forged Case\x1b[2J\x07\u202e"
	doc, _ := json.Marshal([]map[string]any{{"customer": map[string]any{"name": forged}, "device": map[string]any{"model": "Redmi\r\n9"}}})
	file := filepath.Join(dir, "case.json")
	os.WriteFile(file, doc, 0o600)
	out, errOut, code := runCLI(t, db, "import", file)
	if code != exitOK {
		t.Fatalf("import: %s", errOut)
	}
	number := strings.TrimSpace(out)
	list, _, _ := runCLI(t, db, "list")
	show, _, _ := runCLI(t, db, "show", number)
	for name, text := range map[string]string{"list": list, "show": show} {
		if strings.ContainsAny(text, "\x1b\x07\r\u202e") {
			t.Errorf("%s wrote a control character to the terminal: %q", name, text)
		}
		if strings.Contains(text, "\n2026-99999") {
			t.Errorf("%s printed a forged line: %q", name, text)
		}
	}
	if n := strings.Count(list, "\n"); n != 1 {
		t.Errorf("one case took %d lines in the list: %q", n, list)
	}
	var o, e bytes.Buffer
	if code := run([]string{"list", "--db", db, "--operator", "anna\x1b[31m"}, strings.NewReader(""), &o, &e); code != exitUsage || !strings.Contains(e.String(), "control characters") {
		t.Errorf("an operator name with an ESC sequence: %d %q", code, e.String())
	}
}

func TestCLI_ShowMasksTheDocumentNumber(t *testing.T) {
	db := tempDB(t)
	nums := importExample(t, db, 1)
	for _, args := range [][]string{{"show", nums[0]}, {"show", nums[0], "--json"}} {
		out, _, _ := runCLI(t, db, args...)
		if strings.Contains(out, "4510") || !strings.Contains(out, "•••456") {
			t.Errorf("%v shows the document number unmasked or not at all:\n%s", args, out)
		}
	}
	if out, _, _ := runCLI(t, db, "show", nums[0], "--show-id"); !strings.Contains(out, "4510 123456") {
		t.Errorf("--show-id did not show the number:\n%s", out)
	}
}
