package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"recoverydesk/casefile"
)

// listRow is one line of "list --json".
type listRow struct {
	Number       string    `json:"number"`
	Status       string    `json:"status"`
	StatusSince  time.Time `json:"status_since"`
	DaysInStatus int       `json:"days_in_status"`
	Customer     string    `json:"customer"`
	Model        string    `json:"model"`
	IMEI1        string    `json:"imei1"`
	CreatedAt    time.Time `json:"created_at"`
	Branch       string    `json:"branch,omitempty"`
}

func cmdList(c *cli, args []string) int {
	fs := c.flags("list")
	status := fs.String("status", "", "only cases in this status")
	search := fs.String("search", "", "name, phone, e-mail, IMEI or case number (any part)")
	sortBy := fs.String("sort", "newest", "newest, oldest or waiting (longest in its status first)")
	limit := fs.Int("limit", 0, "at most N cases (0: all)")
	branch := fs.String("branch", "", "only the cases of this branch (a shared database)")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 || *limit < 0 {
		fs.Usage()
		return exitUsage
	}
	q := casefile.Query{Text: *search, Limit: *limit, Sort: casefile.Sort(*sortBy), Branch: strings.ToUpper(strings.TrimSpace(*branch))}
	switch q.Sort {
	case casefile.SortNewest, casefile.SortOldest, casefile.SortWaitingLongest:
	default:
		fmt.Fprintf(c.stderr, "recoverydesk: --sort takes newest, oldest or waiting, not %q\n", *sortBy)
		return exitUsage
	}
	if *status != "" {
		st, err := statusArg(*status)
		if err != nil {
			return c.fail("%v", err)
		}
		q.Status = st
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	rows, err := s.Search(c.ctx, q)
	if err != nil {
		return c.fail("%v", err)
	}
	now := c.now()
	enc := json.NewEncoder(c.stdout)
	// Past 99,999 cases in a year a number has six digits: the column takes the widest, so
	// that the list stays a table.
	width := 0
	for _, r := range rows {
		width = max(width, len(r.Number))
	}
	for _, r := range rows {
		days := int(now.Sub(r.StatusSince).Hours() / 24)
		if *asJSON {
			enc.Encode(listRow{Number: r.Number, Status: string(r.Status), StatusSince: r.StatusSince, DaysInStatus: days,
				Customer: r.Customer, Model: r.Model, IMEI1: r.IMEI1, CreatedAt: r.CreatedAt, Branch: r.Branch})
			continue
		}
		fmt.Fprintf(c.stdout, "%-*s  %-14s %4dd  %-36s %s\n", width, r.Number, r.Status, days, printable(r.Customer), printable(r.Model))
	}
	if !*asJSON && len(rows) == 0 {
		fmt.Fprintln(c.stderr, "no cases match")
	}
	return exitOK
}
