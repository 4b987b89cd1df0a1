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

	// The evidence's checks beside the fields: IMEI 1 contradicted by the box label, IMEI 2 and the
	// serial confirmed, the receipt's QR code against a typed date, with the fill button for the price.
	f.c.Attachments = []casefile.Attachment{
		evidenceFile(casefile.AttachBox, "box.jpg", label128(imeiOther, imeiSecond, "36133/A1B2C3D4")...),
		evidenceFile(casefile.AttachReceipt, "receipt.jpg", fiscalQR),
	}
	f.imei1.Entry.SetText(imeiOnPhone)
	f.imei2.Entry.SetText(imeiSecond)
	f.serial.SetText("36133/A1B2C3D4")
	f.purchaseDate.SetText("2024-02-13")
	// Wrapped lines know their height once they have a width: a second layout settles them, as
	// the window's next frame does.
	f.win.Resize(fyne.NewSize(1100, 701))
	f.win.Resize(fyne.NewSize(1100, 700))
	test.AssertRendersToMarkup(t, "caseform_evidence_checks.xml", f.win.Canvas())

	n := a.NewCase()
	n.win.Resize(fyne.NewSize(1100, 700))
	test.Type(n.imei1.Entry, "49015420323751")
	test.AssertRendersToMarkup(t, "newcase_imei_suggestion.xml", n.win.Canvas())
}
