//go:build !windows

package casefile

import "syscall"

// diskFullErrno: elsewhere ENOSPC is the one code, which errors.Is already matched.
func diskFullErrno(syscall.Errno) bool { return false }
