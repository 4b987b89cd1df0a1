package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"slices"
	"sort"
	"strings"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
	"recoverydesk/data"
	"recoverydesk/data/sqlite"
)

// Exit codes, the same for every command.
const (
	exitOK      = 0
	exitRefused = 1 // the input was refused: an invalid IMEI, a bad import, a forbidden status change
	exitUsage   = 2 // the command line itself is wrong
	// exitDiskFull: the disk (or the shared server's) is full; the input was fine, and the
	// same command works once there is room. A script can tell this from bad input.
	exitDiskFull = 3
)

// cli is what every command gets: where to write, and the options common to all.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	db             string
	operator       string
	// create allows a new database where --db names none (--create); the default location and
	// the demo command always may.
	create bool
	ctx    context.Context
	// now is the one clock of a run: the store's timestamps, the documents' dates and the
	// day counts all read it.
	now casefile.Clock
	// defaultDB is where a run without --db goes; choiceErr says why the shared database chosen
	// in the window could not be used, which refuses such a run rather than quietly opening
	// the computer's own file.
	defaultDB string
	choiceErr error
}

// command is one sub-command.
type command struct {
	name, args, summary string
	run                 func(c *cli, args []string) int
}

func commands() []command {
	return []command{
		{"imei", "[--json] NUMBER...", "check IMEIs (Luhn, null IMEI, IMEISV) and suggest a missing check digit", cmdIMEI},
		{"import", "FILE.json [--files-anywhere]", "add the cases of a JSON file (one object or an array); all or nothing", cmdImport},
		{"show", "CASE [--json]", "print one case with its readiness, route, attachments and history", cmdShow},
		{"list", "[--status S] [--branch CODE] [--search TEXT] [--sort newest|oldest|waiting] [--limit N] [--json]", "list cases", cmdList},
		{"status", "CASE NEW_STATUS [--note TEXT] [--address A] [--reference R]", "move a case to another status", cmdStatus},
		{"demo", "[--cases N] [--photos N]", "add realistic sample cases to the database", cmdDemo},
		{"export", "CASE -o FILE.pdf [--eml FILE.eml] [--lang en|ru] [--draft] [--show-id] | --all-ready --dir DIR", "render the dossier for manufacturer support, and its e-mail draft", cmdExport},
		{"report", "--csv FILE | --xlsx FILE [--status S] [--branch CODE] [--since DATE] [--until DATE] [--by OPERATOR] [--lang en|ru]", "write a report of cases: CSV, or an XLSX spreadsheet with a sheet per branch", cmdReport},
		{"backup", "FILE", "write a consistent copy of the database, even while the app is open (a shared one with pg_dump)", cmdBackup},
		{"restore", "FILE", "check a backup and put it in place of the database, keeping the old one aside (a shared one with pg_restore)", cmdRestore},
		{"purge", "[--dry-run] [--days N]", "remove the documents of cases closed longer ago than the retention period", cmdPurge},
		{"receipt", "CASE -o FILE.pdf [--lang en|ru]", "print the customer's intake receipt", cmdReceipt},
		{"settings", "[KEY=VALUE...]", "show or change the settings (service center, support addresses, thresholds)", cmdSettings},
		{"branch", "add CODE --name NAME [--address A] [--phone P] [--email E] | list", "the branches of a shared database (administrator)", cmdBranch},
		{"db", "init --db postgres://postgres@HOST/DATABASE", "set up a shared database: its schema, roles and security rules (the server's superuser, once)", cmdDB},
		{"migrate", "--to postgres://… [--branch CODE] [--renumber]", "move every case of this counter's database (--db) into the shared one, in one transaction, and verify them there", cmdMigrate},
		{"staff", "add LOGIN --role technician|manager|admin [--branch CODE] | list | remove LOGIN", "the people of a shared database, each a login of their own (administrator)", cmdStaff},
	}
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{stdin: stdin, stdout: stdout, stderr: stderr, operator: defaultOperator(), ctx: context.Background()}
	c.defaultDB, c.choiceErr = defaultDatabase()
	c.db = c.defaultDB
	clock, err := clockFromEnv(os.Getenv("RECOVERYDESK_CLOCK"))
	if err != nil {
		fmt.Fprintf(stderr, "recoverydesk: %v\n", err)
		return exitUsage
	}
	c.now = clock
	args = commandFirst(args)
	if len(args) == 0 || strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" && args[0] != "help" {
		return runGUI(c, args)
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		// "help list" is list's own help.
		if len(args) > 1 {
			for _, cmd := range commands() {
				if cmd.name == args[1] {
					return cmd.run(c, []string{"--help"})
				}
			}
		}
		c.usage(stdout)
		return exitOK
	}
	for _, cmd := range commands() {
		if cmd.name == name {
			return cmd.run(c, args[1:])
		}
	}
	fmt.Fprintf(stderr, "recoverydesk: unknown command %q\n\n", name)
	c.usage(stderr)
	return exitUsage
}

// commandFirst accepts the common options before the command as well as after it
// ("recoverydesk --db X list" as "recoverydesk list --db X"): people type both, and the
// first must not open the window instead.
func commandFirst(args []string) []string {
	valued := map[string]bool{"-db": true, "--db": true, "-operator": true, "--operator": true}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case !strings.HasPrefix(a, "-"):
			if slices.ContainsFunc(commands(), func(c command) bool { return c.name == a }) || a == "help" {
				// The options go last: "branch" and "staff" read their verb right after the name.
				return append(append([]string{a}, args[i+1:]...), args[:i]...)
			}
			return args
		case valued[a]:
			i++ // its value
		}
	}
	return args
}

