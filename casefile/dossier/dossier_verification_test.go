package dossier

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"recoverydesk/casefile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

const fiscalQR = "t=20240315T1402&s=18990.00&fn=9289000100123456&i=4711&fp=3522111111&n=1"

// checkedCase is dossierCase with barcodes read from its evidence: the box label agrees on
// IMEI 1 and the serial but shows another IMEI 2 (the technician explains why), the *#06#
// screen agrees on both IMEIs, and the receipt PDF carries a fiscal QR code that agrees on the
// date and the price. Boris ticked the box check and wrote the note after Anna opened the case.
func checkedCase(t testing.TB, lang string) *casefile.Case {
	c := dossierCase(t)
	code128 := func(texts ...string) []casefile.Barcode {
		var out []casefile.Barcode
		for _, s := range texts {
			out = append(out, casefile.Barcode{Format: "CODE_128", Text: s})
		}
		return out
	}
	for i := range c.Attachments {
		a := &c.Attachments[i]
		switch a.Kind {
		case casefile.AttachBox:
			a.Barcodes = code128("490154203237518", "861234567890127", "12345/A1BC67890")
		case casefile.AttachIMEIScreen:
			a.Barcodes = code128("490154203237518", "352099001761481")
		case casefile.AttachReceipt:
			a.Barcodes = []casefile.Barcode{{Format: "QR_CODE", Text: fiscalQR}}
		}
		a.Derive()
	}
	c.Verification.MismatchNote = map[string]string{
		"en": "The main board was replaced at an authorised service centre in 2025; the box label shows IMEI 2 of the old board.",
		"ru": "Плата заменена в авторизованном сервисном центре в 2025 году; на наклейке коробки IMEI 2 прежней платы.",
	}[lang]
	c.History = append(c.History, casefile.Event{At: exportAt.Add(-90 * time.Minute), Operator: "Борис", Action: casefile.ActionEdited,
		Note: "changed: verification.imei_matches_box, verification.mismatch_note"})
	return c
}

// section cuts the text of a PDF from one heading to the next, trims the ends of lines,
// narrows runs of spaces and blank lines, so the golden file follows the words, not poppler's
// column guesses.
func section(text, from, to string) string {
	i := strings.Index(text, from)
	j := strings.Index(text, to)
	if i < 0 || j < i {
		return ""
	}
	spaces := regexp.MustCompile(` {2,}`)
	var lines []string
	for _, l := range strings.Split(text[i:j], "\n") {
		l = spaces.ReplaceAllString(strings.TrimRight(l, " \f"), "  ")
		if l == "" && len(lines) > 0 && lines[len(lines)-1] == "" {
			continue
		}
		lines = append(lines, l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n")) + "\n"
}

// golden compares got with testdata/name, or rewrites it under -update; false when they differ.
func golden(t *testing.T, name, got string) bool {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return true
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v (run go test -run %s -update to write it)", err, t.Name())
		return false
	}
	if got != string(want) {
		t.Errorf("%s differs from what was rendered:\n--- got\n%s\n--- want\n%s", path, got, want)
		return false
	}
	return true
}

func TestRender_Verification(t *testing.T) {
	heads := map[string][2]string{
		"en": {"Verification", "Customer's declarations"},
		"ru": {"Проверка\n", "Заявления клиента"},
	}
	for _, lang := range []string{"en", "ru"} {
		t.Run(lang, func(t *testing.T) {
			c := checkedCase(t, lang)
			if missing := casefile.Readiness(c); len(missing) > 0 {
				t.Fatalf("the case is not ready: %v", missing)
			}
			pdf := writeTemp(t, "dossier.pdf", render(t, c, dossierOptions(lang)))
			text := section(tool(t, "pdftotext", "-layout", pdf, "-"), heads[lang][0], heads[lang][1])
			if text == "" {
				t.Fatal("no verification section in the text")
			}
			if !golden(t, "verification-"+lang+".golden", text) {
				// The page itself is kept for review, as Fyne keeps a failed render.
				raw, _ := os.ReadFile(pdf)
				os.MkdirAll(filepath.Join("testdata", "failed"), 0o755)
				os.WriteFile(filepath.Join("testdata", "failed", "verification-"+lang+".pdf"), raw, 0o644)
			}
		})
	}
}

func TestRender_VerificationHonest(t *testing.T) {
	c := checkedCase(t, "en")
	c.Verification.MismatchNote = ""
	c.Verification.IMEIMatchesReceipt = false
	o := dossierOptions("en")
	o.Draft = true
	text := tool(t, "pdftotext", writeTemp(t, "draft.pdf", render(t, c, o)), "-")
	text = strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"does not match the case has 352099001761481",
		"The technician has written no explanation of the difference.",
		"IMEI on the device matches the box label (ticked by Борис, 2026-11-24 11:00)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the draft lacks %q", want)
		}
	}
	if strings.Contains(text, "matches the receipt (ticked") {
		t.Error("an unticked check is credited to someone")
	}
}

