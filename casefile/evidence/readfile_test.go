package evidence

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"recoverydesk/casefile"
)

func TestReadFile_OnlyRegularFilesWithinTheLimit(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.jpg")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sparse := filepath.Join(dir, "sparse.jpg")
	f, _ := os.Create(sparse)
	f.Truncate(2 << 30) // 2 GB that take no disk
	f.Close()
	exact := filepath.Join(dir, "exact.jpg")
	f, _ = os.Create(exact)
	f.Truncate(casefile.MaxAttachmentSize)
	f.Close()
	good := filepath.Join(dir, "box.jpg")
	os.WriteFile(good, []byte("\xff\xd8\xff photo"), 0o600)
	tests := []struct {
		path string
		code string // empty: read
	}{
		{"/dev/zero", "not_a_file"},
		{"/dev/urandom", "not_a_file"},
		{fifo, "not_a_file"},
		{dir, "not_a_file"},
		{sparse, "too_large"},
		{exact, ""},
		{good, ""},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.path), func(t *testing.T) {
			done := make(chan struct{})
			var b []byte
			var err error
			go func() { b, err = ReadFile(tt.path); close(done) }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				t.Fatal("ReadFile hangs")
			}
			var ee *casefile.EvidenceError
			switch {
			case tt.code == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.code != "" && (!errors.As(err, &ee) || ee.Code != tt.code):
				t.Fatalf("got %v (%d bytes), want the code %s", err, len(b), tt.code)
			}
		})
	}
}
