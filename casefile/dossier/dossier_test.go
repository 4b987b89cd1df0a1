package dossier

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"recoverydesk/casefile"
	"recoverydesk/casefile/evidence"
	"recoverydesk/casefile/sample"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

var exportAt = time.Date(2026, 11, 24, 12, 30, 0, 0, time.UTC)

var (
	evidenceOnce sync.Once
	prepared     []casefile.Attachment
)

// dossierCase is a ready case with real evidence: a receipt PDF, a landscape box photo and a
// *#06# photo stored sideways with an EXIF orientation. The photos are prepared once (it is the
// slow part under the race detector); each test gets its own copy of the case.
func dossierCase(t testing.TB) *casefile.Case {
	t.Helper()
	c := sample.ReadyCase()
	c.Number = "2026-00042"
	evidenceOnce.Do(func() {
		add := func(kind casefile.AttachmentKind, name string, data []byte) {
			a, err := evidence.Prepare(kind, name, data)
			if err != nil {
				panic(err)
			}
			a.AddedAt = exportAt.Add(-time.Hour)
			sumSHA(&a)
			prepared = append(prepared, a)
		}
		add(casefile.AttachReceipt, "чек.pdf", []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"))
		add(casefile.AttachBox, "box.jpg", sample.Photo(casefile.AttachBox, c, 2000, 1500))
		add(casefile.AttachIMEIScreen, "imei.jpg", sample.WithOrientation(sample.MarkedPhoto(2000, 1500), 6))
	})
	c.Attachments = append([]casefile.Attachment(nil), prepared...)
	c.History = []casefile.Event{{At: exportAt.Add(-2 * time.Hour), Operator: "Анна", Action: casefile.ActionCreated, To: casefile.StatusIntake}}
	return c
}

func sumSHA(a *casefile.Attachment) { a.SHA256 = strconv.Itoa(len(a.Data)) + "-test" }

func dossierOptions(lang string) Options {
	s := casefile.DefaultSettings()
	s.CenterName = "Сервисный центр «Мобильный мастер»"
	s.CenterEmail = "desk@example.com"
	return Options{Lang: lang, At: exportAt, Settings: s, Technician: "Анна Котова"}
}

func render(t *testing.T, c *casefile.Case, o Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, c, o); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tool runs a PDF tool on a file. make deps installs the tools; a machine without them fails
// the test rather than passing it unchecked.
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed: run make deps (Debian package poppler-utils)", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func writeTemp(t *testing.T, name string, b []byte) string {
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRender_ReadFromOutside(t *testing.T) {
	for _, lang := range []string{"en", "ru"} {
		t.Run(lang, func(t *testing.T) {
			c := dossierCase(t)
			pdf := writeTemp(t, "dossier.pdf", render(t, c, dossierOptions(lang)))
			tool(t, "qpdf", "--check", pdf)
			fonts := tool(t, "pdffonts", pdf)
			if !strings.Contains(fonts, "CID TrueType") || !strings.Contains(fonts, "Identity-H       yes") {
				t.Errorf("no embedded Unicode font:\n%s", fonts)
			}
			text := tool(t, "pdftotext", "-layout", pdf, "-")
			for _, want := range []string{"Иванов Иван Петрович", "490154203237518", "352099001761481", "2026-00042", "Мобильный мастер", "•••• •••456"} {
				if !strings.Contains(text, want) {
					t.Errorf("the text lacks %q", want)
				}
			}
			title := map[string]string{"en": "Request to restore access to a Mi Account", "ru": "Запрос на восстановление доступа к Mi"}[lang]
			if !strings.Contains(text, title) {
				t.Errorf("the %s dossier lacks its title", lang)
			}
			pages := strings.Count(text, "\f")
			page := map[string]string{"en": "page %d of %d", "ru": "стр. %d из %d"}[lang]
			for p := 1; p <= pages; p++ {
				if want := strings.ReplaceAll(strings.ReplaceAll(page, "%d of %d", strconv.Itoa(p)+" of "+strconv.Itoa(pages)), "%d из %d", strconv.Itoa(p)+" из "+strconv.Itoa(pages)); !strings.Contains(text, want) {
					t.Errorf("no %q", want)
				}
			}
			if !strings.Contains(text, "чек.pdf") {
				t.Error("the PDF receipt is not listed as sent separately")
			}
			info := tool(t, "pdfinfo", pdf)
			for _, want := range []string{"Author:", "Мобильный мастер", "Keywords:", "490154203237518"} {
				if !strings.Contains(info, want) {
					t.Errorf("metadata lacks %q:\n%s", want, info)
				}
			}
		})
	}
}

func TestRender_Images(t *testing.T) {
	c := dossierCase(t)
	pdf := writeTemp(t, "dossier.pdf", render(t, c, dossierOptions("en")))
	list := tool(t, "pdfimages", "-list", pdf)
	var sizes [][2]int
	for _, line := range strings.Split(list, "\n")[2:] {
		f := strings.Fields(line)
		if len(f) < 5 {
			continue
		}
		w, _ := strconv.Atoi(f[3])
		h, _ := strconv.Atoi(f[4])
		if max(w, h) > 2000 {
			t.Errorf("an image of %dx%d is embedded", w, h)
		}
		sizes = append(sizes, [2]int{w, h})
	}
	if len(sizes) != 2 {
		t.Fatalf("%d images embedded, want 2:\n%s", len(sizes), list)
	}
	if sizes[1][0] >= sizes[1][1] {
		t.Errorf("the EXIF-rotated photo is embedded %dx%d, not upright", sizes[1][0], sizes[1][1])
	}
	dir := t.TempDir()
	tool(t, "pdfimages", "-j", pdf, filepath.Join(dir, "img"))
	upright, err := os.ReadFile(filepath.Join(dir, "img-001.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if !sample.RedAt(upright, 0.95, 0.05) {
		t.Error("the *#06# photo is not turned by its EXIF orientation")
	}
}

func TestRender_SameBytes(t *testing.T) {
	c := dossierCase(t)
	a, b := render(t, c, dossierOptions("en")), render(t, c, dossierOptions("en"))
	if !bytes.Equal(a, b) {
		t.Fatal("the same case at the same time rendered different bytes")
	}
	o := dossierOptions("en")
	o.At = exportAt.Add(time.Minute)
	if bytes.Equal(a, render(t, c, o)) {
		t.Fatal("the export time is not in the document")
	}
}

func TestRender_DraftAndRefusal(t *testing.T) {
	c := dossierCase(t)
	c.Customer.Consent = false
	err := Render(io.Discard, c, dossierOptions("en"))
	nr, ok := err.(*NotReadyError)
	if !ok || len(nr.Missing) != 1 || nr.Missing[0].Code != casefile.MissConsent {
		t.Fatalf("an unready export = %v", err)
	}
	o := dossierOptions("en")
	o.Draft = true
	pdf := writeTemp(t, "draft.pdf", render(t, c, o))
	text := tool(t, "pdftotext", pdf, "-")
	pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
	for i, p := range pages {
		if !strings.Contains(p, "DRAFT") {
			t.Errorf("page %d does not say DRAFT", i+1)
		}
	}
}

func TestRender_HostileText(t *testing.T) {
	c := dossierCase(t)
	c.OwnershipStatement = "Купил 👍🏽 у соседа \u202eRTL\u202c שלום مرحبا \x00 \xff конец. " + strings.Repeat("Очень длинное заявление. ", 400)
	c.Customer.Name = "Robert'); DROP TABLE cases;-- 😀"
	c.Device.LockScreenText = strings.Repeat("Ж", 300)
	pdf := writeTemp(t, "hostile.pdf", render(t, c, dossierOptions("ru")))
	tool(t, "qpdf", "--check", pdf)
	text := tool(t, "pdftotext", pdf, "-")
	if !strings.Contains(text, "Купил ? у соседа") || !strings.Contains(text, "конец.") {
		t.Errorf("the emoji was not replaced cleanly: %.200q", text[strings.Index(text, "Купил"):])
	}
}

func TestWriteEmail(t *testing.T) {
	c := dossierCase(t)
	o := dossierOptions("en")
	for i := range c.Attachments {
		if c.Attachments[i].MediaType == casefile.MediaPDF {
			c.Attachments[i].Data = []byte("%PDF-receipt")
		}
	}
	exp, err := Assemble(c, o, true, DossierFileName(c, false))
	if err != nil {
		t.Fatal(err)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(exp.EML))
	if err != nil {
		t.Fatal(err)
	}
	if to := msg.Header.Get("To"); to != "service.global@xiaomi.com" {
		t.Errorf("To = %q", to)
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	for _, want := range []string{"2026-00042", "Redmi Note 12", "490154203237518"} {
		if !strings.Contains(subject, want) {
			t.Errorf("subject %q lacks %s", subject, want)
		}
	}
	if msg.Header.Get("X-Unsent") != "1" {
		t.Error("the draft is not marked unsent")
	}
	mt, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if mt != "multipart/mixed" {
		t.Fatalf("content type %s", mt)
	}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	var files = map[string][]byte{}
	var body string
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := io.ReadAll(p)
		if p.FileName() == "" {
			body = string(raw)
			continue
		}
		dec, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(raw), "\r\n", ""))
		if err != nil {
			t.Fatal(err)
		}
		files[p.FileName()] = dec
	}
	if !bytes.Equal(files["dossier-2026-00042.pdf"], exp.PDF) {
		t.Error("the attached dossier is not the dossier, byte for byte")
	}
	if string(files["чек.pdf"]) != "%PDF-receipt" {
		t.Errorf("the PDF receipt is not attached: %v", len(files))
	}
	for _, want := range []string{"490154203237518", "2026-00042", "Dear Xiaomi support team"} {
		if !strings.Contains(body, want) {
			t.Errorf("the letter lacks %s", want)
		}
	}
}

