package ui

import (
	"os"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"recoverydesk/casefile"
)

// TestSetLanguage_ChoiceBeatsTheSystem: the language chosen in the settings is the one the
// phrases come in, whatever the environment says (Windows ignores LANGUAGE; here it is also
// changed behind the choice's back), and "" follows the system's.
func TestSetLanguage_ChoiceBeatsTheSystem(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	const phrase, russian = "Waiting for support", "Ждём поддержку"
	tests := []struct {
		choice, env, want string
	}{
		{"ru", "en", russian},
		{"en", "ru", phrase},
	}
	if runtime.GOOS != "windows" { // there the system's language is Windows' own setting
		tests = append(tests, []struct{ choice, env, want string }{{"", "ru", russian}, {"", "en", phrase}}...)
	}
	for _, tt := range tests {
		t.Setenv("LANGUAGE", tt.env)
		setLanguage(tt.choice)
		os.Setenv("LANGUAGE", tt.env)
		if got := T(phrase); got != tt.want {
			t.Errorf("choice %q, LANGUAGE=%s: %q, want %q", tt.choice, tt.env, got, tt.want)
		}
	}
	setLanguage("ru")
	got := Tf("14 digits: the check digit is missing. Did you mean {{.IMEI}}?", map[string]any{"IMEI": "352099001761481"})
	if !strings.HasPrefix(got, "14 цифр") || !strings.Contains(got, "352099001761481") {
		t.Errorf("a phrase with a field: %q", got)
	}
}

// TestEventText_FileInThePersonsWords: a file added or removed reads by its kind's name and its
// file name, once, never the store's note ("imei_screen: photo.jpg") after it.
func TestEventText_FileInThePersonsWords(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	for _, tt := range []struct{ lang, want string }{
		{"en", "File added: *#06# screen — screen.jpg"},
		{"ru", "Добавлен файл: Экран *#06# — screen.jpg"},
	} {
		setLanguage(tt.lang)
		got := eventText(casefile.Event{Action: casefile.ActionAttachmentAdded, Note: "imei_screen: screen.jpg",
			Details: map[string]string{"kind": "imei_screen", "name": "screen.jpg"}})
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.lang, got, tt.want)
		}
	}
	setLanguage("en")
	if got := eventText(casefile.Event{Action: casefile.ActionAttachmentRemoved, Note: "replaced by a sharper photo",
		Details: map[string]string{"kind": "box", "name": "box.jpg"}}); !strings.Contains(got, "replaced by a sharper photo") {
		t.Errorf("a removal's own note was dropped: %q", got)
	}
}

// TestSetLanguage_FynesOwnPhrasesFollow: Fyne's own phrases (its dialogs' buttons) speak the
// chosen language too, also where Fyne would follow the system's alone (Windows, under Wine).
func TestSetLanguage_FynesOwnPhrasesFollow(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	for _, tt := range []struct{ code, want string }{{"ru", "Отмена"}, {"en", "Cancel"}, {"ru", "Отмена"}} {
		setLanguage(tt.code)
		if got := lang.L("Cancel"); got != tt.want {
			t.Errorf("%s: Fyne's Cancel reads %q, want %q", tt.code, got, tt.want)
		}
	}
}
