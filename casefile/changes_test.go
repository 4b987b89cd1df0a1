package casefile

import (
	"slices"
	"testing"
	"time"
)

// TestChangedFields: the history names the fields typed differently, a tick whose source
// changed as the tick (once, however both changed), and not a declaration's time nor what has
// a history of its own (the number, the status, the files).
func TestChangedFields(t *testing.T) {
	base := func() *Case {
		return &Case{Number: "2026-00001", Status: StatusIntake, Customer: Customer{Name: "Иванов"},
			Device: Device{IMEI1: "490154203237518"}, Verification: Verification{IMEIMatchesBox: true, BoxTickedFrom: "box.jpg"}}
	}
	for _, tt := range []struct {
		name   string
		change func(*Case)
		want   []string
	}{
		{"nothing", func(*Case) {}, nil},
		{"a name and an IMEI", func(c *Case) { c.Customer.Name = "Петров"; c.Device.IMEI2 = "356938035643809" }, []string{"customer.name", "device.imei2"}},
		{"the technician's own tick instead of the machine's", func(c *Case) { c.Verification.BoxTickedFrom = "" }, []string{"verification.imei_matches_box"}},
		{"the tick taken back", func(c *Case) { c.Verification.IMEIMatchesBox, c.Verification.BoxTickedFrom = false, "" }, []string{"verification.imei_matches_box"}},
		{"the consent's time alone", func(c *Case) { c.Customer.ConsentAt = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }, nil},
		{"number, status and files", func(c *Case) {
			c.Number, c.Status, c.Attachments = "2026-00002", StatusSubmitted, []Attachment{{Name: "box.jpg"}}
		}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b := base()
			tt.change(b)
			if got := ChangedFields(base(), b); !slices.Equal(got, tt.want) {
				t.Fatalf("ChangedFields = %v, want %v", got, tt.want)
			}
		})
	}
}