func TestRenderReceipt(t *testing.T) {
	c := dossierCase(t)
	var buf bytes.Buffer
	if err := RenderReceipt(&buf, c, ReceiptOptions{Lang: "ru", At: exportAt, Settings: dossierOptions("ru").Settings, Technician: "Анна"}); err != nil {
		t.Fatal(err)
	}
	pdf := writeTemp(t, "receipt.pdf", buf.Bytes())
	text := tool(t, "pdftotext", pdf, "-")
	if strings.Count(text, "\f") != 1 {
		t.Error("the receipt is not one page")
	}
	for _, want := range []string{"Расписка о приёме", "2026-00042", "Иванов Иван Петрович", "Согласие", "чек.pdf"} {
		if !strings.Contains(text, want) {
			t.Errorf("the receipt lacks %q", want)
		}
	}
}

func TestMaskDocumentNumber(t *testing.T) {
	for in, want := range map[string]string{"4510 123456": "•••• •••456", "AB-12": "•B-12", "12": "12", "": ""} {
		if got := MaskDocumentNumber(in); got != want {
			t.Errorf("MaskDocumentNumber(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRender_PDFReceiptPreview(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm is not installed: run make deps (Debian package poppler-utils)")
	}
	raw, err := os.ReadFile(filepath.Join("..", "..", "docs", "import-example", "receipt.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	receipt, err := evidence.Prepare(casefile.AttachReceipt, "receipt.pdf", raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(receipt.Rendition) == 0 || receipt.Height <= receipt.Width {
		t.Fatalf("no upright preview of the receipt's page: %dx%d", receipt.Width, receipt.Height)
	}
	c := dossierCase(t)
	c.Attachments[0] = receipt
	pdf := writeTemp(t, "dossier.pdf", render(t, c, dossierOptions("en")))
	text := tool(t, "pdftotext", pdf, "-")
	if !strings.Contains(text, "first page of the PDF") {
		t.Error("the receipt's page is not in the dossier")
	}
	if n := strings.Count(tool(t, "pdfimages", "-list", pdf), "jpeg"); n != 3 {
		t.Errorf("%d images embedded, want the receipt and two photos", n)
	}
	exp, err := Assemble(c, dossierOptions("en"), true, "d.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(exp.EML, []byte(`filename="receipt.pdf"`)) && !bytes.Contains(exp.EML, []byte("filename=receipt.pdf")) {
		t.Error("the receipt PDF itself is not attached to the e-mail")
	}
	if !bytes.Equal(render(t, c, dossierOptions("en")), render(t, c, dossierOptions("en"))) {
		t.Error("not the same bytes twice")
	}
}

// TestDocuments_PrintTheCaseBranch: on a shared database the dossier, its e-mail and the
// receipt name the branch the case was taken in at, with that branch's contacts, so support
// and the customer reach the counter that has the phone.
func TestDocuments_PrintTheCaseBranch(t *testing.T) {
	c := sample.ReadyCase()
	c.Branch = "SPB"
	o := dossierOptions("en")
	o.Branches = []casefile.Branch{{Code: "MSK-1", Name: "Moscow", Phone: "+7 495 111-11-11"},
		{Code: "SPB", Name: "St Petersburg", Address: "Nevsky 2", Phone: "+7 812 222-22-22", Email: "spb@example.com"}}
	text := tool(t, "pdftotext", writeTemp(t, "d.pdf", render(t, c, o)), "-")
	for _, want := range []string{"St Petersburg", "Nevsky 2", "+7 812 222-22-22", "spb@example.com"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dossier lacks the branch's %q", want)
		}
	}
	if strings.Contains(text, "+7 495 111-11-11") {
		t.Error("the dossier prints another branch's phone")
	}
	res, err := Assemble(c, o, true, "dossier.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.EML), "spb@example.com") {
		t.Error("the e-mail is not from the branch's address")
	}
	var buf bytes.Buffer
	if err := RenderReceipt(&buf, c, ReceiptOptions{Lang: "en", At: exportAt, Settings: o.Settings, Branches: o.Branches}); err != nil {
		t.Fatal(err)
	}
	// Lines wrap where they will: compare the words.
	text = strings.Join(strings.Fields(tool(t, "pdftotext", writeTemp(t, "r.pdf", buf.Bytes()), "-")), " ")
	if !strings.Contains(text, "+7 812 222-22-22") || !strings.Contains(text, "St Petersburg") {
		t.Errorf("the receipt does not name the branch:\n%s", text)
	}
}

// TestDocuments_NothingEmptyPrinted: a case imported without the time of consent, with files
// that carry no name, printed by a desk whose technician is known only from the settings: no
// year 1, no "()", no colon before nothing.
func TestDocuments_NothingEmptyPrinted(t *testing.T) {
	c := sample.ReadyCase()
	c.Customer.ConsentAt = time.Time{}
	for i := range c.Attachments {
		c.Attachments[i].Name = ""
	}
	for _, lang := range []string{"en", "ru"} {
		o := dossierOptions(lang)
		text := tool(t, "pdftotext", writeTemp(t, "d.pdf", render(t, c, o)), "-")
		if strings.Contains(text, "0001-01-01") {
			t.Errorf("%s: the dossier prints year 1 for the consent", lang)
		}
		var buf bytes.Buffer
		if err := RenderReceipt(&buf, c, ReceiptOptions{Lang: lang, At: exportAt, Settings: o.Settings}); err != nil {
			t.Fatal(err)
		}
		text = tool(t, "pdftotext", writeTemp(t, "r.pdf", buf.Bytes()), "-")
		if strings.Contains(text, "()") || !strings.Contains(text, o.Settings.Technician) {
			t.Errorf("%s: the receipt's signature line: %q", lang, text)
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.HasSuffix(strings.TrimSpace(line), ":") && strings.HasPrefix(line, "•") {
				t.Errorf("%s: the receipt lists %q with nothing after it", lang, line)
			}
		}
	}
}

// TestRender_HistoryInTheDossiersLanguage: the history names edited fields and added files in
// the dossier's own words, never the store's keys (customer.phone, imei_screen), and says how
// an edit left an IMEI tick.
func TestRender_HistoryInTheDossiersLanguage(t *testing.T) {
	c := sample.ReadyCase()
	at := c.CreatedAt.Add(time.Hour)
	c.History = append(c.History,
		casefile.Event{At: at, Operator: "Анна", Action: casefile.ActionEdited, Note: "changed: customer.phone, declarations.facts_true, declarations.may_be_erased"},
		casefile.Event{At: at, Operator: "Анна", Action: casefile.ActionAttachmentAdded, Note: "imei_screen: screen.jpg",
			Details: map[string]string{"kind": "imei_screen", "name": "screen.jpg"}},
		casefile.Event{At: at, Operator: "Анна", Action: casefile.ActionAttachmentRemoved, Note: "blurred, taken again",
			Details: map[string]string{"kind": "box", "name": "old-label.jpg"}},
		casefile.Event{At: at, Operator: "Анна", Action: casefile.ActionEdited, Note: "changed: verification.imei_matches_box",
			Details: map[string]string{"verification.imei_matches_box": "ticked_from_barcode", "verification.box_ticked_from": "box.jpg"}})
	for _, tt := range []struct{ lang, edited, tick string }{
		{"en", "Phone, Customer's declarations", "matches the box label (ticked by machine from the barcode of box.jpg)"},
		{"ru", "Телефон, Заявления клиента", "совпадает с наклейкой на коробке (отмечено программой по штрихкоду из box.jpg)"},
	} {
		text := tool(t, "pdftotext", writeTemp(t, "d.pdf", render(t, c, dossierOptions(tt.lang))), "-")
		flat := strings.Join(strings.Fields(text), " ")
		if !strings.Contains(flat, tt.edited) || !strings.Contains(flat, "screen.jpg") || !strings.Contains(flat, "old-label.jpg (blurred, taken again)") ||
			!strings.Contains(flat, tt.tick) {
			t.Errorf("%s: the history reads %q", tt.lang, flat[max(0, strings.Index(flat, "screen.jpg")-300):])
		}
		for _, key := range []string{"customer.phone", "changed:", "imei_screen", "declarations."} {
			if strings.Contains(flat, key) {
				t.Errorf("%s: the dossier prints the store's %q", tt.lang, key)
			}
		}
	}
}
