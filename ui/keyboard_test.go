package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
)

// Every file dialog opens: sized before it was shown, Fyne's file dialog dereferenced its
// missing content and the process died (the evidence's Add file, the readiness slots, the CSV
// report's Save as, Restore).
func TestDialogs_FileDialogsOpen(t *testing.T) {
	a, _ := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	f := a.OpenCase(number(t, a, 0))
	o := a.ShowOverview()
	opens := []struct {
		name string
		win  fyne.Window
		open func()
	}{
		{"Add file…", f.win, func() { f.evidence.Add("") }},
		{"a readiness slot", f.win, func() { f.jumpTo(string(casefile.AttachBox)) }},
		{"Report's Save as…", o.win, func() { o.writeReport(casefile.ReportFilter{}, true, func() {}) }},
		{"Restore…", o.win, o.restore},
	}
	for _, tt := range opens {
		tt.open()
		top := tt.win.Canvas().Overlays().Top()
		if top == nil || !top.Visible() {
			t.Errorf("%s: no file dialog shown", tt.name)
			continue
		}
		tt.win.Canvas().Overlays().Remove(top)
	}
}

func TestFormEntry_TabLeavesMultiLineFields(t *testing.T) {
	a, _ := newTestApp(t)
	f := a.NewCase()
	c := f.win.Canvas()
	for _, tt := range []struct {
		name       string
		from       *FormEntry
		next, back fyne.Focusable
	}{
		{"ownership statement", f.statement, f.matchBox, f.price},
		{"notes", f.notes, nil, f.region},
	} {
		if tt.from.AcceptsTab() {
			t.Errorf("%s keeps Tab for itself", tt.name)
		}
		c.Focus(tt.from)
		test.Type(tt.from, "line one")
		tt.from.TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		if strings.Contains(tt.from.Text, "\t") {
			t.Errorf("%s: Tab was typed into it", tt.name)
		}
		if c.Focused() == fyne.Focusable(tt.from) {
			t.Errorf("%s: Tab did not leave it", tt.name)
		}
		if tt.next != nil && c.Focused() != tt.next {
			t.Errorf("%s: Tab went to %T, want the next field", tt.name, c.Focused())
		}
		c.Focus(tt.from)
		c.FocusPrevious() // what the window does on Shift+Tab once the entry gives up Tab
		if c.Focused() != tt.back {
			t.Errorf("%s: Shift+Tab went to %T, want the field before", tt.name, c.Focused())
		}
	}
	// The verification boxes, the note on differing numbers and the support region are reached by
	// Tab, in form order.
	c.Focus(f.statement)
	for _, want := range []fyne.Focusable{f.matchBox, f.matchReceipt, f.mismatchNote, f.region, f.notes} {
		c.FocusNext()
		if c.Focused() != want {
			t.Fatalf("Tab reached %T, want %T", c.Focused(), want)
		}
	}
}

