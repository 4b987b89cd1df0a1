package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

// openTeam opens the database and its team side; a counter's own file has none, and says so.
func (c *cli) openTeam() (data.Store, data.Team, int) {
	s, code := c.open()
	if s == nil {
		return nil, nil, code
	}
	t, ok := s.(data.Team)
	if !ok {
		s.Close()
		fmt.Fprintf(c.stderr, "recoverydesk: branches and people belong to a shared database; %s is one counter's own file, where everyone may do everything. "+
			"Give --db postgres://LOGIN@HOST/DATABASE (as the administrator) to manage a service center's staff\n", c.db)
		return nil, nil, exitRefused
	}
	return s, t, exitOK
}

// teamList runs a "list [--json]" of the team side: print gets a JSON encoder with --json,
// else a table writer.
func (c *cli) teamList(name string, args []string, print func(t data.Team, enc *json.Encoder, w *tabwriter.Writer) error) int {
	fs := c.flags(name)
	asJSON := fs.Bool("json", false, "one JSON object per line")
	if _, code, ok := c.positional(fs, args, 0); !ok {
		return code
	}
	s, t, code := c.openTeam()
	if s == nil {
		return code
	}
	defer s.Close()
	var enc *json.Encoder
	if *asJSON {
		enc = json.NewEncoder(c.stdout)
	}
	w := tabwriter.NewWriter(c.stdout, 0, 4, 2, ' ', 0)
	err := print(t, enc, w)
	w.Flush()
	if err != nil {
		return c.fail("%v", err)
	}
	return exitOK
}

func cmdBranch(c *cli, args []string) int {
	if len(args) == 0 || args[0] != "add" && args[0] != "list" {
		fmt.Fprintln(c.stderr, "Usage: recoverydesk branch add CODE --name NAME [--address A] [--phone P] [--email E] [--region R]")
		fmt.Fprintln(c.stderr, "       recoverydesk branch list [--json]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	if args[0] == "list" {
		return c.teamList("branch", args[1:], func(t data.Team, enc *json.Encoder, w *tabwriter.Writer) error {
			list, err := t.Branches(c.ctx)
			for _, b := range list {
				if enc != nil {
					enc.Encode(b)
					continue
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", b.Code, printable(b.Name), printable(b.Address), printable(b.Phone), printable(b.Email))
			}
			return err
		})
	}
	fs := c.flags("branch")
	var b casefile.Branch
	fs.StringVar(&b.Name, "name", "", "the branch's name, as the documents print it")
	fs.StringVar(&b.Address, "address", "", "its address")
	fs.StringVar(&b.Phone, "phone", "", "its phone")
	fs.StringVar(&b.Email, "email", "", "its e-mail")
	fs.StringVar(&b.Region, "region", "", "the support region its new cases start with")
	pos, code, ok := c.positional(fs, args[1:], 1)
	if !ok {
		return code
	}
	b.Code = pos[0]
	b.Normalize()
	if err := b.Validate(); err != nil {
		return c.fail("%v", err)
	}
	s, t, code := c.openTeam()
	if s == nil {
		return code
	}
	defer s.Close()
	if err := t.SaveBranch(c.ctx, b); err != nil {
		return c.fail("%v", err)
	}
	fmt.Fprintf(c.stdout, "branch %s saved\n", b.Code)
	return exitOK
}

func cmdStaff(c *cli, args []string) int {
	usage := func() int {
		fmt.Fprintln(c.stderr, "Usage: recoverydesk staff add LOGIN --role technician|manager|admin [--branch CODE] [--name NAME] [--password-file FILE]")
		fmt.Fprintln(c.stderr, "       recoverydesk staff list [--json]")
		fmt.Fprintln(c.stderr, "       recoverydesk staff remove LOGIN")
		return exitUsage
	}
	if len(args) == 0 {
		return usage()
	}
	switch args[0] {
	case "-h", "--help":
		usage()
		return exitOK
	case "list":
		return c.teamList("staff", args[1:], func(t data.Team, enc *json.Encoder, w *tabwriter.Writer) error {
			list, err := t.Staff(c.ctx)
			for _, p := range list {
				if enc != nil {
					enc.Encode(p)
					continue
				}
				state := ""
				if !p.RemovedAt.IsZero() {
					state = "removed " + p.RemovedAt.Local().Format("2006-01-02")
				}
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", p.Login, p.Role, p.Branch, printable(p.Name), state)
			}
			return err
		})
	case "remove":
		fs := c.flags("staff")
		pos, code, ok := c.positional(fs, args[1:], 1)
		if !ok {
			return code
		}
		s, t, code := c.openTeam()
		if s == nil {
			return code
		}
		defer s.Close()
		if err := t.RemoveStaff(c.ctx, pos[0]); err != nil {
			return c.fail("%v", err)
		}
		fmt.Fprintf(c.stdout, "%s can no longer sign in; the history keeps their name\n", pos[0])
		return exitOK
	case "add":
		fs := c.flags("staff")
		var p casefile.Person
		role := fs.String("role", "", "technician, manager or admin")
		fs.StringVar(&p.Branch, "branch", "", "the branch a technician works at (a manager's home branch)")
		fs.StringVar(&p.Name, "name", "", "the person's name, as the window shows it")
		pwFile := fs.String("password-file", "", "read the password from this file's first line (else it is asked for)")
		pos, code, ok := c.positional(fs, args[1:], 1)
		if !ok {
			return code
		}
		p.Login = strings.TrimSpace(pos[0])
		r, err := casefile.ParseRole(*role)
		if err != nil {
			fmt.Fprintf(c.stderr, "recoverydesk: --role: %v\n", err)
			return exitUsage
		}
		p.Role = r
		if err := casefile.ValidateLogin(p.Login); err != nil {
			return c.fail("%v", err)
		}
		password, err := c.password(*pwFile, p.Login)
		if err != nil {
			return c.fail("%v", err)
		}
		s, t, code := c.openTeam()
		if s == nil {
			return code
		}
		defer s.Close()
		if err := t.AddStaff(c.ctx, p, password); err != nil {
			return c.fail("%v", err)
		}
		where := ""
		if p.Branch != "" {
			where = " at " + strings.ToUpper(p.Branch)
		}
		fmt.Fprintf(c.stdout, "%s added as %s%s; they sign in with this login and password\n", p.Login, p.Role, where)
		return exitOK
	}
	return usage()
}

// password reads a new person's password from a file, or asks for it twice without echo.
func (c *cli) password(file, login string) (string, error) {
	if file != "" {
		raw, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("read the password file: %w", err)
		}
		line, _, _ := strings.Cut(string(raw), "\n")
		return strings.TrimRight(line, "\r"), nil
	}
	f, ok := c.stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		// Piped in: the first line is the password (scripts; nothing is echoed anyway).
		line, err := bufio.NewReader(c.stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", errors.New("no password given: use --password-file FILE or type it when asked")
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	ask := func(prompt string) (string, error) {
		fmt.Fprint(c.stderr, prompt)
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(c.stderr)
		return string(b), err
	}
	first, err := ask("Password for " + login + ": ")
	if err != nil {
		return "", err
	}
	again, err := ask("The same password again: ")
	if err != nil {
		return "", err
	}
	if first != again {
		return "", errors.New("the two passwords differ; nothing was changed")
	}
	return first, nil
}
