package ui

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
)

var ctx = context.Background()

func TestIMEIField_LiveCheckAndSuggestion(t *testing.T) {
	a, _ := newTestApp(t)
	f := a.NewCase()
	tests := []struct {
		typed, hint string
		fix         bool
		invalid     bool
	}{
		{"4901 5420 3237 518", "✓ Valid IMEI 49015420 323751 8, TAC 49015420", false, false},
		{"49015420323751", "Did you mean 490154203237518?", true, true},
		{"490154203237519", "the IMEI is 490154203237518", true, true},
		{"000000000000000", "All zeros", false, true},
		{"35686800-004141-20", "IMEISV", false, false},
		{"4901A", "Only digits", false, true},
	}
	for _, tt := range tests {
		f.imei1.Entry.SetText("")
		test.Type(f.imei1.Entry, tt.typed)
		a.WaitIdle()
		if !strings.Contains(f.imei1.Hint.Text, tt.hint) {
			t.Errorf("%q: hint %q, want %q", tt.typed, f.imei1.Hint.Text, tt.hint)
		}
		if f.imei1.Fix.Visible() != tt.fix {
			t.Errorf("%q: fix button visible = %v", tt.typed, f.imei1.Fix.Visible())
		}
		if strings.HasPrefix(f.imei1.Hint.Text, "✗") != tt.invalid {
			t.Errorf("%q: hint %q does not say invalid = %v", tt.typed, f.imei1.Hint.Text, tt.invalid)
		}
	}
	f.imei1.Entry.SetText("")
	test.Type(f.imei1.Entry, "49015420323751")
	test.Tap(f.imei1.Fix)
	a.WaitIdle()
	if f.imei1.Entry.Text != "490154203237518" || !strings.HasPrefix(f.imei1.Hint.Text, "✓") {
		t.Fatalf("after the fix: %q / %q", f.imei1.Entry.Text, f.imei1.Hint.Text)
	}
}

func TestCaseForm_SaveHalfFilledAndRefusedSave(t *testing.T) {
	a, s := newTestApp(t)
	f := a.NewCase()
	test.Type(f.name, "Иванов Иван")
	test.Type(f.imei1.Entry, "35-209900-176148-1")
	if err := f.Save(); err != nil {
		t.Fatalf("a half-filled case was refused: %v", err)
	}
	a.WaitIdle()
	num := f.Case().Number
	stored, err := s.Case(ctx, num)
	if err != nil || stored.Customer.Name != "Иванов Иван" || stored.Device.IMEI1 != "352099001761481" {
		t.Fatalf("stored %+v, %v", stored, err)
	}
	if a.list.Total() != 1 {
		t.Errorf("the list shows %d cases", a.list.Total())
	}
	if !strings.Contains(f.win.Title(), num) {
		t.Errorf("window title %q", f.win.Title())
	}

	test.Type(f.email, "ivanov@")
	f.imei2.Entry.SetText("352099001761481")
	if err := f.Save(); err == nil {
		t.Fatal("an invalid e-mail and a repeated IMEI were saved")
	}
	if f.email.Text != "ivanov@" || f.imei2.Entry.Text != "352099001761481" {
		t.Error("the refused save lost what was typed")
	}
	said := plainText(test.RenderObjectToMarkup(f.win.Canvas().Overlays().Top()))
	for _, want := range []string{"Not an e-mail address", "IMEI 2 is the same as IMEI 1"} {
		if !strings.Contains(said, want) {
			t.Errorf("the refusal does not say %q: %s", want, said)
		}
	}
	f.win.Canvas().Overlays().Remove(f.win.Canvas().Overlays().Top())
	f.email.SetText("")
	f.imei2.Entry.SetText("49015420323751")
	f.Save()
	said = plainText(test.RenderObjectToMarkup(f.win.Canvas().Overlays().Top()))
	if !strings.Contains(said, "14 digits: the check digit is missing. Did you mean") {
		t.Errorf("the IMEI refusal is not in the screens' words: %s", said)
	}
	again, _ := s.Case(ctx, num)
	if again.Customer.Email != "" || again.Version != stored.Version {
		t.Error("the refused save changed the database")
	}
}

func TestCaseForm_ConflictingWindows(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	num := number(t, a, 0)
	one := newCaseForm(a, mustCase(t, s, num))
	two := newCaseForm(a, mustCase(t, s, num))
	one.serial.SetText("from window one")
	if err := one.Save(); err != nil {
		t.Fatal(err)
	}
	two.serial.SetText("from window two")
	if err := two.Save(); err == nil || !isConflict(err) {
		t.Fatalf("the later save = %v, want a conflict", err)
	}
	if two.serial.Text != "from window two" {
		t.Error("the refused window lost its typing")
	}
	if mustCase(t, s, num).Device.Serial != "from window one" {
		t.Error("the earlier save was overwritten")
	}
}

