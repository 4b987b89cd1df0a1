package postgres

import (
	"os/exec"
	"runtime"
	"syscall"
)

// dieWithUs has the kernel kill a client tool when this process dies: a restore killed half-way
// must not leave pg_restore running on to commit without it. The signal follows the thread that
// started the child, so the caller keeps that thread until the child has ended (see run).
func dieWithUs(cmd *exec.Cmd) (release func()) {
	runtime.LockOSThread()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return runtime.UnlockOSThread
}
