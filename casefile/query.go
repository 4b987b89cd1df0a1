package casefile

import "time"

// Summary is a case as a list row shows it.
type Summary struct {
	Number      string
	Customer    string
	Model       string
	IMEI1       string
	Status      Status
	StatusSince time.Time
	CreatedAt   time.Time
	Branch      string
}

// DaysInStatus is how many whole days the case has stood in its status at now.
func (s Summary) DaysInStatus(now time.Time) int { return int(now.Sub(s.StatusSince).Hours() / 24) }

// Sort orders a case list.
type Sort string

// The orders a case list offers.
const (
	SortNewest         Sort = "newest"
	SortOldest         Sort = "oldest"
	SortWaitingLongest Sort = "waiting"
)

// Query selects cases. Zero values mean "all".
// SearchCountLimit is how many matches of a typed search the case list counts before it says
// "more than": beyond it a count costs each keystroke more than it tells.
const SearchCountLimit = 1000

type Query struct {
	// Text matches case number, customer name (any case, ё = е), e-mail, phone digits in any
	// formatting, full or partial IMEI, serial and model; every word must match.
	Text   string
	Status Status
	// Branch keeps the cases of one branch; empty keeps every case the person may see.
	Branch string
	Sort   Sort
	Limit  int
	Offset int
	// CountLimit, when above zero, lets Count stop once it has counted more than this many
	// cases: a result above CountLimit means "more than CountLimit". The list asks for no
	// more than it can usefully say while a common name is being typed.
	CountLimit int
}
