package sample

import "recoverydesk/casefile"

// ReadyCase returns a case with everything a dossier needs and nothing more: the base that
// the domain's, the documents' and the evidence tests take one thing away from at a time.
func ReadyCase() *casefile.Case {
	return &casefile.Case{
		Status: casefile.StatusIntake,
		Customer: casefile.Customer{Name: "Иванов Иван Петрович", Phone: "+7 912 345-67-89", Email: "ivanov@example.com",
			IDDocument: casefile.IDDocument{Type: "Паспорт РФ", Number: "4510 123456"}, Consent: true},
		Device: casefile.Device{Brand: "Xiaomi", Model: "Redmi Note 12", IMEI1: "490154203237518", IMEI2: "352099001761481",
			Serial: "12345/A1BC67890", LockScreenText: "Locked by account 123***789"},
		Account:            casefile.Account{Identifier: "+7 912 *** ** 89"},
		Purchase:           casefile.Purchase{Date: "2024-03-15", Seller: "ООО «Связной»", Channel: casefile.ChannelRetailer, ReceiptNumber: "A-1024", Price: "18 990 ₽"},
		OwnershipStatement: "Телефон куплен мной лично в магазине, пароль от аккаунта забыт после сброса настроек.",
		SupportRegion:      "global",
		Verification:       casefile.Verification{IMEIMatchesBox: true, IMEIMatchesReceipt: true},
		Declarations:       casefile.Declarations{NotLostOrStolen: true, MayBeErased: true, FactsTrue: true},
		Attachments:        []casefile.Attachment{{Kind: casefile.AttachReceipt}, {Kind: casefile.AttachBox}, {Kind: casefile.AttachIMEIScreen}},
	}
}
