package main

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// privateServer starts a PostgreSQL server of the test's own, which the test may stop and start
// again without disturbing the others; it returns the address of its database "center", a
// hard stop (as a power cut or a crash: `-m immediate`) and a start with the same settings.
func privateServer(t *testing.T) (db string, stop, start func() error) {
	t.Helper()
	// Not under t.TempDir: as root the server runs as the postgres user, who must reach it.
	dir, err := os.MkdirTemp("/tmp", "recoverydesk-pgfault.")
	if err != nil {
		t.Fatal(err)
	}
	port := 20000 + rand.IntN(20000)
	out, err := exec.Command("bash", filepath.Join("..", "..", ".ci", "pg.sh"), "start", dir, fmt.Sprint(port)).Output()
	if err != nil {
		t.Fatalf("the private server did not start: %v", err)
	}
	t.Cleanup(func() { exec.Command("bash", filepath.Join("..", "..", ".ci", "pg.sh"), "stop", dir).Run() })
	server := strings.TrimSpace(string(out))
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_ctl")
	if len(bins) == 0 {
		t.Fatal("pg_ctl is missing: run make deps")
	}
	pgctl := func(args ...string) error {
		// The server's output goes to its log: pg_ctl's own would stay open with the server.
		all := append([]string{"-D", filepath.Join(dir, "data"), "-w", "-t", "60"}, args...)
		cmd := exec.Command(bins[len(bins)-1], all...)
		if os.Getuid() == 0 {
			cmd = exec.Command("runuser", append([]string{"-u", "postgres", "--", bins[len(bins)-1]}, all...)...)
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("pg_ctl %v: %v: %s", args, err, out)
		}
		return nil
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE DATABASE center ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`); err != nil {
		t.Fatal(err)
	}
	stop = func() error { return pgctl("stop", "-m", "immediate") }
	start = func() error {
		return pgctl("start", "-l", filepath.Join(dir, "log"),
			"-o", fmt.Sprintf("-c listen_addresses='' -k %s -p %d -c fsync=off", dir, port))
	}
	return strings.Replace(server, "/postgres?", "/center?", 1), stop, start
}

// TestFault_ServerStopsMidImport: the shared database's server goes down hard (`pg_ctl stop -m
// immediate`) while an import's transaction runs: the import fails with a message a person can
// act on and says nothing was imported; once the server is back nothing of it is there, and the
// same import then works.
func TestFault_ServerStopsMidImport(t *testing.T) {
	db, stop, start := privateServer(t)
	file := importBatch(t, 6000, 3)
	if _, errOut, code := runCLI(t, db, "list"); code != exitOK { // the schema, made beforehand
		t.Fatal(errOut)
	}
	watch, err := sql.Open("pgx", db)
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close()

	cmd := helper(t, "RECOVERYDESK_HELPER=cli", "RECOVERYDESK_ARGS="+strings.Join([]string{"import", file, "--db", db, "--operator", "fault"}, "\x1f"))
	var errOut strings.Builder
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the import's transaction has written, then stop the server under it.
	deadline := time.Now().Add(60 * time.Second)
	for {
		var writing int
		watch.QueryRow(`SELECT COUNT(*) FROM pg_stat_activity WHERE datname = 'center' AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()`).Scan(&writing)
		if writing > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the import's transaction never started")
		}
		time.Sleep(10 * time.Millisecond)
	}
	watch.Close()
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if code, ok := err.(*exec.ExitError); !ok || code.ExitCode() != exitRefused {
		t.Fatalf("the import ended with %v; stderr: %s", err, errOut.String())
	}
	msg := errOut.String()
	if !strings.Contains(msg, "nothing was imported") || strings.Contains(msg, "Клиент") || strings.Count(msg, "\n") > 2 {
		t.Fatalf("what the person reads: %q", msg)
	}
	t.Logf("the import said: %s", strings.TrimSpace(msg))

	if err := start(); err != nil {
		t.Fatal(err)
	}
	out, errText, code := runCLI(t, db, "list", "--json")
	if code != exitOK || strings.TrimSpace(out) != "" {
		t.Fatalf("after the restart: exit %d, %d lines stored (%s)", code, strings.Count(out, "\n"), errText)
	}
	out, errText, code = runCLI(t, db, "import", file)
	if code != exitOK || strings.Count(out, "\n") != 6000 {
		t.Fatalf("the import again: exit %d, %d cases, %s", code, strings.Count(out, "\n"), errText)
	}
}
