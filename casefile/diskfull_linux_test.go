package casefile_test

import (
	"fmt"
	"os"
	"testing"

	"recoverydesk/casefile"
)

// TestFail_DiskFullDevice: what Linux's full device answers a write is known as a full disk,
// also when wrapped, and bad input is not.
func TestFail_DiskFullDevice(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = f.Write([]byte("dossier"))
	if !casefile.DiskFull(err) || !casefile.DiskFull(fmt.Errorf("export 2026-00001: %w", err)) {
		t.Fatalf("a write to /dev/full: %v is not a full disk", err)
	}
	if casefile.DiskFull(nil) || casefile.DiskFull(fmt.Errorf("not a date")) {
		t.Fatal("a refusal of bad input is taken for a full disk")
	}
}
