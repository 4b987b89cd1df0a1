package casefile

import (
	"sort"
	"time"
)

// Overview is what the manager's desk shows at a glance.
type Overview struct {
	ByStatus map[Status]int
	// Waiting are the cases waiting on support, longest first.
	Waiting []Summary
	// Overdue counts the waiting cases past the threshold.
	Overdue int
	// MedianDaysToAnswer and AverageDaysToAnswer run from a submission to support's next answer.
	MedianDaysToAnswer, AverageDaysToAnswer float64
	Answers                                 int
	Resolved30, Rejected30                  int
	Resolved90, Rejected90                  int
	RefusalReasons                          []ReasonCount
	// Weeks are the last weeks, oldest first: cases opened and finished in each.
	Weeks []WeekCount
}

// ReasonCount is one refusal reason and how often support gave it.
type ReasonCount struct {
	Reason string
	Count  int
}

// WeekCount is one week of the chart. Closed counts the cases finished that week: unlocked,
// refused or closed, whichever came first, once per case (a case unlocked one week and handed
// back the next finished in the first).
type WeekCount struct {
	Start          time.Time
	Opened, Closed int
}

// CaseLife is what the overview needs of one case: when it was opened and its status events.
type CaseLife struct {
	CreatedAt time.Time
	Events    []Event // status events, oldest first
}

// BuildOverview computes the statistics from each case's life.
func BuildOverview(lives []CaseLife, now time.Time, weeks int) Overview {
	var (
		o          = Overview{ByStatus: map[Status]int{}}
		answerDays []float64
	)
	reasons := map[string]int{}
	weekStart := startOfWeek(now).AddDate(0, 0, -7*(weeks-1))
	o.Weeks = make([]WeekCount, weeks)
	for i := range o.Weeks {
		o.Weeks[i].Start = weekStart.AddDate(0, 0, 7*i)
	}
	week := func(t time.Time) int {
		if t.Before(weekStart) {
			return -1
		}
		i := int(t.Sub(weekStart).Hours() / (24 * 7))
		if i >= weeks {
			return -1
		}
		return i
	}
	for _, l := range lives {
		if i := week(l.CreatedAt); i >= 0 {
			o.Weeks[i].Opened++
		}
		var submitted time.Time
		finished := false
		for _, e := range l.Events {
			if !finished && (e.To == StatusResolved || e.To == StatusRejected || e.To == StatusClosed) {
				finished = true
				if i := week(e.At); i >= 0 {
					o.Weeks[i].Closed++
				}
			}
			switch e.To {
			case StatusSubmitted:
				submitted = e.At
			case StatusResolved, StatusRejected, StatusInfoRequested:
				if !submitted.IsZero() && e.From == StatusSubmitted {
					answerDays = append(answerDays, e.At.Sub(submitted).Hours()/24)
					submitted = time.Time{}
				}
			}
			age := now.Sub(e.At)
			switch e.To {
			case StatusResolved:
				if age <= 30*24*time.Hour {
					o.Resolved30++
				}
				if age <= 90*24*time.Hour {
					o.Resolved90++
				}
			case StatusRejected:
				if age <= 30*24*time.Hour {
					o.Rejected30++
				}
				if age <= 90*24*time.Hour {
					o.Rejected90++
				}
				reasons[e.Note]++
			}
		}
	}
	o.Answers = len(answerDays)
	if len(answerDays) > 0 {
		sort.Float64s(answerDays)
		sum := 0.0
		for _, d := range answerDays {
			sum += d
		}
		o.AverageDaysToAnswer = sum / float64(len(answerDays))
		mid := len(answerDays) / 2
		o.MedianDaysToAnswer = answerDays[mid]
		if len(answerDays)%2 == 0 {
			o.MedianDaysToAnswer = (answerDays[mid-1] + answerDays[mid]) / 2
		}
	}
	for r, n := range reasons {
		o.RefusalReasons = append(o.RefusalReasons, ReasonCount{Reason: r, Count: n})
	}
	sort.Slice(o.RefusalReasons, func(i, j int) bool {
		a, b := o.RefusalReasons[i], o.RefusalReasons[j]
		return a.Count > b.Count || a.Count == b.Count && a.Reason < b.Reason
	})
	return o
}

func startOfWeek(t time.Time) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
	offset := (int(t.Weekday()) + 6) % 7 // Monday first
	return t.AddDate(0, 0, -offset)
}
