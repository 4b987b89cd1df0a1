package main

import (
	"fmt"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/postgres"
)

// cmdDB sets up a shared database: `db init` creates its schema, roles and security rules (as
// the server's superuser) and says what is in it and what to do next. Opening the database
// does the same; the command makes the step explicit for whoever installs the server, and
// reports clearly when the login has too few rights or the database the wrong locale.
func cmdDB(c *cli, args []string) int {
	if len(args) == 0 || args[0] != "init" {
		fmt.Fprintln(c.stderr, "Usage: recoverydesk db init --db postgres://postgres@HOST/DATABASE")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return exitOK
		}
		return exitUsage
	}
	fs := c.flags("db")
	if _, code, ok := c.parse(fs, args[1:]); !ok {
		return code
	}
	if data.EngineFor(c.db) == "sqlite" {
		return c.fail("db init is for a shared database (--db postgres://…); a counter's own file is made by the first start")
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	cases, err := s.Count(c.ctx, casefile.Query{})
	if err != nil {
		return c.fail("%v", err)
	}
	branches, people := 0, 0
	if t, ok := s.(data.Team); ok {
		if list, err := t.Branches(c.ctx); err == nil {
			branches = len(list)
		}
		if list, err := t.Staff(c.ctx); err == nil {
			people = len(list)
		}
	}
	fmt.Fprintf(c.stdout, "the shared database is ready: schema %d; branches: %d, people: %d, cases: %d\n", postgres.SchemaVersion(), branches, people, cases)
	if people == 0 {
		fmt.Fprintln(c.stdout, "next: recoverydesk branch add CODE --name NAME, then recoverydesk staff add LOGIN --role admin (with the same --db)")
	}
	return exitOK
}
