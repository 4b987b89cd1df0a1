package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// MakeBackupFolder makes dir and whichever of its parents are missing, readable by their owner
// alone, and returns what removes again the folders it made, innermost first and only while
// they are empty: a backup that then fails leaves no trace of its folders, so a mistyped
// destination does not leave a tree of empty folders behind.
func MakeBackupFolder(dir string) (undo func(), err error) {
	var made []string
	for d := filepath.Clean(dir); ; {
		if _, err := os.Lstat(d); !errors.Is(err, os.ErrNotExist) {
			break
		}
		made = append(made, d)
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		undoMade(made)
		return func() {}, err
	}
	return func() { undoMade(made) }, nil
}

// undoMade removes the folders made, innermost first; a folder something was written into
// stays.
func undoMade(made []string) {
	for _, d := range made {
		os.Remove(d)
	}
}

// HideTemp words err with the backup's own name where it names the temporary copy the backup is
// written to first: the person chose dest and never saw the copy's name. The error still
// unwraps to err (a full disk stays a full disk).
func HideTemp(err error, tmp, dest string) error {
	if err == nil || tmp == "" || !strings.Contains(err.Error(), tmp) {
		return err
	}
	return &hiddenTemp{err: err, tmp: tmp, dest: dest}
}

type hiddenTemp struct {
	err       error
	tmp, dest string
}

func (e *hiddenTemp) Error() string { return strings.ReplaceAll(e.err.Error(), e.tmp, e.dest) }
func (e *hiddenTemp) Unwrap() error { return e.err }

// PlaceBackup gives the finished copy tmp its name dest, in one step. A refusal names dest
// alone, with the system's reason (a name too long for the disk): the person never saw tmp.
func PlaceBackup(tmp, dest string) error {
	if err := os.Rename(tmp, dest); err != nil {
		var le *os.LinkError
		if errors.As(err, &le) {
			err = le.Err
		}
		return fmt.Errorf("cannot write the backup %s: %w", dest, err)
	}
	return nil
}