func TestCaseForm_ScrollsToTheFocusedField(t *testing.T) {
	a, _ := newTestApp(t)
	f := a.NewCase()
	f.win.Resize(fyne.NewSize(1000, 500))
	c := f.win.Canvas()
	c.Focus(f.notes)
	if f.formScroll.Offset.Y <= 0 {
		t.Fatal("the form did not scroll down to the notes")
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(f.notes).Y - d.AbsolutePositionForObject(f.formScroll).Y
	if top < 0 || top+f.notes.Size().Height > f.formScroll.Size().Height {
		t.Errorf("the notes are at %v in a view %v high", top, f.formScroll.Size().Height)
	}
	c.Focus(f.name)
	if f.formScroll.Offset.Y != 0 {
		t.Errorf("back on the name, the form is still scrolled by %v", f.formScroll.Offset.Y)
	}
}

func TestChecklist_SpaceEndsAtTheItem(t *testing.T) {
	a, _ := newTestApp(t)
	f := a.NewCase()
	item := func(code string) *checklistItem {
		for i, m := range f.Missing() {
			if m.Code == code {
				return f.jumps[i]
			}
		}
		t.Fatalf("%s is not in the checklist", code)
		return nil
	}
	c := f.win.Canvas()
	// The Space key itself does nothing; the typed space jumps and ends there.
	model := item(casefile.MissDeviceModel)
	c.Focus(model)
	model.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if c.Focused() != fyne.Focusable(model) {
		t.Fatal("the Space key jumped before its character came")
	}
	model.TypedRune(' ')
	if c.Focused() != fyne.Focusable(f.model) || f.model.Text != "" {
		t.Errorf("Space: focus on %T, model %q", c.Focused(), f.model.Text)
	}
	box := item(casefile.MissIMEIMatchBox)
	c.Focus(box)
	box.TypedRune(' ')
	if c.Focused() != fyne.Focusable(f.matchBox) || f.matchBox.Checked {
		t.Errorf("Space on the box item: focus on %T, ticked %v", c.Focused(), f.matchBox.Checked)
	}
	// Enter jumps too, and clicking the item's text works like its arrow.
	contact := item(casefile.MissCustomerContact)
	c.Focus(contact)
	contact.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Focused() != fyne.Focusable(f.phone) {
		t.Errorf("Enter went to %T, want the phone", c.Focused())
	}
	test.Tap(item(casefile.MissLockScreenText))
	if c.Focused() != fyne.Focusable(f.lockText) {
		t.Errorf("a click on the text went to %T, want the lock screen text", c.Focused())
	}
}

func TestIMEIField_FixKeepsTheFocus(t *testing.T) {
	a, _ := newTestApp(t)
	f := a.NewCase()
	c := f.win.Canvas()
	c.Focus(f.imei1.Entry)
	test.Type(f.imei1.Entry, "49015420323751")
	c.Focus(f.imei1.Fix) // Tab, then Space: the key does nothing, its character presses
	f.imei1.Fix.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if f.imei1.Entry.Text != "49015420323751" {
		t.Fatal("the Space key pressed the fix before its character came")
	}
	f.imei1.Fix.TypedRune(' ')
	if f.imei1.Entry.Text != "490154203237518" {
		t.Fatalf("the fix gave %q", f.imei1.Entry.Text)
	}
	if c.Focused() != fyne.Focusable(f.imei1.Entry) {
		t.Errorf("after the fix the focus is on %T, want IMEI 1", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != fyne.Focusable(f.imei2.Entry) {
		t.Errorf("Tab after the fix went to %T, want IMEI 2", c.Focused())
	}
}

func TestFirstStart_AsksTheServiceCenterAndEnterSaves(t *testing.T) {
	a, s := newTestApp(t)
	a.setSettings(casefile.DefaultSettings())
	a.askTechnician()
	c := a.main.Canvas()
	tech, ok := c.Focused().(*FormEntry)
	if !ok {
		t.Fatalf("the focus is on %T, want the name", c.Focused())
	}
	test.Type(tech, "Анна Котова")
	for _, typed := range []string{"Мобильный мастер", "Тверская, 7", "+7 495 123-45-67", "desk@example.com"} {
		c.FocusNext()
		test.Type(c.Focused(), typed)
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if c.Overlays().Top() != nil {
		t.Fatal("Enter did not submit the first start's questions")
	}
	got, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got.Technician != "Анна Котова" || got.CenterName != "Мобильный мастер" || got.CenterAddress != "Тверская, 7" ||
		got.CenterPhone != "+7 495 123-45-67" || got.CenterEmail != "desk@example.com" {
		t.Errorf("saved %+v", got)
	}
}

func TestShowError_EnterCloses(t *testing.T) {
	a, _ := newTestApp(t)
	a.showError(a.main, "The case was not saved.", nil)
	if a.main.Canvas().Overlays().Top() == nil {
		t.Fatal("no message shown")
	}
	a.main.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a.main.Canvas().Overlays().Top() != nil {
		t.Error("Enter did not close the message")
	}
}

func TestCaseList_EmptySaysHowToStart(t *testing.T) {
	a, _ := newTestApp(t)
	if !a.list.empty.Visible() || !strings.Contains(a.list.empty.Text, "Ctrl+N") {
		t.Fatalf("the empty list says %q (visible %v)", a.list.empty.Text, a.list.empty.Visible())
	}
	f := a.NewCase()
	test.Type(f.name, "Иванов Иван")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	if a.list.empty.Visible() {
		t.Error("the hint stays over a list with a case")
	}
	test.Type(a.list.search, "nobody-like-this")
	if !a.list.empty.Visible() || strings.Contains(a.list.empty.Text, "Ctrl+N") {
		t.Errorf("a search finding nothing says %q", a.list.empty.Text)
	}
}

func TestCaseList_KeyboardFromSearchToCase(t *testing.T) {
	a, _ := newTestApp(t,
		seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 2),
		seeded("Сидоров Сидор", "352099001761481", casefile.StatusIntake, 1))
	c := a.main.Canvas()
	for _, key := range []fyne.KeyName{fyne.KeyDown, fyne.KeyReturn} {
		c.Focus(a.list.search)
		test.Type(a.list.search, "Сидоров")
		a.list.search.TypedKey(&fyne.KeyEvent{Name: key})
		if c.Focused() != fyne.Focusable(a.list.list) {
			t.Fatalf("%s in the search: focus on %T, want the list", key, c.Focused())
		}
		a.list.search.SetText("")
	}
	c.Focus(a.list.search)
	test.Type(a.list.search, "Сидоров")
	a.list.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	want := number(t, a, 0)
	a.list.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	a.mu.Lock()
	f := a.open[want]
	a.mu.Unlock()
	if f == nil || f.Case().Customer.Name != "Сидоров Сидор" {
		t.Fatalf("Enter did not open the case found (%s)", want)
	}
}

// A drop cannot be simulated under Xvfb (xdotool has no drag source), so the window's drop
// handler is driven here, and a typed path, which the real-window suite also types.
func TestEvidence_DropAndTypedPath(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	f := a.OpenCase(number(t, a, 0))
	dir := t.TempDir()
	photo := filepath.Join(dir, "box.png")
	receipt := filepath.Join(dir, "receipt.png")
	for _, p := range []string{photo, receipt} {
		b, err := os.ReadFile("icon.png")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	submit := func() {
		top := f.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatal("no kind dialog")
		}
		f.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
		a.WaitIdle()
	}
	f.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(photo)})
	submit()
	f.evidence.path.SetText(`"` + receipt + `"`) // as Windows Explorer's "Copy as path" gives it
	f.evidence.path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	submit()
	k := mustCase(t, s, f.Case().Number)
	if len(k.Attachments) != 2 || k.Attachments[0].Kind != casefile.AttachBox || k.Attachments[1].Kind != casefile.AttachReceipt {
		t.Fatalf("attachments %+v", k.Attachments)
	}
	f.evidence.path.SetText(filepath.Join(dir, "missing.jpg"))
	f.evidence.path.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	said := plainText(test.RenderObjectToMarkup(f.win.Canvas().Overlays().Top()))
	if !strings.Contains(said, "No file at this path") {
		t.Errorf("a wrong path says %q", said)
	}
}

// TestEscape_FromAFocusedField: Fyne hands a key to the focused widget alone, so Esc must be
// passed on by the fields themselves: with the cursor in the first field, Esc closes an
// unchanged case window, and in a dialog's entry it closes the dialog.
func TestEscape_FromAFocusedField(t *testing.T) {
	a, _ := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	n := number(t, a, 0)
	f := a.OpenCase(n)
	if f.win.Canvas().Focused() != f.name {
		t.Fatalf("the cursor is in %T, want the name", f.win.Canvas().Focused())
	}
	f.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, open := a.open[n]; open {
		t.Fatal("Esc in the name field left the unchanged case window open")
	}

	a.askTechnician()
	c := a.main.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("the first start's questions are not shown")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil {
		t.Fatal("Esc in a dialog's entry did not close the dialog")
	}
}

// TestTabOrder_BarFirst: in the overview and the history the first Tab lands on the bar at the
// top (Report…, the operator filter), not in the middle of the content below it, where Space
// would open a case the person never meant to.
func TestTabOrder_BarFirst(t *testing.T) {
	a, _ := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusSubmitted, 30))
	o := a.ShowOverview()
	o.win.Canvas().FocusNext()
	if b, ok := o.win.Canvas().Focused().(*widget.Button); !ok || b.Text != T("Report…") {
		t.Fatalf("the overview's first Tab lands on %#v, want the Report… button", o.win.Canvas().Focused())
	}
	h := a.ShowAudit()
	h.win.Canvas().FocusNext()
	if h.win.Canvas().Focused() != h.operator {
		t.Fatalf("the history's first Tab lands on %T, want the operator filter", h.win.Canvas().Focused())
	}
}

