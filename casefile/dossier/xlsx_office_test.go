package dossier

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"recoverydesk/casefile"
)

// TestReportXLSX_LibreOffice opens the spreadsheet the way a manager's office suite does
// (LibreOffice, headless; `make deps` installs it) and exports every sheet to CSV: the Cyrillic
// survives and the IMEI stays fifteen digits instead of 8.66881E+14.
func TestReportXLSX_LibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatal("soffice is not installed: `make deps` installs libreoffice-calc-nogui, which this test opens the report with")
	}
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	rows := []casefile.ReportRow{{Number: "2026-00007", Branch: "MSK-1", CreatedAt: now.AddDate(0, 0, -3), CreatedBy: "Анна",
		Customer: "Ёлкина Алёна Сергеевна", Model: "Redmi Note 12", IMEI1: "866881040000001", Status: casefile.StatusIntake,
		StatusSince: now.AddDate(0, 0, -3), Reached: map[casefile.Status]time.Time{}}}
	var buf bytes.Buffer
	if err := WriteReportXLSX(&buf, rows, "ru", now); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(in, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	// UTF-8 (76), comma-separated, every sheet (-1) into report-SHEET.csv.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	sheet, err := os.ReadFile(filepath.Join(dir, "report-MSK-1.csv"))
	if err != nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("%v; the folder holds %v", err, entries)
	}
	text := string(sheet)
	for _, want := range []string{"Дело", "Ёлкина Алёна Сергеевна", "866881040000001", "2026-00007", "приём", "Анна"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's reading lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "E+14") {
		t.Errorf("the IMEI became a number:\n%s", text)
	}
	summary, err := os.ReadFile(filepath.Join(dir, "report-Итого.csv"))
	if err != nil || !strings.Contains(string(summary), "MSK-1") {
		t.Fatalf("the summary sheet: %v\n%s", err, summary)
	}
}
