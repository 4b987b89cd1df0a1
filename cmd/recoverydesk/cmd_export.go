package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"recoverydesk/casefile/dossier"
)

func cmdExport(c *cli, args []string) int {
	fs := c.flags("export")
	out := fs.String("o", "", "the dossier PDF to write")
	force := fs.Bool("force", false, "replace an existing file of another kind (never a database)")
	eml := fs.String("eml", "", "also write the e-mail draft (.eml) that carries the dossier")
	lang := fs.String("lang", "", "dossier language: en or ru (default: the setting, else en)")
	draft := fs.Bool("draft", false, "export an incomplete case, marked DRAFT on every page")
	showID := fs.Bool("show-id", false, "print the identity document number unmasked")
	allReady := fs.Bool("all-ready", false, "export every ready case waiting to be sent, with its e-mail draft, into --dir")
	dir := fs.String("dir", "", "with --all-ready: the folder to write into")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	batch := *allReady && *dir != "" && len(pos) == 0 && *out == ""
	if !batch && (len(pos) != 1 || *out == "") || (*lang != "" && *lang != "en" && *lang != "ru") {
		fs.Usage()
		return exitUsage
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	if batch {
		return exportAllReady(c, s, *dir, *lang)
	}
	k, code := c.loadCase(s, pos[0])
	if k == nil {
		return code
	}
	set, err := s.Settings(c.ctx)
	if err != nil {
		return c.fail("%v", err)
	}
	if *lang == "" {
		*lang = set.DossierLanguage
	}
	if err := dossier.LoadEvidence(c.ctx, s, k, *eml != ""); err != nil {
		return c.fail("%v", err)
	}
	branches, err := c.branches(s)
	if err != nil {
		return c.fail("%v", err)
	}
	opts := dossier.Options{Lang: *lang, Draft: *draft, At: c.now(), Settings: set, Technician: c.technician(set), ShowFullID: *showID, Branches: branches}
	res, err := dossier.Assemble(k, opts, *eml != "", filepath.Base(*out))
	var nr *dossier.NotReadyError
	if errors.As(err, &nr) {
		fmt.Fprintf(c.stderr, "recoverydesk: case %s is not ready; still missing:\n", k.Number)
		for _, m := range nr.Missing {
			fmt.Fprintf(c.stderr, "  - [%s] %s\n", m.Code, m.Message)
		}
		fmt.Fprintln(c.stderr, "Use --draft to export a draft meanwhile.")
		return exitRefused
	}
	if err != nil {
		return c.fail("%v", err)
	}
	if err := dossier.CheckOutput(*out, res.PDF, *force); err != nil {
		return c.failOutput(err)
	}
	if *eml != "" {
		if err := dossier.CheckOutput(*eml, res.EML, *force); err != nil {
			return c.failOutput(err)
		}
	}
	// Both documents written in full, then the export recorded, then both put under their
	// names: a dossier is never in the folder without its export on record, nor the reverse.
	pdf, err := dossier.StageDocument(*out, res.PDF, *force)
	if err != nil {
		return c.failOutput(err)
	}
	defer pdf.Discard()
	var mail *dossier.PendingDocument
	if *eml != "" {
		if mail, err = dossier.StageDocument(*eml, res.EML, *force); err != nil {
			return c.failOutput(err)
		}
		defer mail.Discard()
	}
	if err := s.RecordEvent(c.ctx, k.Number, dossier.ExportEvent(opts, res.SHA256, filepath.Base(*out), c.operator)); err != nil {
		return c.fail("the export could not be recorded in the case's history, so nothing was written: %v", err)
	}
	if err := pdf.Commit(); err != nil {
		return c.fail("the export is recorded but the dossier could not be written: %v", err)
	}
	if mail != nil {
		if err := mail.Commit(); err != nil {
			return c.fail("the export is recorded but the e-mail draft could not be written: %v", err)
		}
	}
	fmt.Fprintf(c.stdout, "%s\t%d bytes\tsha256 %s\n", *out, len(res.PDF), res.SHA256)
	if *eml != "" {
		fmt.Fprintf(c.stdout, "%s\t%d bytes\n", *eml, len(res.EML))
	}
	return exitOK
}
