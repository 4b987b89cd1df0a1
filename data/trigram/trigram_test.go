package trigram

import (
	"errors"
	"slices"
	"testing"
	"time"
)

// The trigrams are the ones pg_trgm makes of a text's words: runs of letters and digits,
// three at a time, none across punctuation.
func TestOf(t *testing.T) {
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
		if got := Of(c.in); !slices.Equal(got, c.want) {
			t.Errorf("Of(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestRarest(t *testing.T) {
	count := map[string]int{"сми": 5, "мир": 6, "ирн": 7, "рно": 40, "нов": 300, "ова": 400}
	for _, c := range []struct {
		term string
		n    int
		want []string
	}{
		{"смирнова", 2, []string{"сми", "мир"}},
		{"новнов", 2, []string{"овн", "вно"}}, // unseen ones first, each once
		{"ab", 2, nil},
		{"смирнова", 10, []string{"сми", "мир", "ирн", "рно", "нов", "ова"}},
	} {
		if got := Rarest(c.term, count, c.n); !slices.Equal(got, c.want) {
			t.Errorf("Rarest(%q, %d) = %q, want %q", c.term, c.n, got, c.want)
		}
	}
}

// The counts are taken once, again after Age or when the clock went back, and a failed sample
// keeps no counts.
func TestCounts(t *testing.T) {
	var c Counts
	taken := 0
	sample := func() ([]string, error) {
		taken++
		return []string{"алена", "елена", "алена алена"}, nil
	}
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	got, err := c.Get(now, sample)
	if err != nil || got["але"] != 2 || got["лен"] != 3 || taken != 1 {
		t.Fatalf("counts %v (%v) after %d samples", got, err, taken)
	}
	for _, tt := range []struct {
		at   time.Time
		want int
	}{
		{now.Add(Age - time.Second), 1},
		{now.Add(Age), 2},
		{now.Add(-time.Hour), 3},
	} {
		if _, err := c.Get(tt.at, sample); err != nil || taken != tt.want {
			t.Errorf("at %v: %d samples (%v), want %d", tt.at, taken, err, tt.want)
		}
	}
	var fresh Counts
	if _, err := fresh.Get(now, func() ([]string, error) { return nil, errors.New("gone") }); err == nil {
		t.Error("a failed sample gave counts")
	}
}
