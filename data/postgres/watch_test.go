package postgres_test

import (
	"context"
	"testing"
	"time"

	"recoverydesk/casefile"
)

// TestWatch: a change committed at one counter reaches another within two seconds, with who
// made it; the watching store's own changes are not echoed back to it.
func TestWatch(t *testing.T) {
	tm := newTeam(t)
	techA := openAs(t, tm.url, tm.techA)
	mgr := openAs(t, tm.url, tm.mgr)
	got := make(chan casefile.Change, 16)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- techA.Watch(wctx, func(c casefile.Change) { got <- c }) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("watch: %v", err)
		}
	})
	// The listener connects in the background; its own change must never arrive.
	time.Sleep(500 * time.Millisecond)
	if _, err := techA.ChangeStatus(ctx, tm.caseA.Number, casefile.StatusSelfService, "", nil, "Анна"); err != nil {
		t.Fatal(err)
	}
	if _, err := mgr.ChangeStatus(ctx, tm.caseA.Number, casefile.StatusResolved, "", nil, "Мария"); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-got:
		if c.Number != tm.caseA.Number || c.Login != tm.mgr || c.Operator != "Мария" || c.Branch != "NORTH" || c.Action != casefile.ActionStatus || c.At.IsZero() {
			t.Fatalf("the change reads %+v (the first one must be the manager's, not the watcher's own)", c)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the manager's status change did not arrive within two seconds")
	}
}
