package dossier

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// OutputRefusedError says why a document was not written over an existing path. Forceable
// refusals (an existing file of another kind) may be overridden by the person (--force, or the
// window's "Replace" question); a database, its journal or a non-file never may.
type OutputRefusedError struct {
	Path      string
	Reason    string
	Forceable bool
}

func (e *OutputRefusedError) Error() string {
	return fmt.Sprintf("%s was not written: %s", e.Path, e.Reason)
}

// sqliteMagic opens every SQLite database file; walMagic opens its write-ahead log.
var (
	sqliteMagic = []byte("SQLite format 3\x00")
	walMagics   = [][]byte{{0x37, 0x7f, 0x06, 0x82}, {0x37, 0x7f, 0x06, 0x83}}
)

// CheckOutput refuses a path whose present content must not be replaced by a document of
// content's kind, before anything is written: SaveDocument asks it too, and a command that
// writes two files asks for both first so that it writes both or neither. A typo or a shell completion that lands on the case database would otherwise
// replace every case with a PDF and report success.
func CheckOutput(path string, content []byte, force bool) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("cannot check %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return &OutputRefusedError{Path: path, Reason: "it is not a regular file (a folder, a device or a pipe); choose a file name"}
	}
	head, err := readHead(path, 4096)
	if err != nil {
		return fmt.Errorf("cannot check %s: %w", path, err)
	}
	if isDatabase(path, head) {
		return &OutputRefusedError{Path: path, Reason: "it is a database or its journal; choose another file name"}
	}
	if fi.Size() == 0 || kindOf(head) == kindOf(content) || force {
		return nil
	}
	return &OutputRefusedError{Path: path, Forceable: true,
		Reason: fmt.Sprintf("it already exists and holds %s, not %s; choose another file name", kindOf(head), kindOf(content))}
}

func readHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b := make([]byte, n)
	m, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return b[:m], nil
}

// isDatabase tells an SQLite database, its write-ahead log, or a -shm/-journal file beside one.
// The -shm index and the lock file have no signature of their own: they are known by the
// database they sit beside (replacing the lock file would unlock the database for a restore).
func isDatabase(path string, head []byte) bool {
	if bytes.HasPrefix(head, sqliteMagic) {
		return true
	}
	for _, m := range walMagics {
		if bytes.HasPrefix(head, m) {
			return true
		}
	}
	for _, suffix := range []string{"-shm", "-wal", "-journal", ".lock"} {
		if base, ok := strings.CutSuffix(path, suffix); ok {
			if h, err := readHead(filepath.Clean(base), len(sqliteMagic)); err == nil && bytes.Equal(h, sqliteMagic) {
				return true
			}
		}
	}
	return false
}

// kindOf names what a document's bytes are, in the words the refusal uses.
func kindOf(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return "a PDF"
	case bytes.IndexByte(b, 0) < 0 && validUTF8Prefix(b):
		return "text"
	default:
		return "binary data"
	}
}

// validUTF8Prefix accepts b cut anywhere, even inside a multi-byte character at its end.
func validUTF8Prefix(b []byte) bool {
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	return utf8.Valid(b)
}
