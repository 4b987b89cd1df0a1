package casefile_test

import (
	"fmt"
	"os"
	"syscall"
	"testing"

	"recoverydesk/casefile"
)

// TestDiskFullWindowsCodes: Windows reports a full disk by codes of its own, which Go does not
// map to ENOSPC; both are known, wrapped as os.File wraps them.
func TestDiskFullWindowsCodes(t *testing.T) {
	for _, code := range []syscall.Errno{39, 112} {
		err := fmt.Errorf("backup: %w", &os.PathError{Op: "write", Path: "x", Err: code})
		if !casefile.DiskFull(err) {
			t.Errorf("%v (code %d) is not a full disk", err, code)
		}
	}
	if casefile.DiskFull(&os.PathError{Op: "open", Path: "x", Err: syscall.Errno(5)}) {
		t.Error("access denied is taken for a full disk")
	}
}
