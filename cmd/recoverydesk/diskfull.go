package main

import (
	"errors"
	"strings"
	"syscall"
)

// diskFull says whether err comes from a full disk: the system's ENOSPC, SQLite's
// SQLITE_FULL ("database or disk is full") or PostgreSQL's disk_full (SQLSTATE 53100), which
// reach the command wrapped in their own words.
func diskFull(err error) bool {
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	msg := err.Error()
	for _, s := range []string{"database or disk is full", "no space left on device", "SQLSTATE 53100"} {
		if strings.Contains(strings.ToLower(msg), strings.ToLower(s)) {
			return true
		}
	}
	return false
}
