package casefile

import "errors"

// Errors every layer reports and acts on. They live in the domain so the screens can tell them
// apart without knowing the store.
var (
	// ErrNotFound: no such case or attachment.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the case changed since it was loaded (another window or another counter).
	ErrConflict = errors.New("the case was changed elsewhere since it was opened")
)
