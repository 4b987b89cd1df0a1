package main

import (
	"path/filepath"

	"fyne.io/fyne/v2/app"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/sqlite"
	"recoverydesk/ui"
)

// appID is the application ID of FyneApp.toml: Fyne keeps the preferences under it.
const appID = "com.recoverydesk.desk"

func runGUI(c *cli, args []string) int {
	fs := c.flags("")
	open := fs.String("open", "", "open this case's window at start")
	overview := fs.Bool("overview", false, "open the manager's overview at start")
	if _, code, ok := c.parse(fs, args); !ok {
		return code
	}
	var restore ui.RestoreResult
	dataDir := ""
	if data.EngineFor(c.db) == "sqlite" {
		from, aside, err := sqlite.RestorePending(c.ctx, c.db)
		restore = ui.RestoreResult{From: from, KeptAside: aside, Err: err}
		dataDir = filepath.Dir(c.db)
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	var who *casefile.Identity
	if t, ok := s.(data.Team); ok {
		// The database, not the window, decides what this login may do; the window only
		// needs to know it so as not to offer what would be refused.
		id, err := t.Identity(c.ctx)
		if err != nil {
			return c.fail("%v", err)
		}
		who = &id
	}
	ui.Run(app.NewWithID(appID), s, ui.Options{Operator: c.operator, OpenCase: *open, ShowOverview: *overview, DataDir: dataDir, Restored: restore, Now: c.now,
		DraftDir: draftDir(dataDir), Identity: who})
	return exitOK
}

// draftDir is where case windows keep unsaved typing: beside the database file, or in the
// user's own data folder when the database is a server.
func draftDir(dataDir string) string {
	if dataDir == "" {
		dataDir = filepath.Dir(sqlite.DefaultPath())
	}
	return filepath.Join(dataDir, "drafts")
}
