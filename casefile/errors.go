package casefile

import "errors"

// Errors every layer reports and acts on. They live in the domain so the screens can tell them
// apart without knowing the store.
var (
	// ErrNotFound: no such case or attachment.
	ErrNotFound = errors.New("not found")
	// ErrConflict: the case changed since it was loaded (another window or another counter).
	ErrConflict = errors.New("the case was changed elsewhere since it was opened")
	// ErrForbidden: the person's role may not do this; on a shared database the database
	// itself refused it.
	ErrForbidden = errors.New("your role does not allow this")
	// ErrSignIn: a shared database refused the login itself (a wrong password, a removed
	// person, a login it does not know); the window asks for the login and password again.
	ErrSignIn = errors.New("sign-in refused")
	// ErrDamaged: a stored file no longer matches the SHA-256 recorded when it was added, so
	// it is not evidence any more; a backup holds the original.
	ErrDamaged = errors.New("the stored file is damaged (its SHA-256 no longer matches); restore it from a backup")
)
