package main

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"recoverydesk/casefile"
)

func cmdSettings(c *cli, args []string) int {
	fs := c.flags("settings")
	pos, code, ok := c.parse(fs, args)
	if !ok {
		return code
	}
	s, code := c.open()
	if s == nil {
		return code
	}
	defer s.Close()
	set, err := s.Settings(c.ctx)
	if err != nil {
		return c.fail("%v", err)
	}
	if len(pos) == 0 {
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(set)
		return exitOK
	}
	for _, kv := range pos {
		key, value, found := strings.Cut(kv, "=")
		if !found {
			fmt.Fprintf(c.stderr, "recoverydesk: %q: write settings as KEY=VALUE\n", kv)
			return exitUsage
		}
		if err := applySetting(&set, key, value); err != nil {
			return c.fail("%v", err)
		}
	}
	if err := s.SaveSettings(c.ctx, set); err != nil {
		return c.fail("%v", err)
	}
	fmt.Fprintln(c.stdout, "settings saved")
	return exitOK
}

// applySetting sets one KEY=VALUE; support addresses are support_address.REGION.
func applySetting(set *casefile.Settings, key, value string) error {
	number := func(p *int) error {
		n, err := strconv.Atoi(value)
		if err != nil {
			return fmt.Errorf("%s takes a whole number of days, not %q", key, value)
		}
		*p = n
		return nil
	}
	if region, ok := strings.CutPrefix(key, "support_address."); ok {
		if value == "" {
			delete(set.SupportAddresses, region)
		} else {
			set.SupportAddresses[region] = value
		}
		return nil
	}
	switch key {
	case "center_name":
		set.CenterName = value
	case "center_address":
		set.CenterAddress = value
	case "center_phone":
		set.CenterPhone = value
	case "center_email":
		set.CenterEmail = value
	case "technician":
		set.Technician = value
	case "language":
		set.Language = value
	case "dossier_language":
		set.DossierLanguage = value
	case "waiting_days":
		return number(&set.WaitingDays)
	case "retention_days":
		return number(&set.RetentionDays)
	case "backups_kept":
		return number(&set.BackupsKept)
	default:
		return fmt.Errorf("unknown setting %q; known: center_name, center_address, center_phone, center_email, technician, language, dossier_language, waiting_days, retention_days, backups_kept, support_address.REGION", key)
	}
	return nil
}
