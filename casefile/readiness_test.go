package casefile_test

import (
	"recoverydesk/casefile"
	"recoverydesk/casefile/sample"
	"strings"
	"testing"
)

func codes(ms []casefile.Missing) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Code
	}
	return out
}

func TestReadiness(t *testing.T) {
	long := strings.Repeat("Купил с рук у соседа по объявлению, он уехал. ", 3)
	tests := []struct {
		name   string
		change func(c *casefile.Case)
		want   []string
	}{
		{"ready", func(c *casefile.Case) {}, nil},
		{"no name", func(c *casefile.Case) { c.Customer.Name = " " }, []string{casefile.MissCustomerName}},
		{"no contact", func(c *casefile.Case) { c.Customer.Phone, c.Customer.Email = "", "" }, []string{casefile.MissCustomerContact}},
		{"e-mail alone is a contact", func(c *casefile.Case) { c.Customer.Phone = "" }, nil},
		{"no consent", func(c *casefile.Case) { c.Customer.Consent = false }, []string{casefile.MissConsent}},
		{"no document number", func(c *casefile.Case) { c.Customer.IDDocument.Number = "" }, []string{casefile.MissIDDocument}},
		{"bad imei1", func(c *casefile.Case) { c.Device.IMEI1 = "490154203237519" }, []string{casefile.MissIMEI1}},
		{"bad imei2", func(c *casefile.Case) { c.Device.IMEI2 = "123" }, []string{casefile.MissIMEI2Invalid}},
		{"no model", func(c *casefile.Case) { c.Device.Model = "" }, []string{casefile.MissDeviceModel}},
		{"no receipt", func(c *casefile.Case) { c.Attachments = c.Attachments[1:]; c.Verification.IMEIMatchesReceipt = false }, []string{casefile.MissProofOfPurchase}},
		{"gift with a real statement needs no receipt", func(c *casefile.Case) {
			c.Attachments = c.Attachments[1:]
			c.Purchase = casefile.Purchase{Channel: casefile.ChannelGift}
			c.OwnershipStatement = long
		}, nil},
		{"second-hand with a short statement", func(c *casefile.Case) {
			c.Attachments = c.Attachments[1:]
			c.Purchase = casefile.Purchase{Channel: casefile.ChannelSecondHand}
			c.OwnershipStatement = "мой"
		}, []string{casefile.MissProofOfPurchase}},
		{"second-hand with receipt still tells the story", func(c *casefile.Case) {
			c.Purchase.Channel = casefile.ChannelSecondHand
			c.OwnershipStatement = "мой"
		}, []string{casefile.MissSecondHandStory}},
		{"no box photo", func(c *casefile.Case) {
			c.Attachments = []casefile.Attachment{{Kind: casefile.AttachReceipt}, {Kind: casefile.AttachIMEIScreen}}
		}, []string{casefile.MissBoxPhoto}},
		{"not verified", func(c *casefile.Case) { c.Verification = casefile.Verification{} }, []string{casefile.MissIMEIMatchBox, casefile.MissIMEIMatchReceipt}},
		{"no region", func(c *casefile.Case) { c.SupportRegion = "" }, []string{casefile.MissSupportRegion}},
		{"not declared stolen or not", func(c *casefile.Case) { c.Declarations.NotLostOrStolen = false }, []string{casefile.MissDeclNotStolen}},
		{"no declaration at all", func(c *casefile.Case) { c.Declarations = casefile.Declarations{}; c.Customer.Consent = false },
			[]string{casefile.MissConsent, casefile.MissDeclNotStolen, casefile.MissDeclMayBeErased, casefile.MissDeclFactsTrue}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := sample.ReadyCase()
			tt.change(c)
			got := casefile.Readiness(c)
			if strings.Join(codes(got), ",") != strings.Join(tt.want, ",") {
				t.Fatalf("Readiness() = %v, want %v", codes(got), tt.want)
			}
			for _, m := range got {
				if m.Message == "" || m.Field == "" {
					t.Errorf("%s has no message or field", m.Code)
				}
			}
		})
	}
}

func TestReadiness_EmptyCaseListsEverything(t *testing.T) {
	got := casefile.Readiness(&casefile.Case{})
	if len(got) < 10 {
		t.Fatalf("an empty case misses only %v", codes(got))
	}
}

func TestRecommendRoute(t *testing.T) {
	tests := []struct {
		acc     casefile.Account
		channel casefile.Channel
		want    casefile.Route
	}{
		{casefile.Account{KnowsLogin: true, ControlsLinkedContact: true}, casefile.ChannelRetailer, casefile.RouteSelfService},
		{casefile.Account{KnowsLogin: true, ControlsLinkedContact: true}, casefile.ChannelSecondHand, casefile.RouteSelfService},
		{casefile.Account{KnowsLogin: true}, casefile.ChannelSecondHand, casefile.RouteSellerFirst},
		{casefile.Account{}, casefile.ChannelSecondHand, casefile.RouteSellerFirst},
		{casefile.Account{KnowsLogin: true}, casefile.ChannelOfficial, casefile.RouteDossier},
		{casefile.Account{ControlsLinkedContact: true}, casefile.ChannelGift, casefile.RouteDossier},
	}
	for _, tt := range tests {
		c := &casefile.Case{Account: tt.acc, Purchase: casefile.Purchase{Channel: tt.channel}}
		if got := casefile.RecommendRoute(c); got != tt.want {
			t.Errorf("RecommendRoute(%+v, %s) = %s, want %s", tt.acc, tt.channel, got, tt.want)
		}
	}
}
