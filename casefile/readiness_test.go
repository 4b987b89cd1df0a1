package casefile

import (
	"strings"
	"testing"
)

func codes(ms []Missing) []string {
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
		change func(c *Case)
		want   []string
	}{
		{"ready", func(c *Case) {}, nil},
		{"no name", func(c *Case) { c.Customer.Name = " " }, []string{MissCustomerName}},
		{"no contact", func(c *Case) { c.Customer.Phone, c.Customer.Email = "", "" }, []string{MissCustomerContact}},
		{"e-mail alone is a contact", func(c *Case) { c.Customer.Phone = "" }, nil},
		{"no consent", func(c *Case) { c.Customer.Consent = false }, []string{MissConsent}},
		{"no document number", func(c *Case) { c.Customer.IDDocument.Number = "" }, []string{MissIDDocument}},
		{"bad imei1", func(c *Case) { c.Device.IMEI1 = "490154203237519" }, []string{MissIMEI1}},
		{"bad imei2", func(c *Case) { c.Device.IMEI2 = "123" }, []string{MissIMEI2Invalid}},
		{"no model", func(c *Case) { c.Device.Model = "" }, []string{MissDeviceModel}},
		{"no receipt", func(c *Case) { c.Attachments = c.Attachments[1:]; c.Verification.IMEIMatchesReceipt = false }, []string{MissProofOfPurchase}},
		{"gift with a real statement needs no receipt", func(c *Case) {
			c.Attachments = c.Attachments[1:]
			c.Purchase = Purchase{Channel: ChannelGift}
			c.OwnershipStatement = long
		}, nil},
		{"second-hand with a short statement", func(c *Case) {
			c.Attachments = c.Attachments[1:]
			c.Purchase = Purchase{Channel: ChannelSecondHand}
			c.OwnershipStatement = "мой"
		}, []string{MissProofOfPurchase}},
		{"second-hand with receipt still tells the story", func(c *Case) {
			c.Purchase.Channel = ChannelSecondHand
			c.OwnershipStatement = "мой"
		}, []string{MissSecondHandStory}},
		{"no box photo", func(c *Case) { c.Attachments = []Attachment{{Kind: AttachReceipt}, {Kind: AttachIMEIScreen}} }, []string{MissBoxPhoto}},
		{"not verified", func(c *Case) { c.Verification = Verification{} }, []string{MissIMEIMatchBox, MissIMEIMatchReceipt}},
		{"no region", func(c *Case) { c.SupportRegion = "" }, []string{MissSupportRegion}},
		{"not declared stolen or not", func(c *Case) { c.Declarations.NotLostOrStolen = false }, []string{MissDeclNotStolen}},
		{"no declaration at all", func(c *Case) { c.Declarations = Declarations{}; c.Customer.Consent = false },
			[]string{MissConsent, MissDeclNotStolen, MissDeclMayBeErased, MissDeclFactsTrue}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := readyCase()
			tt.change(c)
			got := Readiness(c)
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
	got := Readiness(&Case{})
	if len(got) < 10 {
		t.Fatalf("an empty case misses only %v", codes(got))
	}
}

func TestRecommendRoute(t *testing.T) {
	tests := []struct {
		acc     Account
		channel Channel
		want    Route
	}{
		{Account{KnowsLogin: true, ControlsLinkedContact: true}, ChannelRetailer, RouteSelfService},
		{Account{KnowsLogin: true, ControlsLinkedContact: true}, ChannelSecondHand, RouteSelfService},
		{Account{KnowsLogin: true}, ChannelSecondHand, RouteSellerFirst},
		{Account{}, ChannelSecondHand, RouteSellerFirst},
		{Account{KnowsLogin: true}, ChannelOfficial, RouteDossier},
		{Account{ControlsLinkedContact: true}, ChannelGift, RouteDossier},
	}
	for _, tt := range tests {
		c := &Case{Account: tt.acc, Purchase: Purchase{Channel: tt.channel}}
		if got := RecommendRoute(c); got != tt.want {
			t.Errorf("RecommendRoute(%+v, %s) = %s, want %s", tt.acc, tt.channel, got, tt.want)
		}
	}
}
