package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/sqlite"
	"recoverydesk/ui"
)

// A counter chooses the service center's shared database in the window, and every later start
// (the window and the commands) opens it unless --db or RECOVERYDESK_DB names another. The
// choice is this user's, on this computer, outside any database: a file holding the address
// without a password.

// choiceFile is where the chosen address is kept, or "" where the system has no configuration
// folder.
func choiceFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "RecoveryDesk", "shared-database")
}

// chosenDatabase is the shared database's address chosen in the window, or "" for the counter's
// own file (no choice made). A choice file that cannot be used (damaged, not a regular file, not
// a shared database's address) is an error, never a reason to open the computer's own file
// instead: a counter would quietly split its work away from the shared database.
func chosenDatabase() (string, error) {
	p := choiceFile()
	if p == "" {
		return "", nil
	}
	fi, err := os.Lstat(p)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	}
	broken := func(why string) (string, error) {
		return "", fmt.Errorf("the shared database chosen in the window cannot be used: %s %s; choose it again (Cases → Shared database…), "+
			"or delete that file to work on this computer's own database", p, why)
	}
	if err != nil {
		return broken("cannot be read (" + err.Error() + ")")
	}
	if !fi.Mode().IsRegular() {
		return broken("is not a file")
	}
	f, err := os.Open(p)
	if err != nil {
		return broken("cannot be read (" + err.Error() + ")")
	}
	defer f.Close()
	// An address is one short line; a file grown past that is not one.
	b, err := io.ReadAll(io.LimitReader(f, 4097))
	if err != nil {
		return broken("cannot be read (" + err.Error() + ")")
	}
	if len(b) > 4096 {
		return broken("is too large to hold an address")
	}
	addr := strings.TrimSpace(string(b))
	if i := strings.IndexAny(addr, "\r\n"); i >= 0 {
		addr = strings.TrimSpace(addr[:i])
	}
	if data.EngineFor(addr) != "postgres" || strings.IndexFunc(addr, func(r rune) bool { return unicode.IsControl(r) || unicode.IsSpace(r) }) >= 0 {
		return broken("does not hold a shared database's postgres:// address")
	}
	return addr, nil
}

// defaultDatabase is the database a start opens when --db names none: RECOVERYDESK_DB, else the
// shared database chosen in the window, else the counter's own file; with why the choice, if
// there is one, cannot be used.
func defaultDatabase() (string, error) {
	if env := os.Getenv("RECOVERYDESK_DB"); env != "" {
		return env, nil
	}
	chosen, err := chosenDatabase()
	if err != nil {
		return sqlite.BuiltinPath(), err
	}
	if chosen != "" {
		return chosen, nil
	}
	return sqlite.BuiltinPath(), nil
}

// redacted is a database's address as it may be shown: a password it carries is masked.
func redacted(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || data.EngineFor(dsn) != "postgres" || u.User == nil {
		return dsn
	}
	if _, has := u.User.Password(); has {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// saveChoice keeps addr as this computer's database (the zero address: its own file again).
// The file is replaced whole, readable by its owner only.
func saveChoice(addr ui.SharedAddress) error {
	p := choiceFile()
	if p == "" {
		return errors.New("this system has no folder for settings (no home folder?)")
	}
	if addr.IsZero() {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	tmp := p + ".new"
	if err := os.WriteFile(tmp, []byte(addressURL(addr, false)+"\n"), 0o600); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, p)
}

// addressURL writes addr as a postgres:// address, with its login when withLogin; a host that
// is a folder is a Unix socket's.
func addressURL(addr ui.SharedAddress, withLogin bool) string {
	u := url.URL{Scheme: "postgres", Path: "/" + addr.Database}
	port := strconv.Itoa(addr.Port)
	if strings.HasPrefix(addr.Host, "/") {
		u.RawQuery = url.Values{"host": {addr.Host}, "port": {port}}.Encode()
	} else {
		u.Host = net.JoinHostPort(addr.Host, port)
	}
	if withLogin && addr.Login != "" {
		u.User = url.User(addr.Login)
	}
	return u.String()
}

// sharedAddressOf reads a shared database's address back into the form's fields; zero for
// anything else.
func sharedAddressOf(dsn string) ui.SharedAddress {
	if data.EngineFor(dsn) != "postgres" {
		return ui.SharedAddress{}
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return ui.SharedAddress{}
	}
	addr := ui.SharedAddress{Host: u.Hostname(), Database: strings.TrimPrefix(u.Path, "/"), Port: 5432}
	if h := u.Query().Get("host"); h != "" {
		addr.Host = h
	}
	p := u.Port()
	if q := u.Query().Get("port"); q != "" {
		p = q
	}
	if n, err := strconv.Atoi(p); err == nil {
		addr.Port = n
	}
	if u.User != nil {
		addr.Login = u.User.Username()
	}
	return addr
}

// databaseChoice is what the window's "Shared database" page works with. restart is set when
// the technician asks to start again on the new choice.
func (c *cli) databaseChoice(restart *bool) *ui.DatabaseChoice {
	chosen, _ := chosenDatabase()
	ch := &ui.DatabaseChoice{
		Current: sharedAddressOf(chosen),
		Test:    c.testShared,
		Save:    saveChoice,
		Restart: func() { *restart = true },
	}
	if c.db != c.defaultDB || os.Getenv("RECOVERYDESK_DB") != "" {
		ch.Given = describeDatabase(c.db)
	}
	return ch
}

// testShared connects to addr as its login, reads who that is there, and disconnects.
func (c *cli) testShared(ctx context.Context, addr ui.SharedAddress, password string) (casefile.Identity, error) {
	s, err := data.Open(addressURL(addr, true), data.Options{Now: c.now, Login: addr.Login, Password: password})
	if errors.Is(err, data.ErrUnreachable) {
		return casefile.Identity{}, fmt.Errorf("%w: %w", ui.ErrUnreachable, err)
	}
	if err != nil {
		return casefile.Identity{}, err
	}
	defer s.Close()
	t, ok := s.(data.Team)
	if !ok {
		return casefile.Identity{}, errors.New("this address does not name a shared database")
	}
	return t.Identity(ctx)
}

// describeDatabase names a database for a person: a file by its path, a server's database as
// server/name, never with a password.
func describeDatabase(dsn string) string {
	if data.EngineFor(dsn) != "postgres" {
		return dsn
	}
	return sharedAddressOf(dsn).Server()
}

// startAgain starts this program again with the same arguments, for a window that closed to
// open on another database.
func startAgain() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	cmd := exec.Command(exe, os.Args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start RecoveryDesk again: %w", err)
	}
	return cmd.Process.Release()
}
