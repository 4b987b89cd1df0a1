package sqlite

import (
	"path/filepath"
	"testing"
)

func TestDataHomeFor(t *testing.T) {
	tests := []struct {
		goos string
		env  map[string]string
		home string
		want string
	}{
		{"windows", map[string]string{"LocalAppData": `C:\Users\anna\AppData\Local`, "AppData": `C:\Users\anna\AppData\Roaming`},
			`C:\Users\anna`, `C:\Users\anna\AppData\Local`},
		{"windows", nil, `C:\Users\anna`, `C:\Users\anna\AppData\Local`},
		{"windows", nil, `C:\Users\anna\`, `C:\Users\anna\AppData\Local`},
		{"linux", map[string]string{"XDG_DATA_HOME": "/data/anna"}, "/home/anna", "/data/anna"},
		{"linux", nil, "/home/anna", "/home/anna/.local/share"},
		{"freebsd", nil, "/home/anna", "/home/anna/.local/share"},
		{"darwin", map[string]string{"XDG_DATA_HOME": "/ignored"}, "/Users/anna", "/Users/anna/Library/Application Support"},
	}
	for _, tt := range tests {
		got := dataHomeFor(tt.goos, func(k string) string { return tt.env[k] }, tt.home)
		// The paths are joined with this system's separator, whichever system they are for.
		if filepath.ToSlash(got) != filepath.ToSlash(tt.want) {
			t.Errorf("%s with %v: %q, want %q", tt.goos, tt.env, got, tt.want)
		}
	}
}
