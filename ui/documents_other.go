//go:build !windows

package ui

import "errors"

// documentsFolder has no known-folder service to ask outside Windows.
func documentsFolder() (string, error) { return "", errors.New("no known folders on this system") }
