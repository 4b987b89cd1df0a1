package dossier

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"recoverydesk/casefile"
)

// TestReportXLSX reads the spreadsheet back: IMEIs and case numbers are text, dates are dates,
// counts are numbers, a typed formula stays text, headers and statuses are in the language,
// one sheet per branch after the summary, each with a frozen header and filters.
func TestReportXLSX(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	opened := time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)
	rows := []casefile.ReportRow{
		{Number: "2026-00001", Branch: "MSK-1", CreatedAt: opened, CreatedBy: "Анна", Customer: "Иванова Алёна", Model: "Redmi Note 12",
			IMEI1: "866881040000001", Status: casefile.StatusSubmitted, StatusSince: now.AddDate(0, 0, -9),
			Reached: map[casefile.Status]time.Time{casefile.StatusIntake: opened, casefile.StatusSubmitted: now.AddDate(0, 0, -9)}, Exports: 2, LastExport: now.AddDate(0, 0, -9)},
		{Number: "2026-00002", Branch: "SPB", CreatedAt: opened, CreatedBy: "Борис", Customer: "=HYPERLINK(\"http://x\")", Model: "POCO X5",
			IMEI1: "490154203237518", Status: casefile.StatusRejected, StatusSince: now, RefusalNotes: "нет чека", Reached: map[casefile.Status]time.Time{}},
	}
	var buf bytes.Buffer
	if err := WriteReportXLSX(&buf, rows, "ru", now); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 3 || got[0] != "Итого" || got[1] != "MSK-1" || got[2] != "SPB" {
		t.Fatalf("sheets %v", got)
	}
	cell := func(sheet, ref string) (string, excelize.CellType) {
		t.Helper()
		v, err := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		typ, err := f.GetCellType(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		return v, typ
	}
	isText := func(typ excelize.CellType) bool {
		return typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString
	}
	if v, typ := cell("MSK-1", "A1"); v != "Дело" || !isText(typ) {
		t.Fatalf("header %q", v)
	}
	if v, typ := cell("MSK-1", "G2"); v != "866881040000001" || !isText(typ) {
		t.Fatalf("the IMEI is %q of type %v, want the digits as text", v, typ)
	}
	if v, typ := cell("MSK-1", "A2"); v != "2026-00001" || !isText(typ) {
		t.Fatalf("the case number is %q of type %v", v, typ)
	}
	if v, _ := cell("MSK-1", "H2"); v != "отправлено в поддержку" {
		t.Fatalf("the status reads %q", v)
	}
	// A date is a serial number with a date format: 2026-11-02 is day 46328.
	v, typ := cell("MSK-1", "C2")
	if v != "46328" || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Fatalf("the opening date is %q of type %v, want the serial 46328", v, typ)
	}
	style, _ := f.GetCellStyle("MSK-1", "C2")
	if st, err := f.GetStyle(style); err != nil || st.NumFmt != 14 {
		t.Fatalf("the date's format: %+v, %v", st, err)
	}
	if v, _ := cell("MSK-1", "J2"); v != "9" {
		t.Fatalf("days in status %q", v)
	}
	if v, typ := cell("SPB", "E2"); v != `=HYPERLINK("http://x")` || !isText(typ) {
		t.Fatalf("a typed formula became %q of type %v", v, typ)
	}
	if formula, _ := f.GetCellFormula("SPB", "E2"); formula != "" {
		t.Fatalf("the customer's name became a formula: %q", formula)
	}
	// The summary counts by branch and status.
	if v, _ := cell("Итого", "A2"); v != "MSK-1" {
		t.Fatalf("summary row %q", v)
	}
	last, _ := excelize.CoordinatesToCellName(len(casefile.Statuses)+2, 3)
	if v, _ := cell("Итого", last); v != "1" {
		t.Fatalf("SPB's total %q", v)
	}
	for _, sheet := range []string{"Итого", "MSK-1", "SPB"} {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Fatalf("%s: the header is not frozen: %+v %v", sheet, panes, err)
		}
	}
}
