package evidence

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"recoverydesk/casefile"
)

func TestReadFile_OnlyRegularFilesWithinTheLimit(t *testing.T) {
	dir := t.TempDir()
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
	type test struct {
		path string
		code string // empty: read
	}
	var tests []test
	for _, p := range notFiles(t, dir) {
		tests = append(tests, test{p, "not_a_file"})
	}
	tests = append(tests, []test{
		{dir, "not_a_file"},
		{sparse, "too_large"},
		{exact, ""},
		{good, ""},
	}...)
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
