package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"
)

// TestFail_DiskFull: a full disk exits 3 and says so, whichever layer reported it; bad input
// still exits 1.
func TestFail_DiskFull(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		code int
	}{
		{"a write to a full disk", &fs.PathError{Op: "write", Path: "/srv/dossier.pdf", Err: syscall.ENOSPC}, exitDiskFull},
		{"SQLite", fmt.Errorf("import: %w", errors.New("database or disk is full")), exitDiskFull},
		{"PostgreSQL", errors.New("ERROR: could not extend file \"base/16384/16400\": No space left on device (SQLSTATE 53100)"), exitDiskFull},
		{"bad input", errors.New("case 0: customer.name is empty"), exitRefused},
	} {
		var errb bytes.Buffer
		c := &cli{stderr: &errb}
		if code := c.fail("%v; nothing was imported", tt.err); code != tt.code {
			t.Errorf("%s: exit %d, want %d", tt.name, code, tt.code)
		}
		if (tt.code == exitDiskFull) != strings.Contains(errb.String(), "the disk is full") {
			t.Errorf("%s: said %q", tt.name, errb.String())
		}
	}

}
