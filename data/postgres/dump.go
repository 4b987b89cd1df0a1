package postgres

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"recoverydesk/data"
)

// A shared database is backed up by PostgreSQL's own tools, not copied as a file: pg_dump
// takes one consistent snapshot of the app's schema while counters keep working, and
// pg_restore puts it back in one transaction, so a restore that fails or is killed half-way
// leaves the database as it was.

// ErrNoTools means pg_dump or pg_restore is not installed where the program can find it.
var ErrNoTools = errors.New("PostgreSQL's client tools are missing")

// tool finds pg_dump or pg_restore on the PATH, or says how to install them.
func tool(name string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%w: %s was not found; backing up and restoring a shared database needs pg_dump and pg_restore "+
			"of the server's version or newer (Debian and Ubuntu: apt install postgresql-client; Windows: the PostgreSQL "+
			"installer's Command Line Tools) on the PATH", ErrNoTools, name)
	}
	return p, nil
}

// Dump writes the app's schema (cases, attachments, history, settings, branches, people's
// roles and the security rules) to dest in pg_dump's custom format. The file is readable by
// its owner only and appears under its name only once it is complete and passes CheckDump.
func (s *Store) Dump(ctx context.Context, dest string) (err error) {
	pgDump, err := tool("pg_dump")
	if err != nil {
		return err
	}
	if err := checkDestination(dest); err != nil {
		return err
	}
	dir := filepath.Dir(dest)
	undo, err := data.MakeBackupFolder(dir)
	if err != nil {
		return fmt.Errorf("cannot write the backup: %w", err)
	}
	defer func() {
		if err != nil {
			undo() // after the partial copy is removed: defers run last first
		}
	}()
	// A short name of its own: the backup's name may already be as long as a name can be.
	f, err := os.CreateTemp(dir, ".recoverydesk-backup-*.partial")
	if err != nil {
		return fmt.Errorf("cannot write the backup: %w", err)
	}
	tmp := f.Name()
	f.Close()
	defer func() { err = data.HideTemp(err, tmp, dest) }()
	defer os.Remove(tmp)
	if err := s.run(ctx, pgDump, "--format=custom", "--schema="+schema, "--enable-row-security", "--file="+tmp); err != nil {
		return fmt.Errorf("back up the shared database at %s: %w", s.host, err)
	}
	// Opened for writing: Windows flushes only a handle that may write (FlushFileBuffers).
	if f, err := os.OpenFile(tmp, os.O_RDWR, 0); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			return fmt.Errorf("back up: %w", err)
		}
	}
	if err := CheckDump(ctx, tmp); err != nil {
		return fmt.Errorf("the backup was written but does not pass its check: %w", err)
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	return data.PlaceBackup(tmp, dest)
}

// CheckDump says whether the file at path is a backup of a RecoveryDesk shared database that
// pg_restore can read: an archive in pg_dump's custom format holding the app's schema with
// its cases, their history and their data.
func CheckDump(ctx context.Context, path string) error {
	pgRestore, err := tool("pg_restore")
	if err != nil {
		return err
	}
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return fmt.Errorf("cannot read the backup: %w", err)
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s is not a file", path)
	}
	// Named by its full path, so that a file called "-b.dump" is not taken for an option.
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	var out, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, pgRestore, "--list", path)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s is not a backup of a shared database (pg_restore: %s)", path, firstLine(stderr.String(), err))
	}
	list := out.String()
	// The list is the archive's table of contents; reading every data block through to the
	// end as well finds a copy cut short before a restore starts on it.
	stderr.Reset()
	read := exec.CommandContext(ctx, pgRestore, "--file="+os.DevNull, path)
	read.Stderr = &stderr
	if err := read.Run(); err != nil {
		return fmt.Errorf("%s is damaged or incomplete (pg_restore: %s)", path, firstLine(stderr.String(), err))
	}
	for _, want := range []string{"TABLE " + schema + " cases ", "TABLE " + schema + " history ", "TABLE DATA " + schema + " cases ", "TABLE " + schema + " schema_migrations "} {
		if !strings.Contains(list, want) {
			return fmt.Errorf("%s is a PostgreSQL backup but not of a RecoveryDesk shared database (it has no %s)", path, strings.TrimSpace(want))
		}
	}
	return nil
}