// unreachable is what an engine's store says when the shared server does not answer.
type unreachable struct{ host string }

func (e unreachable) Error() string {
	return "the shared database at " + e.host + " cannot be reached (dial tcp: refused)"
}
func (e unreachable) UnreachableHost() string { return e.host }

// TestShowError_ServerUnreachable: a save while the shared server is down says which server, in
// the person's language, and that nothing typed was lost and no restart is needed.
func TestShowError_ServerUnreachable(t *testing.T) {
	for _, tt := range []struct{ lang, want string }{
		{"en", "The shared database at db.center.local cannot be reached"},
		{"ru", "Общая база данных на db.center.local недоступна"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			setLanguage(tt.lang)
			t.Cleanup(func() { setLanguage("en") })
			a, _ := newTestApp(t)
			a.showError(a.main, T("The case was not saved."), fmt.Errorf("save: %w", unreachable{"db.center.local"}))
			text := shownError(t, a)
			if !strings.Contains(text, tt.want) || strings.Contains(text, "restart RecoveryDesk") || strings.Contains(text, "перезапустите") {
				t.Errorf("the message says %q", text)
			}
		})
	}
}

// TestCaseForm_RussianDate: a purchase date typed the way Russian receipts print it (15.03.2024)
// is accepted and kept as the store keeps dates; a slashed one is refused with both forms named.
func TestCaseForm_RussianDate(t *testing.T) {
	a, _ := newTestApp(t)
	f := a.NewCase()
	test.Type(f.name, "Иванов Иван")
	test.Type(f.purchaseDate, "15.03.2024")
	if err := f.Save(); err != nil {
		t.Fatalf("15.03.2024 refused: %v", err)
	}
	if f.c.Purchase.Date != "2024-03-15" || f.purchaseDate.Text != "2024-03-15" {
		t.Errorf("kept %q, shown %q", f.c.Purchase.Date, f.purchaseDate.Text)
	}
	f.purchaseDate.SetText("03/04/2024")
	err := f.Save()
	if err == nil || f.purchaseDate.Text != "03/04/2024" {
		t.Fatalf("a slashed date: %v, the field holds %q", err, f.purchaseDate.Text)
	}
	if msg := fieldMessage(casefile.FieldError{Field: "purchase.date", Code: "not_date"}); !strings.Contains(msg, "DD.MM.YYYY") {
		t.Errorf("the refusal says %q", msg)
	}
}

