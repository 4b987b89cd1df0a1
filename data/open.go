package data

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"recoverydesk/casefile"
)

// Options are what every engine takes besides the address.
type Options struct {
	// Now is the clock the store stamps cases and history with; nil means the wall clock.
	Now casefile.Clock
	// Login and Password, when Login is set, sign in to a shared database as this person
	// instead of with the login the address names: the window's sign-in form passes what was
	// typed here, so a password never has to be written into an address or a file.
	Login, Password string
}

// Engine opens a store from the address the person gave (a file path, a URL).
type Engine func(dsn string, o Options) (Store, error)

var (
	enginesMu sync.RWMutex
	engines   = map[string]Engine{}
)

// Register makes an engine available to Open under name ("sqlite", "postgres"). Engines call it
// from init, so a binary has exactly the engines it imports; registering a name twice is a
// programming error and panics.
func Register(name string, open Engine) {
	enginesMu.Lock()
	defer enginesMu.Unlock()
	if _, dup := engines[name]; dup {
		panic("data: engine " + name + " registered twice")
	}
	engines[name] = open
}

// Engines lists the registered engines' names, for messages and tests.
func Engines() []string {
	enginesMu.RLock()
	defer enginesMu.RUnlock()
	names := make([]string, 0, len(engines))
	for n := range engines {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// EngineFor names the engine an address belongs to: a postgres:// or postgresql:// URL is the
// shared PostgreSQL database, anything else is the path of a SQLite file.
func EngineFor(dsn string) string {
	lower := strings.ToLower(dsn)
	if strings.HasPrefix(lower, "postgres://") || strings.HasPrefix(lower, "postgresql://") {
		return "postgres"
	}
	return "sqlite"
}

// ErrNoEngine is returned by Open when the address needs an engine this build lacks.
var ErrNoEngine = errors.New("no such engine is built in")

// Open opens the store at dsn with the engine EngineFor picks.
func Open(dsn string, o Options) (Store, error) {
	if o.Now == nil {
		o.Now = casefile.SystemClock
	}
	name := EngineFor(dsn)
	enginesMu.RLock()
	open := engines[name]
	enginesMu.RUnlock()
	if open == nil {
		if name == "postgres" {
			return nil, fmt.Errorf("no PostgreSQL engine is built in: %w", ErrNoEngine)
		}
		return nil, fmt.Errorf("no %s engine is built in: %w", name, ErrNoEngine)
	}
	if name == "postgres" {
		// A scheme typed in capitals (POSTGRES://) is chosen as a server's address here, so
		// the driver, which knows the scheme only in small letters, must read it as one too.
		if i := strings.Index(dsn, "://"); i > 0 {
			dsn = strings.ToLower(dsn[:i]) + dsn[i:]
		}
	}
	return open(dsn, o)
}
