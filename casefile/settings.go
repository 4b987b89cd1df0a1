package casefile

import (
	"fmt"
	"net/mail"
	"sort"
	"strings"
)

// Settings are the counter's own facts and preferences, kept in the database.
type Settings struct {
	CenterName    string `json:"center_name"`
	CenterAddress string `json:"center_address"`
	CenterPhone   string `json:"center_phone"`
	CenterEmail   string `json:"center_email"`
	// Technician is the name this counter's operator signs with; asked on first start.
	Technician string `json:"technician"`
	// SupportAddresses maps a support region to the address its dossiers go to. Addresses
	// change, so they are settings, prefilled from what the manufacturer published.
	SupportAddresses map[string]string `json:"support_addresses"`
	// WaitingDays: a case waiting on support longer than this is flagged for a follow-up.
	WaitingDays int `json:"waiting_days"`
	// Language of the interface ("" follows the system) and of new dossiers.
	Language        string `json:"language"`
	DossierLanguage string `json:"dossier_language"`
	// RetentionDays: attachments of cases closed longer ago may be purged.
	RetentionDays int `json:"retention_days"`
	// BackupsKept is how many daily backups the app keeps beside the database.
	BackupsKept int `json:"backups_kept"`
}

// DefaultSettings are what a new database starts with.
func DefaultSettings() Settings {
	return Settings{
		SupportAddresses: map[string]string{
			"global": "service.global@xiaomi.com",
			"hk":     "service.hk@xiaomi.com",
			"us":     "service.us@xiaomi.com",
		},
		WaitingDays:     14,
		DossierLanguage: "en",
		RetentionDays:   365,
		BackupsKept:     14,
	}
}

// SupportAddress is where a case's dossier goes, falling back to the global address.
func (s Settings) SupportAddress(region string) string {
	if a := s.SupportAddresses[strings.TrimSpace(region)]; a != "" {
		return a
	}
	return s.SupportAddresses["global"]
}

// Regions lists the configured support regions, "global" first.
func (s Settings) Regions() []string {
	out := []string{}
	if _, ok := s.SupportAddresses["global"]; ok {
		out = append(out, "global")
	}
	var rest []string
	for r := range s.SupportAddresses {
		if r != "global" {
			rest = append(rest, r)
		}
	}
	sort.Strings(rest)
	return append(out, rest...)
}

// Validate refuses settings that would break dossiers or reminders.
func (s Settings) Validate() error {
	var errs ValidationError
	for region, addr := range s.SupportAddresses {
		if _, err := mail.ParseAddress(addr); err != nil {
			errs = append(errs, FieldError{Field: "support_addresses." + region, Message: fmt.Sprintf("%q is not an e-mail address", addr)})
		}
	}
	if e := strings.TrimSpace(s.CenterEmail); e != "" {
		if _, err := mail.ParseAddress(e); err != nil {
			errs = append(errs, FieldError{Field: "center_email", Message: fmt.Sprintf("%q is not an e-mail address", e)})
		}
	}
	if s.WaitingDays < 1 || s.WaitingDays > 365 {
		errs = append(errs, FieldError{Field: "waiting_days", Message: "the waiting threshold must be between 1 and 365 days"})
	}
	if s.BackupsKept < 1 || s.BackupsKept > 365 {
		errs = append(errs, FieldError{Field: "backups_kept", Message: "keep between 1 and 365 daily backups"})
	}
	if s.RetentionDays < 30 {
		errs = append(errs, FieldError{Field: "retention_days", Message: "keep closed cases' documents at least 30 days"})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}
