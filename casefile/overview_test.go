package casefile_test

import (
	"testing"
	"time"

	"recoverydesk/casefile"
)

// TestBuildOverview_WeeksCountFinishedCases: the chart's closed column counts each case once, in
// the week it was first unlocked, refused or closed; a case still waiting counts in none.
func TestBuildOverview_WeeksCountFinishedCases(t *testing.T) {
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) // a Wednesday
	thisWeek, lastWeek := now.AddDate(0, 0, -1), now.AddDate(0, 0, -8)
	ev := func(at time.Time, from, to casefile.Status) casefile.Event {
		return casefile.Event{At: at, Action: casefile.ActionStatus, From: from, To: to}
	}
	lives := []casefile.CaseLife{
		// unlocked last week, handed back this week: finished last week only
		{CreatedAt: lastWeek.Add(-2 * time.Hour), Events: []casefile.Event{
			ev(lastWeek.Add(-time.Hour), casefile.StatusIntake, casefile.StatusSubmitted),
			ev(lastWeek, casefile.StatusSubmitted, casefile.StatusResolved),
			ev(thisWeek, casefile.StatusResolved, casefile.StatusClosed)}},
		// refused this week
		{CreatedAt: lastWeek, Events: []casefile.Event{
			ev(lastWeek, casefile.StatusIntake, casefile.StatusSubmitted),
			ev(thisWeek, casefile.StatusSubmitted, casefile.StatusRejected)}},
		// closed at once this week (the customer changed their mind)
		{CreatedAt: thisWeek, Events: []casefile.Event{ev(thisWeek, casefile.StatusIntake, casefile.StatusClosed)}},
		// still waiting
		{CreatedAt: thisWeek, Events: []casefile.Event{ev(thisWeek, casefile.StatusIntake, casefile.StatusSubmitted)}},
	}
	o := casefile.BuildOverview(lives, now, 2)
	if len(o.Weeks) != 2 {
		t.Fatalf("%d weeks", len(o.Weeks))
	}
	last, this := o.Weeks[0], o.Weeks[1]
	if last.Opened != 2 || last.Closed != 1 || this.Opened != 2 || this.Closed != 2 {
		t.Errorf("last week %d/%d, this week %d/%d; want 2/1 and 2/2", last.Opened, last.Closed, this.Opened, this.Closed)
	}
}