func TestRender_NoChecksNoTable(t *testing.T) {
	c := dossierCase(t)
	text := tool(t, "pdftotext", writeTemp(t, "dossier.pdf", render(t, c, dossierOptions("en"))), "-")
	for _, absent := range []string{"Read by machine from", "Fiscal receipt"} {
		if strings.Contains(text, absent) {
			t.Errorf("a case with no barcodes prints %q", absent)
		}
	}
}

func TestRecordedBy(t *testing.T) {
	at := exportAt
	created := casefile.Event{At: at, Operator: "anna", Action: casefile.ActionCreated}
	edited := func(who, note string) casefile.Event {
		return casefile.Event{At: at.Add(time.Hour), Operator: who, Action: casefile.ActionEdited, Note: note}
	}
	tests := []struct {
		name    string
		history []casefile.Event
		want    string
	}{
		{"ticked when the case was opened", []casefile.Event{created, edited("boris", "changed: customer.name")}, "anna"},
		{"ticked later", []casefile.Event{created, edited("boris", "changed: device.serial, verification.imei_matches_box")}, "boris"},
		{"the latest edit counts", []casefile.Event{created, edited("boris", "changed: verification.imei_matches_box"),
			edited("vera", "changed: verification.imei_matches_box")}, "vera"},
		{"a prefix of the key is another field", []casefile.Event{created, edited("boris", "changed: verification.imei_matches_box_x")}, "anna"},
		{"no history", nil, ""},
		{"no operator recorded", []casefile.Event{{Action: casefile.ActionCreated}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &casefile.Case{History: tt.history}
			e, ok := recordedBy(c, keyMatchBox)
			if got := map[bool]string{true: e.Operator}[ok]; got != tt.want {
				t.Errorf("recordedBy = %q, %v; want %q", e.Operator, ok, tt.want)
			}
		})
	}
}

// TestRender_LongCheckTable: a table longer than a page repeats its header on the next page
// and never splits a row across the break.
func TestRender_LongCheckTable(t *testing.T) {
	c := checkedCase(t, "en")
	box := c.AttachmentsOf(casefile.AttachBox)[0]
	for i := range 12 {
		a := box
		a.Rendition = nil
		a.Name = strings.Repeat("very-long-photo-name-", i%3+1) + "box.jpg"
		c.Attachments = append(c.Attachments, a)
	}
	pdf := writeTemp(t, "long.pdf", render(t, c, dossierOptions("en")))
	tool(t, "qpdf", "--check", pdf)
	text := tool(t, "pdftotext", "-layout", pdf, "-")
	if n := strings.Count(text, "Read by machine from"); n < 2 {
		t.Errorf("the table's header is printed %d times; the table does not fit one page", n)
	}
	pages := strings.Split(text, "\f")
	for i, page := range pages {
		first := strings.TrimSpace(strings.SplitN(strings.TrimSpace(page), "\n", 2)[0])
		if i > 0 && strings.Contains(pages[i-1], "Read by machine from") && strings.Contains(page, "barcode on the") && !strings.HasPrefix(first, "Field") {
			t.Errorf("page %d continues the table without its header: %q", i+1, first)
		}
	}
}

// TestRender_TickReadByMachine: a tick the form made from a box label's barcode, saved as it
// was, is credited to the machine's reading and the person who saved it, in the dossier and
// the letter, never as the technician's own comparison.
func TestRender_TickReadByMachine(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en", "IMEI on the device matches the box label (read by machine from the barcode of box.jpg; saved by Борис, 2026-11-24 11:00)"},
		{"ru", "(прочитано программой со штрихкода box.jpg; сохранил(а) Борис, 2026-11-24 11:00)"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			c := checkedCase(t, tt.lang)
			c.Verification.BoxTickedFrom = "box.jpg"
			text := tool(t, "pdftotext", writeTemp(t, "dossier.pdf", render(t, c, dossierOptions(tt.lang))), "-")
			text = strings.Join(strings.Fields(text), " ")
			if !strings.Contains(text, tt.want) {
				t.Errorf("the dossier lacks %q:\n%s", tt.want, text)
			}
			if strings.Contains(text, "matches the box label (ticked by") {
				t.Error("the machine's tick is credited to the technician")
			}
		})
	}
	c := checkedCase(t, "en")
	c.Verification.BoxTickedFrom = "box.jpg"
	if body := EmailBody(c, dossierOptions("en").Settings); strings.Contains(body, "checked that the IMEI on the device matches the box label") {
		t.Error("the letter claims the technician compared what the machine read")
	}
	// A source no file in the case bears out (an import's claim, a photo deleted since) is no
	// tick at all: printed unticked, credited to nobody.
	c.Verification.BoxTickedFrom = "label-from-box.png"
	o := dossierOptions("en")
	o.Draft = true
	text := strings.Join(strings.Fields(tool(t, "pdftotext", writeTemp(t, "forged.pdf", render(t, c, o)), "-")), " ")
	if strings.Contains(text, "label-from-box.png") || !strings.Contains(text, "☐ IMEI on the device matches the box label") {
		t.Errorf("a tick without its evidence is printed: %s", text)
	}
}
