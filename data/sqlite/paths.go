package sqlite

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// DefaultPath is where the database lives unless --db or RECOVERYDESK_DB says otherwise:
// the platform's per-user data folder, never a shared one, because cases hold identity documents.
func DefaultPath() string {
	if p := os.Getenv("RECOVERYDESK_DB"); p != "" {
		return p
	}
	return BuiltinPath()
}

// BuiltinPath is the default location itself, RECOVERYDESK_DB aside: the one place a database
// is made without being asked for, on a counter's first start.
func BuiltinPath() string {
	return filepath.Join(dataHome(), "RecoveryDesk", "recoverydesk.db")
}

func dataHome() string {
	home, _ := os.UserHomeDir()
	return dataHomeFor(runtime.GOOS, os.Getenv, home)
}

// dataHomeFor is the per-user data folder on goos, given its environment and home folder;
// split out so each platform's rule is tested on every platform.
func dataHomeFor(goos string, getenv func(string) string, home string) string {
	switch goos {
	case "windows":
		// %LocalAppData% (what os.UserCacheDir answers on Windows), not the roaming
		// %AppData%: a domain copies roaming profiles between PCs, and a database must not travel
		// with them. Its documented default is the fallback when the variable is missing.
		if d := getenv("LocalAppData"); d != "" {
			return d
		}
		return strings.TrimRight(home, `\`) + `\AppData\Local`
	case "darwin":
		return filepath.Join(home, "Library", "Application Support")
	default:
		if d := getenv("XDG_DATA_HOME"); d != "" {
			return d
		}
		return filepath.Join(home, ".local", "share")
	}
}
