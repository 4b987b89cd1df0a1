package ui

import (
	"os"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"recoverydesk/casefile"
)

func TestMain(m *testing.M) {
	// Screens print local times; golden files must not depend on the machine's zone.
	time.Local = time.UTC
	os.Exit(m.Run())
}

// TestMarkup_MainScreens compares the list and the case form with golden markup. After a
// deliberate change, review testdata/failed/*.xml and copy them over testdata/.
func TestMarkup_MainScreens(t *testing.T) {
	a, _ := newTestApp(t,
		seeded("Иванов Иван Петрович", "490154203237518", casefile.StatusIntake, 5),
		seeded("Смирнова Алёна Сергеевна", "352099001761481", casefile.StatusSubmitted, 20),
		seeded("Петров Пётр", "354178036859789", casefile.StatusResolved, 2))
	a.main.Resize(fyne.NewSize(1000, 360))
	test.AssertRendersToMarkup(t, "caselist.xml", a.main.Canvas())

	f := a.OpenCase(number(t, a, 1))
	f.win.Resize(fyne.NewSize(1100, 700))
	test.AssertRendersToMarkup(t, "caseform.xml", f.win.Canvas())

	n := a.NewCase()
	n.win.Resize(fyne.NewSize(1100, 700))
	test.Type(n.imei1.Entry, "49015420323751")
	test.AssertRendersToMarkup(t, "newcase_imei_suggestion.xml", n.win.Canvas())
}
