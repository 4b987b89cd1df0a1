package postgres

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"
)

// tie has the kernel kill a client tool when this process dies: a restore killed half-way must
// not leave pg_restore running on to commit without it. The signal follows the thread that
// started the child, so that thread is kept until the child has ended (release).
type tie struct{}

// dieWithUs ties cmd, before it starts, to this process's life.
func dieWithUs(cmd *exec.Cmd) *tie {
	runtime.LockOSThread()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	return &tie{}
}

// started is nothing here: the kernel knows the tie from the start.
func (*tie) started(*os.Process) {}

// release ends the tie once the child has ended.
func (*tie) release() { runtime.UnlockOSThread() }
