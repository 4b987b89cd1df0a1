package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
	"recoverydesk/data"
	"recoverydesk/data/sqlite"
)

func cmdReport(c *cli, args []string) int {
	fs := c.flags("report")
	out := fs.String("csv", "", "the CSV file to write")
	xlsx := fs.String("xlsx", "", "the spreadsheet (.xlsx) to write: typed columns, a sheet per branch and a summary")
	force := fs.Bool("force", false, "replace an existing file of another kind (never a database)")
	status := fs.String("status", "", "only cases in this status")
	since := fs.String("since", "", "only cases opened on or after this date (YYYY-MM-DD)")
	until := fs.String("until", "", "only cases opened on or before this date (YYYY-MM-DD)")
	operator := fs.String("by", "", "only cases opened by this operator")
	branch := fs.String("branch", "", "only the cases of this branch (a shared database)")
	lang := fs.String("lang", "", "en (comma-separated) or ru (semicolon-separated); default: the interface setting, else the system")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 || (*out == "") == (*xlsx == "") {
		fmt.Fprintln(c.stderr, "recoverydesk: report writes one file: give --csv FILE or --xlsx FILE")
		fs.Usage()
		return exitUsage
	}
	f := casefile.ReportFilter{Operator: *operator, Branch: strings.ToUpper(strings.TrimSpace(*branch))}
	var err error
	if *status != "" {
		if f.Status, err = statusArg(*status); err != nil {
			return c.fail("%v", err)
		}
	}
	for _, d := range []struct {
		flag, value string
		into        *time.Time
		add         int
	}{{"--since", *since, &f.Since, 0}, {"--until", *until, &f.Until, 1}} {
		if d.value == "" {
			continue
		}
		t, err := casefile.ParseDate(d.value, time.Local)
		if err != nil {
			return c.fail("%s %q: %v", d.flag, d.value, err)
		}
		*d.into = t.AddDate(0, 0, d.add)
	}
	if !f.Since.IsZero() && !f.Until.IsZero() && !f.Since.Before(f.Until) {
		// An empty report would say "no cases" of a period that cannot hold any: the dates
		// were swapped, and saying so beats a file that looks like a quiet month.
		return c.fail("--since %s is after --until %s: give the earlier date to --since", *since, *until)
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	rows, err := s.ReportRows(c.ctx, f)
	if err != nil {
		return c.fail("%v", err)
	}
	if *lang == "" {
		set, _ := s.Settings(c.ctx)
		*lang = set.Language
		if *lang == "" && strings.HasPrefix(os.Getenv("LANG"), "ru") {
			*lang = "ru"
		}
	}
	var buf bytes.Buffer
	write := dossier.WriteReportCSV
	if *xlsx != "" {
		write, *out = dossier.WriteReportXLSX, *xlsx
	}
	if err := write(&buf, rows, *lang, c.now()); err != nil {
		return c.fail("%v", err)
	}
	if err := dossier.SaveDocument(*out, buf.Bytes(), *force); err != nil {
		return c.failOutput(err)
	}
	fmt.Fprintf(c.stdout, "%s\t%d cases\n", *out, len(rows))
	return exitOK
}

func cmdBackup(c *cli, args []string) int {
	fs := c.flags("backup")
	pos, code, ok := c.positional(fs, args, 1)
	if !ok {
		return code
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	if sb, ok := s.(data.ServerBackup); ok {
		if err := sb.Dump(c.ctx, pos[0]); err != nil {
			return c.fail("%v", err)
		}
		fmt.Fprintf(c.stdout, "backed up the shared database to %s\n", pos[0])
		return exitOK
	}
	m, ok := s.(data.Maintenance)
	if !ok {
		return c.fail("this database cannot be backed up by RecoveryDesk; back it up with its server's tools")
	}
	if err := m.Backup(c.ctx, pos[0]); err != nil {
		return c.fail("%v", err)
	}
	if err := m.CheckBackup(c.ctx, pos[0]); err != nil {
		return c.fail("the backup was written but does not pass its check: %v", err)
	}
	fmt.Fprintf(c.stdout, "backed up to %s\n", pos[0])
	return exitOK
}

func cmdRestore(c *cli, args []string) int {
	fs := c.flags("restore")
	pos, code, ok := c.positional(fs, args, 1)
	if !ok {
		return code
	}
	if data.EngineFor(c.db) != "sqlite" {
		return restoreShared(c, pos[0])
	}
	aside, err := sqlite.Restore(c.ctx, c.db, pos[0])
	if err != nil {
		return c.fail("%v; the current database is untouched", err)
	}
	fmt.Fprintf(c.stdout, "restored %s from %s\n", c.db, pos[0])
	if aside != "" {
		fmt.Fprintf(c.stdout, "the replaced database is kept as %s\n", aside)
	}
	return exitOK
}

func cmdPurge(c *cli, args []string) int {
	fs := c.flags("purge")
	dry := fs.Bool("dry-run", false, "list what would be purged and change nothing")
	days := fs.Int("days", 0, "retention in days (default: the retention_days setting)")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 || *days < 0 {
		fs.Usage()
		return exitUsage
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	if *days == 0 {
		set, err := s.Settings(c.ctx)
		if err != nil {
			return c.fail("%v", err)
		}
		*days = set.RetentionDays
	}
	retention := time.Duration(*days) * 24 * time.Hour
	var items []casefile.PurgeItem
	var err error
	if *dry {
		items, err = s.PurgePreview(c.ctx, retention)
	} else {
		items, err = s.Purge(c.ctx, retention, c.operator)
	}
	if err != nil {
		return c.fail("%v", err)
	}
	verb := "purged"
	if *dry {
		verb = "would purge"
	}
	var total int64
	for _, it := range items {
		total += it.Size
		fmt.Fprintf(c.stdout, "%s\t%s\t%s\t%s\tclosed %s\n", it.Case, it.Kind, it.Name, it.SHA256, it.ClosedAt.Local().Format("2006-01-02"))
	}
	fmt.Fprintf(c.stdout, "%s %d file(s), %.1f MB, of cases closed more than %d days ago\n", verb, len(items), float64(total)/(1<<20), *days)
	return exitOK
}

// restoreShared puts a pg_dump backup in place of a shared database's data, keeping what it
// replaces in a file beside the backup.
func restoreShared(c *cli, backup string) int {
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	sb, ok := s.(data.ServerBackup)
	if !ok {
		return c.fail("this database cannot be restored by RecoveryDesk; restore it with its server's tools")
	}
	// A name no file has yet, so that nothing kept aside before is overwritten.
	stem := filepath.Join(filepath.Dir(backup), "recoverydesk-before-restore-"+c.now().Format("20060102-150405"))
	aside := stem + ".dump"
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			break
		}
		aside = fmt.Sprintf("%s-%d.dump", stem, i)
	}
	if err := sb.RestoreDump(c.ctx, backup, aside); err != nil {
		return c.fail("%v", err)
	}
	n, err := s.Count(c.ctx, casefile.Query{})
	if err != nil {
		return c.fail("restored, but the cases cannot be counted: %v", err)
	}
	fmt.Fprintf(c.stdout, "restored the shared database from %s: %d cases\n", backup, n)
	fmt.Fprintf(c.stdout, "what it replaced is kept as %s\n", aside)
	return exitOK
}
