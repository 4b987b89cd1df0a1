package sqlite

import (
	"os"
	"path/filepath"
	"runtime"
)

// DefaultPath is where the database lives unless --db or RECOVERYDESK_DB says otherwise:
// the platform's per-user data folder, never a shared one, because cases hold identity documents.
func DefaultPath() string {
	if p := os.Getenv("RECOVERYDESK_DB"); p != "" {
		return p
	}
	return filepath.Join(dataHome(), "RecoveryDesk", "recoverydesk.db")
}

func dataHome() string {
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return d
		}
	case "darwin":
		return filepath.Join(home, "Library", "Application Support")
	default:
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			return d
		}
		return filepath.Join(home, ".local", "share")
	}
	return home
}
