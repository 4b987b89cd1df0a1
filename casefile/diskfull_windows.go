package casefile

import "syscall"

// Windows' codes for a full disk; Go's syscall does not map them to ENOSPC.
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
)

// diskFullErrno says whether a Windows error code means the disk is full.
func diskFullErrno(e syscall.Errno) bool { return e == errorDiskFull || e == errorHandleDiskFull }
