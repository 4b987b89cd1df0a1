package postgres

import (
	"slices"
	"testing"

	"recoverydesk/casefile"
)

// The trigrams the ordered search asks the index for are the ones pg_trgm makes of the term's
// words: runs of letters and digits, three at a time, none across punctuation.
func TestTrigrams(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"алена", []string{"але", "лен", "ена"}},
		{"ivan.p@mail", []string{"iva", "van", "mai", "ail"}},
		{"а-б", nil},
		{"89031", []string{"890", "903", "031"}},
		{"2026-00042 ¦ смирнова", []string{"202", "026", "000", "004", "042", "сми", "мир", "ирн", "рно", "нов", "ова"}},
	} {
		if got := trigrams(c.in); !slices.Equal(got, c.want) {
			t.Errorf("trigrams(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

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