func mustCase(t *testing.T, s Store, num string) *casefile.Case {
	c, err := s.Case(ctx, num)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestIMEIField_DuplicateWarning(t *testing.T) {
	a, _ := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusSubmitted, 3))
	other := number(t, a, 0)
	f := a.NewCase()
	test.Type(f.imei1.Entry, "4901-5420-3237-518")
	a.WaitIdle()
	if len(f.imei1.Duplicates.Objects) < 2 {
		t.Fatal("no warning for an IMEI that belongs to another case")
	}
	markup := plainText(test.RenderObjectToMarkup(f.imei1.Duplicates))
	if !strings.Contains(markup, other) || !strings.Contains(markup, "fraud signal") {
		t.Errorf("the warning does not link the other case:\n%s", markup)
	}
	f.imei1.Entry.SetText("352099001761481")
	a.WaitIdle()
	if len(f.imei1.Duplicates.Objects) != 0 {
		t.Error("the warning stayed for an unrelated IMEI")
	}
}

func TestEvidence_AddAndRefuse(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	f := a.OpenCase(number(t, a, 0))
	dir := t.TempDir()
	good := filepath.Join(dir, "box.jpg")
	os.WriteFile(good, sample.Photo(casefile.AttachBox, f.Case(), 800, 600), 0o600)
	fake := filepath.Join(dir, "receipt.jpg")
	os.WriteFile(fake, []byte("this is not a photo"), 0o600)
	empty := filepath.Join(dir, "empty.pdf")
	os.WriteFile(empty, nil, 0o600)

	f.evidence.addFiles([]fyne.URI{storage.NewFileURI(good), storage.NewFileURI(fake), storage.NewFileURI(empty)},
		[]casefile.AttachmentKind{casefile.AttachBox, casefile.AttachReceipt, casefile.AttachReceipt})
	a.WaitIdle()
	c := mustCase(t, s, f.Case().Number)
	if len(c.Attachments) != 1 || c.Attachments[0].Kind != casefile.AttachBox || c.Attachments[0].Width != 800 {
		t.Fatalf("attachments = %+v", c.Attachments)
	}
	if len(f.Case().Attachments) != 1 {
		t.Error("the form does not show the new file")
	}
	overlay := f.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("refused files were not reported")
	}
	msg := plainText(test.RenderObjectToMarkup(overlay))
	for _, want := range []string{"receipt.jpg", "does not match its content", "empty.pdf", "empty (0 bytes)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	for _, m := range f.Missing() {
		if m.Code == casefile.MissBoxPhoto {
			t.Error("the checklist still asks for the box photo")
		}
	}
}

func TestStatusDialog_OffersOnlyAllowed(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	f := a.OpenCase(number(t, a, 0))
	d := f.NewStatusDialog()
	got := d.Offered()
	want := []casefile.Status{casefile.StatusSelfService, casefile.StatusSubmitted, casefile.StatusClosed}
	if len(got) != len(want) || len(d.Choice.Options) != len(want) {
		t.Fatalf("offered %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("offered %v, want %v", got, want)
		}
	}
	d.Choice.SetSelected(statusName(casefile.StatusSubmitted))
	if err := d.Apply(); err == nil || !strings.Contains(d.Error.Text, "cannot be submitted yet") {
		t.Fatalf("submitting an unready case: %v / %q", err, d.Error.Text)
	}
	d.Choice.SetSelected(statusName(casefile.StatusClosed))
	if err := d.Apply(); err == nil || !strings.Contains(d.Error.Text, "note") {
		t.Fatalf("closing without a note: %v / %q", err, d.Error.Text)
	}
	if mustCase(t, s, f.Case().Number).Status != casefile.StatusIntake {
		t.Fatal("a refused change moved the case")
	}
	d.Choice.SetSelected(statusName(casefile.StatusSelfService))
	d.Note.SetText("knows the login")
	if err := d.Apply(); err != nil {
		t.Fatal(err)
	}
	if f.Case().Status != casefile.StatusSelfService || f.status.Text != statusName(casefile.StatusSelfService) {
		t.Errorf("the form shows %s", f.Case().Status)
	}
	next := f.NewStatusDialog().Offered()
	if len(next) != 3 || next[0] != casefile.StatusResolved || next[1] != casefile.StatusIntake {
		t.Errorf("from self-service offered %v", next)
	}
}

func TestCaseList_SearchNarrows(t *testing.T) {
	a, _ := newTestApp(t,
		seeded("Иванов Иван", "490154203237518", casefile.StatusIntake, 5),
		seeded("Смирнова Алёна", "352099001761481", casefile.StatusSubmitted, 20),
		seeded("Петров Пётр", "354178036859789", casefile.StatusResolved, 2))
	if a.list.Total() != 3 {
		t.Fatalf("%d cases listed", a.list.Total())
	}
	tests := []struct{ typed, want string }{
		{"ИВАНОВ", "Иванов Иван"},
		{"алена", "Смирнова Алёна"},
		{"3541780", "Петров Пётр"},
	}
	for _, tt := range tests {
		a.list.search.SetText("")
		test.Type(a.list.search, tt.typed)
		a.WaitIdle()
		r, ok := a.list.Row(0)
		if a.list.Total() != 1 || !ok || r.Customer != tt.want {
			t.Errorf("%q: %d rows, first %q", tt.typed, a.list.Total(), r.Customer)
		}
	}
	a.list.search.SetText("")
	a.WaitIdle()
	a.list.status.SetSelectedIndex(1 + 2) // submitted
	a.WaitIdle()
	if r, _ := a.list.Row(0); a.list.Total() != 1 || r.Customer != "Смирнова Алёна" {
		t.Errorf("status filter: %d rows", a.list.Total())
	}
}