// TestSettings_RefusedFieldsKeepTheTyping: a support address that is not one, or no daily
// backups, is said at the field and Save waits; nothing typed is lost, and once corrected the
// settings save.
func TestSettings_RefusedFieldsKeepTheTyping(t *testing.T) {
	a, s := newTestApp(t)
	a.ShowSettings()
	c := a.main.Canvas()
	var entries []*FormEntry
	var save *widget.Button
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *FormEntry:
			entries = append(entries, w)
		case *widget.Button:
			if w.Text == T("Save") {
				save = w
			}
		}
	})
	if len(entries) < 8 || save == nil {
		t.Fatalf("%d fields, Save %v", len(entries), save != nil)
	}
	byText := func(v string) *FormEntry { // the last field holding v: the backups come after the waiting days
		for i := len(entries) - 1; i >= 0; i-- {
			if e := entries[i]; e.Text == v {
				return e
			}
		}
		t.Fatalf("no field holds %q", v)
		return nil
	}
	support := byText(casefile.DefaultSettings().SupportAddresses["global"])
	backups := byText(strconv.Itoa(casefile.DefaultSettings().BackupsKept))
	support.SetText("service at xiaomi")
	backups.SetText("0")
	name := entries[0]
	name.SetText("Мобильный мастер")
	if support.Validate() == nil || backups.Validate() == nil || !save.Disabled() {
		t.Fatalf("refused fields accepted: save disabled %v", save.Disabled())
	}
	if c.Overlays().Top() == nil || name.Text != "Мобильный мастер" || support.Text != "service at xiaomi" {
		t.Fatal("the typing was lost")
	}
	support.SetText("service.global@xiaomi.com")
	backups.SetText("7")
	if save.Disabled() {
		t.Fatal("Save stays disabled on valid settings")
	}
	test.Tap(save)
	got, err := s.Settings(ctx)
	if err != nil || got.CenterName != "Мобильный мастер" || got.BackupsKept != 7 {
		t.Errorf("saved %+v, %v", got, err)
	}
}

// refusingSettings is a store that refuses to keep settings, as a shared database refuses a
// counter's login.
type refusingSettings struct{ Store }

func (refusingSettings) SaveSettings(context.Context, casefile.Settings) error {
	return errors.New("permission denied for table settings")
}

// TestSettings_StoreRefusalKeepsTheTyping: a save the store refuses says so and opens the
// settings again with what was typed, not what was saved before.
func TestSettings_StoreRefusalKeepsTheTyping(t *testing.T) {
	a, s := newTestApp(t)
	a.store = refusingSettings{Store: s}
	a.ShowSettings()
	c := a.main.Canvas()
	var name *FormEntry
	var save *widget.Button
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *FormEntry:
			if name == nil {
				name = w
			}
		case *widget.Button:
			if w.Text == T("Save") {
				save = w
			}
		}
	})
	name.SetText("Мобильный мастер")
	test.Tap(save)
	a.WaitIdle()
	var reopened bool
	for _, o := range c.Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			if e, ok := o.(*FormEntry); ok && e.Text == "Мобильный мастер" {
				reopened = true
			}
		})
	}
	if !reopened {
		t.Error("the refused settings were not offered again with what was typed")
	}
	if got, _ := s.Settings(ctx); got.CenterName == "Мобильный мастер" {
		t.Error("the refused settings were kept")
	}
}