func (c *cli) usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: recoverydesk [--db PATH] [--operator NAME]            open the window")
	fmt.Fprintln(w, "       recoverydesk COMMAND [options]                         run a command")
	fmt.Fprintln(w, "\nCommands:")
	cmds := commands()
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	for _, cmd := range cmds {
		fmt.Fprintf(w, "  %-8s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --db PATH (default $RECOVERYDESK_DB, else the shared database chosen in the window, else", sqlite.BuiltinPath()+")")
	fmt.Fprintln(w, "and --operator NAME (default $RECOVERYDESK_OPERATOR, else the system user); \"recoverydesk COMMAND --help\" tells more.")
	fmt.Fprintln(w, "Exit status: 0 done, 1 input refused, 2 wrong usage.")
}

// flags makes a command's flag set with the common options.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.StringVar(&c.db, "db", c.db, "database file, or a shared database's postgres:// address")
	// The help shows the default without a password an address may carry.
	fs.Lookup("db").DefValue = redacted(c.db)
	fs.StringVar(&c.operator, "operator", c.operator, "who does this, for the history")
	fs.BoolVar(&c.create, "create", c.create, "start a new database where --db names none (folders included)")
	for _, cmd := range commands() {
		if cmd.name == name {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "Usage: recoverydesk %s %s\n%s.\n\nOptions:\n", name, cmd.args, capitalize(cmd.summary))
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parse accepts options before and after the positional arguments ("show 2026-00001 --json"),
// as people type them. It returns the positional arguments, or an exit code.
func (c *cli) parse(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(c.stdout) // asked-for help is output, not an error
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			// A file whose name starts with "-" reads as an option; say how to name it.
			if name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: "); ok {
				if _, statErr := os.Stat(name); statErr == nil {
					fmt.Fprintf(c.stderr, "recoverydesk: %s is a file here, but a name starting with - is read as an option: write ./%s, or put -- before it\n", name, name)
				}
			}
			return nil, exitUsage, false
		}
		if fs.NArg() == 0 {
			if err := validOperator(c.operator); err != nil {
				fmt.Fprintf(c.stderr, "recoverydesk: %v\n", err)
				return nil, exitUsage, false
			}
			return pos, 0, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// positional parses a command line that takes exactly n arguments besides its options; a
// different number prints the usage.
func (c *cli) positional(fs *flag.FlagSet, args []string, n int) ([]string, int, bool) {
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return nil, code, false
	}
	if len(pos) != n {
		fs.Usage()
		return nil, exitUsage, false
	}
	return pos, exitOK, true
}

func (c *cli) open() (data.Store, int) {
	s, err := c.openAs("", "")
	if err != nil {
		fmt.Fprintf(c.stderr, "recoverydesk: %v\n", err)
		return nil, exitRefused
	}
	return s, exitOK
}

// openAs opens the store as open does; a non-empty login signs in to a shared database as that
// person instead of with the address's login.
func (c *cli) openAs(login, password string) (data.Store, error) {
	if c.choiceErr != nil && c.db == c.defaultDB {
		return nil, c.choiceErr
	}
	// A server's address is no file to look at: Windows refuses its "://" as a file name.
	if data.EngineFor(c.db) == "sqlite" {
		_, err := os.Stat(c.db)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("cannot reach the database %s: %w", c.db, err)
		}
		// A typo in --db must not quietly start an empty database that hides every case:
		// only the default location is made without being asked.
		if errors.Is(err, os.ErrNotExist) && !c.create && c.db != sqlite.BuiltinPath() {
			return nil, fmt.Errorf("there is no database at %s; check the path, or add --create to start a new one there", c.db)
		}
	}
	return data.Open(c.db, data.Options{Now: c.now, Login: login, Password: password})
}

// fail prints an error for a person and returns the refused exit code, or exitDiskFull when
// the error is a full disk, which it then says in plain words.
func (c *cli) fail(format string, args ...any) int {
	fmt.Fprintf(c.stderr, "recoverydesk: "+format+"\n", args...)
	for _, a := range args {
		if err, ok := a.(error); ok && casefile.DiskFull(err) {
			fmt.Fprintln(c.stderr, "recoverydesk: the disk is full: free some space and run the command again; what was being written was not kept")
			return exitDiskFull
		}
	}
	return exitRefused
}

// failOutput reports a document that was not written; a refusal the person may override says how.
func (c *cli) failOutput(err error) int {
	var r *dossier.OutputRefusedError
	if errors.As(err, &r) && r.Forceable {
		return c.fail("%v, or add --force to replace it", err)
	}
	return c.fail("%v", err)
}

func defaultOperator() string {
	if op := os.Getenv("RECOVERYDESK_OPERATOR"); op != "" {
		return op
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return os.Getenv("USER")
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// statusArg checks a status typed on the command line.
func statusArg(s string) (casefile.Status, error) {
	st := casefile.Status(strings.ToLower(strings.TrimSpace(s)))
	if !st.Valid() {
		names := make([]string, len(casefile.Statuses))
		for i, v := range casefile.Statuses {
			names[i] = string(v)
		}
		return "", fmt.Errorf("%q is not a status; use one of %s", s, strings.Join(names, ", "))
	}
	return st, nil
}

// technician is the name printed on documents: the one set for this counter, else the operator.
func (c *cli) technician(set casefile.Settings) string {
	if set.Technician != "" {
		return set.Technician
	}
	return c.operator
}

// loadCase reads a case for a command, turning a missing one into a sentence and exit code 1.
func (c *cli) loadCase(s data.Store, number string) (*casefile.Case, int) {
	k, err := s.Case(c.ctx, number)
	if errors.Is(err, data.ErrNotFound) {
		return nil, c.fail("there is no case %s (case numbers look like 2026-00042)", number)
	}
	if err != nil {
		return nil, c.fail("%v", err)
	}
	return k, exitOK
}
