package ui

import (
	"embed"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"recoverydesk/casefile"
)

//go:embed translations
var translations embed.FS

// setLanguage chooses the interface's language: the setting's code ("en" or "ru"), or the
// system's for "". Our phrases are translated by a localizer of our own, because Fyne follows
// the system locale only: on Windows it asks Windows, and a technician who chose Russian on an
// English Windows would get English. LANGUAGE is set too, so that Fyne's own phrases (its file
// dialog) follow the choice where Fyne reads it (Linux, BSD).
func setLanguage(code string) {
	if code == "en" || code == "ru" {
		os.Setenv("LANGUAGE", code)
	}
	if err := lang.AddTranslationsFS(translations, "translations"); err != nil {
		fyne.LogError("loading translations", err)
	}
	if code == "en" || code == "ru" {
		followChoice(code)
	} else {
		code = systemLang()
	}
	localizer.Store(i18n.NewLocalizer(phrases(), code))
}

// fyneText is Fyne's own wording of its phrases (its file dialog's buttons, Cancel, OK) in our
// two languages, copied from Fyne's lang/translations (BSD-3-Clause, as Fyne).
//
//go:embed fynetext
var fyneText embed.FS

// followChoice makes Fyne's own phrases speak the chosen language where Fyne takes its language
// from the system alone (Windows, macOS): the chosen language's phrases are registered under the
// system's locale, which Fyne then picks. Where Fyne reads LANGUAGE (Linux), this changes nothing.
func followChoice(code string) {
	data, err := fyneText.ReadFile("fynetext/base." + code + ".json")
	if err != nil {
		return
	}
	if err := lang.AddTranslationsForLocale(data, lang.SystemLocale()); err != nil {
		fyne.LogError("loading Fyne's phrases", err)
	}
}

// phrases is the bundle of our translations, read once from the embedded files.
var phrases = sync.OnceValue(func() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, name := range []string{"en.json", "ru.json"} {
		if _, err := b.LoadMessageFileFS(translations, "translations/"+name); err != nil {
			fyne.LogError("loading translations", err)
		}
	}
	return b
})

// localizer translates into the chosen language; until setLanguage runs, the system's.
var localizer atomic.Pointer[i18n.Localizer]

// T translates a user-facing English phrase.
func T(s string) string { return Tf(s, nil) }

// Tf translates a phrase whose translation holds {{.N}}-style fields.
func Tf(s string, data map[string]any) string {
	l := localizer.Load()
	if l == nil {
		l = i18n.NewLocalizer(phrases(), systemLang())
		localizer.CompareAndSwap(nil, l)
	}
	cfg := &i18n.LocalizeConfig{DefaultMessage: &i18n.Message{ID: s, Other: s}}
	if data != nil {
		cfg.TemplateData = data
	}
	out, err := l.Localize(cfg)
	if out == "" && err != nil {
		return s
	}
	return out
}

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