// RestoreDump replaces the app's schema with the backup at path. It first checks the backup
// and writes the current data to aside, so that what is replaced can be had back; then
// pg_restore drops and recreates the schema in one transaction. Counters that are connected
// keep their connections and see the restored cases at their next query.
func (s *Store) RestoreDump(ctx context.Context, path, aside string) error {
	pgRestore, err := tool("pg_restore")
	if err != nil {
		return err
	}
	if err := CheckDump(ctx, path); err != nil {
		return err
	}
	if abs, err := filepath.Abs(path); err == nil {
		if a, err := filepath.Abs(aside); err == nil && a == abs {
			return fmt.Errorf("the copy of the current data would overwrite the backup being restored; choose another place")
		}
	}
	if err := s.Dump(ctx, aside); err != nil {
		return fmt.Errorf("the current data could not be kept aside, so nothing was restored: %w", err)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	// The restore waits for counters in the middle of a save, but not for ever.
	err = s.run(ctx, pgRestore, "--clean", "--if-exists", "--single-transaction", "--exit-on-error", path)
	if err != nil {
		return fmt.Errorf("restore the shared database at %s: %w; nothing was changed", s.host, err)
	}
	return nil
}

// run starts a client tool on this store's database as this store's login. The password goes
// in the child's environment, never on its command line, where other users could read it.
func (s *Store) run(ctx context.Context, name string, args ...string) error {
	args = append([]string{"--no-password", "--dbname=" + s.conninfo()}, args...)
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = s.toolEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	tie := dieWithUs(cmd)
	err := cmd.Start()
	if err == nil {
		tie.started(cmd.Process)
		err = cmd.Wait()
	}
	tie.release()
	if err != nil {
		msg := firstLine(stderr.String(), err)
		switch {
		case strings.Contains(msg, "permission denied") || strings.Contains(msg, "must be owner") ||
			strings.Contains(msg, "row-level security"):
			return fmt.Errorf("the login %s may not do this (%s); a manager's login may back up, and only the set-up account, "+
				"the server's superuser (for example postgres://postgres@HOST/DATABASE), may restore", s.cfg.User, msg)
		case strings.Contains(msg, "other objects depend on it"):
			return fmt.Errorf("the schema %s holds tables or views that are not RecoveryDesk's (%s); move them to another schema first", schema, msg)
		case strings.Contains(msg, "server version mismatch") || strings.Contains(msg, "unsupported version"):
			return fmt.Errorf("%s; install PostgreSQL's client tools of the server's version or newer", msg)
		}
		return errors.New(msg)
	}
	return nil
}

// conninfo is the store's connection in libpq's key='value' form, without the password.
func (s *Store) conninfo() string {
	q := func(v string) string {
		return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
	}
	parts := []string{
		"host=" + q(s.cfg.Host),
		"port=" + q(strconv.Itoa(int(s.cfg.Port))),
		"dbname=" + q(s.cfg.Database),
		"user=" + q(s.cfg.User),
		"application_name=" + q("RecoveryDesk backup"),
	}
	for k, v := range s.sslParams {
		parts = append(parts, k+"="+q(v))
	}
	return strings.Join(parts, " ")
}

// toolEnv is this process's environment with the password, and a limit on how long the tool
// waits for another counter's lock, added.
func (s *Store) toolEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PGPASSWORD=") && !strings.HasPrefix(kv, "PGOPTIONS=") {
			env = append(env, kv)
		}
	}
	if s.cfg.Password != "" {
		env = append(env, "PGPASSWORD="+s.cfg.Password)
	}
	return append(env, "PGOPTIONS=-c lock_timeout=60s", "PGCONNECT_TIMEOUT=10")
}

// sslParamsOf keeps the TLS settings of an address, which libpq's tools need as they were
// written (pgx turns them into a TLS configuration that cannot be written back).
func sslParamsOf(dsn string) map[string]string {
	keep := map[string]bool{"sslmode": true, "sslrootcert": true, "sslcert": true, "sslkey": true, "sslcrl": true}
	out := map[string]string{}
	if u, err := url.Parse(dsn); err == nil && (u.Scheme == "postgres" || u.Scheme == "postgresql") {
		for k, vs := range u.Query() {
			if keep[k] && len(vs) > 0 {
				out[k] = vs[len(vs)-1]
			}
		}
		return out
	}
	for _, f := range strings.Fields(dsn) {
		if k, v, ok := strings.Cut(f, "="); ok && keep[k] {
			out[k] = strings.Trim(v, "'")
		}
	}
	return out
}

// firstLine is the first line a tool wrote to its error stream without the tool's name, or
// how it ended when it wrote nothing.
func firstLine(stderr string, err error) string {
	for _, l := range strings.Split(stderr, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		for _, p := range []string{"pg_dump: error: ", "pg_restore: error: ", "pg_dump: ", "pg_restore: ", "could not execute query: ", "ERROR:  "} {
			l = strings.TrimPrefix(l, p)
		}
		return l
	}
	return err.Error()
}

// checkDestination refuses to put a backup in place of anything but a regular file: the file
// is written beside its place and renamed over it, which would replace a device (/dev/null), a
// link or a folder instead of writing into it.
func checkDestination(dest string) error {
	fi, err := os.Lstat(dest)
	if err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file (a device, a link or a folder); give the backup a file name of its own", dest)
	}
	return nil
}
