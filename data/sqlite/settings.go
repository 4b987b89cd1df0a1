package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"recoverydesk/casefile"
)

// Settings loads the counter's settings, with defaults for what was never set.
func (s *Store) Settings(ctx context.Context) (casefile.Settings, error) {
	out := casefile.DefaultSettings()
	var raw string
	err := s.rdb.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'settings'`).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		return casefile.DefaultSettings(), nil
	}
	if len(out.SupportAddresses) == 0 {
		out.SupportAddresses = casefile.DefaultSettings().SupportAddresses
	}
	if out.BackupsKept == 0 { // settings saved before the setting existed
		out.BackupsKept = casefile.DefaultSettings().BackupsKept
	}
	return out, nil
}

// SaveSettings stores the settings after checking them.
func (s *Store) SaveSettings(ctx context.Context, set casefile.Settings) error {
	if err := set.Validate(); err != nil {
		return err
	}
	raw, err := json.Marshal(set)
	if err != nil {
		return err
	}
	_, err = s.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('settings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, string(raw))
	return err
}
