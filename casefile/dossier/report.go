package dossier

import (
	"encoding/csv"
	"fmt"
	"io"
	"recoverydesk/casefile"
	"strings"
	"time"
)

// WriteReportCSV writes the rows as CSV that Excel and LibreOffice open with Cyrillic intact:
// UTF-8 with a byte-order mark, and the delimiter the locale's spreadsheet expects (";" where the
// decimal separator is a comma, as in Russian).
func WriteReportCSV(w io.Writer, rows []casefile.ReportRow, lang string, now time.Time) error {
	if _, err := w.Write([]byte("\xef\xbb\xbf")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if lang == "ru" {
		cw.Comma = ';'
	}
	header := []string{"case", "opened", "opened_by", "customer", "model", "imei1", "status", "status_since", "days_in_status"}
	for _, s := range casefile.Statuses {
		header = append(header, "date_"+string(s))
	}
	header = append(header, "exports", "last_export", "refusal_reason")
	if err := cw.Write(header); err != nil {
		return err
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Local().Format(casefile.DateLayout)
	}
	for _, r := range rows {
		rec := []string{r.Number, day(r.CreatedAt), textCell(r.CreatedBy), textCell(r.Customer), textCell(r.Model), textCell(r.IMEI1), string(r.Status), day(r.StatusSince),
			fmt.Sprint(int(now.Sub(r.StatusSince).Hours() / 24))}
		for _, s := range casefile.Statuses {
			rec = append(rec, day(r.Reached[s]))
		}
		rec = append(rec, fmt.Sprint(r.Exports), day(r.LastExport), textCell(r.RefusalNotes))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// textCell keeps a typed text a text in a spreadsheet: a cell that starts with = + - @, a tab or
// a carriage return is read by Excel and LibreOffice as a formula (=HYPERLINK(…) sends the
// sheet's data away), so it gets a leading apostrophe, OWASP's rule for CSV injection. A phone
// number "+7 912…" is kept from being read as a sum the same way.
func textCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
