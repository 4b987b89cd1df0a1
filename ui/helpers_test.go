package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
	"recoverydesk/data/sqlite"
)

var testNow = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// newTestApp starts the desk on Fyne's test driver with a real store in a temporary folder,
// its clock fixed at testNow.
func newTestApp(t *testing.T, cases ...*casefile.Case) (*App, *sqlite.Store) {
	t.Helper()
	return newTestAppAt(t, testNow, cases...)
}

// newTestAppAt is newTestApp with the desk's clock at now: the screens and the store read it,
// never the wall clock.
func newTestAppAt(t *testing.T, now time.Time, cases ...*casefile.Case) (*App, *sqlite.Store) {
	t.Helper()
	fa := test.NewTempApp(t)
	dir := t.TempDir()
	s, err := sqlite.Open(filepath.Join(dir, "cases.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	clock := now
	s.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	if len(cases) > 0 {
		if err := s.SeedCases(context.Background(), cases); err != nil {
			t.Fatal(err)
		}
	}
	set := casefile.DefaultSettings()
	set.Technician = "Анна Котова"
	a := newApp(fa, s, Options{Operator: "tester", ExportDir: t.TempDir(), DataDir: dir, Now: func() time.Time { return now }}, set, true)
	a.WaitIdle()
	t.Cleanup(a.WaitIdle)
	return a, s
}

// seeded makes a case as the demo would, at fixed times, for stable screens.
func seeded(name, imei string, status casefile.Status, daysAgo int) *casefile.Case {
	return seededAt(testNow, name, imei, status, daysAgo)
}

// seededAt is seeded with the days counted back from now.
func seededAt(now time.Time, name, imei string, status casefile.Status, daysAgo int) *casefile.Case {
	at := now.AddDate(0, 0, -daysAgo)
	c := &casefile.Case{
		Customer: casefile.Customer{Name: name, Phone: "+7 912 000-00-0" + imei[14:], Consent: true},
		Device:   casefile.Device{Brand: "Redmi", Model: "Redmi Note 12", IMEI1: imei},
		Status:   status, CreatedAt: at, CreatedBy: "Анна", StatusSince: at,
		History: []casefile.Event{{At: at, Operator: "Анна", Action: casefile.ActionCreated, To: casefile.StatusIntake}},
	}
	return c
}

func number(t *testing.T, a *App, i int) string {
	t.Helper()
	r, ok := a.list.Row(i)
	if !ok {
		t.Fatalf("no row %d", i)
	}
	return r.Number
}

// plainText is what a person reads in rendered markup: tags dropped, wrapped lines rejoined.
func plainText(markup string) string {
	var b strings.Builder
	in := false
	for _, r := range markup {
		switch {
		case r == '<':
			in = true
			b.WriteRune(' ')
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