func TestCaseForm_ReadinessUpdates(t *testing.T) {
	a, _ := newTestApp(t)
	f := a.NewCase()
	has := func(code string) bool {
		for _, m := range f.Missing() {
			if m.Code == code {
				return true
			}
		}
		return false
	}
	before := len(f.readiness.Objects)
	if !has(casefile.MissCustomerName) || !has(casefile.MissConsent) || before < 10 {
		t.Fatalf("an empty case misses %d items", before)
	}
	test.Type(f.name, "Иванов Иван")
	test.Tap(f.consent)
	test.Type(f.imei1.Entry, "490154203237518")
	if has(casefile.MissCustomerName) || has(casefile.MissConsent) || has(casefile.MissIMEI1) {
		t.Error("filled fields are still listed as missing")
	}
	if len(f.readiness.Objects) != before-3 {
		t.Errorf("the checklist shows %d items, want %d", len(f.readiness.Objects), before-3)
	}
	// An item takes the technician to its field.
	for i, m := range f.Missing() {
		if m.Code == casefile.MissCustomerContact {
			test.Tap(f.JumpButtons()[i])
		}
	}
	if f.win.Canvas().Focused() != f.phone {
		t.Error("the contact item did not focus the phone field")
	}
}

func TestTranslations_Complete(t *testing.T) {
	var en, ru map[string]string
	for name, m := range map[string]*map[string]string{"en.json": &en, "ru.json": &ru} {
		b, err := translations.ReadFile("translations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, m); err != nil {
			t.Fatal(err)
		}
	}
	for k := range en {
		if strings.TrimSpace(ru[k]) == "" {
			t.Errorf("no Russian for %q", k)
		}
	}
	// Every phrase the screens translate must be in the files.
	sources, _ := filepath.Glob("*.go")
	call := regexp.MustCompile(`\bTf?\(\s*"((?:[^"\\]|\\.)*)"`)
	for _, f := range sources {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, _ := os.ReadFile(f)
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			key := strings.ReplaceAll(m[1], `\"`, `"`)
			if _, ok := ru[key]; !ok {
				t.Errorf("%s: %q has no translation", f, key)
			}
		}
	}
	for k := range ru {
		if _, ok := en[k]; !ok {
			t.Errorf("Russian %q has no English key", k)
		}
	}
}

func TestCaseForm_CloseAsksWhenTypingIsUnsaved(t *testing.T) {
	a, _ := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	f := a.OpenCase(number(t, a, 0))
	if f.Dirty() {
		t.Fatal("a freshly opened case counts as changed")
	}
	escape := f.win.Canvas().OnTypedKey()
	test.Type(f.serial, "SN-42")
	if !f.Dirty() {
		t.Fatal("typing does not count as a change")
	}
	escape(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Esc closed a window with unsaved typing without asking")
	}
	escape(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.win.Canvas().Overlays().Top() != nil {
		t.Fatal("Esc did not close the dialog")
	}
	if f.serial.Text != "SN-42" {
		t.Fatal("the typing was lost")
	}
	f.Save()
	if f.Dirty() {
		t.Error("a saved case still counts as changed")
	}
}

// TestCaseList_CommonNameSaysMoreThan: a search that matches more cases than the list counts
// says "more than" and how to narrow it, and lists that many; a narrower one counts exactly.
func TestCaseList_CommonNameSaysMoreThan(t *testing.T) {
	// Put back after the app's own cleanup waited for its background work (cleanups run last
	// registered first).
	old := searchCountLimit
	t.Cleanup(func() { searchCountLimit = old })
	searchCountLimit = 2
	a, _ := newTestApp(t,
		seeded("Иванов Иван", "490154203237518", casefile.StatusIntake, 5),
		seeded("Иванова Мария", "352099001761481", casefile.StatusSubmitted, 20),
		seeded("Иванов Пётр", "354178036859789", casefile.StatusResolved, 2))
	test.Type(a.list.search, "иванов")
	a.WaitIdle()
	want := Tf("More than {{.Count}} cases: type more to narrow the search", map[string]any{"Count": 2})
	if a.list.count.Text != want || a.list.Total() != 2 {
		t.Errorf("a common name: %q, %d rows", a.list.count.Text, a.list.Total())
	}
	test.Type(a.list.search, " пётр")
	a.WaitIdle()
	if got := "1 case"; a.list.count.Text != got || a.list.Total() != 1 {
		t.Errorf("a narrower search: %q, %d rows", a.list.count.Text, a.list.Total())
	}
	// Without a search the list counts every case, however many.
	a.list.search.SetText("")
	a.WaitIdle()
	if a.list.Total() != 3 {
		t.Errorf("no search: %d rows", a.list.Total())
	}
}
