package casefile

import (
	"errors"
	"strings"
	"syscall"
)

// DiskFull says whether err comes from a full disk: the system's ENOSPC (or Windows' own
// codes, see diskFullErrno), SQLite's SQLITE_FULL ("database or disk is full") or
// PostgreSQL's disk_full (SQLSTATE 53100), which reach the caller wrapped in their own words.
// A full disk is told apart from bad input: the input was fine, and trying again after freeing
// space works.
func DiskFull(err error) bool {
	if err == nil {
		return false
	}
	var errno syscall.Errno
	if errors.Is(err, syscall.ENOSPC) || (errors.As(err, &errno) && diskFullErrno(errno)) {
		return true
	}
	msg := strings.ToLower(err.Error())
	for _, s := range []string{"database or disk is full", "no space left on device", "sqlstate 53100", "not enough space on the disk"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}
