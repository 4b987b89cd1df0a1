package ui

import (
	"os"
	"runtime"
	"strings"
	"testing"
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
