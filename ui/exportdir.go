package ui

import (
	"path/filepath"
	"runtime"
	"strings"
)

// defaultExportDir is where documents go unless the options say otherwise: a RecoveryDesk
// folder in the user's Documents on Windows, where counter staff look for files, and in the
// home folder elsewhere.
func defaultExportDir() string {
	return exportDirFor(runtime.GOOS, homeDir(), documentsFolder)
}

// exportDirFor is defaultExportDir for goos, given the home folder and a lookup of the
// Documents known folder; split out so the Windows rule is tested on every platform.
func exportDirFor(goos, home string, documents func() (string, error)) string {
	if goos != "windows" {
		return filepath.Join(home, "RecoveryDesk")
	}
	// The known folder, not %USERPROFILE%\Documents, because a company may redirect Documents
	// to OneDrive or a network share; the profile's own folder is the fallback.
	if d, err := documents(); err == nil && d != "" {
		return strings.TrimRight(d, `\`) + `\RecoveryDesk`
	}
	return strings.TrimRight(home, `\`) + `\Documents\RecoveryDesk`
}
