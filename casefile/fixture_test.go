package casefile

// readyCase returns a case with everything a dossier needs, for tests to take away from.
func readyCase() *Case {
	return &Case{
		Status: StatusIntake,
		Customer: Customer{Name: "Иванов Иван Петрович", Phone: "+7 912 345-67-89", Email: "ivanov@example.com",
			IDDocument: IDDocument{Type: "Паспорт РФ", Number: "4510 123456"}, Consent: true},
		Device: Device{Brand: "Xiaomi", Model: "Redmi Note 12", IMEI1: "490154203237518", IMEI2: "352099001761481",
			Serial: "12345/A1BC67890", LockScreenText: "Locked by account 123***789"},
		Account:            Account{Identifier: "+7 912 *** ** 89"},
		Purchase:           Purchase{Date: "2024-03-15", Seller: "ООО «Связной»", Channel: ChannelRetailer, ReceiptNumber: "A-1024", Price: "18 990 ₽"},
		OwnershipStatement: "Телефон куплен мной лично в магазине, пароль от аккаунта забыт после сброса настроек.",
		SupportRegion:      "global",
		Verification:       Verification{IMEIMatchesBox: true, IMEIMatchesReceipt: true},
		Declarations:       Declarations{NotLostOrStolen: true, MayBeErased: true, FactsTrue: true},
		Attachments:        []Attachment{{Kind: AttachReceipt}, {Kind: AttachBox}, {Kind: AttachIMEIScreen}},
	}
}
