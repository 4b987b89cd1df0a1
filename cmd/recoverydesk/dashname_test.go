package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_FileNamedLikeAnOption: a file whose name starts with "-" is read as an option, as
// every command line does; the refusal says how to name it, and both ways work.
func TestCLI_FileNamedLikeAnOption(t *testing.T) {
	example, err := filepath.Abs(filepath.Join("..", "..", "docs", "import-example"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"case.json", "box-label.jpg", "imei-screen.jpg", "receipt.pdf"} {
		b, err := os.ReadFile(filepath.Join(example, name))
		if err != nil {
			t.Fatal(err)
		}
		if name == "case.json" {
			name = "-case.json"
		}
		os.WriteFile(filepath.Join(dir, name), b, 0o600)
	}
	t.Chdir(dir)
	db := filepath.Join(dir, "cases.db")
	_, errOut, code := runCLI(t, db, "import", "-case.json")
	if code != exitUsage || !strings.Contains(errOut, "write ./-case.json, or put -- before it") {
		t.Fatalf("exit %d, %q", code, errOut)
	}
	for _, args := range [][]string{{"import", "./-case.json"}, {"import", "--", "-case.json"}} {
		if out, errOut, code := runCLI(t, db, args...); code != exitOK || strings.Count(out, "\n") != 2 {
			t.Fatalf("%v: exit %d, %q %q", args, code, out, errOut)
		}
	}
}
