package ui

import (
	"embed"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"recoverydesk/casefile"
)

//go:embed translations
var translations embed.FS

// setLanguage loads the translations, following the system locale unless the setting names a
// language. Fyne has no call to force a locale, but it reads LANGUAGE again whenever
// translations are added, so setting it first switches Fyne's own strings too.
func setLanguage(code string) {
	if code == "en" || code == "ru" {
		os.Setenv("LANGUAGE", code)
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading translations", err)
	}
}

// T translates a user-facing English phrase.
func T(s string) string { return lang.L(s) }

// Tf translates a phrase whose translation holds {{.N}}-style fields.
func Tf(s string, data map[string]any) string { return lang.L(s, data) }

// statusName is a status as people read it.
func statusName(s casefile.Status) string {
	return T(map[casefile.Status]string{
		casefile.StatusIntake: "Intake", casefile.StatusSelfService: "Self-service reset", casefile.StatusSubmitted: "Waiting for support",
		casefile.StatusInfoRequested: "Support asks for more", casefile.StatusResolved: "Unlocked", casefile.StatusRejected: "Refused",
		casefile.StatusClosed: "Closed",
	}[s])
}

// kindName is an evidence kind as people read it.
func kindName(k casefile.AttachmentKind) string {
	if k == casefile.AttachOther {
		// "Other" is a reserved plural key in go-i18n, so it goes by a key of its own.
		return lang.X("kind.other", "Other")
	}
	return T(map[casefile.AttachmentKind]string{
		casefile.AttachReceipt: "Receipt / invoice", casefile.AttachBox: "Box with IMEI label", casefile.AttachIMEIScreen: "*#06# screen",
		casefile.AttachLockScreen: "Lock screen", casefile.AttachIDDocument: "Identity document", casefile.AttachDevice: "Device photo",
	}[k])
}

// channelName is a purchase channel as people read it.
func channelName(c casefile.Channel) string {
	if c == casefile.ChannelOther {
		return lang.X("channel.other", "Other")
	}
	return T(map[casefile.Channel]string{
		casefile.ChannelOfficial: "Official store", casefile.ChannelRetailer: "Retailer", casefile.ChannelSecondHand: "Second-hand",
		casefile.ChannelGift: "Gift",
	}[c])
}

// guessKind proposes a kind from a file's name, for the technician to confirm.
func guessKind(name string) casefile.AttachmentKind {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "receipt"), strings.Contains(n, "чек"), strings.Contains(n, "invoice"), strings.HasSuffix(n, ".pdf"):
		return casefile.AttachReceipt
	case strings.Contains(n, "box"), strings.Contains(n, "короб"), strings.Contains(n, "label"):
		return casefile.AttachBox
	case strings.Contains(n, "imei"), strings.Contains(n, "06"):
		return casefile.AttachIMEIScreen
	case strings.Contains(n, "lock"), strings.Contains(n, "блок"):
		return casefile.AttachLockScreen
	case strings.Contains(n, "passport"), strings.Contains(n, "паспорт"):
		return casefile.AttachIDDocument
	}
	return casefile.AttachDevice
}
