package main

import (
	"path/filepath"

	"recoverydesk/data"
	"recoverydesk/ui"
)

func runGUI(c *cli, args []string) int {
	fs := c.flags("")
	open := fs.String("open", "", "open this case's window at start")
	overview := fs.Bool("overview", false, "open the manager's overview at start")
	if _, code, ok := c.parse(fs, args); !ok {
		return code
	}
	from, aside, err := data.RestorePending(c.ctx, c.db)
	restore := ui.RestoreResult{From: from, KeptAside: aside, Err: err}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	ui.Run(s, ui.Options{Operator: c.operator, OpenCase: *open, ShowOverview: *overview, Restored: restore,
		DraftDir: filepath.Join(filepath.Dir(c.db), "drafts")})
	return exitOK
}
