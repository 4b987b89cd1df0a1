// Package storetest is the conformance suite every store engine passes: the behaviour the
// window and the commands rely on, checked through the data.Store contract alone.
package storetest

import (
	"context"
	"testing"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

var ctx = context.Background()

// Run runs the suite. open returns a new, empty store for one test, closed by the test's
// cleanup, whose clock starts at 2026-11-24 10:00 UTC so that case numbers are 2026-…
func Run(t *testing.T, open func(t *testing.T) data.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, open func(t *testing.T) data.Store)
	}{
		{"Search", testSearch},
		{"SearchStatusAndSort", testSearchStatusAndSort},
		{"CasesWithIMEI", testCasesWithIMEI},
		{"CountFollowsChanges", testCountFollowsChanges},
		{"BarcodesKept", testBarcodesKept},
		{"FilesLoadedWhenStored", testFilesLoadedWhenStored},
		{"TickSourceInHistory", testTickSourceInHistory},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { tt.run(t, open) })
	}
}

// sampleCase is a complete intake, the same one every engine's own tests use.
func sampleCase() *casefile.Case {
	return &casefile.Case{
		Customer: casefile.Customer{Name: "Иванов Иван Петрович", Phone: "+7 912 345-67-89", Email: "Ivanov@Example.com",
			IDDocument: casefile.IDDocument{Type: "Паспорт РФ", Number: "4510 123456"}, Consent: true},
		Device:   casefile.Device{Brand: "Xiaomi", Model: "Redmi Note 12", IMEI1: "4901 5420 3237 518", IMEI2: "35-209900-176148-1", LockScreenText: "Locked 123***789"},
		Purchase: casefile.Purchase{Date: "2024-03-15", Seller: "Связной", Channel: casefile.ChannelRetailer},
	}
}
