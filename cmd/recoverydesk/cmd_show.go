package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"recoverydesk/casefile"
	"recoverydesk/casefile/dossier"
)

// caseView is "show --json": the import format plus what the database knows of the case.
type caseView struct {
	*casefile.Case
	Ready         bool              `json:"ready"`
	Missing       []string          `json:"missing"`
	MissingText   []string          `json:"missing_messages"`
	Route         casefile.Route    `json:"route"`
	SameIMEICases []string          `json:"same_imei_cases"`
	CreatedAt     time.Time         `json:"created_at"`
	CreatedBy     string            `json:"created_by"`
	StatusSince   time.Time         `json:"status_since"`
	Version       int64             `json:"version"`
	History       []casefile.Event  `json:"history"`
	Attachments   []attachmentView  `json:"attachments"`
	Device        deviceView        `json:"device"`
	Statuses      []casefile.Status `json:"next_statuses"`
	// Checks are the comparisons made by machine of the case's fields with its evidence.
	Checks []casefile.EvidenceCheck `json:"evidence_checks"`
}

type attachmentView struct {
	ID int64 `json:"id"`
	casefile.Attachment
}

type deviceView struct {
	casefile.Device
	TAC1 string `json:"tac1,omitempty"`
	TAC2 string `json:"tac2,omitempty"`
}

