package postgres

import (
	"slices"
	"testing"

	"recoverydesk/casefile"
)

// A word is asked for by its rarest trigrams and checked whole; a run of digits keeps every
// trigram, and a term with none keeps its LIKE.
func TestRarestWhere(t *testing.T) {
	count := map[string]int{"сми": 5, "мир": 6, "ирн": 7, "рно": 40, "нов": 300, "ова": 400, "дар": 30, "арь": 20, "рья": 25}
	for _, c := range []struct {
		text string
		want []any
	}{
		{"смирнова дарья", []any{"%сми%", "%мир%", "смирнова", "%арь%", "%рья%", "дарья"}},
		{"8 (903) 1", []any{"%890%", "%903%", "%031%", "89031"}},
		{"ab", []any{"%ab%"}},
	} {
		_, args := rarestWhere(casefile.Query{Text: c.text}, count)
		if !slices.Equal(args, c.want) {
			t.Errorf("%q asks %q, want %q", c.text, args, c.want)
		}
	}
}

// A text with no trigram in any word is answered by the plain question, which scans; the
// ordered one would read the whole index.
func TestIndexed(t *testing.T) {
	for text, want := range map[string]bool{"алена": true, "ab": false, "%": false, "😀": false, "ab иванов": true, "8 (903) 1": true, "а-б": false} {
		if got := indexed(text); got != want {
			t.Errorf("indexed(%q) = %v, want %v", text, got, want)
		}
	}
}
