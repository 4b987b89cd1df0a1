package main

import (
	"recoverydesk/ui"
)

func runGUI(c *cli, args []string) int {
	fs := c.flags("")
	if _, code, ok := c.parse(fs, args); !ok {
		return code
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	ui.Run(s, c.operator)
	return exitOK
}
