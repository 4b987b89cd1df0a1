package main

import (
	"bytes"
	"fmt"

	"recoverydesk/casefile/dossier"
)

func cmdReceipt(c *cli, args []string) int {
	fs := c.flags("receipt")
	out := fs.String("o", "", "the PDF to write")
	force := fs.Bool("force", false, "replace an existing file of another kind (never a database)")
	lang := fs.String("lang", "", "en or ru (default: the interface language setting, else en)")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 || *out == "" || (*lang != "" && *lang != "en" && *lang != "ru") {
		fs.Usage()
		return exitUsage
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	k, code := c.loadCase(s, pos[0])
	if k == nil {
		return code
	}
	set, err := s.Settings(c.ctx)
	if err != nil {
		return c.fail("%v", err)
	}
	if *lang == "" {
		*lang = set.Language
	}
	branches, err := c.branches(s)
	if err != nil {
		return c.fail("%v", err)
	}
	var buf bytes.Buffer
	if err := dossier.RenderReceipt(&buf, k, dossier.ReceiptOptions{Lang: *lang, At: c.now(), Settings: set, Technician: c.technician(set), Branches: branches}); err != nil {
		return c.fail("%v", err)
	}
	if err := dossier.SaveDocument(*out, buf.Bytes(), *force); err != nil {
		return c.failOutput(err)
	}
	fmt.Fprintf(c.stdout, "%s\t%d bytes\n", *out, buf.Len())
	return exitOK
}
