package ui

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zone database, for machines without one

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
)

// The days a case has waited and the overview's counts come from the desk's clock: the same
// cases, the same days back, show the same figures on any day — here the golden files' day and
// four hundred days later, across a year end and a leap day, in two time zones.
func TestClock_ScreensCountDaysFromTheDesksClock(t *testing.T) {
	moscow, err := time.LoadLocation("Europe/Moscow")
	if err != nil {
		t.Fatal(err)
	}
	days := []struct {
		name string
		now  time.Time
	}{
		{"golden day, UTC", testNow},
		{"400 days on, UTC", testNow.AddDate(0, 0, 400)},
		{"golden day, Moscow", testNow.In(moscow)},
		{"New Year's Eve 23:30 in Moscow", time.Date(2027, 12, 31, 23, 30, 0, 0, moscow)},
	}
	for _, d := range days {
		t.Run(d.name, func(t *testing.T) {
			a, _ := newTestAppAt(t, d.now,
				seededAt(d.now, "Иванов Иван Петрович", "490154203237518", casefile.StatusIntake, 5),
				seededAt(d.now, "Смирнова Алёна Сергеевна", "352099001761481", casefile.StatusSubmitted, 20),
				seededAt(d.now, "Петров Пётр", "354178036859789", casefile.StatusResolved, 2))
			a.main.Resize(fyne.NewSize(1000, 360))
			list := plainText(test.RenderObjectToMarkup(a.main.Canvas().Content()))
			for _, want := range []string{
				"Иванов Иван Петрович Redmi Note 12 Intake 5",
				"Смирнова Алёна Сергеевна Redmi Note 12 ⚠ Waiting for support 20",
				"Петров Пётр Redmi Note 12 Unlocked 2",
			} {
				if !strings.Contains(list, want) {
					t.Errorf("the list lacks %q:\n%s", want, list)
				}
			}
			o := a.ShowOverview()
			o.Reload()
			if o.data.Overdue != 1 || len(o.data.Waiting) != 1 || o.data.Waiting[0].DaysInStatus(a.now()) != 20 {
				t.Errorf("overview at %s = %+v", d.now, o.data)
			}
		})
	}
}
