package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"recoverydesk/casefile"
	"recoverydesk/data/sqlite"
)

// branchStore is a store that knows branches, as a shared database does.
type branchStore struct {
	*sqlite.Store
	list []casefile.Branch
}

func (s branchStore) Branches(context.Context) ([]casefile.Branch, error) { return s.list, nil }

// TestBranches_NewCaseRegionAndDocuments: a technician's new case starts with their branch's
// support region, and the documents get the branches to print the case's own.
func TestBranches_NewCaseRegionAndDocuments(t *testing.T) {
	a, s := newTestApp(t)
	if got := a.NewCase().c.SupportRegion; got != "global" {
		t.Fatalf("a counter's own file starts a case in %q", got)
	}
	a.store = branchStore{Store: s, list: []casefile.Branch{{Code: "MSK-1", Region: "global"}, {Code: "HK", Name: "Hong Kong", Region: "hk"}}}
	a.opts.Identity = &casefile.Identity{Login: "li", Role: casefile.RoleTechnician, Branch: "HK"}
	a.loadBranches()
	a.WaitIdle()
	if got := a.NewCase().c.SupportRegion; got != "hk" {
		t.Fatalf("a new case at branch HK starts in %q, want its region hk", got)
	}
	if b := casefile.FindBranch(a.branches(), "HK"); b.Name != "Hong Kong" {
		t.Fatalf("the documents would get %+v", a.branches())
	}
	a.opts.Identity.Branch = "MSK-1"
	if got := a.NewCase().c.SupportRegion; got != "global" {
		t.Fatalf("branch MSK-1 starts in %q", got)
	}
}

// TestBranches_ReportByBranch: on a shared database the manager's report offers one branch's
// cases alone; a counter's own file has no branches to offer.
func TestBranches_ReportByBranch(t *testing.T) {
	a, s := newTestApp(t)
	branchChoice := func() *widget.Select {
		o := a.ShowOverview()
		o.saveReport()
		var found *widget.Select
		walk(o.win.Canvas().Overlays().Top(), func(obj fyne.CanvasObject) {
			if sel, ok := obj.(*widget.Select); ok && len(sel.Options) > 0 && sel.Options[0] == T("All branches") {
				found = sel
			}
		})
		return found
	}
	if branchChoice() != nil {
		t.Fatal("a counter's own file offers branches")
	}
	a.store = branchStore{Store: s, list: []casefile.Branch{{Code: "MSK-1", Name: "Москва"}, {Code: "SPB"}}}
	a.loadBranches()
	a.WaitIdle()
	sel := branchChoice()
	if sel == nil || len(sel.Options) != 3 || sel.Options[1] != "MSK-1 — Москва" || sel.Options[2] != "SPB" {
		t.Fatalf("the report's branch choice: %+v", sel)
	}
}

// walk visits obj and everything drawn inside it.
func walk(obj fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if obj == nil {
		return
	}
	visit(obj)
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			walk(c, visit)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			walk(c, visit)
		}
	}
}
