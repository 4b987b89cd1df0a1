package casefile

import "time"

// PurgeItem is one file retention would remove.
type PurgeItem struct {
	Case         string
	AttachmentID int64
	Kind         AttachmentKind
	Name         string
	SHA256       string
	Size         int64
	ClosedAt     time.Time
}

// AuditEntry is one history event with the case it belongs to.
type AuditEntry struct {
	Case string
	Event
}

// AuditFilter selects history events; zero values select all.
type AuditFilter struct {
	Operator string
	Case     string
	Since    time.Time
	Until    time.Time
	Limit    int
}
