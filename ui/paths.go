package ui

import (
	"errors"
	"os"

	"recoverydesk/casefile"
)

func homeDir() string {
	h, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	return h
}

func isConflict(err error) bool { return errors.Is(err, casefile.ErrConflict) }
