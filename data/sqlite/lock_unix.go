//go:build unix

package sqlite

import (
	"errors"
	"os"
	"syscall"
)

var errLockBusy = errors.New("locked")

// lockFile takes an advisory whole-file lock; the kernel drops it when the process dies, so a
// killed window never leaves the database locked.
func lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errLockBusy
	}
	return err
}
