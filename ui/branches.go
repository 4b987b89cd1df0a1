package ui

import (
	"context"

	"fyne.io/fyne/v2"

	"recoverydesk/casefile"
)

// brancher is a shared database, which knows the service center's branches.
type brancher interface {
	Branches(ctx context.Context) ([]casefile.Branch, error)
}

// loadBranches reads the branches once, in the background: documents print the case's branch
// and its contacts, and a new case starts with its branch's support region. A counter's own
// file has none, and a failure only leaves the documents with the center's own details.
func (a *App) loadBranches() {
	b, ok := a.store.(brancher)
	if !ok {
		return
	}
	a.background(func() {
		list, err := b.Branches(a.ctx)
		if err != nil {
			fyne.LogError("reading the branches", err)
			return
		}
		a.mu.Lock()
		a.branchList = list
		a.mu.Unlock()
	})
}

// branches are the branches loadBranches read; nil on a counter's own file.
func (a *App) branches() []casefile.Branch {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.branchList
}

// newCaseRegion is the support region a new case starts with: the signed-in person's branch's,
// else the global one.
func (a *App) newCaseRegion() string {
	if id := a.opts.Identity; id != nil && id.Branch != "" {
		if r := casefile.FindBranch(a.branches(), id.Branch).Region; r != "" {
			return r
		}
	}
	return "global"
}
