package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2/app"
	"github.com/jackc/pgx/v5/pgconn"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/sqlite"
	"recoverydesk/ui"
)

// appID is the application ID of FyneApp.toml: Fyne keeps the preferences under it.
const appID = "com.recoverydesk.desk"

func runGUI(c *cli, args []string) int {
	fs := c.flags("")
	open := fs.String("open", "", "open this case's window at start")
	overview := fs.Bool("overview", false, "open the manager's overview at start")
	rest, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		// "recoverydesk --db X lsit": a mistyped command, not a wish for the window.
		fmt.Fprintf(c.stderr, "recoverydesk: unknown command %q\n\n", rest[0])
		c.usage(c.stderr)
		return exitUsage
	}
	if !hasScreen() {
		// Over SSH or on a server: say so, rather than let the window library panic.
		return c.fail("the window needs a graphical session, and none answers here (DISPLAY=%q); the commands work without one: recoverydesk help", os.Getenv("DISPLAY"))
	}
	var restore ui.RestoreResult
	dataDir := ""
	if data.EngineFor(c.db) == "sqlite" {
		from, aside, err := sqlite.RestorePending(c.ctx, c.db)
		restore = ui.RestoreResult{From: from, KeptAside: aside, Err: err}
		dataDir = filepath.Dir(c.db)
	}
	restart := false
	opts := ui.Options{Operator: c.operator, OpenCase: *open, ShowOverview: *overview, DataDir: dataDir, Restored: restore, Now: c.now,
		DraftDir: draftDir(dataDir), Database: c.databaseChoice(&restart)}
	code = c.runDesk(opts)
	if restart {
		if err := startAgain(); err != nil {
			return c.fail("%v", err)
		}
	}
	return code
}

// runDesk opens the database and runs the window on it until it closes.
func (c *cli) runDesk(opts ui.Options) int {
	s, err := c.openAs("", "")
	if errors.Is(err, casefile.ErrSignIn) {
		// A counter's shortcut names the server, not the person: the window asks who signs in.
		return c.signIn(err, opts)
	}
	if err != nil {
		return c.notOpened(err, opts.Database)
	}
	defer s.Close()
	who, err := identity(c.ctx, s)
	if err != nil {
		return c.notOpened(err, opts.Database)
	}
	opts.Identity = who
	ui.Run(app.NewWithID(appID), s, opts)
	return exitOK
}

// notOpened reports a database that did not open: on stderr, and in a window where there is a
// screen, since a shortcut's or a double click's stderr goes nowhere a person looks. When it
// was the shared database chosen in the window, the window offers to go back to the counter's
// own file, so that a server gone for good does not lock the counter out of its work.
func (c *cli) notOpened(err error, choice *ui.DatabaseChoice) int {
	code := c.fail("%v", err)
	if !hasScreen() {
		return code
	}
	var own func() error
	if choice != nil && choice.Given == "" && (!choice.Current.IsZero() || c.choiceErr != nil) {
		own = func() error { return saveChoice(ui.SharedAddress{}) }
	}
	n := ui.NotOpened{Err: err, UseOwn: own, Where: redacted(c.db)}
	if data.EngineFor(c.db) == "sqlite" && errors.Is(err, casefile.ErrBroken) {
		// A damaged counter file: its daily backups are the way back, from this window, since
		// the desk that offers restores cannot open. The damaged file is kept aside.
		n.BackupDir = filepath.Join(filepath.Dir(c.db), "backups")
		n.Restore = func(backup string) error { return sqlite.RestoreDamaged(c.ctx, c.db, backup) }
	}
	if ui.ShowNotOpened(app.NewWithID(appID), n) {
		if err := startAgain(); err != nil {
			return c.fail("%v", err)
		}
		return exitOK
	}
	return code
}

// hasScreen says whether a window can be shown: always on Windows and macOS, on other systems
// when a Wayland display is named or the named X display answers (a stale DISPLAY, left from
// a closed session or a forwarded one that is gone, would make the window library panic).
func hasScreen() bool {
	switch runtime.GOOS {
	case "windows", "darwin":
		return true
	}
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		return true
	}
	return xAnswers(os.Getenv("DISPLAY"))
}

// xAnswers says whether the X display named like ":0", ":1.0" or "host:0" accepts a connection.
func xAnswers(display string) bool {
	host, rest, ok := strings.Cut(display, ":")
	if !ok {
		return false
	}
	num, _, _ := strings.Cut(rest, ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return false
	}
	tries := [][2]string{{"unix", "/tmp/.X11-unix/X" + num}, {"unix", "@/tmp/.X11-unix/X" + num}} // the file, or Linux's abstract socket
	if host != "" && host != "unix" {
		tries = [][2]string{{"tcp", net.JoinHostPort(host, strconv.Itoa(6000+n))}}
	}
	for _, t := range tries {
		if conn, err := net.DialTimeout(t[0], t[1], 2*time.Second); err == nil {
			conn.Close()
			return true
		}
	}
	return false
}

// identity is who is signed in on a shared database; nil on a counter's own file. The database,
// not the window, decides what this login may do; the window only needs to know it so as not to
// offer what would be refused.
func identity(ctx context.Context, s data.Store) (*casefile.Identity, error) {
	t, ok := s.(data.Team)
	if !ok {
		return nil, nil
	}
	id, err := t.Identity(ctx)
	if err != nil {
		return nil, err
	}
	return &id, nil
}

// signIn runs the window behind its sign-in form, for a shared database that refused the
// address's own login (or got no password with it).
func (c *cli) signIn(refused error, opts ui.Options) int {
	fmt.Fprintf(c.stderr, "recoverydesk: %v; asking in the window\n", refused)
	in := ui.SignIn{Server: c.db}
	if cfg, err := pgconn.ParseConfig(c.db); err == nil {
		in.Server, in.Login = cfg.Host+"/"+cfg.Database, cfg.User
		// The address (or PGPASSWORD, ~/.pgpass) gave a password and the server said no.
		in.Refused = cfg.Password != ""
	}
	var (
		mu     sync.Mutex
		opened []data.Store
	)
	in.Connect = func(ctx context.Context, login, password string) (ui.Store, *casefile.Identity, error) {
		s, err := c.openAs(login, password)
		if err != nil {
			return nil, nil, err
		}
		who, err := identity(ctx, s)
		if err != nil {
			s.Close()
			return nil, nil, err
		}
		mu.Lock()
		opened = append(opened, s)
		mu.Unlock()
		return s, who, nil
	}
	signedIn := ui.RunSignedIn(app.NewWithID(appID), in, opts)
	mu.Lock()
	for _, s := range opened {
		s.Close()
	}
	mu.Unlock()
	if !signedIn {
		return exitRefused
	}
	return exitOK
}

// draftDir is where case windows keep unsaved typing: beside the database file, or in the
// user's own data folder when the database is a server.
func draftDir(dataDir string) string {
	if dataDir == "" {
		dataDir = filepath.Dir(sqlite.DefaultPath())
	}
	return filepath.Join(dataDir, "drafts")
}
