package dossier

import (
	"fmt"
	"io"
	"sort"
	"time"

	"github.com/xuri/excelize/v2"

	"recoverydesk/casefile"
)

// reportHeader is the report's columns in both languages, in order.
var reportHeader = map[string][]string{
	"en": {"Case", "Branch", "Opened", "Opened by", "Customer", "Model", "IMEI 1", "Status", "In status since", "Days in status"},
	"ru": {"Дело", "Филиал", "Открыто", "Кто открыл", "Клиент", "Модель", "IMEI 1", "Статус", "В статусе с", "Дней в статусе"},
}

var reportTail = map[string][]string{
	"en": {"Dossiers exported", "Last export", "Refusal reason"},
	"ru": {"Выгружено досье", "Последняя выгрузка", "Причина отказа"},
}

var summaryText = map[string][3]string{
	"en": {"Summary", "All branches", "Cases"},
	"ru": {"Итого", "Все филиалы", "Дел"},
}

// WriteReportXLSX writes the rows as a spreadsheet a manager opens without an import wizard:
// dates are dates, counts are numbers, case numbers and IMEIs are text (a CSV turns a 15-digit
// IMEI into 8.66881E+14), headers and statuses are in lang, every sheet has a frozen header and
// filters. The first sheet sums the cases by branch and status; then one sheet per branch
// (one sheet for a counter's own database, whose cases have no branch).
func WriteReportXLSX(w io.Writer, rows []casefile.ReportRow, lang string, now time.Time) error {
	if lang != "ru" {
		lang = "en"
	}
	f := excelize.NewFile()
	defer f.Close()
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14}) // the locale's short date
	if err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text, never a number
	if err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}}})
	if err != nil {
		return err
	}
	byBranch := map[string][]casefile.ReportRow{}
	for _, r := range rows {
		byBranch[r.Branch] = append(byBranch[r.Branch], r)
	}
	branches := make([]string, 0, len(byBranch))
	for b := range byBranch {
		branches = append(branches, b)
	}
	sort.Strings(branches)

	header := append([]string{}, reportHeader[lang]...)
	for _, s := range casefile.Statuses {
		header = append(header, tr(lang, string(s)))
	}
	header = append(header, reportTail[lang]...)

	sum := summaryText[lang][0]
	f.SetSheetName("Sheet1", sum)
	if err := writeSummary(f, sum, byBranch, branches, lang, headStyle); err != nil {
		return err
	}
	for _, b := range branches {
		name := b
		if name == "" {
			name = summaryText[lang][1]
		}
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := writeHeader(f, name, header, headStyle); err != nil {
			return err
		}
		for i, r := range byBranch[b] {
			row := i + 2
			cells := []any{r.Number, r.Branch, day(r.CreatedAt), r.CreatedBy, r.Customer, r.Model, r.IMEI1,
				tr(lang, string(r.Status)), day(r.StatusSince), int(now.Sub(r.StatusSince).Hours() / 24)}
			for _, s := range casefile.Statuses {
				cells = append(cells, day(r.Reached[s]))
			}
			cells = append(cells, r.Exports, day(r.LastExport), r.RefusalNotes)
			for col, v := range cells {
				ref, _ := excelize.CoordinatesToCellName(col+1, row)
				switch v := v.(type) {
				case string:
					// SetCellStr stores a string as a string: "=…" stays text, never a formula.
					if err := f.SetCellStr(name, ref, v); err != nil {
						return err
					}
					if err := f.SetCellStyle(name, ref, ref, textStyle); err != nil {
						return err
					}
				case time.Time:
					if v.IsZero() {
						continue
					}
					if err := f.SetCellValue(name, ref, v); err != nil {
						return err
					}
					if err := f.SetCellStyle(name, ref, ref, dateStyle); err != nil {
						return err
					}
				default:
					if err := f.SetCellValue(name, ref, v); err != nil {
						return err
					}
				}
			}
		}
		if err := finishSheet(f, name, len(header), len(byBranch[b])+1); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// day is the calendar day of t in the local zone, as a date without time (midnight, so that
// a spreadsheet's date format shows the day the person saw).
func day(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	l := t.Local()
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

func writeHeader(f *excelize.File, sheet string, header []string, style int) error {
	for i, h := range header {
		ref, _ := excelize.CoordinatesToCellName(i+1, 1)
		if err := f.SetCellStr(sheet, ref, h); err != nil {
			return err
		}
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	return f.SetCellStyle(sheet, "A1", last, style)
}

// finishSheet freezes the header row, puts filters on it and widens the columns.
func finishSheet(f *excelize.File, sheet string, cols, rows int) error {
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(cols, rows)
	if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(cols)
	return f.SetColWidth(sheet, "A", lastCol, 16)
}

// writeSummary is the first sheet: cases per branch and status, with totals.
func writeSummary(f *excelize.File, sheet string, byBranch map[string][]casefile.ReportRow, branches []string, lang string, style int) error {
	header := []string{reportHeader[lang][1]}
	for _, s := range casefile.Statuses {
		header = append(header, tr(lang, string(s)))
	}
	header = append(header, summaryText[lang][2])
	if err := writeHeader(f, sheet, header, style); err != nil {
		return err
	}
	for i, b := range branches {
		row := i + 2
		name := b
		if name == "" {
			name = summaryText[lang][1]
		}
		if err := f.SetCellStr(sheet, fmt.Sprintf("A%d", row), name); err != nil {
			return err
		}
		count := map[casefile.Status]int{}
		for _, r := range byBranch[b] {
			count[r.Status]++
		}
		for j, s := range casefile.Statuses {
			ref, _ := excelize.CoordinatesToCellName(j+2, row)
			if err := f.SetCellInt(sheet, ref, int64(count[s])); err != nil {
				return err
			}
		}
		ref, _ := excelize.CoordinatesToCellName(len(header), row)
		if err := f.SetCellInt(sheet, ref, int64(len(byBranch[b]))); err != nil {
			return err
		}
	}
	return finishSheet(f, sheet, len(header), len(branches)+1)
}
