package casefile

import "time"

// ReportRow is one case in the manager's CSV report.
type ReportRow struct {
	Number       string
	Branch       string
	CreatedAt    time.Time
	CreatedBy    string
	Customer     string
	Model        string
	IMEI1        string
	Status       Status
	StatusSince  time.Time
	Reached      map[Status]time.Time // the first time the case entered each status
	Exports      int
	LastExport   time.Time
	RefusalNotes string
}

// ReportFilter selects the cases of a report; zero values select all.
type ReportFilter struct {
	Status   Status
	Since    time.Time // opened on or after
	Until    time.Time // opened before
	Operator string    // opened by
	Branch   string    // the branch's code
}
