package casefile

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func TestFileName(t *testing.T) {
	long := strings.Repeat("я", 300) + ".pdf"
	tests := []struct{ in, want string }{
		{"dossier-2026-00042.pdf", "dossier-2026-00042.pdf"},
		{"Иванов И.И. чек.jpg", "Иванов И.И. чек.jpg"},
		{"2026/00042", "2026-00042"},
		{`a\b`, "a-b"},
		{"receipt: 12?.pdf", "receipt- 12-.pdf"},
		{`*<>|"x.png`, "-----x.png"},
		{"tab\there\x00.pdf", "tab-here-.pdf"},
		{"bad\xffbyte.jpg", "bad-byte.jpg"},
		{"name. ", "name"},
		{"name...", "name"},
		{"photo.jpg ", "photo.jpg"},
		{"CON", "_CON"},
		{"con.pdf", "_con.pdf"},
		{"NUL.tar.gz", "_NUL.tar.gz"},
		{"Com1.eml", "_Com1.eml"},
		{"LPT9", "_LPT9"},
		{"COM¹.txt", "_COM¹.txt"},
		{"aux .txt", "_aux .txt"},
		{"CONSOLE.pdf", "CONSOLE.pdf"},
		{"COM10.pdf", "COM10.pdf"},
		{"nul-2026-00001.pdf", "nul-2026-00001.pdf"},
		{"", "file"},
		{".", "file"},
		{"..", "file"},
		{"...", "file"},
		{"/", "file"},
		{" ", "file"},
		{".hidden", ".hidden"},
	}
	for _, tt := range tests {
		if got := FileName(tt.in); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	got := FileName(long)
	if n := len(utf16.Encode([]rune(got))); n != maxFileNameUnits || !strings.HasSuffix(got, ".pdf") {
		t.Errorf("a 304-letter name became %d UTF-16 units (%q…), want %d ending in .pdf", n, got[:10], maxFileNameUnits)
	}
	// Four-byte runes count as two UTF-16 units: the cut must not split one.
	emoji := FileName(strings.Repeat("😀", 200) + ".jpg")
	if n := len(utf16.Encode([]rune(emoji))); n > maxFileNameUnits || !strings.HasSuffix(emoji, ".jpg") {
		t.Errorf("an emoji name became %d UTF-16 units, want at most %d ending in .jpg", n, maxFileNameUnits)
	}
}

// Every name FileName returns must pass the same rules again unchanged: sanitising is idempotent.
func TestFileName_Idempotent(t *testing.T) {
	for _, in := range []string{"CON", "a:b. ", "x\x01y", strings.Repeat("ж", 400), "..", "nul.txt"} {
		once := FileName(in)
		if twice := FileName(once); twice != once {
			t.Errorf("FileName(FileName(%q)) = %q, want %q", in, twice, once)
		}
	}
}
