package sample

import (
	"fmt"
	"math/rand/v2"
	"recoverydesk/casefile"
	"strings"
	"time"
)

// Sample data for the demo database and the benchmarks: realistic, varied, and clearly fake
// (the e-mail domain is example.com, the document numbers are random).

var (
	maleFirst    = []string{"Иван", "Алексей", "Дмитрий", "Сергей", "Андрей", "Михаил", "Никита", "Артём", "Олег", "Павел", "Юрий", "Тимур"}
	femaleFirst  = []string{"Анна", "Мария", "Елена", "Ольга", "Алёна", "Татьяна", "Наталья", "Екатерина", "Дарья", "Юлия", "Ксения", "Софья"}
	surnames     = []string{"Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Козлов", "Новиков", "Морозов", "Петров", "Волков", "Соловьёв", "Васильев", "Зайцев", "Павлов", "Семёнов", "Голубев", "Виноградов", "Богданов", "Воробьёв"}
	patronymicsM = []string{"Иванович", "Петрович", "Сергеевич", "Алексеевич", "Дмитриевич", "Андреевич", "Николаевич", "Олегович"}
	patronymicsF = []string{"Ивановна", "Петровна", "Сергеевна", "Алексеевна", "Дмитриевна", "Андреевна", "Николаевна", "Олеговна"}
	latin        = map[rune]string{'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ы': "y", 'ь': "", 'ъ': "", 'э': "e", 'ю': "yu", 'я': "ya"}
	models       = []struct{ brand, model string }{
		{"Xiaomi", "Xiaomi 13T"}, {"Xiaomi", "Xiaomi 12 Lite"}, {"Redmi", "Redmi Note 12"}, {"Redmi", "Redmi Note 13 Pro"},
		{"Redmi", "Redmi 12C"}, {"Redmi", "Redmi 9A"}, {"POCO", "POCO X5 Pro"}, {"POCO", "POCO F5"}, {"POCO", "POCO M5s"}, {"Xiaomi", "Xiaomi 14"},
	}
	sellers = []struct{ name, contact string }{
		{"ООО «ДНС Ритейл»", "8 800 77-007-99"}, {"ООО «МВМ» (М.Видео)", "8 800 600-777-5"}, {"Mi Store, ТЦ «Европейский»", "+7 495 000-12-34"},
		{"ООО «Ситилинк»", "8 800 100-53-13"}, {"ИП Гусейнов (павильон «Мобайл»)", "+7 916 000-45-67"},
	}
	// Support's refusals as a Russian counter writes them down, like the rest of the demo.
	rejectReasons = []string{
		"Чек от неизвестного продавца: поддержка просит документ от авторизованного магазина.",
		"IMEI в чеке не совпадает с устройством.",
		"Покупка с рук без подтверждения от продавца.",
		"Поддержка сообщает, что устройство числится утерянным.",
	}
	regions = []string{"global", "global", "global", "hk", "us"}
)

