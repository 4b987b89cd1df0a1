package main

import (
	"recoverydesk/casefile"
	"recoverydesk/data"
)

// branches are a shared database's branches, for documents that print the case's branch and
// its contacts; nil on a counter's own file.
func (c *cli) branches(s data.Store) ([]casefile.Branch, error) {
	t, ok := s.(data.Team)
	if !ok {
		return nil, nil
	}
	return t.Branches(c.ctx)
}
