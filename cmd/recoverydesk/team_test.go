package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
)

var sharedSerial atomic.Int64

// sharedDB creates an empty PostgreSQL database on the test server (RECOVERYDESK_TEST_PG,
// which `make test` starts) and returns its address; logins named in drop are removed after
// it, since they belong to the server.
func sharedDB(t *testing.T, drop ...string) string {
	t.Helper()
	server := os.Getenv("RECOVERYDESK_TEST_PG")
	if server == "" {
		t.Fatal("RECOVERYDESK_TEST_PG is not set: `make test` starts a throwaway PostgreSQL; by hand, .ci/pg.sh start DIR PORT prints the address to export")
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("rdcli_%d_%d", os.Getpid(), sharedSerial.Add(1))
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		for _, l := range drop {
			admin.Exec(`DROP ROLE IF EXISTS "` + l + `"`)
		}
		admin.Close()
	})
	u, _ := url.Parse(server)
	u.Path = "/" + name
	return u.String()
}

// as is the address with another login in it.
func as(dbURL, login string) string {
	u, _ := url.Parse(dbURL)
	u.User = url.User(login)
	return u.String()
}

// TestCLI_Team is the administrator's day one on a shared database, then each person's view.
func TestCLI_Team(t *testing.T) {
	p := fmt.Sprintf("rdcli%d_", os.Getpid())
	anna, boris, maria := p+"anna", p+"boris", p+"maria"
	db := sharedDB(t, anna, boris, maria)
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte("long-enough-password\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	must := func(login string, args ...string) string {
		t.Helper()
		addr := db
		if login != "" {
			addr = as(db, login)
		}
		out, errOut, code := runCLI(t, addr, args...)
		if code != exitOK {
			t.Fatalf("%s as %q: exit %d: %s", strings.Join(args, " "), login, code, errOut)
		}
		return out
	}
	refused := func(login, want string, args ...string) {
		t.Helper()
		addr := db
		if login != "" {
			addr = as(db, login)
		}
		out, errOut, code := runCLI(t, addr, args...)
		if code != exitRefused || !strings.Contains(errOut, want) {
			t.Fatalf("%s as %s: exit %d, %q %q; want refused with %q", strings.Join(args, " "), login, code, out, errOut, want)
		}
	}

	must("", "branch", "add", "msk-1", "--name", "Москва, Тверская", "--address", "Тверская ул., 1", "--email", "msk@example.com")
	must("", "branch", "add", "SPB", "--name", "Санкт-Петербург")
	if out := must("", "branch", "list"); !strings.Contains(out, "MSK-1") || !strings.Contains(out, "Москва, Тверская") || !strings.Contains(out, "SPB") {
		t.Fatalf("branch list:\n%s", out)
	}
	must("", "staff", "add", anna, "--role", "technician", "--branch", "MSK-1", "--name", "Анна", "--password-file", pw)
	must("", "staff", "add", boris, "--role", "technician", "--branch", "spb", "--password-file", pw)
	must("", "staff", "add", maria, "--role", "manager", "--password-file", pw)
	refused("", "a technician works at a branch", "staff", "add", p+"x", "--role", "technician", "--password-file", pw)
	refused("", "no branch NOPE", "staff", "add", p+"x", "--role", "technician", "--branch", "NOPE", "--password-file", pw)

	importFile := filepath.Join("..", "..", "docs", "import-example", "case.json")
	north := strings.Fields(must(anna, "import", importFile))[0]
	south := strings.Fields(must(boris, "import", importFile))[0]

	var shown struct {
		Number string `json:"number"`
		Branch string `json:"branch"`
	}
	if err := json.Unmarshal([]byte(must(anna, "show", north, "--json")), &shown); err != nil || shown.Branch != "MSK-1" {
		t.Fatalf("show --json as anna: %+v, %v", shown, err)
	}
	if out := must(anna, "list", "--json"); strings.Contains(out, south) || !strings.Contains(out, `"branch":"MSK-1"`) {
		t.Fatalf("anna's list shows another branch or no branch:\n%s", out)
	}
	refused(anna, "no case "+south, "show", south)
	refused(anna, "your role does not allow this", "settings", "center_name=Mine")
	refused(anna, "your role does not allow this", "staff", "list")
	refused(anna, "your role does not allow this", "branch", "add", "EVIL", "--name", "Evil")

	if out := must(maria, "list", "--branch", "spb"); !strings.Contains(out, south) || strings.Contains(out, north) {
		t.Fatalf("maria's south list:\n%s", out)
	}
	if out := must(maria, "list"); !strings.Contains(out, south) || !strings.Contains(out, north) {
		t.Fatalf("maria's list:\n%s", out)
	}
	must(maria, "settings", "center_name=Сервис")

	must("", "staff", "remove", boris)
	refused(boris, "refused the login", "list")
	if out := must(maria, "show", south); !strings.Contains(out, "("+boris+")") {
		t.Fatalf("the history no longer names the removed person:\n%s", out)
	}
	if out := must("", "staff", "list"); !strings.Contains(out, boris) || !strings.Contains(out, "removed") {
		t.Fatalf("staff list after the removal:\n%s", out)
	}

	// A counter's own file has no staff, and says what to do instead.
	_, errOut, code := runCLI(t, tempDB(t), "staff", "list")
	if code != exitRefused || !strings.Contains(errOut, "shared database") {
		t.Fatalf("staff list on a SQLite file: %d %s", code, errOut)
	}
}
