package casefile_test

import (
	"errors"
	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"strings"
	"testing"
)

func TestCase_Validate(t *testing.T) {
	tests := []struct {
		name      string
		change    func(c *casefile.Case)
		wantField string
	}{
		{"ready case", func(c *casefile.Case) {}, ""},
		{"half-filled case saves", func(c *casefile.Case) { *c = casefile.Case{Customer: casefile.Customer{Name: "Пётр"}} }, ""},
		{"no name", func(c *casefile.Case) { c.Customer.Name = "" }, "customer.name"},
		{"bad e-mail", func(c *casefile.Case) { c.Customer.Email = "ivanov@" }, "customer.email"},
		{"bad imei", func(c *casefile.Case) { c.Device.IMEI1 = "490154203237519" }, "device.imei1"},
		{"same imeis", func(c *casefile.Case) { c.Device.IMEI2 = "4901 5420 3237 518" }, "device.imei2"},
		{"bad date", func(c *casefile.Case) { c.Purchase.Date = "31.02.2024" }, "purchase.date"},
		{"slashed date (which day comes first?)", func(c *casefile.Case) { c.Purchase.Date = "03/04/2024" }, "purchase.date"},
		{"future date", func(c *casefile.Case) { c.Purchase.Date = "2999-01-01" }, "purchase.date"},
		{"bad channel", func(c *casefile.Case) { c.Purchase.Channel = "market" }, "purchase.channel"},
		{"bad kind", func(c *casefile.Case) { c.Attachments[0].Kind = "selfie" }, "attachments[0].kind"},
		{"invalid utf-8", func(c *casefile.Case) { c.Notes = "ok \xff" }, "notes"},
		{"nul byte", func(c *casefile.Case) { c.Customer.Name = "a\x00b" }, "customer.name"},
		{"10 MB field", func(c *casefile.Case) { c.OwnershipStatement = strings.Repeat("я", 10<<20) }, "ownership_statement"},
		{"long name", func(c *casefile.Case) { c.Customer.Name = strings.Repeat("a", casefile.MaxShortText+1) }, "customer.name"},
		{"emoji and rtl are text", func(c *casefile.Case) { c.Notes = "👍 שלום مرحبا" }, ""},
		{"sql metacharacters are text", func(c *casefile.Case) { c.Customer.Name = "Robert'); DROP TABLE cases;--" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample.ReadyCase()
			tt.change(c)
			err := c.Validate()
			if tt.wantField == "" {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			var ve casefile.ValidationError
			if !errors.As(err, &ve) || ve.Field(tt.wantField) == "" || ve[0].Code == "" {
				t.Fatalf("Validate() = %v, want an error on %s", err, tt.wantField)
			}
		})
	}
}

func TestCase_Normalize(t *testing.T) {
	c := &casefile.Case{Device: casefile.Device{Model: " Redmi Note 12 ", IMEI1: "35-209900-176148-1", IMEI2: "35-417803-685978-2"}}
	c.Normalize()
	if c.Device.IMEI1 != "352099001761481" {
		t.Errorf("IMEI1 = %q", c.Device.IMEI1)
	}
	if c.Device.IMEI2 != "35-417803-685978-2" {
		t.Errorf("an invalid IMEI must be kept as typed, got %q", c.Device.IMEI2)
	}
	if c.Device.Brand != "Redmi" || c.Device.Model != "Redmi Note 12" {
		t.Errorf("device = %+v", c.Device)
	}
}