func cmdShow(c *cli, args []string) int {
	fs := c.flags("show")
	asJSON := fs.Bool("json", false, "print JSON")
	showID := fs.Bool("show-id", false, "print the identity document number unmasked")
	pos, code, ok := c.positional(fs, args, 1)
	if !ok {
		return code
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
	if !*showID {
		// A terminal is read over shoulders and kept in scroll-back: the document number is
		// masked as in the dossier unless asked for.
		k.Customer.IDDocument.Number = dossier.MaskDocumentNumber(k.Customer.IDDocument.Number)
	}
	v := caseView{Case: k, Route: casefile.RecommendRoute(k), CreatedAt: k.CreatedAt, CreatedBy: k.CreatedBy,
		StatusSince: k.StatusSince, Version: k.Version, History: k.History, Statuses: k.Status.Next(),
		Device: deviceView{Device: k.Device}, Missing: []string{}, MissingText: []string{}, SameIMEICases: []string{}}
	for _, m := range casefile.Readiness(k) {
		v.Missing = append(v.Missing, m.Code)
		v.MissingText = append(v.MissingText, m.Message)
	}
	v.Ready = len(v.Missing) == 0
	v.Checks = casefile.EvidenceChecks(k)
	if v.Checks == nil {
		v.Checks = []casefile.EvidenceCheck{}
	}
	if im, err := casefile.ParseIMEI(k.Device.IMEI1); err == nil {
		v.Device.TAC1 = im.TAC()
	}
	if im, err := casefile.ParseIMEI(k.Device.IMEI2); err == nil {
		v.Device.TAC2 = im.TAC()
	}
	seen := map[string]bool{}
	for _, im := range k.IMEIs() {
		others, err := s.CasesWithIMEI(c.ctx, im, k.Number)
		if err != nil {
			return c.fail("%v", err)
		}
		for _, o := range others {
			if !seen[o.Number] {
				seen[o.Number] = true
				v.SameIMEICases = append(v.SameIMEICases, o.Number)
			}
		}
	}
	for _, a := range k.Attachments {
		v.Attachments = append(v.Attachments, attachmentView{ID: a.ID, Attachment: a})
	}
	if v.Attachments == nil {
		v.Attachments = []attachmentView{}
	}
	if *asJSON {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(v)
		return exitOK
	}
	printCase(c.stdout, &v)
	return exitOK
}

func printCase(w io.Writer, v *caseView) {
	k := v.Case
	line := func(label, value string) {
		if strings.TrimSpace(value) != "" {
			fmt.Fprintf(w, "  %-18s %s\n", label+":", printable(value))
		}
	}
	fmt.Fprintf(w, "Case %s — %s since %s (opened %s by %s)\n", k.Number, k.Status, v.StatusSince.Local().Format("2006-01-02 15:04"), v.CreatedAt.Local().Format("2006-01-02"), printable(v.CreatedBy))
	if k.Branch != "" {
		fmt.Fprintf(w, "Branch %s\n", k.Branch)
	}
	if len(v.SameIMEICases) > 0 {
		fmt.Fprintf(w, "\n!! THE SAME IMEI IS IN CASE(S) %s: check the customer's identity and ownership before going on.\n", strings.Join(v.SameIMEICases, ", "))
	}
	fmt.Fprintln(w, "\nCustomer")
	line("Name", k.Customer.Name)
	line("Phone", k.Customer.Phone)
	line("E-mail", k.Customer.Email)
	line("Document", strings.TrimSpace(k.Customer.IDDocument.Type+" "+k.Customer.IDDocument.Number))
	line("Consent", map[bool]string{true: "given " + k.Customer.ConsentAt.Local().Format("2006-01-02 15:04"), false: "NOT recorded"}[k.Customer.Consent])
	for _, d := range []struct {
		label string
		given bool
		at    time.Time
	}{{"Not lost/stolen", k.Declarations.NotLostOrStolen, k.Declarations.NotLostOrStolenAt},
		{"May be erased", k.Declarations.MayBeErased, k.Declarations.MayBeErasedAt},
		{"Facts true", k.Declarations.FactsTrue, k.Declarations.FactsTrueAt}} {
		line(d.label, map[bool]string{true: "declared " + d.at.Local().Format("2006-01-02 15:04"), false: "NOT declared"}[d.given])
	}
	fmt.Fprintln(w, "Device")
	line("Model", strings.TrimSpace(k.Device.Brand+" "+k.Device.Model))
	line("IMEI 1", k.Device.IMEI1)
	line("IMEI 2", k.Device.IMEI2)
	line("Serial", k.Device.Serial)
	line("Lock screen", k.Device.LockScreenText)
	fmt.Fprintln(w, "Purchase")
	line("Date", k.Purchase.Date)
	line("Channel", string(k.Purchase.Channel))
	line("Seller", strings.TrimSpace(k.Purchase.Seller+" "+k.Purchase.SellerContact))
	line("Receipt", k.Purchase.ReceiptNumber)
	line("Price", k.Purchase.Price)
	fmt.Fprintf(w, "Route: %s\n", v.Route)
	if v.Ready {
		fmt.Fprintln(w, "Ready: yes, the dossier can be sent")
	} else {
		fmt.Fprintln(w, "Ready: no; still missing:")
		for _, m := range v.MissingText {
			fmt.Fprintf(w, "  - %s\n", m)
		}
	}
	if len(k.Attachments) > 0 {
		fmt.Fprintln(w, "Attachments")
		for _, a := range k.Attachments {
			fmt.Fprintf(w, "  %-12s %-30s %8d bytes  sha256 %s\n", a.Kind, printable(a.Name), a.Size, a.SHA256[:16]+"…")
			for _, b := range a.Barcodes {
				fmt.Fprintf(w, "  %-12s   %s %s\n", "", b.Format, printable(b.Text))
			}
			if f := a.FiscalReceipt; f != nil {
				fmt.Fprintf(w, "  %-12s   fiscal receipt: %s, %s, FN %s, FD %s, FP %s\n", "", f.Date, f.Sum, f.FN, f.FD, f.FP)
			}
		}
	}
	if len(v.Checks) > 0 {
		fmt.Fprintln(w, "Checked by machine")
		for _, ch := range v.Checks {
			if ch.Result == casefile.CheckMatch {
				fmt.Fprintf(w, "  ok  %s\n", printable(casefile.MatchSentence(ch)))
			} else {
				fmt.Fprintf(w, "  !!  %s\n", printable(casefile.MismatchSentence(ch, k)))
			}
		}
	}
	fmt.Fprintln(w, "History")
	for _, e := range k.History {
		what := string(e.Action)
		if e.Action == casefile.ActionStatus {
			what = fmt.Sprintf("%s → %s", e.From, e.To)
		}
		who := printable(e.Operator)
		if e.Login != "" && e.Login != e.Operator {
			// On a shared database the login is the database's word for who did it.
			who += " (" + e.Login + ")"
		}
		fmt.Fprintf(w, "  %s  %-12s %s", e.At.Local().Format("2006-01-02 15:04"), who, what)
		switch {
		case e.Action == casefile.ActionAttachmentRemoved && e.Details["name"] != "":
			// The note is the reason; which file it was is in the details.
			fmt.Fprintf(w, ": %s: %s", e.Details["kind"], printable(e.Details["name"]))
			if e.Note != "" {
				fmt.Fprintf(w, " (%s)", printable(e.Note))
			}
		case e.Note != "":
			fmt.Fprintf(w, ": %s", printable(editedNote(e)))
		}
		fmt.Fprintln(w)
	}
}

// editedNote is an event's note, with how an edit left each IMEI tick it names beside the
// tick ("verification.imei_matches_box (ticked by hand)"), as the window and the dossier say.
func editedNote(e casefile.Event) string {
	keys, ok := strings.CutPrefix(e.Note, "changed: ")
	if !ok {
		return e.Note
	}
	fields := strings.Split(keys, ", ")
	for i, k := range fields {
		if change, from, ok := casefile.EditedTick(e, strings.TrimSpace(k)); ok {
			fields[i] += " (" + casefile.TickChangeSentence(change, from) + ")"
		}
	}
	return "changed: " + strings.Join(fields, ", ")
}
