package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestCLI_ExportReceiptSettings(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	if _, errOut, code := runCLI(t, db, "import", filepath.Join("..", "..", "docs", "import-example", "case.json")); code != exitOK {
		t.Fatal(errOut)
	}
	if _, errOut, code := runCLI(t, db, "settings", "center_name=СЦ «Мастер»", "center_email=desk@example.com", "support_address.eu=service.eu@example.com"); code != exitOK {
		t.Fatal(errOut)
	}
	if _, _, code := runCLI(t, db, "settings", "waiting_days=soon"); code != exitRefused {
		t.Error("a bad threshold was taken")
	}
	if _, _, code := runCLI(t, db, "settings", "support_address.global=not-an-address"); code != exitRefused {
		t.Error("a bad support address was taken")
	}
	out, _, _ := runCLI(t, db, "settings")
	if !strings.Contains(out, "service.eu@example.com") || !strings.Contains(out, "СЦ «Мастер»") {
		t.Errorf("settings = %s", out)
	}

	pdf, eml := filepath.Join(dir, "d.pdf"), filepath.Join(dir, "d.eml")
	out, errOut, code := runCLI(t, db, "export", "2026-00001", "-o", pdf, "--eml", eml, "--lang", "ru")
	if code != exitOK {
		t.Fatalf("export: %s", errOut)
	}
	for _, f := range []string{pdf, eml} {
		fi, err := os.Stat(f)
		if err != nil || fi.Size() < 1000 || runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v", f, fi, err)
		}
	}
	b, _ := os.ReadFile(pdf)
	if !strings.HasPrefix(string(b), "%PDF-") || !strings.Contains(out, "sha256") {
		t.Error("export did not write a PDF")
	}

	// The export is in the history with its language and hash.
	out, _, _ = runCLI(t, db, "show", "2026-00001", "--json")
	var v struct {
		History []struct {
			Action  string            `json:"action"`
			Details map[string]string `json:"details"`
		} `json:"history"`
	}
	json.Unmarshal([]byte(out), &v)
	last := v.History[len(v.History)-1]
	if last.Action != "exported" || last.Details["language"] != "ru" || len(last.Details["sha256"]) != 64 {
		t.Errorf("export event = %+v", last)
	}

	_, errOut, code = runCLI(t, db, "export", "2026-00002", "-o", filepath.Join(dir, "x.pdf"))
	if code != exitRefused || !strings.Contains(errOut, "[consent]") || !strings.Contains(errOut, "--draft") {
		t.Errorf("unready export: %d %s", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("a refused export left a file")
	}
	if _, errOut, code := runCLI(t, db, "export", "2026-00002", "-o", filepath.Join(dir, "x.pdf"), "--draft"); code != exitOK {
		t.Errorf("draft export: %s", errOut)
	}
	if _, _, code := runCLI(t, db, "export", "2026-00001"); code != exitUsage {
		t.Error("export without -o is not a usage error")
	}
	if _, errOut, code := runCLI(t, db, "receipt", "2026-00001", "-o", filepath.Join(dir, "r.pdf")); code != exitOK {
		t.Errorf("receipt: %s", errOut)
	}
}