// IMEI makes a valid IMEI with a Xiaomi-like TAC.
func IMEI(r *rand.Rand) string {
	d := fmt.Sprintf("86%06d%06d", r.IntN(1000000), r.IntN(1000000))
	return d + string(casefile.LuhnDigit(d))
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func translit(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if l, ok := latin[c]; ok {
			b.WriteString(l)
		} else if c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Case makes one plausible case opened within the year before now, with a status and a
// history that could have happened. Attachments are left to the caller (photos are costly).
func Case(r *rand.Rand, now time.Time) *casefile.Case {
	female := r.IntN(2) == 0
	first, sur, patr := pick(r, maleFirst), pick(r, surnames), pick(r, patronymicsM)
	if female {
		first, sur, patr = pick(r, femaleFirst), pick(r, surnames)+"а", pick(r, patronymicsF)
	}
	m := pick(r, models)
	c := &casefile.Case{
		Customer: casefile.Customer{
			Name:       sur + " " + first + " " + patr,
			Phone:      fmt.Sprintf("+7 9%02d %03d-%02d-%02d", r.IntN(100), r.IntN(1000), r.IntN(100), r.IntN(100)),
			Email:      fmt.Sprintf("%s.%s%d@example.com", translit(first), translit(sur), r.IntN(100)),
			IDDocument: casefile.IDDocument{Type: "Паспорт РФ", Number: fmt.Sprintf("%02d%02d %06d", r.IntN(100), r.IntN(100), r.IntN(1000000))},
			Consent:    true,
		},
		Device: casefile.Device{Brand: m.brand, Model: m.model, IMEI1: IMEI(r), IMEI2: IMEI(r),
			Serial:         fmt.Sprintf("%05d/%c%c%07d", r.IntN(100000), 'A'+rune(r.IntN(26)), 'A'+rune(r.IntN(26)), r.IntN(10000000)),
			LockScreenText: fmt.Sprintf("This device is locked. Mi Account: %d***%d", 100+r.IntN(900), 100+r.IntN(900))},
		SupportRegion: pick(r, regions),
		Verification:  casefile.Verification{IMEIMatchesBox: true, IMEIMatchesReceipt: true},
		Declarations:  casefile.Declarations{NotLostOrStolen: true, MayBeErased: true, FactsTrue: true},
	}
	roll := r.IntN(20)
	// Open cases are recent, as at a real counter; finished ones spread over the year.
	span := 365 * 24
	if roll < 11 {
		span = 45 * 24
	}
	opened := now.Add(-time.Duration(r.IntN(span)+1) * time.Hour)
	bought := opened.AddDate(0, -1-r.IntN(30), -r.IntN(28))
	switch r.IntN(10) {
	case 0, 1:
		c.Purchase = casefile.Purchase{Date: bought.Format(casefile.DateLayout), Channel: casefile.ChannelSecondHand, Seller: "частное лицо (Авито)", Price: fmt.Sprintf("%d ₽", 5000+r.IntN(20)*500)}
		c.OwnershipStatement = fmt.Sprintf("Купил телефон с рук %s через Авито у частного лица, встречались у метро. Продавец сбросил настройки при мне, но аккаунт не отвязал; на звонки и сообщения больше не отвечает.", bought.Format("02.01.2006"))
		c.Account = casefile.Account{KnowsLogin: false}
		c.Verification.IMEIMatchesReceipt = false
	case 2:
		c.Purchase = casefile.Purchase{Date: bought.Format(casefile.DateLayout), Channel: casefile.ChannelGift}
		c.OwnershipStatement = "Телефон подарила мне дочь на день рождения; чек у неё не сохранился, коробка и гарантийный талон есть. Пароль от аккаунта не знаю."
		c.Verification.IMEIMatchesReceipt = false
	default:
		s := pick(r, sellers)
		c.Purchase = casefile.Purchase{Date: bought.Format(casefile.DateLayout), Channel: pick(r, []casefile.Channel{casefile.ChannelRetailer, casefile.ChannelRetailer, casefile.ChannelOfficial}),
			Seller: s.name, SellerContact: s.contact, ReceiptNumber: fmt.Sprintf("%d-%06d", 1+r.IntN(99), r.IntN(1000000)),
			Price: fmt.Sprintf("%d ₽", 9990+r.IntN(40)*1000)}
		c.OwnershipStatement = "Телефон куплен мной лично, чек прилагаю. После сброса настроек не могу вспомнить пароль от Mi аккаунта; номер телефона, к которому он привязан, больше не обслуживается."
		c.Account = casefile.Account{Identifier: c.Customer.Phone, KnowsLogin: r.IntN(4) == 0, ControlsLinkedContact: r.IntN(3) == 0}
	}
	c.Account.Identifier = c.Customer.Phone
	sampleLife(r, c, roll, opened, now)
	return c
}

// sampleLife gives c a status and the history that led there.
func sampleLife(r *rand.Rand, c *casefile.Case, roll int, opened, now time.Time) {
	tech := pick(r, []string{"Анна К.", "Борис М.", "Виктор С."})
	at := opened
	c.CreatedAt, c.CreatedBy, c.Status = opened, tech, casefile.StatusIntake
	c.History = []casefile.Event{{At: at, Operator: tech, Action: casefile.ActionCreated, To: casefile.StatusIntake}}
	step := func(to casefile.Status, days int, note string, details map[string]string) {
		next := at.Add(time.Duration(days*24+r.IntN(8)) * time.Hour)
		if next.After(now) {
			return
		}
		at = next
		c.History = append(c.History, casefile.Event{At: at, Operator: tech, Action: casefile.ActionStatus, From: c.Status, To: to, Note: note, Details: details})
		c.Status = to
	}
	submit := func(note string) {
		step(casefile.StatusSubmitted, 1+r.IntN(3), note, map[string]string{"support_address": "service.global@xiaomi.com", "reference": fmt.Sprintf("XM%08d", r.IntN(100000000))})
	}
	switch {
	case roll < 3:
	case roll < 4:
		step(casefile.StatusSelfService, 0, "Customer knows the login and has the SIM card.", nil)
	case roll < 9:
		submit("Dossier sent with every photo.")
	case roll < 11:
		submit("Dossier sent.")
		step(casefile.StatusInfoRequested, 3+r.IntN(10), "Support asks for a clearer photo of the receipt.", nil)
	case roll < 14:
		submit("Dossier sent.")
		step(casefile.StatusResolved, 5+r.IntN(20), "Support unlocked the device.", nil)
	case roll < 16:
		submit("Dossier sent.")
		step(casefile.StatusRejected, 5+r.IntN(20), pick(r, rejectReasons), nil)
	default:
		submit("Dossier sent.")
		step(casefile.StatusResolved, 5+r.IntN(20), "Support unlocked the device.", nil)
		step(casefile.StatusClosed, 1+r.IntN(5), "Phone handed back to the customer.", nil)
	}
	c.StatusSince = at
}
