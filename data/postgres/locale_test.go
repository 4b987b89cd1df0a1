package postgres_test

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"recoverydesk/data/postgres"
)

// TestOpen_RefusesACLocaleDatabase: a database created with the C character type (createdb's
// default on many servers) cannot fold Cyrillic, so search would miss "Иванов" typed as
// "иванов": it is refused before anything is created in it, with the statement that makes a
// right one.
func TestOpen_RefusesACLocaleDatabase(t *testing.T) {
	server := os.Getenv(envServer)
	if server == "" {
		t.Fatalf("%s is not set", envServer)
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("rdtest_c_%d", os.Getpid())
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	u, _ := url.Parse(server)
	u.Path = "/" + name
	_, err = postgres.Open(u.String())
	if !errors.Is(err, postgres.ErrLocale) || !strings.Contains(err.Error(), "LC_CTYPE 'C.UTF-8'") {
		t.Fatalf("opening a C-locale database: %v", err)
	}
	c, err := sql.Open("pgx", u.String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var schemas int
	c.QueryRow(`SELECT COUNT(*) FROM pg_namespace WHERE nspname = 'recoverydesk'`).Scan(&schemas)
	if schemas != 0 {
		t.Fatal("the refused database was given the schema anyway")
	}
}
