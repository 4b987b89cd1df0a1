package main

import (
	"fmt"
	"os"
	"path/filepath"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
	"recoverydesk/data"
)

// exportAllReady writes the dossier and e-mail draft of every ready case that waits to be sent
// (intake, or support asked for more) into dir. A case that fails is reported and the others go on.
func exportAllReady(c *cli, s data.Store, dir, lang string) int {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return c.fail("cannot create %s: %v", dir, err)
	}
	set, err := s.Settings(c.ctx)
	if err != nil {
		return c.fail("%v", err)
	}
	if lang == "" {
		lang = set.DossierLanguage
	}
	branches, err := c.branches(s)
	if err != nil {
		return c.fail("%v", err)
	}
	var candidates []casefile.Summary
	for _, st := range []casefile.Status{casefile.StatusIntake, casefile.StatusInfoRequested} {
		rows, err := s.Search(c.ctx, casefile.Query{Status: st, Sort: casefile.SortOldest})
		if err != nil {
			return c.fail("%v", err)
		}
		candidates = append(candidates, rows...)
	}
	done, failed, skipped := 0, 0, 0
	for _, r := range candidates {
		k, err := s.Case(c.ctx, r.Number)
		if err != nil {
			failed++
			fmt.Fprintf(c.stderr, "%s: %v\n", r.Number, err)
			continue
		}
		if !casefile.Ready(k) {
			skipped++
			continue
		}
		opts := dossier.Options{Lang: lang, At: c.now(), Settings: set, Technician: c.technician(set), Branches: branches}
		if _, _, err := dossier.ExportToFolder(c.ctx, s, k.Number, dir, opts, true, c.operator); err != nil {
			failed++
			fmt.Fprintf(c.stderr, "%s: not exported: %v\n", r.Number, err)
			continue
		}
		done++
		fmt.Fprintf(c.stdout, "%s\n", filepath.Join(dir, dossier.DossierFileName(k, false)))
	}
	fmt.Fprintf(c.stderr, "exported %d ready case(s); %d failed; %d not ready\n", done, failed, skipped)
	if failed > 0 {
		return exitRefused
	}
	return exitOK
}
