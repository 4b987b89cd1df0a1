package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
)

func TestCaseForm_DeclarationsAskedAndStamped(t *testing.T) {
	a, s := newTestApp(t, seeded("Петров Пётр", "490154203237518", casefile.StatusIntake, 1))
	f := a.OpenCase(number(t, a, 0))
	has := func(code string) bool {
		for _, m := range f.Missing() {
			if m.Code == code {
				return true
			}
		}
		return false
	}
	for _, code := range []string{casefile.MissDeclNotStolen, casefile.MissDeclMayBeErased, casefile.MissDeclFactsTrue} {
		if !has(code) {
			t.Errorf("%s is not listed as missing", code)
		}
	}
	test.Tap(f.decl.notStolen)
	test.Tap(f.decl.factsTrue)
	test.Tap(f.decl.mayBeErased)
	test.Tap(f.decl.mayBeErased) // withdrawn again
	if has(casefile.MissDeclNotStolen) || has(casefile.MissDeclFactsTrue) || !has(casefile.MissDeclMayBeErased) {
		t.Errorf("the checklist does not follow the ticks: %v", f.Missing())
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	c, err := s.Case(a.ctx, f.Case().Number)
	if err != nil {
		t.Fatal(err)
	}
	d := c.Declarations
	if !d.NotLostOrStolen || d.NotLostOrStolenAt.IsZero() || !d.FactsTrue || d.FactsTrueAt.IsZero() {
		t.Errorf("given declarations not stored with their time: %+v", d)
	}
	if d.MayBeErased || !d.MayBeErasedAt.IsZero() {
		t.Errorf("a withdrawn declaration is stored as given: %+v", d)
	}
}
