package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"

	"recoverydesk/casefile"
	"recoverydesk/data"
	"recoverydesk/data/sqlite"
)

// cmdMigrate moves a counter's own database into the service center's shared one: every case
// with its history, files and export records, in one transaction, then reads each back from
// the shared database and compares it with the original before saying it is done. The
// counter's file is only read; it stays as it was, to be kept or archived.
func cmdMigrate(c *cli, args []string) int {
	fs := c.flags("migrate")
	to := fs.String("to", "", "the shared database's address (postgres://…)")
	branch := fs.String("branch", "", "the branch these cases belong to (default: the shared database's default branch)")
	renumber := fs.Bool("renumber", false, "give a case whose number is taken in the shared database the next free number")
	if _, code, ok := c.parse(fs, args); !ok {
		return code
	}
	if *to == "" || data.EngineFor(*to) == "sqlite" {
		// Wrong usage, as the help's exit statuses say: 2, not a refused input.
		fmt.Fprintln(c.stderr, "recoverydesk: migrate needs --to with the shared database's address (postgres://…); --db names the counter's own file")
		return exitUsage
	}
	if data.EngineFor(c.db) != "sqlite" {
		return c.fail("--db must name the counter's own database file, the one to move")
	}
	// The counter's file is only read: one that is not there, or empty, is a mistyped --db,
	// never a new database to move nothing from.
	if fi, err := os.Stat(c.db); err != nil || fi.Size() == 0 {
		return c.fail("there is no counter's database at %s to move; check --db", c.db)
	}
	// An archived counter's file its owner made read-only is read from a private copy: the
	// store writes as it opens a file, and the original stays exactly as it was.
	counterFile := c.db
	if fi, err := os.Stat(c.db); err == nil && fi.Mode().Perm()&0o200 == 0 {
		cp, cleanup, err := sqlite.ReadableCopy(c.db)
		if err != nil {
			return c.fail("the counter's file %s is read-only and could not be copied to be read: %v; nothing was moved", c.db, err)
		}
		defer cleanup()
		c.db = cp
	}
	src, code := c.open()
	if src == nil {
		return code
	}
	defer src.Close()
	dst, err := data.Open(*to, data.Options{Now: c.now})
	if err != nil {
		return c.fail("%v", err)
	}
	defer dst.Close()
	adopter, ok := dst.(data.Adopter)
	if !ok {
		return c.fail("the database named by --to cannot take in cases")
	}

	cases, err := readAll(c, src)
	if err != nil {
		return c.fail("the counter's database could not be read: %v; nothing was moved", err)
	}
	if len(cases) == 0 {
		return c.fail("the counter's database %s holds no cases; nothing to move (check --db)", counterFile)
	}
	moved, err := adopter.Adopt(c.ctx, cases, *branch, *renumber, c.operator)
	if err != nil {
		return c.fail("%v; nothing was moved", err)
	}
	files, purged, renumbered := 0, 0, 0
	for _, k := range cases {
		got, err := dst.Case(c.ctx, moved[k.Number])
		if err != nil {
			return c.fail("case %s is not in the shared database after the move: %v", k.Number, err)
		}
		if err := sameCase(k, got, moved[k.Number] != k.Number); err != nil {
			return c.fail("case %s was moved but reads back differently in the shared database (%v): the moved cases are there now; "+
				"compare them with the counter's file, which is untouched, before anything else", k.Number, err)
		}
		for _, a := range k.Attachments {
			if a.Purged {
				purged++
			} else {
				files++
			}
		}
		if moved[k.Number] != k.Number {
			renumbered++
			fmt.Fprintf(c.stdout, "%s → %s\n", k.Number, moved[k.Number])
		}
	}
	// The address is not repeated: it may carry a password.
	fmt.Fprintf(c.stdout, "moved %d cases with %d files into the shared database, each read back and compared", len(cases), files)
	// A purged file left its record, which moves as it is; the count says so rather than
	// let the records pass for files.
	if purged > 0 {
		fmt.Fprintf(c.stdout, "; %d purged files, their records only", purged)
	}
	if renumbered > 0 {
		fmt.Fprintf(c.stdout, "; %d renumbered", renumbered)
	}
	fmt.Fprintln(c.stdout)
	return exitOK
}

// readAll reads every case of the counter's database, oldest first, with each file left to be
// read when the shared database stores it: a database of many photos is never all in memory.
func readAll(c *cli, src data.Store) ([]*casefile.Case, error) {
	rows, err := src.Search(c.ctx, casefile.Query{Sort: casefile.SortOldest})
	if err != nil {
		return nil, err
	}
	out := make([]*casefile.Case, 0, len(rows))
	for _, r := range rows {
		k, err := src.Case(c.ctx, r.Number)
		if err != nil {
			return nil, err
		}
		for i := range k.Attachments {
			a := &k.Attachments[i]
			if a.Purged {
				continue
			}
			id, want := a.ID, a.SHA256
			a.Load = func() ([]byte, []byte, error) {
				d, r, err := src.AttachmentData(c.ctx, id)
				if err != nil {
					return nil, nil, err
				}
				if sum := sha256.Sum256(d); hex.EncodeToString(sum[:]) != want {
					return nil, nil, fmt.Errorf("file %d of case %s does not match its recorded SHA-256", id, k.Number)
				}
				return d, r, nil
			}
		}
		out = append(out, k)
	}
	return out, nil
}

// sameCase compares a case read back from the shared database with the original: its fields,
// its history (one entry more when it was renumbered) and its files by SHA-256.
func sameCase(want, got *casefile.Case, renumbered bool) error {
	same := func(a, b any) bool {
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		return string(ja) == string(jb)
	}
	switch {
	case !same(got.Customer, want.Customer):
		return errors.New("the customer")
	case !same(got.Device, want.Device) || !same(got.Account, want.Account):
		return errors.New("the device or its account")
	case !same(got.Purchase, want.Purchase) || !same(got.Verification, want.Verification) || !same(got.Declarations, want.Declarations):
		return errors.New("the purchase, the checks or the declarations")
	case got.Status != want.Status || !got.StatusSince.Equal(want.StatusSince) || !got.CreatedAt.Equal(want.CreatedAt):
		return errors.New("the status or its dates")
	case got.OwnershipStatement != want.OwnershipStatement || got.Notes != want.Notes:
		return errors.New("the statement or the notes")
	}
	extra := 0
	if renumbered {
		extra = 1
	}
	if len(got.History) != len(want.History)+extra {
		return fmt.Errorf("the history has %d entries, %d were moved", len(got.History), len(want.History))
	}
	hashes := func(c *casefile.Case) []string {
		var hs []string
		for _, a := range c.Attachments {
			hs = append(hs, string(a.Kind)+":"+a.SHA256)
		}
		slices.Sort(hs)
		return hs
	}
	if !slices.Equal(hashes(got), hashes(want)) {
		return errors.New("the files (SHA-256)")
	}
	return nil
}
