package postgres_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"recoverydesk/data"
	"recoverydesk/data/postgres"
	"recoverydesk/data/storetest"
)

// envServer names the test server: a postgres:// URL of a role that may create databases.
const envServer = "RECOVERYDESK_TEST_PG"

var dbSerial atomic.Int64

// newDatabase creates an empty database with a unique name on the test server, dropped when
// the test ends, and returns its address.
func newDatabase(t testing.TB) string {
	t.Helper()
	addr, drop, err := createDatabase()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(drop)
	return addr
}

// createDatabase creates an empty database with a unique name on the test server and returns
// its address and what drops it.
func createDatabase() (string, func(), error) {
	server := os.Getenv(envServer)
	if server == "" {
		return "", nil, fmt.Errorf("%s is not set: the PostgreSQL tests need a server. `make test` starts a throwaway one "+
			"(.ci/pg.sh start DIR PORT) and sets it; by hand: .ci/pg.sh start /tmp/pg 55432 and "+
			"export %s='postgres://postgres@/postgres?host=/tmp/pg&port=55432&sslmode=disable'", envServer, envServer)
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		return "", nil, err
	}
	defer admin.Close()
	name := fmt.Sprintf("rdtest_%d_%d", os.Getpid(), dbSerial.Add(1))
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`); err != nil {
		return "", nil, fmt.Errorf("create a test database on %s: %v", envServer, err)
	}
	drop := func() {
		admin, err := sql.Open("pgx", server)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	}
	u, err := url.Parse(server)
	if err != nil {
		return "", nil, err
	}
	u.Path = "/" + name
	return u.String(), drop, nil
}

// newStore opens a store on a fresh database, with the suite's clock.
func newStore(t testing.TB) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(newDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var clock atomic.Int64
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return start.Add(time.Duration(clock.Add(1)) * time.Second) }
	return s
}

var ctx = context.Background()

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) data.Store { return newStore(t) })
}
