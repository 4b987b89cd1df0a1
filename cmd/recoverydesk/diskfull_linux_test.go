package main

import (
	"os"
	"testing"
)

// TestFail_DiskFullDevice: what Linux's full device answers a write is known as a full disk.
func TestFail_DiskFullDevice(t *testing.T) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = f.Write([]byte("dossier"))
	if !diskFull(err) {
		t.Fatalf("a write to /dev/full: %v is not a full disk", err)
	}
}
