package main

import (
	"bytes"
	"fmt"

	"recoverydesk/casefile"
)

func cmdReceipt(c *cli, args []string) int {
	fs := c.flags("receipt")
	out := fs.String("o", "", "the PDF to write")
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
	var buf bytes.Buffer
	if err := casefile.RenderReceipt(&buf, k, casefile.ReceiptOptions{Lang: *lang, At: c.now(), Settings: set, Technician: c.technician(set)}); err != nil {
		return c.fail("%v", err)
	}
	if err := casefile.SaveDocument(*out, buf.Bytes()); err != nil {
		return c.fail("%v", err)
	}
	fmt.Fprintf(c.stdout, "%s\t%d bytes\n", *out, buf.Len())
	return exitOK
}
