package casefile

import "testing"

func TestFormatRubles(t *testing.T) {
	for _, tt := range []struct{ sum, lang, want string }{
		{"21990.00", "ru", "21\u00a0990,00"},
		{"21990.00", "en", "21,990.00"},
		{"1234567.5", "ru", "1\u00a0234\u00a0567,50"},
		{"999", "en", "999.00"},
		{"0.07", "ru", "0,07"},
		{"abc", "ru", "abc"},
	} {
		if got := FormatRubles(tt.sum, tt.lang); got != tt.want {
			t.Errorf("FormatRubles(%q, %s) = %q, want %q", tt.sum, tt.lang, got, tt.want)
		}
	}
}
