package main

import (
	"errors"
	"fmt"

	"recoverydesk/casefile"
	"recoverydesk/data"
)

func cmdStatus(c *cli, args []string) int {
	fs := c.flags("status")
	note := fs.String("note", "", "why (required for rejected and closed)")
	address := fs.String("address", "", "with submitted: the support address the dossier went to")
	reference := fs.String("reference", "", "with submitted: support's reference number")
	pos, code, ok := c.positional(fs, args, 2)
	if !ok {
		return code
	}
	to, err := statusArg(pos[1])
	if err != nil {
		return c.fail("%v", err)
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	var details map[string]string
	if *address != "" || *reference != "" {
		details = map[string]string{}
		if *address != "" {
			details["support_address"] = *address
		}
		if *reference != "" {
			details["reference"] = *reference
		}
	}
	k, err := s.ChangeStatus(c.ctx, pos[0], to, *note, details, c.operator)
	var te *casefile.TransitionError
	switch {
	case errors.Is(err, data.ErrNotFound):
		return c.fail("there is no case %s", pos[0])
	case errors.As(err, &te) && len(te.Missing) > 0:
		fmt.Fprintf(c.stderr, "recoverydesk: case %s cannot be submitted yet; still missing:\n", pos[0])
		for _, m := range te.Missing {
			fmt.Fprintf(c.stderr, "  - [%s] %s\n", m.Code, m.Message)
		}
		return exitRefused
	case err != nil:
		return c.fail("%v", err)
	}
	fmt.Fprintf(c.stdout, "%s is now %s\n", k.Number, k.Status)
	return exitOK
}
