package casefile

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string // want "" means refused
	}{
		{"2024-03-15", "2024-03-15"},
		{" 15.03.2024 ", "2024-03-15"},
		{"5.3.2024", "2024-03-05"},
		{"05.3.2024", "2024-03-05"},
		{"31.02.2024", ""},
		{"03/04/2024", ""},
		{"15.03.24", ""},
		{"2024.03.15", ""},
		{"", ""},
		{"вчера", ""},
		{"15.03.0000", ""},
		{"0024-03-15", ""},
		{"9999-12-31", ""},
		{"2999-12-31", "2999-12-31"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in, time.UTC)
		if tt.want == "" {
			if err == nil {
				t.Errorf("%q read as %s", tt.in, got.Format(DateLayout))
			}
			continue
		}
		if err != nil || got.Format(DateLayout) != tt.want {
			t.Errorf("%q: %v %v, want %s", tt.in, got, err, tt.want)
		}
		if n := NormalizeDate(tt.in); n != tt.want {
			t.Errorf("NormalizeDate(%q) = %q", tt.in, n)
		}
	}
	if n := NormalizeDate("03/04/2024"); n != "03/04/2024" {
		t.Errorf("an unreadable date was changed to %q", n)
	}
}
