package casefile

import "time"

// Action names what a history event records.
type Action string

// The things a case's history records.
const (
	ActionCreated           Action = "created"
	ActionEdited            Action = "edited"
	ActionStatus            Action = "status"
	ActionAttachmentAdded   Action = "attachment_added"
	ActionAttachmentRemoved Action = "attachment_removed"
	ActionExported          Action = "exported"
	ActionPurged            Action = "purged"
	// ActionMoved: the case came from a counter's own database into the shared one under a
	// new number, its number there was taken; Details["from_number"] is the old one.
	ActionMoved Action = "moved"
)

// Event is one entry of a case's history. Events are appended, never changed.
type Event struct {
	ID       int64     `json:"-"`
	At       time.Time `json:"at"`
	Operator string    `json:"operator"`
	// Login is the database login that wrote the event, taken by a shared database itself;
	// empty on a counter's own database.
	Login  string `json:"login,omitempty"`
	Action Action `json:"action"`
	From   Status `json:"from,omitempty"`
	To     Status `json:"to,omitempty"`
	Note   string `json:"note,omitempty"`
	// Details carries what an action needs beyond a note: the support address and reference
	// of a submission, the language and SHA-256 of an export, the files of a purge.
	Details map[string]string `json:"details,omitempty"`
}
