package ui

import (
	"context"
	"strings"
	"testing"

	"recoverydesk/casefile"
)

// TestRemoteChange: a status changed at another counter shows in the list, and the open
// window of the case names who changed it and reloads on request.
func TestRemoteChange(t *testing.T) {
	a, s := newTestApp(t, seeded("Иванов Иван", "490154203237518", casefile.StatusIntake, 2))
	n := number(t, a, 0)
	f := a.OpenCase(n)
	if f.changes.box.Visible() {
		t.Fatal("the change bar shows before any change")
	}
	if _, err := s.ChangeStatus(context.Background(), n, casefile.StatusSelfService, "", nil, "Мария"); err != nil {
		t.Fatal(err)
	}
	a.RemoteChange(casefile.Change{Number: n, Action: casefile.ActionStatus, Operator: "Мария", Login: "maria", At: testNow})
	a.WaitIdle()
	if r, _ := a.List().Row(0); r.Status != casefile.StatusSelfService {
		t.Fatalf("the list row still reads %s", r.Status)
	}
	if !f.changes.box.Visible() || !strings.Contains(f.changes.label.Text, "Мария (maria)") || !strings.Contains(f.changes.label.Text, testNow.Local().Format("15:04")) {
		t.Fatalf("the change bar: visible %v, %q", f.changes.box.Visible(), f.changes.label.Text)
	}
	if f.status.Text == statusName(casefile.StatusSelfService) {
		t.Fatal("the window changed under the technician's hands before they asked")
	}
	f.reloadRemote()
	a.WaitIdle()
	if f.status.Text != statusName(casefile.StatusSelfService) || f.changes.box.Visible() {
		t.Fatalf("after reload: status %q, bar visible %v", f.status.Text, f.changes.box.Visible())
	}
	// A change to a case nobody has open only refreshes the list.
	a.RemoteChange(casefile.Change{Number: "2026-99999", Operator: "Мария"})
}

// TestTechnicianWindow: on a shared database a technician's window says who is signed in and
// where, and the manager's screens tell them who may open them instead of opening.
func TestTechnicianWindow(t *testing.T) {
	a, _ := newTestApp(t)
	a.opts.Identity = &casefile.Identity{Login: "anna", Name: "Анна", Role: casefile.RoleTechnician, Branch: "MSK-1"}
	if who := a.whoLine(); !strings.Contains(who, "Анна (anna)") || !strings.Contains(who, "MSK-1") || !strings.Contains(who, "manager") {
		t.Fatalf("who line %q", who)
	}
	if a.operator() != "Анна" {
		t.Fatalf("the history would name %q", a.operator())
	}
	if o := a.ShowOverview(); o != nil {
		t.Fatal("a technician's window opened the overview")
	}
	if w := a.ShowAudit(); w != nil {
		t.Fatal("a technician's window opened the history of all cases")
	}
	a.opts.Identity.Role = casefile.RoleManager
	if o := a.ShowOverview(); o == nil {
		t.Fatal("a manager's window did not open the overview")
	}
}
