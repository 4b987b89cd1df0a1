//go:build unix

package evidence

import (
	"path/filepath"
	"syscall"
	"testing"
)

// notFiles makes in dir, or names, what a person could pick that is not a regular file: a named
// pipe, which would block a reader forever, and the endless devices.
func notFiles(t *testing.T, dir string) []string {
	t.Helper()
	fifo := filepath.Join(dir, "pipe.jpg")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	return []string{fifo, "/dev/zero", "/dev/urandom"}
}
