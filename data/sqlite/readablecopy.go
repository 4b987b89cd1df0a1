package sqlite

import (
	"errors"
	"os"
	"path/filepath"
)

// ReadableCopy copies the database at path, and its write-ahead log if it has one, into a new
// owner-only folder, and returns the copy's path and what removes the folder. A file its owner
// made read-only (an archived counter) is opened through such a copy, since the store writes as
// it opens a file; the original stays byte for byte as it was.
func ReadableCopy(path string) (string, func(), error) {
	dir, err := os.MkdirTemp("", "recoverydesk-copy-")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.RemoveAll(dir) }
	dst := filepath.Join(dir, filepath.Base(path))
	for _, suffix := range []string{"", "-wal"} {
		if err := copyExclusive(path+suffix, dst+suffix); err != nil && !(suffix != "" && errors.Is(err, os.ErrNotExist)) {
			cleanup()
			return "", nil, err
		}
	}
	return dst, cleanup, nil
}
