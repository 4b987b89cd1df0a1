package postgres_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

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

// TestWatch_OtherBranchLearnsNothing: a technician of another branch, listening through the app
// or with a connection of their own, hears a number and nothing else, and that number opens
// nothing: the change to a case they may not see is not reported.
func TestWatch_OtherBranchLearnsNothing(t *testing.T) {
	tm := newTeam(t)
	techB := openAs(t, tm.url, tm.techB)
	got := make(chan casefile.Change, 16)
	wctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- techB.Watch(wctx, func(c casefile.Change) { got <- c }) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	raw, err := pgx.Connect(ctx, loginURL(t, tm.url, tm.techB))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close(ctx)
	if _, err := raw.Exec(ctx, "LISTEN recoverydesk_changes"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(500 * time.Millisecond)
	mgr := openAs(t, tm.url, tm.mgr)
	if _, err := mgr.ChangeStatus(ctx, tm.caseA.Number, casefile.StatusSelfService, "Иванов просит перезвонить", nil, "Мария"); err != nil {
		t.Fatal(err)
	}
	wait, stop := context.WithTimeout(ctx, 2*time.Second)
	defer stop()
	n, err := raw.WaitForNotification(wait)
	if err != nil {
		t.Fatalf("no notice on the raw connection: %v", err)
	}
	for _, leak := range []string{tm.caseA.Number, "NORTH", tm.mgr, "Мария", "status", "Иванов"} {
		if strings.Contains(n.Payload, leak) {
			t.Errorf("the notice %q tells another branch %q", n.Payload, leak)
		}
	}
	var number string
	err = raw.QueryRow(ctx, `SELECT c.number FROM recoverydesk.history h JOIN recoverydesk.cases c ON c.id = h.case_id WHERE h.id = $1::bigint`, n.Payload).Scan(&number)
	if !errors.Is(err, pgx.ErrNoRows) {
		t.Errorf("the notice's id opened %q, %v", number, err)
	}
	// The same change, south's own: reported.
	if _, err := mgr.ChangeStatus(ctx, tm.caseB.Number, casefile.StatusSelfService, "", nil, "Мария"); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-got:
		if c.Number != tm.caseB.Number {
			t.Fatalf("south's technician was told of %+v", c)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("south's own case change did not arrive")
	}
	select {
	case c := <-got:
		t.Errorf("a second change reported: %+v", c)
	default:
	}
}
