package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// The Windows build is linked as a GUI program (-H=windowsgui) so that a double click opens
// the window without a console beside it. Windows then gives the process no console, and a
// command typed in cmd or PowerShell would print nothing; so a run with arguments attaches to
// the console of the program that started it and writes there, unless its output is already
// redirected to a file or a pipe. A double click has no parent console: nothing changes.
func init() {
	if len(os.Args) < 2 {
		return
	}
	outKept, errKept := redirected(windows.STD_OUTPUT_HANDLE), redirected(windows.STD_ERROR_HANDLE)
	if outKept && errKept {
		return
	}
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return
	}
	if !outKept {
		os.Stdout = openConsole(windows.STD_OUTPUT_HANDLE, os.Stdout, "/dev/stdout")
	}
	if !errKept {
		os.Stderr = openConsole(windows.STD_ERROR_HANDLE, os.Stderr, "/dev/stderr")
	}
}

// redirected reports whether the parent gave this standard handle a file, a pipe or a device.
func redirected(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// openConsole opens the attached console's output in place of f, or keeps f if it cannot.
func openConsole(std uint32, f *os.File, name string) *os.File {
	conout, err := windows.UTF16PtrFromString("CONOUT$")
	if err != nil {
		return f
	}
	h, err := windows.CreateFile(conout, windows.GENERIC_READ|windows.GENERIC_WRITE,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return f
	}
	_ = windows.SetStdHandle(std, h) // for C code and child processes; Go writes through the new file
	return os.NewFile(uintptr(h), name)
}
